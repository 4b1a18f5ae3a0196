// The access-control matrix: each role x each operation x own branch /
// sibling branch / other company, checked against what is stored.
#include "tst_access.h"

#include "access_support.h"

#include "access/AccessService.h"
#include "access/AuthService.h"
#include "db/Migrator.h"
#include "fleet/AuditService.h"
#include "fleet/FleetService.h"
#include "seed/Seeder.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <QSet>
#include <QTest>

#include <cstring>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kNobody = QStringLiteral("nobody@example.test"); // a user with no grants
const QString kTarget = QStringLiteral("target@example.test"); // receives grants in the matrix
const QString kBranchAdmin =
    QStringLiteral("branch-admin@salon-aurora.example"); // admin of Hamburg Altona only
const QString kOtherPassword = QStringLiteral("an0ther-Secret");

enum class Op
{
    ListBranches,
    History,
    ShowActive,
    Deploy,
    Rollback,
    ApplyTemplate,
    SaveTemplate,
    Grant,
    Revoke,
    Fleet,    // the branch is a row of the actor's fleet
    AuditLog, // the actor's audit log lists entries of the branch
};

// What one attempted operation gave.
struct Outcome
{
    bool ok = false;
    ErrorKind kind = ErrorKind::Database;
    QString message;
    int version = 0; // deploy, rollback, apply-template: the version written
};

template <typename T> Outcome outcomeOf(const Result<T> &r)
{
    if (r)
        return {true, ErrorKind::Database, {}, 0};
    return {false, r.error().kind, r.error().message + QLatin1Char(' ') + r.error().detail, 0};
}

struct Target
{
    const char *key;  // row-name part
    GrantScope scope; // for grant/revoke
    const char *id;   // branch id, or company name for company scope
};

// Branch targets (all operations) and the extra scopes of grant/revoke.
const QList<Target> &targets()
{
    static const QList<Target> list = {
        {"own branch Berlin Mitte", GrantScope::Branch, kBerlinMitte},
        {"sibling branch Hamburg Altona", GrantScope::Branch, kHamburgAltona},
        {"other company branch Kiel Zentrum", GrantScope::Branch, kKielZentrum},
        {"own company Salon Aurora", GrantScope::Company, "Salon Aurora"},
        {"other company Praxis Nordlicht", GrantScope::Company, "Praxis Nordlicht"},
        {"global scope", GrantScope::Global, ""},
    };
    return list;
}

// Expected outcomes, written out per actor (not derived from the code under
// test): which targets each kind of operation may reach. B = Berlin Mitte,
// H = Hamburg Altona, K = Kiel Zentrum, S = Salon Aurora company,
// P = Praxis Nordlicht company, G = global.
struct Expectation
{
    const char *actor;
    const char *email;
    const char *reads;  // list branches, history, show active
    const char *writes; // deploy, rollback, apply template, save template
    const char *grants; // grant, revoke
    const char *audits; // entries of the audit log (admins only, in their scope)
};

const QList<Expectation> &expectations()
{
    static const QList<Expectation> list = {
        {"viewer (company Salon Aurora)", demo::kViewer, "BH", "", "", ""},
        {"editor (branch Berlin Mitte)", demo::kBranchEditor, "B", "B", "", ""},
        {"admin (company Salon Aurora)", demo::kCompanyAdmin, "BH", "BH", "BHS", "BH"},
        {"admin (branch Hamburg Altona)", "branch-admin@salon-aurora.example", "H", "H", "H", "H"},
        {"global admin", demo::kSuperAdmin, "BHK", "BHK", "BHKSPG", "BHK"},
        {"user without grants", "nobody@example.test", "", "", "", ""},
    };
    return list;
}

const char kTargetLetters[] = "BHKSPG";

} // namespace

