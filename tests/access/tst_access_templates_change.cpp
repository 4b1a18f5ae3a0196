// Templates in the access matrix, continued: renaming, editing and deleting
// per role, names per company, and the owners of templates saved before
// templates had owners.
#include "tst_access.h"

#include "access_support.h"
#include "access_template_matrix.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"
#include "templates/TemplateService.h"
#include "versions/VersionService.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace retell::core;
using namespace retell::test;
using namespace retell::test::template_matrix;

void TestAccess::templateChange_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("letter");
    QTest::addColumn<int>("change");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<bool>("allowed");
    const QList<QPair<Change, const char *>> changes = {
        {Change::Rename, "rename"}, {Change::Edit, "edit"}, {Change::Delete, "delete"}};
    for (const TemplateExpectation &e : templateExpectations()) {
        for (const Fixture &f : fixtures()) {
            for (const auto &[change, verb] : changes) {
                const bool allowed = has(e.changes, f.letter);
                QTest::addRow("%s: %s %s -> %s", e.actor, verb, f.name,
                              allowed ? "allowed" : "refused")
                    << QString::fromLatin1(e.email) << QString(QLatin1Char(f.letter)) << int(change)
                    << has(e.sees, f.letter) << allowed;
            }
        }
    }
}

void TestAccess::templateChange()
{
    QFETCH(QString, email);
    QFETCH(QString, letter);
    QFETCH(int, change);
    QFETCH(bool, visible);
    QFETCH(bool, allowed);
    QVERIFY(resetTemplateFixtures());
    const Fixture &f = fixture(letter.at(0).toLatin1());
    // The template as a global admin sees it: the service must refuse it on
    // its own, whatever the caller found.
    auto which = TemplateService(m_ctx).find(actorFor(QString::fromLatin1(demo::kSuperAdmin)),
                                             QString::fromUtf8(f.name));
    QVERIFY2(which, qPrintable(which ? QString() : which.error().message));
    const Actor actor = actorFor(email);
    TemplateService service(m_ctx);
    const QString before = snapshot(m_ctx.spec);
    const QString renamed = QString::fromUtf8(f.name) + QStringLiteral(" (renamed)");
    const QString description = QStringLiteral("Edited by %1").arg(email);
    AgentConfig edited = which->config;
    edited.prompt += QStringLiteral("\n\nEdited in the matrix.");
    Result<void> outcome;
    switch (Change(change)) {
    case Change::Rename: {
        TemplateChange c;
        c.name = renamed;
        auto r = service.update(actor, which.value(), c);
        outcome = r ? Result<void>() : Result<void>(r.error());
        break;
    }
    case Change::Edit: {
        TemplateChange c;
        c.description = description;
        c.config = edited;
        auto r = service.update(actor, which.value(), c);
        outcome = r ? Result<void>() : Result<void>(r.error());
        break;
    }
    case Change::Delete: {
        auto r = service.remove(actor, which.value());
        outcome = r ? Result<void>() : Result<void>(r.error());
        break;
    }
    }
    if (!allowed) {
        QVERIFY2(!outcome, "a refused change succeeded");
        QCOMPARE(errorKindName(outcome.error().kind),
                 errorKindName(visible ? ErrorKind::Permission : ErrorKind::NotFound));
        QVERIFY(!outcome.error().message.isEmpty());
        QCOMPARE(snapshot(m_ctx.spec), before);
        return;
    }
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    const QVariantList id{f.id};
    const QString row = QStringLiteral(" FROM retell_admin_templates WHERE id = ?");
    switch (Change(change)) {
    case Change::Rename:
        QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT name") + row, id), renamed);
        QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT prompt_content") + row, id),
                 which->config.prompt);
        break;
    case Change::Edit:
        QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT name") + row, id),
                 QString::fromUtf8(f.name));
        QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT description") + row, id), description);
        QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT prompt_content") + row, id),
                 edited.prompt);
        break;
    case Change::Delete:
        QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT COUNT(*)") + row, id),
                 QStringLiteral("0"));
        break;
    }
    // Owner and author never change.
    if (Change(change) != Change::Delete)
        QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT company_id") + row, id),
                 which->companyId);
}

