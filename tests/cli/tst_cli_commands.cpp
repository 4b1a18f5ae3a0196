// The writing commands of retell-admin-cli: deploy, apply-template,
// save-template, rollback, export/import, grants, and how BRANCH resolves.
#include "tst_cli.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"
#include "templates/TemplateService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kNobody = QStringLiteral("nobody@example.test");
const QString kSouthSalon =
    QStringLiteral("5d1e0c3a-0000-4000-8000-000000000001"); // "Zweigstelle Süd" of Salon Aurora
const QString kSouthWorkshop =
    QStringLiteral("5d1e0c3a-0000-4000-8000-000000000002"); // "Zweigstelle Süd" of AutoWerk Schmidt

QJsonArray parsedArray(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).array();
}

} // namespace

void TestCli::deployFromFiles()
{
    const QString bm = QString::fromLatin1(kBerlinMitte);
    const int next =
        scalar(QStringLiteral("SELECT MAX(version) FROM retell_agent_prompts WHERE branch_id = ?"),
               {bm})
            .toInt() +
        1;
    const CliResult r = cli({QStringLiteral("deploy"), bm, QStringLiteral("--prompt"), m_prompt,
                             QStringLiteral("--tools"), m_tools, QStringLiteral("--template"),
                             QStringLiteral("Basic Appointment Booking"), QStringLiteral("--notes"),
                             QStringLiteral("Deploy from files")},
                            kEditor);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(
        r.stdoutText().contains(QStringLiteral("Berlin Mitte: version %1 is now active").arg(next)),
        qPrintable(r.describe()));

    const QVariantList key{bm, next};
    const QString where =
        QStringLiteral(" FROM retell_agent_prompts WHERE branch_id = ? AND version = ?");
    QCOMPARE(scalar(QStringLiteral("SELECT prompt_content") + where, key), m_promptText);
    QCOMPARE(scalar(QStringLiteral("SELECT deployed_by") + where, key),
             scalar(QStringLiteral("SELECT id FROM users WHERE email = ?"), {kEditor.email}));
    QCOMPARE(scalar(QStringLiteral("SELECT template_name") + where, key),
             QStringLiteral("Basic Appointment Booking"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE branch_id = ? "
                                   "AND is_active = TRUE"),
                    {bm}),
             QStringLiteral("1"));

    const CliResult show = cli({QStringLiteral("--json"), QStringLiteral("show"), bm}, kViewer);
    QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
    const QJsonObject s = show.json().object();
    QCOMPARE(s.value(QStringLiteral("version")).toInt(), next);
    QCOMPARE(s.value(QStringLiteral("active")).toBool(), true);
    QCOMPARE(s.value(QStringLiteral("prompt")).toString(), m_promptText);
    QCOMPARE(s.value(QStringLiteral("deployed_by")).toString(), QStringLiteral("Emil Editor"));
    QCOMPARE(s.value(QStringLiteral("tools")).toArray(),
             parsedArray(TemplateService::builtIns().value(1).config.toolsJson));

    const CliResult json =
        cli({QStringLiteral("--json"), QStringLiteral("deploy"), bm, QStringLiteral("--prompt"),
             m_prompt, QStringLiteral("--tools"), m_tools, QStringLiteral("--notes"),
             QStringLiteral("Again, as JSON"), QStringLiteral("--allow-unchanged")},
            kEditor);
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    const QJsonObject d = json.json().object();
    QCOMPARE(d.value(QStringLiteral("version")).toInt(), next + 1);
    QCOMPARE(d.value(QStringLiteral("branch")).toObject().value(QStringLiteral("id")).toString(),
             bm);
    QVERIFY(d.value(QStringLiteral("findings")).isArray());
    QCOMPARE(d.value(QStringLiteral("validation_status")).toString(), QStringLiteral("valid"));
}