void TestAccess::initTestCase()
{
    RETELL_REQUIRE_DB(m_db);
    m_ctx.spec = m_db.spec();
    auto migrated = Migrator::migrate(m_ctx.spec);
    QVERIFY2(migrated,
             qPrintable(migrated ? QString() : migrated.error().message + migrated.error().detail));
    auto seeded = Seeder::seedDemo(m_ctx);
    QVERIFY2(seeded,
             qPrintable(seeded ? QString() : seeded.error().message + seeded.error().detail));

    auto hash = AuthService::hashPassword(QByteArray(demo::kPassword), 10);
    QVERIFY(hash);
    QVERIFY(insertUser(m_ctx.spec, kNobody, QStringLiteral("No Body"), hash.value()) > 0);
    QVERIFY(insertUser(m_ctx.spec, kTarget, QStringLiteral("Tara Target"), hash.value()) > 0);
    QVERIFY(insertUser(m_ctx.spec, kBranchAdmin, QStringLiteral("Bea Branch"), hash.value()) > 0);

    AuthService auth(m_ctx);
    auto admin =
        auth.login(QString::fromLatin1(demo::kSuperAdmin), QString::fromLatin1(demo::kPassword));
    QVERIFY2(admin, qPrintable(admin ? QString() : admin.error().message));
    auto granted =
        AccessService(m_ctx).grant(&admin.value(), kBranchAdmin, Role::Admin, GrantScope::Branch,
                                   QString::fromLatin1(kHamburgAltona));
    QVERIFY2(granted, qPrintable(granted ? QString() : granted.error().message));

    for (const Expectation &e : expectations()) {
        auto actor = auth.login(QString::fromLatin1(e.email), QString::fromLatin1(demo::kPassword));
        QVERIFY2(actor, qPrintable(QString::fromLatin1(e.email) +
                                   (actor ? QString() : actor.error().message)));
        m_actors.insert(QString::fromLatin1(e.email), actor.value());
    }
    QVERIFY(setUpTemplates());
    // Every branch the matrix touches has a version 1 to roll back to.
    for (const char *branch : {kBerlinMitte, kHamburgAltona, kKielZentrum})
        QCOMPARE(scalar(m_ctx.spec,
                        QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE branch_id "
                                       "= ? AND version = 1"),
                        {QString::fromLatin1(branch)}),
                 QStringLiteral("1"));
}

void TestAccess::login_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    const QString pw = QString::fromLatin1(demo::kPassword);
    QTest::newRow("global admin, right password")
        << QString::fromLatin1(demo::kSuperAdmin) << pw << true;
    QTest::newRow("company admin, right password")
        << QString::fromLatin1(demo::kCompanyAdmin) << pw << true;
    QTest::newRow("branch editor, right password")
        << QString::fromLatin1(demo::kBranchEditor) << pw << true;
    QTest::newRow("viewer, right password") << QString::fromLatin1(demo::kViewer) << pw << true;
    QTest::newRow("user without grants, right password") << kNobody << pw << true;
    QTest::newRow("e-mail in other case")
        << QStringLiteral("Viewer@Salon-Aurora.EXAMPLE") << pw << true;
    QTest::newRow("viewer, wrong password")
        << QString::fromLatin1(demo::kViewer) << kOtherPassword << false;
    QTest::newRow("viewer, password in other case")
        << QString::fromLatin1(demo::kViewer) << pw.toUpper() << false;
    QTest::newRow("viewer, password with trailing space")
        << QString::fromLatin1(demo::kViewer) << pw + QLatin1Char(' ') << false;
    QTest::newRow("viewer, empty password")
        << QString::fromLatin1(demo::kViewer) << QString() << false;
    QTest::newRow("global admin, prefix of the password")
        << QString::fromLatin1(demo::kSuperAdmin) << pw.left(4) << false;
    QTest::newRow("unknown e-mail") << QStringLiteral("ghost@example.test") << pw << false;
    QTest::newRow("empty e-mail") << QString() << pw << false;
    QTest::newRow("SQL wildcard as e-mail") << QStringLiteral("%") << pw << false;
    QTest::newRow("SQL injection as e-mail") << QStringLiteral("' OR '1'='1") << pw << false;
}

void TestAccess::login()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    auto actor = AuthService(m_ctx).login(email, password);
    if (accepted) {
        QVERIFY2(actor, qPrintable(actor ? QString() : actor.error().message));
        QCOMPARE(actor->user.email.toLower(), email.toLower());
        QCOMPARE(QString::number(actor->user.id),
                 scalar(m_ctx.spec,
                        QStringLiteral("SELECT id FROM users WHERE LOWER(email) = LOWER(?)"),
                        {email}));
        return;
    }
    QVERIFY(!actor);
    QCOMPARE(errorKindName(actor.error().kind), errorKindName(ErrorKind::Authentication));
    QVERIFY(!actor.error().message.isEmpty());
}

