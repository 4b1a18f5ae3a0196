#include "RolloutWorld.h"

#include "TestWorld.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "versions/VersionService.h"

#include <QUuid>

namespace retell::test {

using namespace retell::core;

namespace {

const QString kGreeting = QStringLiteral("Greet the caller warmly.\n");
const QString kOffer = QStringLiteral("Offer the next free appointment.\n");
const QString kTwoOffers =
    QStringLiteral("Offer the next two free appointments and ask which one suits.\n");
const QString kOwnOffer = QStringLiteral("Never book on the phone; send the booking link.\n");

QString prompt(const QString &greeting, const QString &offer)
{
    return QStringLiteral("You are the receptionist of {{branch_name}}.\n") + greeting +
           QStringLiteral("\nOpening hours: {{opening_hours}}.\n\n") + offer +
           QStringLiteral("\nEnd the call with end_call when the caller is done.\n");
}

void exec(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind = {})
{
    auto conn = Database::connection(spec);
    if (!conn)
        qFatal("connection: %s", qPrintable(conn.error().message));
    auto q = Database::exec(conn.value(), sql, bind);
    if (!q)
        qFatal("setup: %s", qPrintable(q.error().message));
}

QString addBranch(const ConnectionSpec &spec, const QString &companyId, const QString &name)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    exec(spec, QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES (?, ?, ?)"),
         {id, companyId.toLongLong(), name});
    return id;
}

Actor addAdmin(const ConnectionSpec &spec, const QString &email, const QString &name,
               const QString &companyId)
{
    const QByteArray hash = AuthService::hashPassword("pw", 4).value();
    exec(spec, QStringLiteral("INSERT INTO users (name, email, password) VALUES (?, ?, ?)"),
         {name, email, QString::fromLatin1(hash)});
    const QString userId =
        TestWorld::scalar(spec, QStringLiteral("SELECT id FROM users WHERE email = ?"), {email});
    exec(spec,
         QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, role) VALUES "
                        "(?, 'company', ?, 'admin')"),
         {userId.toLongLong(), companyId});
    auto actor = AuthService(ServiceContext{spec}).login(email, QStringLiteral("pw"));
    if (!actor)
        qFatal("login: %s", qPrintable(actor.error().message));
    return actor.value();
}

void deploy(const ConnectionSpec &spec, const Actor &actor, const QString &branch,
            const AgentConfig &config, const QString &notes)
{
    DeployRequest request{config, QString(), notes};
    auto out = VersionService(ServiceContext{spec}).deploy(actor, branch, request);
    if (!out)
        qFatal("deploy: %s", qPrintable(out.error().message));
}

} // namespace

AgentConfig RolloutWorld::base()
{
    return {prompt(kGreeting, kOffer), TestWorld::kTools};
}

AgentConfig RolloutWorld::edited()
{
    return {prompt(kGreeting, kTwoOffers), TestWorld::kTools};
}

AgentConfig RolloutWorld::customised(const QString &city)
{
    return {prompt(QStringLiteral("Greet the caller warmly and mention %1.\n").arg(city), kOffer),
            TestWorld::kTools};
}

AgentConfig RolloutWorld::customisedEdited(const QString &city)
{
    return {
        prompt(QStringLiteral("Greet the caller warmly and mention %1.\n").arg(city), kTwoOffers),
        TestWorld::kTools};
}

RolloutWorld RolloutWorld::create(const ConnectionSpec &spec)
{
    RolloutWorld w;
    w.ann = TestWorld::create(spec); // company 1 "Acme Salons" (Alpha, Beta), ann global admin
    w.acmeId = TestWorld::scalar(
        spec, QStringLiteral("SELECT id FROM companies WHERE name = 'Acme Salons'"));
    exec(spec, QStringLiteral("INSERT INTO companies (name) VALUES ('Other Co')"));
    w.otherId =
        TestWorld::scalar(spec, QStringLiteral("SELECT id FROM companies WHERE name = 'Other Co'"));
    w.carl =
        addAdmin(spec, QStringLiteral("carl@example.com"), QStringLiteral("Carl Acme"), w.acmeId);
    w.bea =
        addAdmin(spec, QStringLiteral("bea@example.com"), QStringLiteral("Bea Other"), w.otherId);

    w.berlin = addBranch(spec, w.acmeId, QStringLiteral("Berlin"));
    deploy(spec, w.ann, w.berlin, {prompt(QStringLiteral("Hello.\n"), kOffer), TestWorld::kTools},
           QStringLiteral("first"));
    deploy(spec, w.ann, w.berlin,
           {prompt(QStringLiteral("Hello there.\n"), kOffer), TestWorld::kTools},
           QStringLiteral("second"));
    deploy(spec, w.ann, w.berlin, base(), QStringLiteral("third"));
    deploy(spec, w.ann, w.berlin, edited(), QStringLiteral("two appointments"));

    for (int i = 1; i <= 20; ++i) {
        const QString city = QStringLiteral("City %1").arg(i, 2, 10, QLatin1Char('0'));
        const QString id = addBranch(spec, w.acmeId, city);
        if (i <= 15) {
            // Some branches have a longer history; all customised their greeting.
            if (i % 3 == 0)
                deploy(spec, w.ann, id, base(), QStringLiteral("from the chain"));
            deploy(spec, w.ann, id, customised(city), QStringLiteral("own greeting"));
            w.clean << id;
        } else if (i <= 18) {
            deploy(spec, w.ann, id, customisedEdited(city), QStringLiteral("copied by hand"));
            w.alreadyHas << id;
        } else {
            deploy(spec, w.ann, id, {prompt(kGreeting, kOwnOffer), TestWorld::kTools},
                   QStringLiteral("own booking rule"));
            w.conflicting << id;
        }
    }
    for (int i = 1; i <= 2; ++i) {
        const QString id = addBranch(spec, w.otherId, QStringLiteral("Other %1").arg(i));
        deploy(spec, w.ann, id, base(), QStringLiteral("other company"));
        w.others << id;
    }
    return w;
}

} // namespace retell::test
