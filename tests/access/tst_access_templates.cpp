// Templates in the access matrix (issue 9 §4, issue 8 §14): which templates
// each demo role sees, may apply (to a branch of its own company, a sibling
// branch, another company's branch), save (for its company, another company,
// every company), rename, edit and delete — checked against what is stored.
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
                                       "?, ?, ?, ?, FALSE, ?, ?, NULL, NULL)"),
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
        QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                       "functions_config, is_active, is_template, "
                       "template_name, validation_status) VALUES (?, 900, ?, ?, FALSE, TRUE, 'Web "
                       "Shared', 'valid')"),
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
    QCOMPARE(scalar(m_ctx.spec,
                    QStringLiteral("SELECT CASE WHEN is_active THEN 1 ELSE 0 END") + where, key),
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