void TestAccess::matrix_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<int>("op");
    QTest::addColumn<int>("target");
    QTest::addColumn<bool>("allowed");
    const QList<QPair<Op, const char *>> ops = {
        {Op::ListBranches, "list branches"},
        {Op::History, "history"},
        {Op::ShowActive, "show active"},
        {Op::Deploy, "deploy"},
        {Op::Rollback, "rollback"},
        {Op::ApplyTemplate, "apply template"},
        {Op::SaveTemplate, "save template"},
        {Op::Grant, "grant"},
        {Op::Revoke, "revoke"},
        {Op::Fleet, "fleet"},
        {Op::AuditLog, "audit log"},
    };
    for (const Expectation &e : expectations()) {
        for (const auto &[op, opName] : ops) {
            const bool scopeOp = op == Op::Grant || op == Op::Revoke;
            const bool readOp = op == Op::ListBranches || op == Op::History ||
                                op == Op::ShowActive || op == Op::Fleet;
            const char *allowedLetters = scopeOp              ? e.grants
                                         : op == Op::AuditLog ? e.audits
                                         : readOp             ? e.reads
                                                              : e.writes;
            const int targetCount = scopeOp ? int(targets().size()) : 3;
            for (int t = 0; t < targetCount; ++t) {
                const bool allowed = std::strchr(allowedLetters, kTargetLetters[t]) != nullptr;
                QTest::addRow("%s: %s @ %s -> %s", e.actor, opName, targets()[t].key,
                              allowed ? "allowed" : "refused")
                    << QString::fromLatin1(e.email) << int(op) << t << allowed;
            }
        }
    }
}

namespace {

QString scopeIdOf(const ServiceContext &ctx, const Target &t)
{
    if (t.scope == GrantScope::Company)
        return companyIdByName(ctx.spec, QString::fromLatin1(t.id));
    return QString::fromLatin1(t.id);
}

Outcome run(const ServiceContext &m_ctx, Op op, const Actor &actor, const Target &target,
            const QString &rowName)
{
    const QString branchId = QString::fromLatin1(target.id);
    VersionService versions(m_ctx);
    switch (op) {
    case Op::ListBranches: {
        auto list = BranchService(m_ctx).branches(actor);
        if (!list)
            return outcomeOf(list);
        for (const Branch &b : std::as_const(*list))
            if (b.id == branchId)
                return {true, ErrorKind::Database, {}, 0};
        // Refusal of a listing is absence; resolving the id must not find it either.
        auto resolved = BranchService(m_ctx).resolve(actor, branchId);
        if (resolved)
            return {false, ErrorKind::Database,
                    QStringLiteral("resolve() finds a branch list() hides"), 0};
        return {false, ErrorKind::Permission, QStringLiteral("not listed"), 0};
    }
    case Op::History:
        return outcomeOf(versions.history(actor, branchId));
    case Op::ShowActive:
        return outcomeOf(versions.active(actor, branchId));
    case Op::Deploy:
    case Op::ApplyTemplate: {
        Branch branch;
        branch.id = branchId;
        branch.companyId = scalar(
            m_ctx.spec, QStringLiteral("SELECT company_id FROM branches WHERE id = ?"), {branchId});
        auto tmpl = TemplateService(m_ctx).forBranch(
            actor, QStringLiteral("Basic Appointment Booking"), branch);
        if (!tmpl)
            return outcomeOf(tmpl);
        DeployRequest request;
        request.config = tmpl->config;
        if (op == Op::Deploy)
            request.config.prompt +=
                QStringLiteral("\n\n## Note\nDeployed by matrix row %1.").arg(rowName);
        else
            request.templateName = tmpl->name;
        request.notes = QStringLiteral("matrix: %1").arg(rowName);
        request.allowUnchanged = true; // rows repeat the same content; the matrix is about who may
        auto r = versions.deploy(actor, branchId, request);
        Outcome o = outcomeOf(r);
        if (r)
            o.version = r->version.version;
        return o;
    }
    case Op::Rollback: {
        auto r =
            versions.rollback(actor, branchId, 1, QStringLiteral("matrix: %1").arg(rowName), true);
        Outcome o = outcomeOf(r);
        if (r)
            o.version = r->version.version;
        return o;
    }
    case Op::SaveTemplate: {
        // As the CLI does it: read the branch's active content, save it as a template.
        auto source = versions.active(actor, branchId);
        if (!source)
            return outcomeOf(source);
        const QString company = scalar(
            m_ctx.spec, QStringLiteral("SELECT company_id FROM branches WHERE id = ?"), {branchId});
        return outcomeOf(
            TemplateService(m_ctx).save(actor, company, QStringLiteral("Saved: %1").arg(rowName),
                                        QStringLiteral("from the access matrix"), source->config));
    }
    case Op::Grant:
        return outcomeOf(AccessService(m_ctx).grant(&actor, kTarget, Role::Viewer, target.scope,
                                                    scopeIdOf(m_ctx, target)));
    case Op::Revoke:
        return outcomeOf(
            AccessService(m_ctx).revoke(actor, kTarget, target.scope, scopeIdOf(m_ctx, target)));
    case Op::Fleet: {
        auto rows = FleetService(m_ctx).rows(actor, {});
        if (!rows)
            return outcomeOf(rows);
        for (const FleetRow &r : std::as_const(*rows))
            if (r.branch.id == branchId)
                return {true, ErrorKind::Database, {}, 0};
        return {false, ErrorKind::Permission, QStringLiteral("not in the fleet"), 0};
    }
    case Op::AuditLog: {
        // Every target branch has versions: the whole log lists them or not.
        auto entries = AuditService(m_ctx).entries(actor, {});
        if (!entries)
            return outcomeOf(entries);
        for (const AuditEntry &e : std::as_const(*entries))
            if (e.branchId == branchId)
                return {true, ErrorKind::Database, {}, 0};
        return {false, ErrorKind::Permission, QStringLiteral("no entry of the branch"), 0};
    }
    }
    return {};
}

} // namespace

