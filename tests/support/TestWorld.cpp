#include "TestWorld.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"

#include <QSqlError>
#include <QSqlQuery>

namespace retell::test {

using namespace retell::core;

core::Actor TestWorld::create(const ConnectionSpec &spec)
{
    if (auto m = Migrator::migrate(spec); !m)
        qFatal("migrate: %s", qPrintable(m.error().message));
    auto c = Database::connection(spec);
    QSqlDatabase db = c.value();
    const QByteArray hash = AuthService::hashPassword("pw", 4).value();
    const QStringList setup = {
        QStringLiteral("INSERT INTO companies (name) VALUES ('Acme Salons')"),
        QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES ('%1', 1, 'Alpha'), "
                       "('%2', 1, 'Beta')")
            .arg(kBranchA, kBranchB),
        QStringLiteral("INSERT INTO users (name, email, password) VALUES ('Ann Admin', "
                       "'ann@example.com', '%1')")
            .arg(QString::fromLatin1(hash)),
        QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, role) VALUES "
                       "(1, 'global', '', 'admin')"),
    };
    for (const QString &s : setup) {
        QSqlQuery q(db);
        if (!q.exec(s))
            qFatal("setup: %s", qPrintable(q.lastError().text()));
    }
    auto actor = AuthService(ServiceContext{spec})
                     .login(QStringLiteral("ann@example.com"), QStringLiteral("pw"));
    if (!actor)
        qFatal("login: %s", qPrintable(actor.error().message));
    return actor.value();
}

QString TestWorld::scalar(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind)
{
    auto c = Database::connection(spec);
    if (!c)
        return QStringLiteral("<no connection>");
    auto q = Database::exec(c.value(), sql, bind);
    if (!q || !q->next())
        return QStringLiteral("<none>");
    return q->value(0).toString();
}

int TestWorld::promptRows(const ConnectionSpec &spec, const QString &where)
{
    return scalar(spec, QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE ") + where)
        .toInt();
}

} // namespace retell::test
