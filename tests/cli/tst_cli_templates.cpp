// Templates through retell-admin-cli: `templates` needs a login and lists
// per company; rename-template, edit-template and delete-template change
// only what their caller may change; deleting keeps the versions made from
// a template.
#include "tst_cli.h"

#include "templates/TemplateService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const Who kNordlicht =
    CliRunner::demoUser("owner@praxis-nordlicht.example"); // admin of Praxis Nordlicht

QStringList names(const CliResult &r)
{
    QStringList out;
    for (const QJsonValue &v : r.json().array())
        out << v.toObject().value(QStringLiteral("name")).toString();
    return out;
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

void TestCli::templatesNeedLoginAndStayInTheirCompany()
{
    const CliResult anonymous = cli({s("templates")}, Who{});
    QVERIFY2(anonymous.exitCode == 4, qPrintable(anonymous.describe()));
    RETELL_VERIFY_CLEAN_ERROR(anonymous);

    const QString bm = QString::fromLatin1(kBerlinMitte);
    const QString name = s("Aurora Winter Special");
    const CliResult saved =
        cli({s("save-template"), bm, name, s("--description"), s("Only for Aurora")}, kOwner);
    QVERIFY2(saved.exitCode == 0, qPrintable(saved.describe()));
    QCOMPARE(scalar(s("SELECT company_id FROM retell_admin_templates WHERE name = ?"), {name}),
             scalar(s("SELECT company_id FROM branches WHERE id = ?"), {bm}));

    for (const Who &who : {kOwner, kViewer, kEditor, kAdmin}) {
        const CliResult list = cli({s("--json"), s("templates")}, who);
        QVERIFY2(list.exitCode == 0 && names(list).contains(name),
                 qPrintable(who.email + list.describe()));
    }
    const CliResult text = cli({s("templates")}, kViewer);
    QVERIFY2(text.stdoutText().contains(s("Aurora Winter Special  [custom, Salon Aurora]")),
             qPrintable(text.describe()));

    // Another company neither sees nor applies it, nor learns that it exists.
    const CliResult other = cli({s("--json"), s("templates")}, kNordlicht);
    QVERIFY2(other.exitCode == 0, qPrintable(other.describe()));
    QVERIFY(!names(other).contains(name));
    QVERIFY(names(other).contains(s("Information Only")));
    const QString before = snapshot();
    const CliResult apply = cli(
        {s("apply-template"), QString::fromLatin1(kKielZentrum), name, s("--notes"), s("borrowed")},
        kNordlicht);
    QVERIFY2(apply.exitCode == 5, qPrintable(apply.describe()));
    RETELL_VERIFY_CLEAN_ERROR(apply);
    const CliResult diff =
        cli({s("diff"), s("template:") + name, s("Kiel Zentrum@active")}, kNordlicht);
    QVERIFY2(diff.exitCode == 5, qPrintable(diff.describe()));
    const CliResult edit =
        cli({s("edit-template"), name, s("--description"), s("mine now")}, kNordlicht);
    QVERIFY2(edit.exitCode == 5, qPrintable(edit.describe()));
    QCOMPARE(snapshot(), before);

    // Even a global admin cannot put one company's template on another's branch.
    const CliResult cross = cli(
        {s("apply-template"), QString::fromLatin1(kKielZentrum), name, s("--notes"), s("cross")},
        kAdmin);
    QVERIFY2(cross.exitCode == 4, qPrintable(cross.describe()));
    QVERIFY2(cross.firstErrorLine().contains(s("Salon Aurora")), qPrintable(cross.describe()));

    // Shared with every company: global admins only.
    const CliResult ownerShares =
        cli({s("save-template"), bm, s("For everyone"), s("--global")}, kOwner);
    QVERIFY2(ownerShares.exitCode == 4, qPrintable(ownerShares.describe()));
    const CliResult adminShares =
        cli({s("save-template"), bm, s("For everyone"), s("--global")}, kAdmin);
    QVERIFY2(adminShares.exitCode == 0, qPrintable(adminShares.describe()));
    QVERIFY(names(cli({s("--json"), s("templates")}, kNordlicht)).contains(s("For everyone")));
    QVERIFY(cli({s("delete-template"), s("For everyone"), s("--yes")}, kAdmin).exitCode == 0);
}

void TestCli::renameEditDeleteTemplate()
{
    const QString bm = QString::fromLatin1(kBerlinMitte);
    QVERIFY(cli({s("save-template"), bm, s("Aurora Draft"), s("--description"), s("first words")},
                kEditor)
                .exitCode == 0);
    const QString row = s(" FROM retell_admin_templates WHERE name = ?");
    const QString id = scalar(s("SELECT id") + row, {s("Aurora Draft")});

    // Who may not: a viewer, another editor's... and nobody touches built-ins.
    QString before = snapshot();
    const CliResult viewer = cli({s("rename-template"), s("Aurora Draft"), s("Viewer's")}, kViewer);
    QVERIFY2(viewer.exitCode == 4, qPrintable(viewer.describe()));
    RETELL_VERIFY_CLEAN_ERROR(viewer);
    const CliResult builtIn =
        cli({s("edit-template"), s("Information Only"), s("--description"), s("x")}, kAdmin);
    QVERIFY2(builtIn.exitCode == 4 && builtIn.firstErrorLine().contains(s("read-only")),
             qPrintable(builtIn.describe()));
    const CliResult builtInDelete =
        cli({s("delete-template"), s("Information Only"), s("--yes")}, kAdmin);
    QVERIFY2(builtInDelete.exitCode == 4, qPrintable(builtInDelete.describe()));
    QCOMPARE(snapshot(), before);

    // The author renames it; the company admin edits it.
    const CliResult renamed =
        cli({s("rename-template"), s("aurora draft"), s("Aurora Final")}, kEditor);
    QVERIFY2(renamed.exitCode == 0, qPrintable(renamed.describe()));
    QVERIFY2(renamed.stdoutText().contains(s("\"Aurora Final\"")), qPrintable(renamed.describe()));
    QCOMPARE(scalar(s("SELECT name FROM retell_admin_templates WHERE id = ?"), {id}),
             s("Aurora Final"));

    const Template info = TemplateService::builtIns().value(2);
    const QString prompt = writeFile(s("template-prompt.txt"),
                                     (info.config.prompt + s("\n\nWinter hours apply.")).toUtf8());
    const QString tools = writeFile(s("template-tools.json"), info.config.toolsJson.toUtf8());
    const CliResult edited =
        cli({s("--json"), s("edit-template"), s("Aurora Final"), s("--description"),
             s("Winter version"), s("--prompt"), prompt, s("--tools"), tools},
            kOwner);
    QVERIFY2(edited.exitCode == 0, qPrintable(edited.describe()));
    QCOMPARE(edited.json().object().value(s("description")).toString(), s("Winter version"));
    QCOMPARE(scalar(s("SELECT prompt_content") + row, {s("Aurora Final")}),
             info.config.prompt + s("\n\nWinter hours apply."));
    QCOMPARE(scalar(s("SELECT description") + row, {s("Aurora Final")}), s("Winter version"));

    // An edit is validated like any edit: broken tools are refused, nothing written.
    before = snapshot();
    const QString broken =
        writeFile(s("broken-tools.json"), QByteArrayLiteral("[{\"type\": \"end_call\"}"));
    const CliResult invalid =
        cli({s("edit-template"), s("Aurora Final"), s("--tools"), broken}, kOwner);
    QVERIFY2(invalid.exitCode == 3, qPrintable(invalid.describe()));
    RETELL_VERIFY_CLEAN_ERROR(invalid);
    const CliResult clash =
        cli({s("rename-template"), s("Aurora Final"), s("Basic Appointment Booking")}, kOwner);
    QVERIFY2(clash.exitCode == 6, qPrintable(clash.describe()));
    QCOMPARE(snapshot(), before);

    // A version deployed from it survives its deletion unchanged.
    QVERIFY(cli({s("apply-template"), bm, s("Aurora Final"), s("--notes"), s("winter")}, kEditor)
                .exitCode == 0);
    const QString version =
        s(" FROM retell_agent_prompts WHERE branch_id = ? AND is_active = TRUE");
    const QString content = scalar(s("SELECT prompt_content") + version, {bm});
    QCOMPARE(scalar(s("SELECT template_name") + version, {bm}), s("Aurora Final"));

    before = snapshot();
    const CliResult unconfirmed = cli({s("delete-template"), s("Aurora Final")}, kOwner);
    QVERIFY2(unconfirmed.exitCode == 2 && unconfirmed.firstErrorLine().contains(s("--yes")),
             qPrintable(unconfirmed.describe()));
    const CliResult otherCompany =
        cli({s("delete-template"), s("Aurora Final"), s("--yes")}, kNordlicht);
    QVERIFY2(otherCompany.exitCode == 5, qPrintable(otherCompany.describe()));
    QCOMPARE(snapshot(), before);

    const CliResult deleted =
        cli({s("--json"), s("delete-template"), s("Aurora Final"), s("--yes")}, kOwner);
    QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.describe()));
    const QJsonObject gone = deleted.json().object().value(s("deleted")).toObject();
    QCOMPARE(gone.value(s("prompt")).toString(),
             info.config.prompt + s("\n\nWinter hours apply.")); // enough to save it again
    QCOMPARE(scalar(s("SELECT COUNT(*)") + row, {s("Aurora Final")}), s("0"));
    QCOMPARE(scalar(s("SELECT prompt_content") + version, {bm}), content);
    QCOMPARE(scalar(s("SELECT template_name") + version, {bm}), s("Aurora Final"));
}