void TestAccess::matrix()
{
    QFETCH(QString, email);
    QFETCH(int, op);
    QFETCH(int, target);
    QFETCH(bool, allowed);
    const Op operation = Op(op);
    const Target &t = targets()[target];
    const Actor actor = actorFor(email);
    QVERIFY(actor.user.id > 0);
    const Actor globalAdmin = actorFor(QString::fromLatin1(demo::kSuperAdmin));
    AccessService access(m_ctx);
    const QString sid = scopeIdOf(m_ctx, t);
    const QString grantRow =
        QStringLiteral("SELECT %1 FROM retell_admin_grants g JOIN users u ON u.id = g.user_id "
                       "WHERE u.email = ? AND g.scope = ? AND g.scope_id = ?");
    const QVariantList grantKey{kTarget, scopeName(t.scope), sid};

    if (operation == Op::Revoke) { // something to revoke, put there by the global admin
        auto setup = access.grant(&globalAdmin, kTarget, Role::Viewer, t.scope, sid);
        QVERIFY2(setup, qPrintable(setup ? QString() : setup.error().message));
    }
    const QString before = snapshot(m_ctx.spec);
    const QString refusalsSql =
        QStringLiteral("SELECT COUNT(*) FROM retell_admin_audit WHERE kind = 'refused' AND "
                       "user_id = ? AND operation = ?");
    const QString opName = operation == Op::Deploy     ? QStringLiteral("deploy")
                           : operation == Op::Rollback ? QStringLiteral("rollback")
                           : operation == Op::Grant    ? QStringLiteral("grant")
                           : operation == Op::Revoke   ? QStringLiteral("revoke")
                                                       : QString();
    const QVariantList refusalKey{actor.user.id, opName};
    const int refusalsBefore = scalar(m_ctx.spec, refusalsSql, refusalKey).toInt();
    const int promptsBefore = count(m_ctx.spec, QStringLiteral("retell_agent_prompts"));
    const int grantsBefore = count(m_ctx.spec, QStringLiteral("retell_admin_grants"));
    const int templatesBefore = count(m_ctx.spec, QStringLiteral("retell_admin_templates"));

    const Outcome outcome =
        run(m_ctx, operation, actor, t, QString::fromLatin1(QTest::currentDataTag()));
    const QString after = snapshot(m_ctx.spec);

    // Leave the grants as they were for the next row.
    if (operation == Op::Grant || operation == Op::Revoke)
        (void)access.revoke(globalAdmin, kTarget, t.scope, sid);

    if (!allowed) {
        QVERIFY2(!outcome.ok, "a refused operation succeeded");
        QCOMPARE(errorKindName(outcome.kind), errorKindName(ErrorKind::Permission));
        QVERIFY(!outcome.message.trimmed().isEmpty());
        QCOMPARE(after, before); // nothing written, nothing changed
        // A refused deploy, rollback, grant or revoke is in the audit log.
        if (!opName.isEmpty())
            QCOMPARE(scalar(m_ctx.spec, refusalsSql, refusalKey).toInt(), refusalsBefore + 1);
        return;
    }
    QVERIFY2(outcome.ok,
             qPrintable(errorKindName(outcome.kind) + QStringLiteral(": ") + outcome.message));

    const QString actorId = QString::number(actor.user.id);
    switch (operation) {
    case Op::ListBranches:
    case Op::History:
    case Op::ShowActive:
    case Op::Fleet:
    case Op::AuditLog:
        QCOMPARE(after, before); // reading changes nothing
        break;
    case Op::Deploy:
    case Op::Rollback:
    case Op::ApplyTemplate: {
        QCOMPARE(count(m_ctx.spec, QStringLiteral("retell_agent_prompts")), promptsBefore + 1);
        QCOMPARE(count(m_ctx.spec, QStringLiteral("retell_admin_grants")), grantsBefore);
        QCOMPARE(count(m_ctx.spec, QStringLiteral("retell_admin_templates")), templatesBefore);
        const QVariantList key{QString::fromLatin1(t.id), outcome.version};
        const QString where =
            QStringLiteral(" FROM retell_agent_prompts WHERE branch_id = ? AND version = ?");
        QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT deployed_by") + where, key), actorId);
        QVERIFY(scalar(m_ctx.spec, QStringLiteral("SELECT deployed_at") + where, key) !=
                QStringLiteral("<null>"));
        QCOMPARE(scalar(m_ctx.spec,
                        QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE branch_id "
                                       "= ? AND is_active = TRUE"),
                        {QString::fromLatin1(t.id)}),
                 QStringLiteral("1"));
        QCOMPARE(scalar(m_ctx.spec,
                        QStringLiteral("SELECT CASE WHEN is_active THEN 1 ELSE 0 END") + where,
                        key),
                 QStringLiteral("1"));
        QCOMPARE(scalar(m_ctx.spec,
                        QStringLiteral(
                            "SELECT MAX(version) FROM retell_agent_prompts WHERE branch_id = ?"),
                        {QString::fromLatin1(t.id)}),
                 QString::number(outcome.version));
        if (operation == Op::Rollback) {
            const QString content =
                QStringLiteral("SELECT prompt_content FROM retell_agent_prompts WHERE branch_id = "
                               "? AND version = ?");
            QCOMPARE(scalar(m_ctx.spec, content, key),
                     scalar(m_ctx.spec, content, {QString::fromLatin1(t.id), 1}));
            QVERIFY(scalar(m_ctx.spec, QStringLiteral("SELECT deployment_notes") + where, key)
                        .contains(QStringLiteral("version 1")));
        }
        if (operation == Op::ApplyTemplate)
            QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT template_name") + where, key),
                     QStringLiteral("Basic Appointment Booking"));
        break;
    }
    case Op::SaveTemplate: {
        QCOMPARE(count(m_ctx.spec, QStringLiteral("retell_admin_templates")), templatesBefore + 1);
        QCOMPARE(count(m_ctx.spec, QStringLiteral("retell_agent_prompts")), promptsBefore);
        const QVariantList name{
            QStringLiteral("Saved: %1").arg(QString::fromLatin1(QTest::currentDataTag()))};
        QCOMPARE(
            scalar(m_ctx.spec,
                   QStringLiteral("SELECT created_by FROM retell_admin_templates WHERE name = ?"),
                   name),
            actorId);
        QCOMPARE(scalar(m_ctx.spec,
                        QStringLiteral(
                            "SELECT prompt_content FROM retell_admin_templates WHERE name = ?"),
                        name),
                 scalar(m_ctx.spec,
                        QStringLiteral("SELECT prompt_content FROM retell_agent_prompts WHERE "
                                       "branch_id = ? AND is_active = TRUE"),
                        {QString::fromLatin1(t.id)}));
        break;
    }
    case Op::Grant:
        QCOMPARE(count(m_ctx.spec, QStringLiteral("retell_admin_grants")),
                 grantsBefore); // revoked again above
        QVERIFY(after.startsWith(
            QStringLiteral("prompts=%1 grants=%2 ").arg(promptsBefore).arg(grantsBefore + 1)));
        // The grant row as written: target user, scope, role, granted_by = the actor.
        QVERIFY2(
            after.contains(
                QStringLiteral("\n%1|%2|%3|viewer|%4\n")
                    .arg(scalar(m_ctx.spec, QStringLiteral("SELECT id FROM users WHERE email = ?"),
                                {kTarget}),
                         scopeName(t.scope), sid, actorId)),
            qPrintable(after));
        break;
    case Op::Revoke:
        QVERIFY(after.startsWith(
            QStringLiteral("prompts=%1 grants=%2 ").arg(promptsBefore).arg(grantsBefore - 1)));
        QCOMPARE(scalar(m_ctx.spec, grantRow.arg(QStringLiteral("COUNT(*)")), grantKey),
                 QStringLiteral("0"));
        break;
    }
}

