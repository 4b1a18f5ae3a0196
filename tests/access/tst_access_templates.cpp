// Templates in the access matrix (issue 9 §4, issue 8 §14): which templates
// each demo role sees, may apply (to a branch of its own company, a sibling
// branch, another company's branch), save (for its company, another company,
// every company), rename, edit and delete — checked against what is stored.
#include "tst_access.h"

#include "access_support.h"

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

namespace {

const QString kNordlichtAdmin =
    QStringLiteral("owner@praxis-nordlicht.example"); // demo: admin of Praxis Nordlicht
const char *kLuebeck =
    "886313e1-3b8a-4372-9b90-0c9aee199e5d"; // Praxis Nordlicht, holds the web template row

// The templates of the matrix, by letter. Custom ones are written with fixed
// ids before every row that could change them.
struct Fixture
{
    char letter;
    const char *name;
    qint64 id;           // custom templates only
    const char *company; // custom: owning company's name, "" = every company
    const char *author;  // custom: e-mail of who saved it
};

const QList<Fixture> &fixtures()
{
    static const QList<Fixture> list = {
        {'D', "Dynamic Service Selection", 0, nullptr, nullptr}, // built-in
        {'W', "Web Shared", 0, nullptr, nullptr}, // the web application's template row
        {'S', "Shared Everywhere", 9004, "", demo::kSuperAdmin},
        {'A', "Aurora House Style", 9001, "Salon Aurora", demo::kCompanyAdmin},
        {'E', "Aurora Editor Draft", 9002, "Salon Aurora", demo::kBranchEditor},
        {'N', "Nordlicht Praxis", 9003, "Praxis Nordlicht", "owner@praxis-nordlicht.example"},
    };
    return list;
}

// Expected outcomes per actor, written out (not derived from the code under
// test). Apply targets: B = Berlin Mitte, H = Hamburg Altona (both Salon
// Aurora), K = Kiel Zentrum (Praxis Nordlicht). Save owners: a = Salon
// Aurora, n = Praxis Nordlicht, g = every company.
struct TemplateExpectation
{
    const char *actor;
    const char *email;
    const char *sees;
    const char *appliesB;
    const char *appliesH;
    const char *appliesK;
    const char *saves;
    const char *changes; // rename, edit, delete
};

const QList<TemplateExpectation> &templateExpectations()
{
    static const QList<TemplateExpectation> list = {
        {"viewer (company Salon Aurora)", demo::kViewer, "DSAE", "", "", "", "", ""},
        {"editor (branch Berlin Mitte)", demo::kBranchEditor, "DWSAE", "DWSAE", "", "", "a", "E"},
        {"admin (company Salon Aurora)", demo::kCompanyAdmin, "DWSAE", "DWSAE", "DWSAE", "", "a",
         "AE"},
        {"admin (branch Hamburg Altona)", "branch-admin@salon-aurora.example", "DWSAE", "", "DWSAE",
         "", "a", ""},
        {"admin (company Praxis Nordlicht)", "owner@praxis-nordlicht.example", "DWSN", "", "",
         "DWSN", "n", "N"},
        {"global admin", demo::kSuperAdmin, "DWSAEN", "DWSAE", "DWSAE", "DWSN", "ang", "SAEN"},
        {"user without grants", "nobody@example.test", "DS", "", "", "", "", ""},
    };
    return list;
}

bool has(const char *letters, char letter)
{
    return std::strchr(letters, letter) != nullptr;
}

const Fixture &fixture(char letter)
{
    for (const Fixture &f : fixtures())
        if (f.letter == letter)
            return f;
    qFatal("no fixture %c", letter);
}

enum class Change
{
    Rename,
    Edit,
    Delete
};

} // namespace

bool TestAccess::resetTemplateFixtures()
{
    const Template basic = TemplateService::builtIns().value(1);
    for (const Fixture &f : fixtures()) {
        if (!f.id)
            continue;
        const QString company =
            *f.company ? companyIdByName(m_ctx.spec, QString::fromUtf8(f.company)) : QString();
        const QString author =
            scalar(m_ctx.spec, QStringLiteral("SELECT id FROM users WHERE email = ?"),
                   {QString::fromLatin1(f.author)});
        QString error = execute(
            m_ctx.spec, QStringLiteral("DELETE FROM retell_admin_templates WHERE id = ?"), {f.id});
        if (error.isEmpty())
            error =
                execute(m_ctx.spec,
                        QStringLiteral("INSERT INTO retell_admin_templates (id, name, description, "
                                       "prompt_content, functions_config, is_builtin, "
                                       "company_id, created_by, created_at, updated_at) VALUES (?, "
                                       "?, ?, ?, ?, 0, ?, ?, NULL, NULL)"),
                        {f.id, QString::fromUtf8(f.name),
                         QStringLiteral("Fixture %1").arg(QLatin1Char(f.letter)),
                         basic.config.prompt + QStringLiteral("\n\n## House rule %1\nGreet warmly.")
                                                   .arg(QLatin1Char(f.letter)),
                         basic.config.toolsJson, company, author});
        if (!error.isEmpty()) {
            qWarning("template fixture %s: %s", f.name, qPrintable(error));
            return false;
        }
    }
    return true;
}