void TestCli::applyTemplate()
{
    const QString ha = QString::fromLatin1(kHamburgAltona);
    const Template info = TemplateService::builtIns().value(2);
    QCOMPARE(info.name, QStringLiteral("Information Only"));
    const CliResult r =
        cli({QStringLiteral("apply-template"), ha, QStringLiteral("information only"),
             QStringLiteral("--notes"), QStringLiteral("Information line for the summer")},
            kOwner);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY2(r.stdoutText().contains(QLatin1String("Applied template \"Information Only\"")),
             qPrintable(r.describe()));
    const QString active =
        QStringLiteral(" FROM retell_agent_prompts WHERE branch_id = ? AND is_active = TRUE");
    QCOMPARE(scalar(QStringLiteral("SELECT template_name") + active, {ha}),
             QStringLiteral("Information Only"));
    QCOMPARE(scalar(QStringLiteral("SELECT prompt_content") + active, {ha}), info.config.prompt);
    QCOMPARE(parsedArray(scalar(QStringLiteral("SELECT functions_config") + active, {ha})),
             parsedArray(info.config.toolsJson));
    QCOMPARE(scalar(QStringLiteral("SELECT deployed_by") + active, {ha}),
             scalar(QStringLiteral("SELECT id FROM users WHERE email = ?"), {kOwner.email}));
    QCOMPARE(scalar(QStringLiteral("SELECT deployment_notes") + active, {ha}),
             QStringLiteral("Information line for the summer"));
}

void TestCli::saveTemplate()
{
    const QString bm = QString::fromLatin1(kBerlinMitte);
    const QString name =
        QStringLiteral("Aurora Standard '; DROP TABLE retell_admin_templates; -- 🚀");
    const QString before = snapshot();
    const int templates =
        scalar(QStringLiteral("SELECT COUNT(*) FROM retell_admin_templates")).toInt();
    const CliResult r = cli({QStringLiteral("save-template"), bm, name,
                             QStringLiteral("--description"), QStringLiteral("Our house style")},
                            kEditor);
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM retell_admin_templates")).toInt(),
             templates + 1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT prompt_content FROM retell_admin_templates WHERE name = ?"),
               {name}),
        scalar(QStringLiteral("SELECT prompt_content FROM retell_agent_prompts WHERE branch_id = ? "
                              "AND is_active = TRUE"),
               {bm}));

    const CliResult list = cli({QStringLiteral("--json"), QStringLiteral("templates")}, kEditor);
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    bool found = false;
    for (const QJsonValue &v : list.json().array()) {
        if (v.toObject().value(QStringLiteral("name")).toString() != name)
            continue;
        found = true;
        QCOMPARE(v.toObject().value(QStringLiteral("source")).toString(), QStringLiteral("custom"));
        QCOMPARE(v.toObject().value(QStringLiteral("description")).toString(),
                 QStringLiteral("Our house style"));
    }
    QVERIFY2(found, qPrintable(list.describe()));

    const QString afterSave = snapshot();
    QVERIFY(afterSave != before);
    const CliResult again = cli({QStringLiteral("save-template"), bm, name.toUpper()}, kEditor);
    QVERIFY2(again.exitCode == 6, qPrintable(again.describe()));
    RETELL_VERIFY_CLEAN_ERROR(again);
    QCOMPARE(snapshot(), afterSave);

    const CliResult viewer =
        cli({QStringLiteral("save-template"), bm, QStringLiteral("Viewer's copy")}, kViewer);
    QVERIFY2(viewer.exitCode == 4, qPrintable(viewer.describe()));
    RETELL_VERIFY_CLEAN_ERROR(viewer);
    QCOMPARE(snapshot(), afterSave);

    // The saved template applies like a built-in one, its name recorded verbatim.
    // (Its content is the active version's: deploying it again needs --allow-unchanged.)
    const CliResult applied =
        cli({QStringLiteral("apply-template"), bm, name, QStringLiteral("--notes"),
             QStringLiteral("house style"), QStringLiteral("--allow-unchanged")},
            kEditor);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    const CliResult show = cli({QStringLiteral("--json"), QStringLiteral("show"), bm}, kEditor);
    QCOMPARE(show.json().object().value(QStringLiteral("template_name")).toString(), name);
}