void TestAccess::grantListing_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QStringList>("visible"); // e-mails whose grants the actor sees; empty = none
    QTest::addColumn<bool>("everything");
    const QString owner = QString::fromLatin1(demo::kCompanyAdmin);
    const QString editor = QString::fromLatin1(demo::kBranchEditor);
    const QString viewer = QString::fromLatin1(demo::kViewer);
    QTest::newRow("global admin sees every grant")
        << QString::fromLatin1(demo::kSuperAdmin) << QStringList() << true;
    QTest::newRow("company admin sees the grants inside the company")
        << owner << QStringList{kBranchAdmin, editor, owner, viewer} << false;
    QTest::newRow("branch admin sees the grants of the branch")
        << kBranchAdmin << QStringList{kBranchAdmin} << false;
    QTest::newRow("branch editor sees own grant only") << editor << QStringList{editor} << false;
    QTest::newRow("viewer sees own grant only") << viewer << QStringList{viewer} << false;
    QTest::newRow("user without grants sees nothing") << kNobody << QStringList() << false;
}

void TestAccess::grantListing()
{
    QFETCH(QString, email);
    QFETCH(QStringList, visible);
    QFETCH(bool, everything);
    auto list = AccessService(m_ctx).grants(actorFor(email));
    QVERIFY2(list, qPrintable(list ? QString() : list.error().message));
    QSet<QString> seen;
    for (const Grant &g : std::as_const(*list))
        seen.insert(g.userEmail);
    if (everything) {
        QCOMPARE(list->size(), count(m_ctx.spec, QStringLiteral("retell_admin_grants")));
        return;
    }
    QStringList sorted(seen.begin(), seen.end());
    sorted.sort();
    visible.sort();
    QCOMPARE(sorted, visible);
}

void TestAccess::revokedAccessEndsAtNextLogin()
{
    const Actor admin = actorFor(QString::fromLatin1(demo::kSuperAdmin));
    AccessService access(m_ctx);
    const QString branch = QString::fromLatin1(kKielZentrum);
    QVERIFY(access.grant(&admin, kNobody, Role::Editor, GrantScope::Branch, branch));
    auto editor = AuthService(m_ctx).login(kNobody, QString::fromLatin1(demo::kPassword));
    QVERIFY(editor);
    QVERIFY(VersionService(m_ctx).history(editor.value(), branch));
    QVERIFY(access.revoke(admin, kNobody, GrantScope::Branch, branch));
    auto again = AuthService(m_ctx).login(kNobody, QString::fromLatin1(demo::kPassword));
    QVERIFY(again);
    QVERIFY(again->grants.isEmpty());
    auto refused = VersionService(m_ctx).history(again.value(), branch);
    QVERIFY(!refused);
    QCOMPARE(errorKindName(refused.error().kind), errorKindName(ErrorKind::Permission));
}

QTEST_GUILESS_MAIN(TestAccess)
