#include "Operands.h"

#include "offline/Outbox.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <QFileInfo>

namespace retell::cli {

using namespace retell::core;

namespace {

DiffSide fromConfig(const AgentConfig &config, const QString &title)
{
    return DiffSide{title, config.prompt.toUtf8(), config.toolsJson.toUtf8()};
}

} // namespace

Result<DiffSide> OperandResolver::resolve(const QString &spec)
{
    if (spec.startsWith(QLatin1String("template:"))) {
        auto actor = login(); // templates are seen per company
        if (!actor)
            return actor.error();
        auto t = TemplateService(m_cli.context).find(actor.value(), spec.mid(9));
        if (!t)
            return t.error();
        return fromConfig(t->config, QStringLiteral("template:%1").arg(t->name));
    }
    if (spec.startsWith(QLatin1String("outbox:"))) {
        // A queued operation's content, from the replica (no server needed).
        auto replica = m_cli.openReplica(true);
        if (!replica)
            return replica.error();
        if (!m_replicaLogin) {
            auto actor = m_cli.loginTo(replica.value());
            if (!actor)
                return actor.error();
            m_replicaLogin = true;
        }
        auto op = Outbox(replica.value()).operation(spec.mid(7));
        if (!op)
            return op.error();
        return fromConfig(op->config, spec);
    }
    const qsizetype at = spec.lastIndexOf(QLatin1Char('@'));
    if (at > 0 && !QFileInfo::exists(spec)) {
        const QString which = spec.mid(at + 1);
        bool isNumber = false;
        const int number = which.toInt(&isNumber);
        if (which != QLatin1String("active") && (!isNumber || number <= 0))
            return Error::usage(
                QStringLiteral("\"%1\": after @ give a version number or \"active\".").arg(spec));
        auto actor = login();
        if (!actor)
            return actor.error();
        auto branch = BranchService(m_cli.context).resolve(actor.value(), spec.left(at));
        if (!branch)
            return branch.error();
        VersionService versions(m_cli.context);
        auto v = isNumber ? versions.version(actor.value(), branch->id, number)
                          : versions.active(actor.value(), branch->id);
        if (!v)
            return v.error();
        return fromConfig(v->config, QStringLiteral("%1@%2").arg(branch->name).arg(v->version));
    }
    // Read through the CLI's bounded reader: /dev/zero is refused, not read forever.
    auto bytes = Cli::readFile(spec);
    if (!bytes)
        return bytes.error();
    auto side =
        diffSideFromBytes(bytes.value(), spec == QLatin1String("-") ? QStringLiteral("stdin")
                                                                    : QFileInfo(spec).fileName());
    if (const auto *error = std::get_if<DiffInputError>(&side))
        return Error::usage(error->message);
    return std::get<DiffSide>(std::move(side));
}

Result<void> OperandResolver::database()
{
    if (m_databaseReady)
        return {};
    if (auto r = m_cli.openDatabase(); !r)
        return r;
    m_databaseReady = true;
    return {};
}

Result<Actor> OperandResolver::login()
{
    if (m_actor)
        return *m_actor;
    if (auto r = database(); !r)
        return r.error();
    auto actor = m_cli.login();
    if (actor)
        m_actor = actor.value();
    return actor;
}

} // namespace retell::cli