void TestCli::rollbackToVersion()
{
    const QString bm = QString::fromLatin1(kBerlinMitte);
    const QString where =
        QStringLiteral(" FROM retell_agent_prompts WHERE branch_id = ? AND version = ?");
    for (const auto &[target, notes] :
         {qMakePair(2, QStringLiteral("The parking note confused callers")),
          qMakePair(1, QString())}) {
        const int next =
            scalar(
                QStringLiteral("SELECT MAX(version) FROM retell_agent_prompts WHERE branch_id = ?"),
                {bm})
                .toInt() +
            1;
        QStringList args{QStringLiteral("rollback"), bm, QStringLiteral("--to"),
                         QString::number(target)};
        if (!notes.isEmpty())
            args << QStringLiteral("--notes") << notes;
        const CliResult r = cli(args, kEditor);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(QStringLiteral("version %1 is now active").arg(next)),
                 qPrintable(r.describe()));

        const CliResult show = cli({QStringLiteral("--json"), QStringLiteral("show"), bm}, kViewer);
        QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
        const QJsonObject s = show.json().object();
        QCOMPARE(s.value(QStringLiteral("version")).toInt(), next);
        QCOMPARE(s.value(QStringLiteral("prompt")).toString(),
                 scalar(QStringLiteral("SELECT prompt_content") + where, {bm, target}));
        QCOMPARE(
            s.value(QStringLiteral("tools")).toArray(),
            parsedArray(scalar(QStringLiteral("SELECT functions_config") + where, {bm, target})));
        const QString storedNotes = s.value(QStringLiteral("notes")).toString();
        QVERIFY2(storedNotes.contains(QStringLiteral("version %1").arg(target)),
                 qPrintable(storedNotes));
        if (!notes.isEmpty())
            QVERIFY2(storedNotes.contains(notes), qPrintable(storedNotes));
        QCOMPARE(scalar(QStringLiteral("SELECT deployed_by") + where, {bm, next}),
                 scalar(QStringLiteral("SELECT id FROM users WHERE email = ?"), {kEditor.email}));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE branch_id "
                                       "= ? AND is_active = TRUE"),
                        {bm}),
                 QStringLiteral("1"));
    }
}

// Content equal to the active version: refused with exit code 9 and one
// line naming the version; --allow-unchanged writes it anyway.
void TestCli::unchangedDeployIsRefused()
{
    const QString bm = QString::fromLatin1(kBerlinMitte);
    const QString active =
        QStringLiteral(" FROM retell_agent_prompts WHERE branch_id = ? AND is_active = TRUE");
    const QString version = scalar(QStringLiteral("SELECT version") + active, {bm});
    const QString prompt =
        writeFile(QStringLiteral("same-prompt.md"),
                  scalar(QStringLiteral("SELECT prompt_content") + active, {bm}).toUtf8());
    const QString tools =
        writeFile(QStringLiteral("same-tools.json"),
                  scalar(QStringLiteral("SELECT functions_config") + active, {bm}).toUtf8());
    const QStringList deploy{
        QStringLiteral("deploy"),  bm,    QStringLiteral("--prompt"), prompt,
        QStringLiteral("--tools"), tools, QStringLiteral("--notes"),  QStringLiteral("same again")};
    const QString before = snapshot();
    const CliResult refused = cli(deploy, kEditor);
    QVERIFY2(refused.exitCode == 9, qPrintable(refused.describe()));
    RETELL_VERIFY_CLEAN_ERROR(refused);
    QVERIFY2(refused.firstErrorLine().contains(
                 QStringLiteral("Nothing changed since version %1.").arg(version)),
             qPrintable(refused.describe()));
    QCOMPARE(snapshot(), before);
    const CliResult rollback =
        cli({QStringLiteral("rollback"), bm, QStringLiteral("--to"), version}, kEditor);
    QVERIFY2(rollback.exitCode == 9, qPrintable(rollback.describe()));
    RETELL_VERIFY_CLEAN_ERROR(rollback);
    QCOMPARE(snapshot(), before);

    const CliResult forced =
        cli(QStringList(deploy) << QStringLiteral("--allow-unchanged"), kEditor);
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.describe()));
    QCOMPARE(scalar(QStringLiteral("SELECT version") + active, {bm}).toInt(), version.toInt() + 1);
    const CliResult forcedRollback = cli({QStringLiteral("rollback"), bm, QStringLiteral("--to"),
                                          version, QStringLiteral("--allow-unchanged")},
                                         kEditor);
    QVERIFY2(forcedRollback.exitCode == 0, qPrintable(forcedRollback.describe()));
    QCOMPARE(scalar(QStringLiteral("SELECT version") + active, {bm}).toInt(), version.toInt() + 2);
}

void TestCli::exportImportRoundTrip_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("native") << QStringLiteral("native");
    QTest::newRow("retell") << QStringLiteral("retell");
}

