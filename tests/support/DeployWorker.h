#pragma once

// What the deploying helper processes share (tests/data/deploy_worker,
// tests/crash/crash_worker): their connection and actor from the command
// line, and the deploy they repeat. Header-only: they link retell_core, not
// the Qt Test based support library.
#include "access/AuthService.h"
#include "versions/VersionService.h"

#include <QStringList>

#include <cstdio>
#include <optional>

namespace retell::test {

struct WorkerSession
{
    core::ServiceContext context;
    core::Actor actor;
};

// args: PROGRAM URL BRANCH_ID COUNT ... (argCount in all; the DB password
// comes from RETELL_ADMIN_DB_PASSWORD). Logs in as user 1. Prints the usage
// or the error and returns nothing when that fails.
inline std::optional<WorkerSession> startWorker(const QStringList &args, qsizetype argCount,
                                                const char *usage)
{
    if (args.size() != argCount) {
        std::fprintf(stderr, "usage: %s\n", usage);
        return std::nullopt;
    }
    auto spec = core::ConnectionSpec::parse(args[1]);
    if (!spec) {
        std::fprintf(stderr, "%s\n", qPrintable(spec.error().message));
        return std::nullopt;
    }
    spec->password = qEnvironmentVariable("RETELL_ADMIN_DB_PASSWORD");
    const core::ServiceContext context{spec.value()};
    auto actor = core::AuthService(context).reload(
        core::User{1, QStringLiteral("Ann Admin"), QStringLiteral("ann@example.com")});
    if (!actor) {
        std::fprintf(stderr, "%s\n", qPrintable(actor.error().message));
        return std::nullopt;
    }
    return WorkerSession{context, actor.value()};
}

// A valid configuration that differs per note, deployed with that note.
inline core::DeployRequest workerDeployRequest(const QString &note)
{
    return core::DeployRequest{
        core::AgentConfig{
            QStringLiteral("Deploy %1; finish with end_call.").arg(note),
            QStringLiteral(R"([{"type":"end_call","name":"end_call","description":"Hang up."}])")},
        QString(), note};
}

} // namespace retell::test