bool TestAccess::setUpTemplates()
{
    auto nora = AuthService(m_ctx).login(kNordlichtAdmin, QString::fromLatin1(demo::kPassword));
    if (!nora)
        return false;
    m_actors.insert(kNordlichtAdmin, nora.value());
    const Template basic = TemplateService::builtIns().value(1);
    // The web application keeps its templates as rows of its own table.
    const QString error = execute(
        m_ctx.spec,
        QStringLiteral(
            "INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
            "functions_config, is_active, is_template, "
            "template_name, validation_status) VALUES (?, 900, ?, ?, 0, 1, 'Web Shared', 'valid')"),
        {QString::fromLatin1(kLuebeck),
         basic.config.prompt + QStringLiteral("\n\nFrom the web admin."), basic.config.toolsJson});
    if (!error.isEmpty()) {
        qWarning("web template row: %s", qPrintable(error));
        return false;
    }
    return resetTemplateFixtures();
}

void TestAccess::templateListing_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("sees");
    QTest::addColumn<QString>("changes");
    for (const TemplateExpectation &e : templateExpectations())
        QTest::newRow(e.actor) << QString::fromLatin1(e.email) << QString::fromLatin1(e.sees)
                               << QString::fromLatin1(e.changes);
}

void TestAccess::templateListing()
{
    QFETCH(QString, email);
    QFETCH(QString, sees);
    QFETCH(QString, changes);
    QVERIFY(resetTemplateFixtures());
    const QString before = snapshot(m_ctx.spec);
    auto list = TemplateService(m_ctx).templates(actorFor(email));
    QVERIFY2(list, qPrintable(list ? QString() : list.error().message));
    QString seen;
    QString changeable;
    for (const Fixture &f : fixtures()) {
        for (const Template &t : std::as_const(*list)) {
            if (t.name != QString::fromUtf8(f.name))
                continue;
            seen += QLatin1Char(f.letter);
            if (t.changeable)
                changeable += QLatin1Char(f.letter);
        }
    }
    QCOMPARE(seen, sees);
    QCOMPARE(changeable, changes);
    // Nothing of another company, under any name.
    QSet<QString> companies;
    if (sees.contains(QLatin1Char('A')))
        companies.insert(companyIdByName(m_ctx.spec, QStringLiteral("Salon Aurora")));
    if (sees.contains(QLatin1Char('N')))
        companies.insert(companyIdByName(m_ctx.spec, QStringLiteral("Praxis Nordlicht")));
    for (const Template &t : std::as_const(*list)) {
        if (t.source == TemplateSource::Custom && !t.companyId.isEmpty())
            QVERIFY2(companies.contains(t.companyId), qPrintable(t.name));
    }
    QCOMPARE(snapshot(m_ctx.spec), before); // reading writes nothing
}

void TestAccess::templateApply_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<bool>("allowed");
    const QList<QPair<const char *, const char *>> branches = {
        {"own-company branch Berlin Mitte", kBerlinMitte},
        {"own-company branch Hamburg Altona", kHamburgAltona},
        {"other-company branch Kiel Zentrum", kKielZentrum}};
    for (const TemplateExpectation &e : templateExpectations()) {
        const char *applies[] = {e.appliesB, e.appliesH, e.appliesK};
        for (const Fixture &f : fixtures()) {
            for (int b = 0; b < 3; ++b) {
                const bool allowed = has(applies[b], f.letter);
                QTest::addRow("%s: apply %s @ %s -> %s", e.actor, f.name, branches[b].first,
                              allowed ? "allowed" : "refused")
                    << QString::fromLatin1(e.email) << QString::fromUtf8(f.name)
                    << QString::fromLatin1(branches[b].second) << has(e.sees, f.letter) << allowed;
            }
        }
    }
}