void TestCli::exportImportRoundTrip()
{
    QFETCH(QString, format);
    const QString bm = QString::fromLatin1(kBerlinMitte);
    const QString kz = QString::fromLatin1(kKielZentrum);
    const QString active =
        QStringLiteral(" FROM retell_agent_prompts WHERE branch_id = ? AND is_active = TRUE");
    const QString path = m_files.filePath(QStringLiteral("export-%1.json").arg(format));

    const CliResult exported = cli({QStringLiteral("export"), bm, QStringLiteral("--format"),
                                    format, QStringLiteral("--output"), path},
                                   kAdmin);
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.describe()));
    QVERIFY(exported.out.isEmpty());
    QVERIFY2(exported.stderrText().contains(QLatin1String("exported")),
             qPrintable(exported.describe()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const CliResult toStdout =
        cli({QStringLiteral("export"), bm, QStringLiteral("--format"), format}, kAdmin);
    QVERIFY2(toStdout.exitCode == 0, qPrintable(toStdout.describe()));
    QCOMPARE(toStdout.out, bytes);

    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    const QString prompt = scalar(QStringLiteral("SELECT prompt_content") + active, {bm});
    const QJsonArray tools =
        parsedArray(scalar(QStringLiteral("SELECT functions_config") + active, {bm}));
    if (format == QLatin1String("retell")) {
        QCOMPARE(o.value(QStringLiteral("general_prompt")).toString(), prompt);
        QCOMPARE(o.value(QStringLiteral("general_tools")).toArray(), tools);
    } else {
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("retell-admin/1"));
        QCOMPARE(o.value(QStringLiteral("prompt")).toString(), prompt);
        QCOMPARE(o.value(QStringLiteral("tools")).toArray(), tools);
        QCOMPARE(QString::number(o.value(QStringLiteral("version")).toInt()),
                 scalar(QStringLiteral("SELECT version") + active, {bm}));
    }

    // Both formats import the same content; the second one is a deliberate repeat.
    const CliResult imported =
        cli({QStringLiteral("import"), kz, path, QStringLiteral("--notes"),
             QStringLiteral("Copied from Berlin"), QStringLiteral("--allow-unchanged")},
            kAdmin);
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.describe()));
    QCOMPARE(scalar(QStringLiteral("SELECT prompt_content") + active, {kz}), prompt);
    QCOMPARE(parsedArray(scalar(QStringLiteral("SELECT functions_config") + active, {kz})), tools);
    QCOMPARE(scalar(QStringLiteral("SELECT deployment_notes") + active, {kz}),
             QStringLiteral("Copied from Berlin"));
    if (format == QLatin1String("native"))
        QCOMPARE(scalar(QStringLiteral("SELECT template_name") + active, {kz}),
                 scalar(QStringLiteral("SELECT template_name") + active, {bm}));

    // An older version exports as that version.
    const CliResult v1 = cli({QStringLiteral("export"), bm, QStringLiteral("--version"),
                              QStringLiteral("1"), QStringLiteral("--format"), format},
                             kAdmin);
    QVERIFY2(v1.exitCode == 0, qPrintable(v1.describe()));
    const QJsonObject old = v1.json().object();
    QCOMPARE(old.value(format == QLatin1String("retell") ? QStringLiteral("general_prompt")
                                                         : QStringLiteral("prompt"))
                 .toString(),
             scalar(QStringLiteral("SELECT prompt_content FROM retell_agent_prompts WHERE "
                                   "branch_id = ? AND version = 1"),
                    {bm}));
}

