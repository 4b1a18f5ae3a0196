// Deploys COUNT times to one branch as user 1, from its own process and
// connection; prints one line per deploy. Used by tst_concurrency.
//   deploy_worker URL BRANCH_ID COUNT TAG     (DB password: RETELL_ADMIN_DB_PASSWORD)
#include "access/AuthService.h"
#include "versions/VersionService.h"

#include <QCoreApplication>

#include <cstdio>

using namespace retell::core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: deploy_worker URL BRANCH_ID COUNT TAG\n");
        return 2;
    }
    auto spec = ConnectionSpec::parse(args[1]);
    if (!spec) {
        std::fprintf(stderr, "%s\n", qPrintable(spec.error().message));
        return 2;
    }
    spec->password = qEnvironmentVariable("RETELL_ADMIN_DB_PASSWORD");
    const ServiceContext context{spec.value()};
    auto actor = AuthService(context).reload(User{1, QStringLiteral("Ann Admin"), QStringLiteral("ann@example.com")});
    if (!actor) {
        std::fprintf(stderr, "%s\n", qPrintable(actor.error().message));
        return 2;
    }
    VersionService versions(context);
    // Connected and ready: wait for the go line so all workers start together.
    std::printf("ready\n");
    std::fflush(stdout);
    char go[16];
    if (!std::fgets(go, sizeof go, stdin))
        return 2;
    const int count = args[3].toInt();
    int failures = 0;
    for (int i = 0; i < count; ++i) {
        const QString note = QStringLiteral("%1-%2").arg(args[4]).arg(i);
        DeployRequest request{AgentConfig{QStringLiteral("Deploy %1; finish with end_call.").arg(note),
                                          QStringLiteral(R"([{"type":"end_call","name":"end_call","description":"Hang up."}])")},
                              QString(), note};
        auto out = versions.deploy(actor.value(), args[2], request);
        if (out) {
            std::printf("ok %s v%d\n", qPrintable(note), out->version.version);
        } else {
            ++failures;
            std::printf("failed %s: %s %s\n", qPrintable(note), qPrintable(out.error().message), qPrintable(out.error().detail));
        }
        std::fflush(stdout);
    }
    return failures == 0 ? 0 : 1;
}
