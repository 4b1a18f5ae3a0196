#include "FleetWorld.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "seed/Seeder.h"

#include <QSqlError>
#include <QSqlQuery>

namespace retell::test {

using namespace retell::core;

Actor FleetWorld::login(const ServiceContext &context, const QString &email)
{
    auto actor = AuthService(context).login(email, QStringLiteral("pw"));
    if (!actor)
        qFatal("login %s: %s", qPrintable(email), qPrintable(actor.error().message));
    return actor.value();
}

FleetWorld FleetWorld::create(const ServiceContext &context)
{
    FleetWorld world;
    world.ann = TestWorld::create(context.spec);
    if (auto s = Seeder::seedTemplates(context); !s)
        qFatal("seed templates: %s", qPrintable(s.error().message));
    QSqlDatabase db = Database::connection(context.spec).value();
    const QString hash =
        TestWorld::scalar(context.spec, QStringLiteral("SELECT password FROM users WHERE id = 1"));
    const QStringList setup = {
        QStringLiteral("INSERT INTO companies (name) VALUES ('Bravo Clinics')"),
        QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES ('%1', 2, 'Gamma')")
            .arg(kBranchC),
        QStringLiteral("INSERT INTO users (name, email, password) VALUES "
                       "('Olga Owner', '%1', '%5'), ('Carl Clinic', '%2', '%5'), "
                       "('Vera Viewer', '%3', '%5'), ('Nina New', '%4', '%5')")
            .arg(kOlga, kCarl, kVera, kNina, hash),
        QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, role) VALUES "
                       "(2, 'company', '1', 'admin'), (3, 'company', '2', 'admin'), "
                       "(4, 'branch', '%1', 'viewer')")
            .arg(TestWorld::kBranchA),
    };
    for (const QString &s : setup) {
        QSqlQuery q(db);
        if (!q.exec(s))
            qFatal("setup: %s", qPrintable(q.lastError().text()));
    }
    world.olga = login(context, kOlga);
    world.carl = login(context, kCarl);
    world.vera = login(context, kVera);
    return world;
}

} // namespace retell::test