void TestCli::grantCommands()
{
    const QString ha = QString::fromLatin1(kHamburgAltona);
    const CliResult list = cli({QStringLiteral("--json"), QStringLiteral("grants")}, kOwner);
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    QSet<QString> users;
    for (const QJsonValue &v : list.json().array())
        users.insert(v.toObject().value(QStringLiteral("user")).toString());
    QCOMPARE(users, (QSet<QString>{kOwner.email, kEditor.email, kViewer.email}));
    const CliResult text = cli({QStringLiteral("grants")}, kOwner);
    QVERIFY2(text.exitCode == 0 && text.stdoutText().contains(kEditor.email),
             qPrintable(text.describe()));

    const CliResult granted = cli({QStringLiteral("grant"), kNobody, QStringLiteral("--role"),
                                   QStringLiteral("editor"), QStringLiteral("--branch"), ha},
                                  kOwner);
    QVERIFY2(granted.exitCode == 0, qPrintable(granted.describe()));
    QVERIFY2(granted.stdoutText().contains(QLatin1String("is now editor")),
             qPrintable(granted.describe()));
    const QString grantRow = QStringLiteral(" FROM retell_admin_grants g JOIN users u ON u.id = "
                                            "g.user_id WHERE u.email = ? AND g.scope_id = ?");
    QCOMPARE(scalar(QStringLiteral("SELECT g.role") + grantRow, {kNobody, ha}),
             QStringLiteral("editor"));
    QCOMPARE(scalar(QStringLiteral("SELECT g.granted_by") + grantRow, {kNobody, ha}),
             scalar(QStringLiteral("SELECT id FROM users WHERE email = ?"), {kOwner.email}));
    const CliResult sees = cli({QStringLiteral("--json"), QStringLiteral("branches")},
                               Who{kNobody, QStringLiteral("demo-password")});
    QVERIFY2(sees.exitCode == 0, qPrintable(sees.describe()));
    QCOMPARE(sees.json().array().size(), 1);
    QCOMPARE(sees.json().array().first().toObject().value(QStringLiteral("id")).toString(), ha);

    const QString before = snapshot();
    const QString praxis =
        scalar(QStringLiteral("SELECT id FROM companies WHERE name = 'Praxis Nordlicht'"));
    const QList<QPair<Who, QStringList>> refused = {
        {kOwner,
         {QStringLiteral("grant"), kNobody, QStringLiteral("--role"), QStringLiteral("viewer"),
          QStringLiteral("--company"), praxis}},
        {kOwner,
         {QStringLiteral("grant"), kNobody, QStringLiteral("--role"), QStringLiteral("admin"),
          QStringLiteral("--global")}},
        {kViewer,
         {QStringLiteral("grant"), kNobody, QStringLiteral("--role"), QStringLiteral("viewer"),
          QStringLiteral("--branch"), ha}},
        {kEditor, {QStringLiteral("revoke"), kNobody, QStringLiteral("--branch"), ha}},
    };
    for (const auto &[who, args] : refused) {
        const CliResult r = cli(args, who);
        QVERIFY2(r.exitCode == 4,
                 qPrintable(who.email + QLatin1Char(' ') + args.join(QLatin1Char(' ')) +
                            QStringLiteral(": ") + r.describe()));
        RETELL_VERIFY_CLEAN_ERROR(r);
        QCOMPARE(snapshot(), before);
    }

    const CliResult revoked =
        cli({QStringLiteral("revoke"), kNobody, QStringLiteral("--branch"), ha}, kOwner);
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.describe()));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*)") + grantRow, {kNobody, ha}),
             QStringLiteral("0"));
    const CliResult again =
        cli({QStringLiteral("revoke"), kNobody, QStringLiteral("--branch"), ha}, kOwner);
    QVERIFY2(again.exitCode == 5, qPrintable(again.describe()));
    RETELL_VERIFY_CLEAN_ERROR(again);
}