void TestAccess::templateNamesPerCompany()
{
    QVERIFY(resetTemplateFixtures());
    TemplateService service(m_ctx);
    const AgentConfig config = TemplateService::builtIns().value(2).config;
    const QString aurora = companyIdByName(m_ctx.spec, QStringLiteral("Salon Aurora"));
    const QString nordlicht = companyIdByName(m_ctx.spec, QStringLiteral("Praxis Nordlicht"));
    const Actor owner = actorFor(QString::fromLatin1(demo::kCompanyAdmin));
    const Actor nora = actorFor(kNordlichtAdmin);
    const Actor admin = actorFor(QString::fromLatin1(demo::kSuperAdmin));

    // Another company's name is free: nothing tells that it exists.
    auto copy = service.save(nora, nordlicht, QStringLiteral("Aurora House Style"),
                             QStringLiteral("ours"), config);
    QVERIFY2(copy, qPrintable(copy ? QString() : copy.error().message));
    // Names everyone in the company sees are taken, in any case.
    for (const char *taken :
         {"Shared Everywhere", "dynamic service selection", "Web Shared", "AURORA HOUSE STYLE"}) {
        auto r = service.save(owner, aurora, QString::fromUtf8(taken), QString(), config);
        QVERIFY2(!r && r.error().kind == ErrorKind::Conflict, taken);
    }
    TemplateChange rename;
    rename.name = QStringLiteral("Aurora House Style");
    auto editorDraft = service.find(owner, QStringLiteral("Aurora Editor Draft"));
    QVERIFY(editorDraft);
    auto clash = service.update(owner, editorDraft.value(), rename);
    QVERIFY(!clash);
    QCOMPARE(errorKindName(clash.error().kind), errorKindName(ErrorKind::Conflict));
    // A template for every company must be unique everywhere.
    auto shared =
        service.save(admin, QString(), QStringLiteral("Nordlicht Praxis"), QString(), config);
    QVERIFY(!shared);
    QCOMPARE(errorKindName(shared.error().kind), errorKindName(ErrorKind::Conflict));

    // Each company finds its own; a global admin names the company.
    QCOMPARE(service.find(owner, QStringLiteral("aurora house style"))->companyId, aurora);
    QCOMPARE(service.find(nora, QStringLiteral("Aurora House Style"))->companyId, nordlicht);
    auto ambiguous = service.find(admin, QStringLiteral("Aurora House Style"));
    QVERIFY(!ambiguous);
    QCOMPARE(errorKindName(ambiguous.error().kind), errorKindName(ErrorKind::Usage));
    QCOMPARE(service.find(admin, QStringLiteral("Praxis Nordlicht/Aurora House Style"))->companyId,
             nordlicht);
    Branch kiel;
    kiel.id = QString::fromLatin1(kKielZentrum);
    kiel.companyId = nordlicht;
    QCOMPARE(service.forBranch(admin, QStringLiteral("Aurora House Style"), kiel)->companyId,
             nordlicht);
    QVERIFY(service.remove(nora, copy.value()));
}

void TestAccess::deletingATemplateKeepsItsVersions()
{
    QVERIFY(resetTemplateFixtures());
    const Actor owner = actorFor(QString::fromLatin1(demo::kCompanyAdmin));
    TemplateService service(m_ctx);
    Branch berlin;
    berlin.id = QString::fromLatin1(kBerlinMitte);
    berlin.companyId = companyIdByName(m_ctx.spec, QStringLiteral("Salon Aurora"));
    auto tmpl = service.forBranch(owner, QStringLiteral("Aurora House Style"), berlin);
    QVERIFY(tmpl);
    auto applied = VersionService(m_ctx).deploy(
        owner, berlin.id,
        DeployRequest{tmpl->config, tmpl->name, QStringLiteral("from the house style")});
    QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
    const QString versions = QStringLiteral(
        "SELECT COUNT(*) FROM retell_agent_prompts WHERE template_name = 'Aurora House Style'");
    const QString countBefore = scalar(m_ctx.spec, versions);
    QVERIFY(countBefore.toInt() >= 1);

    QVERIFY(service.remove(owner, tmpl.value()));
    QCOMPARE(scalar(m_ctx.spec, versions), countBefore);
    auto kept = VersionService(m_ctx).version(owner, berlin.id, applied->version.version);
    QVERIFY(kept);
    QCOMPARE(kept->templateName, QStringLiteral("Aurora House Style"));
    QCOMPARE(kept->config, tmpl->config);
    QVERIFY(kept->isActive);
    QCOMPARE(service.find(owner, QStringLiteral("Aurora House Style")).error().kind,
             ErrorKind::NotFound);
}