void TestAccess::templateApply()
{
    QFETCH(QString, email);
    QFETCH(QString, tmpl);
    QFETCH(QString, branch);
    QFETCH(bool, visible);
    QFETCH(bool, allowed);
    const Actor actor = actorFor(email);
    VersionService versions(m_ctx);
    if (allowed) {
        // Something else first, so applying never repeats the active content.
        DeployRequest other{
            TemplateService::builtIns().value(2).config, {}, QStringLiteral("before %1").arg(tmpl)};
        other.config.prompt +=
            QStringLiteral("\n\n%1").arg(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(versions.deploy(actorFor(QString::fromLatin1(demo::kSuperAdmin)), branch, other));
    }
    Branch target;
    target.id = branch;
    target.companyId = scalar(
        m_ctx.spec, QStringLiteral("SELECT company_id FROM branches WHERE id = ?"), {branch});
    const QString before = snapshot(m_ctx.spec);

    auto found = TemplateService(m_ctx).forBranch(actor, tmpl, target);
    Result<DeployOutcome> outcome =
        found ? versions.deploy(actor, branch,
                                DeployRequest{found->config, found->name, QStringLiteral("apply")})
              : Result<DeployOutcome>(found.error());
    if (!allowed) {
        QVERIFY2(!outcome, "a refused apply succeeded");
        // Another company's template is as if it did not exist.
        QCOMPARE(errorKindName(outcome.error().kind),
                 errorKindName(visible ? ErrorKind::Permission : ErrorKind::NotFound));
        QCOMPARE(snapshot(m_ctx.spec), before);
        return;
    }
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
    const QVariantList key{branch, outcome->version.version};
    const QString where =
        QStringLiteral(" FROM retell_agent_prompts WHERE branch_id = ? AND version = ?");
    QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT template_name") + where, key), tmpl);
    QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT prompt_content") + where, key),
             found->config.prompt);
    QCOMPARE(scalar(m_ctx.spec, QStringLiteral("SELECT is_active") + where, key),
             QStringLiteral("1"));
}

void TestAccess::templateSave_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("owner"); // company name, empty = every company
    QTest::addColumn<bool>("allowed");
    const QList<QPair<char, const char *>> owners = {
        {'a', "Salon Aurora"}, {'n', "Praxis Nordlicht"}, {'g', ""}};
    for (const TemplateExpectation &e : templateExpectations()) {
        for (const auto &[letter, company] : owners) {
            const bool allowed = has(e.saves, letter);
            QTest::addRow("%s: save for %s -> %s", e.actor, *company ? company : "every company",
                          allowed ? "allowed" : "refused")
                << QString::fromLatin1(e.email) << QString::fromUtf8(company) << allowed;
        }
    }
}

void TestAccess::templateSave()
{
    QFETCH(QString, email);
    QFETCH(QString, owner);
    QFETCH(bool, allowed);
    const Actor actor = actorFor(email);
    const QString company = owner.isEmpty() ? QString() : companyIdByName(m_ctx.spec, owner);
    const QString name =
        QStringLiteral("Saved by %1")
            .arg(QString::fromLatin1(QTest::currentDataTag()).section(QLatin1Char(':'), 0, 0)) +
        (owner.isEmpty() ? QStringLiteral(" (shared)") : QStringLiteral(" for ") + owner);
    const QString before = snapshot(m_ctx.spec);
    auto saved = TemplateService(m_ctx).save(actor, company, name, QStringLiteral("matrix"),
                                             TemplateService::builtIns().value(2).config);
    if (!allowed) {
        QVERIFY2(!saved, "a refused save succeeded");
        QCOMPARE(errorKindName(saved.error().kind), errorKindName(ErrorKind::Permission));
        QCOMPARE(snapshot(m_ctx.spec), before);
        return;
    }
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    const QVariantList key{name};
    QCOMPARE(scalar(m_ctx.spec,
                    QStringLiteral("SELECT company_id FROM retell_admin_templates WHERE name = ?"),
                    key),
             company);
    QCOMPARE(scalar(m_ctx.spec,
                    QStringLiteral("SELECT created_by FROM retell_admin_templates WHERE name = ?"),
                    key),
             QString::number(actor.user.id));
    // Seen by its company (and everyone when shared), by no other company.
    auto seenBy = [&](const char *who) {
        auto list = TemplateService(m_ctx).templates(actorFor(QString::fromLatin1(who)));
        return list && std::any_of(list->cbegin(), list->cend(),
                                   [&](const Template &t) { return t.name == name; });
    };
    QCOMPARE(seenBy(demo::kViewer), owner.isEmpty() || owner == QLatin1String("Salon Aurora"));
    QCOMPARE(seenBy("owner@praxis-nordlicht.example"),
             owner.isEmpty() || owner == QLatin1String("Praxis Nordlicht"));
    QVERIFY(seenBy(demo::kSuperAdmin));
    QCOMPARE(execute(m_ctx.spec,
                     QStringLiteral("DELETE FROM retell_admin_templates WHERE name = ?"), key),
             QString());
}

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
    // A database at schema 0003, with custom templates saved before they had owners.
    TestDatabase db;
    RETELL_REQUIRE_DB(db);
    const ServiceContext ctx{db.spec()};
    QTemporaryDir old;
    const QString source = Migrator::migrationsDirectory(db.dialect());
    for (const QString &file :
         QDir(source).entryList({QStringLiteral("000[123]_*.sql")}, QDir::Files))
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
                                        "is_builtin, created_by) VALUES (?, '', ?, ?, 0, ?)"),
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