void TestCli::firstAdminBootstrap()
{
    TestDatabase fresh;
    RETELL_REQUIRE_DB(fresh);
    const CliRunner runner(fresh.spec());
    QCOMPARE(runner.run({QStringLiteral("migrate")}).exitCode, 0);
    QCOMPARE(runner.run({QStringLiteral("seed")}).exitCode, 0);
    auto hash = AuthService::hashPassword(QByteArrayLiteral("first-pw"), 4);
    QVERIFY(hash);
    auto conn = Database::connection(fresh.spec());
    QVERIFY(conn);
    for (const char *email : {"first@bootstrap.test", "second@bootstrap.test"})
        QVERIFY(Database::exec(
            conn.value(),
            QStringLiteral("INSERT INTO users (name, email, password) VALUES ('Boot', ?, ?)"),
            {QString::fromLatin1(email), QString::fromLatin1(hash.value())}));
    const auto grants = [&] {
        return scalarOn(fresh.spec(), QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants"),
                        {});
    };
    const Who first{QStringLiteral("first@bootstrap.test"), QStringLiteral("first-pw")};

    const CliResult viewerFirst =
        runner.run({QStringLiteral("grant"), first.email, QStringLiteral("--role"),
                    QStringLiteral("viewer"), QStringLiteral("--global")});
    QVERIFY2(viewerFirst.exitCode == 2, qPrintable(viewerFirst.describe()));
    RETELL_VERIFY_CLEAN_ERROR(viewerFirst);
    QCOMPARE(grants(), QStringLiteral("0"));

    const CliResult boot =
        runner.run({QStringLiteral("grant"), first.email, QStringLiteral("--role"),
                    QStringLiteral("admin"), QStringLiteral("--global")});
    QVERIFY2(boot.exitCode == 0, qPrintable(boot.describe()));
    QVERIFY2(boot.stdoutText().contains(QLatin1String("is now admin")),
             qPrintable(boot.describe()));
    QCOMPARE(grants(), QStringLiteral("1"));

    const CliResult secondBoot =
        runner.run({QStringLiteral("grant"), QStringLiteral("second@bootstrap.test"),
                    QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--global")});
    QVERIFY2(secondBoot.exitCode == 4, qPrintable(secondBoot.describe()));
    RETELL_VERIFY_CLEAN_ERROR(secondBoot);
    QCOMPARE(grants(), QStringLiteral("1"));

    const CliResult byAdmin =
        runner.run({QStringLiteral("grant"), QStringLiteral("second@bootstrap.test"),
                    QStringLiteral("--role"), QStringLiteral("editor"), QStringLiteral("--global")},
                   first);
    QVERIFY2(byAdmin.exitCode == 0, qPrintable(byAdmin.describe()));
    const CliResult list = runner.run({QStringLiteral("--json"), QStringLiteral("grants")}, first);
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    QCOMPARE(list.json().array().size(), 2);

    // The last global admin cannot remove themselves.
    const CliResult selfRevoke =
        runner.run({QStringLiteral("revoke"), first.email, QStringLiteral("--global")}, first);
    QVERIFY2(selfRevoke.exitCode == 6, qPrintable(selfRevoke.describe()));
    RETELL_VERIFY_CLEAN_ERROR(selfRevoke);
    QCOMPARE(grants(), QStringLiteral("2"));
}

void TestCli::branchByIdAndName_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("resolvedId");
    const QString bm = QString::fromLatin1(kBerlinMitte);
    QTest::newRow("by id") << kAdmin.email << bm << 0 << bm;
    QTest::newRow("by id in upper case") << kAdmin.email << bm.toUpper() << 0 << bm;
    QTest::newRow("by name") << kAdmin.email << QStringLiteral("Berlin Mitte") << 0 << bm;
    QTest::newRow("by name in other case")
        << kAdmin.email << QStringLiteral("berlin mitte") << 0 << bm;
    QTest::newRow("by name with umlaut") << kAdmin.email << QStringLiteral("München Schwabing") << 0
                                         << QStringLiteral("6fa459ea-ee8a-4ca4-894e-db77e160355e");
    QTest::newRow("by COMPANY/BRANCH")
        << kAdmin.email << QStringLiteral("Salon Aurora/Zweigstelle Süd") << 0 << kSouthSalon;
    QTest::newRow("ambiguous name -> usage")
        << kAdmin.email << QStringLiteral("Zweigstelle Süd") << 2 << QString();
    QTest::newRow("name unambiguous among the visible branches")
        << kOwner.email << QStringLiteral("Zweigstelle Süd") << 0 << kSouthSalon;
    QTest::newRow("unknown name -> not found")
        << kAdmin.email << QStringLiteral("Atlantis") << 5 << QString();
    QTest::newRow("other company's branch by name -> not found")
        << kOwner.email << QStringLiteral("Kiel Zentrum") << 5 << QString();
    QTest::newRow("other company's branch by id -> not found")
        << kOwner.email << QString::fromLatin1(kKielZentrum) << 5 << QString();
}

void TestCli::branchByIdAndName()
{
    QFETCH(QString, email);
    QFETCH(QString, branch);
    QFETCH(int, exitCode);
    QFETCH(QString, resolvedId);
    if (scalar(QStringLiteral("SELECT COUNT(*) FROM branches WHERE id = ?"), {kSouthSalon}) ==
        QLatin1String("0")) {
        auto conn = Database::connection(m_ctx.spec);
        QVERIFY(conn);
        const QString workshop =
            scalar(QStringLiteral("SELECT id FROM companies WHERE name = 'AutoWerk Schmidt'"));
        const QString salon =
            scalar(QStringLiteral("SELECT id FROM companies WHERE name = 'Salon Aurora'"));
        for (const auto &[id, company] :
             {qMakePair(kSouthSalon, salon), qMakePair(kSouthWorkshop, workshop)})
            QVERIFY(Database::exec(
                conn.value(),
                QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES (?, ?, ?)"),
                {id, company, QStringLiteral("Zweigstelle Süd")}));
    }
    const CliResult r = cli({QStringLiteral("--json"), QStringLiteral("history"), branch},
                            Who{email, QStringLiteral("demo-password")});
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
    if (exitCode != 0) {
        RETELL_VERIFY_CLEAN_ERROR(r);
        return;
    }
    QCOMPARE(r.json()
                 .object()
                 .value(QStringLiteral("branch"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             resolvedId);
}