void TestAccess::legacyTemplatesGetAnOwner()
{
    // A database at schema 0003, with custom templates saved before they had
    // owners (and the templates' language column, which today's seeder writes,
    // and the Retell link table, which today's deploy reads).
    TestDatabase db;
    RETELL_REQUIRE_DB(db);
    const ServiceContext ctx{db.spec()};
    QTemporaryDir old;
    const QString source = Migrator::migrationsDirectory(db.dialect());
    for (const QString &file :
         QDir(source).entryList({QStringLiteral("000[12389]_*.sql")}, QDir::Files))
        QVERIFY(QFile::copy(source + QLatin1Char('/') + file, old.filePath(file)));
    QVERIFY(Migrator::migrate(ctx.spec, old.path()));
    QVERIFY(Seeder::seedDemo(ctx));
    auto hash = AuthService::hashPassword(QByteArray(demo::kPassword), 4);
    QVERIFY(hash);
    const qint64 both = insertUser(ctx.spec, QStringLiteral("two-companies@example.test"),
                                   QStringLiteral("Two"), hash.value());
    QVERIFY(both > 0);
    const QString aurora = companyIdByName(ctx.spec, QStringLiteral("Salon Aurora"));
    const QString nordlicht = companyIdByName(ctx.spec, QStringLiteral("Praxis Nordlicht"));
    QCOMPARE(execute(ctx.spec,
                     QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, "
                                    "role) VALUES (?, 'company', ?, 'editor'), "
                                    "(?, 'branch', ?, 'editor')"),
                     {both, aurora, both, QString::fromLatin1(kKielZentrum)}),
             QString());
    auto idOf = [&](const char *email) {
        return scalar(ctx.spec, QStringLiteral("SELECT id FROM users WHERE email = ?"),
                      {QString::fromLatin1(email)});
    };
    const QList<QPair<QString, QVariant>> legacy = {
        {QStringLiteral("By the company admin"), idOf(demo::kCompanyAdmin)},
        {QStringLiteral("By the branch editor"), idOf(demo::kBranchEditor)},
        {QStringLiteral("By the global admin"), idOf(demo::kSuperAdmin)},
        {QStringLiteral("By a deleted user"), QVariant()},
        {QStringLiteral("By someone in two companies"), both},
    };
    const Template basic = TemplateService::builtIns().value(1);
    for (const auto &[name, author] : legacy)
        QCOMPARE(execute(ctx.spec,
                         QStringLiteral("INSERT INTO retell_admin_templates (name, description, "
                                        "prompt_content, functions_config, "
                                        "is_builtin, created_by) VALUES (?, '', ?, ?, FALSE, ?)"),
                         {name, basic.config.prompt, basic.config.toolsJson, author}),
                 QString());

    auto migrated = Migrator::migrate(ctx.spec);
    QVERIFY2(migrated,
             qPrintable(migrated ? QString() : migrated.error().message + migrated.error().detail));
    QVERIFY(Migrator::check(ctx.spec));
    const QString owner =
        QStringLiteral("SELECT company_id FROM retell_admin_templates WHERE name = ?");
    QCOMPARE(scalar(ctx.spec, owner, {QStringLiteral("By the company admin")}), aurora);
    QCOMPARE(scalar(ctx.spec, owner, {QStringLiteral("By the branch editor")}), aurora);
    QCOMPARE(scalar(ctx.spec, owner, {QStringLiteral("By the global admin")}), QString());
    QCOMPARE(scalar(ctx.spec, owner, {QStringLiteral("By a deleted user")}),
             QString::fromLatin1(TemplateService::kUnassigned));
    QCOMPARE(scalar(ctx.spec, owner, {QStringLiteral("By someone in two companies")}),
             QString::fromLatin1(TemplateService::kUnassigned));
    QCOMPARE(scalar(ctx.spec, owner, {QStringLiteral("Information Only")}),
             QString()); // built-ins stay everyone's

    // Unattributed ones are seen by global users only.
    auto nora = AuthService(ctx).login(kNordlichtAdmin, QString::fromLatin1(demo::kPassword));
    auto ada = AuthService(ctx).login(QString::fromLatin1(demo::kSuperAdmin),
                                      QString::fromLatin1(demo::kPassword));
    QVERIFY(nora && ada);
    QCOMPARE(
        TemplateService(ctx).find(nora.value(), QStringLiteral("By a deleted user")).error().kind,
        ErrorKind::NotFound);
    QCOMPARE(TemplateService(ctx)
                 .find(nora.value(), QStringLiteral("By the company admin"))
                 .error()
                 .kind,
             ErrorKind::NotFound);
    QVERIFY(TemplateService(ctx).find(nora.value(), QStringLiteral("By the global admin")));
    auto unassigned = TemplateService(ctx).find(ada.value(), QStringLiteral("By a deleted user"));
    QVERIFY(unassigned);

    // A global admin gives it to a company; nobody else may move templates.
    TemplateChange toAurora;
    toAurora.companyId = aurora;
    auto moved = TemplateService(ctx).update(
        nora.value(),
        TemplateService(ctx).find(nora.value(), QStringLiteral("By the global admin")).value(),
        toAurora);
    QVERIFY(!moved);
    QCOMPARE(errorKindName(moved.error().kind), errorKindName(ErrorKind::Permission));
    moved = TemplateService(ctx).update(ada.value(), unassigned.value(), toAurora);
    QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().message));
    QCOMPARE(moved->companyName, QStringLiteral("Salon Aurora"));
    QCOMPARE(scalar(ctx.spec, owner, {QStringLiteral("By a deleted user")}), aurora);
    auto olivia = AuthService(ctx).login(QString::fromLatin1(demo::kCompanyAdmin),
                                         QString::fromLatin1(demo::kPassword));
    QVERIFY(olivia);
    QVERIFY(TemplateService(ctx).find(olivia.value(), QStringLiteral("By a deleted user")));
}
