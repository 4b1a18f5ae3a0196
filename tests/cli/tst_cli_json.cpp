// --json after the command: every command takes it there as it does before
// the command, and prints the same JSON.
#include "tst_cli.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace retell::test;

void TestCli::jsonAfterTheCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<Who>("who");
    QTest::addColumn<bool>("writes"); // writing commands run once, with --json after
    QTest::addColumn<int>("exitCode");

    const QString bm = QString::fromLatin1(kBerlinMitte);
    const QString ha = QString::fromLatin1(kHamburgAltona);
    const QString kz = QString::fromLatin1(kKielZentrum);
    const int active = scalar(QStringLiteral("SELECT version FROM retell_agent_prompts "
                                             "WHERE branch_id = ? AND is_active = TRUE"),
                              {bm})
                           .toInt();
    // Content no version has yet, so no deploy is refused as unchanged.
    const QString stamp = QString::number(QDateTime::currentMSecsSinceEpoch());
    const QString prompt =
        writeFile(QStringLiteral("json-after-%1.txt").arg(stamp),
                  (m_promptText + QStringLiteral("\nRun %1.\n").arg(stamp)).toUtf8());
    const QString imported =
        writeFile(QStringLiteral("json-after-%1.json").arg(stamp),
                  QStringLiteral(R"({"general_prompt": "Imported %1.", "general_tools": []})")
                      .arg(stamp)
                      .toUtf8());
    const QString nobody = QStringLiteral("nobody@example.test");
    auto row = [](const char *name, const QStringList &args, const Who &who, bool writes = false,
                  int exitCode = 0) { QTest::newRow(name) << args << who << writes << exitCode; };

    // On MariaDB the suite acts through the least-privilege account, which may not
    // create tables: migrate is an administrator's job there.
    if (qEnvironmentVariable("RETELL_TEST_BACKEND") != QLatin1String("mariadb"))
        row("migrate", {QStringLiteral("migrate")}, Who{});
    row("seed", {QStringLiteral("seed")}, Who{});
    row("branches", {QStringLiteral("branches")}, kViewer);
    row("templates", {QStringLiteral("templates")}, kEditor);
    row("show", {QStringLiteral("show"), bm}, kViewer);
    row("history", {QStringLiteral("history"), bm, QStringLiteral("--limit"), QStringLiteral("2")},
        kViewer);
    row("validate",
        {QStringLiteral("validate"), QStringLiteral("--prompt"), m_prompt,
         QStringLiteral("--tools"), m_tools},
        Who{});
    row("export", {QStringLiteral("export"), bm}, kViewer);
    row("grants", {QStringLiteral("grants")}, kOwner);
    row("diff",
        {QStringLiteral("diff"), bm + QStringLiteral("@active"), ha + QStringLiteral("@active")},
        kAdmin, false, 1);
    const QString bmActive = bm + QStringLiteral("@active");
    row("merge", {QStringLiteral("merge"), bmActive, bmActive, bmActive}, kAdmin);
    row("deploy",
        {QStringLiteral("deploy"), bm, QStringLiteral("--prompt"), prompt,
         QStringLiteral("--tools"), m_tools, QStringLiteral("--notes"),
         QStringLiteral("json after the command")},
        kAdmin, true);
    row("import",
        {QStringLiteral("import"), bm, imported, QStringLiteral("--notes"),
         QStringLiteral("json after the command")},
        kAdmin, true);
    row("apply-template",
        {QStringLiteral("apply-template"), bm, QStringLiteral("Basic Appointment Booking"),
         QStringLiteral("--notes"), QStringLiteral("json after the command")},
        kAdmin, true);
    row("rollback",
        {QStringLiteral("rollback"), bm, QStringLiteral("--to"), QString::number(active),
         QStringLiteral("--notes"), QStringLiteral("json after the command")},
        kAdmin, true);
    row("save-template",
        {QStringLiteral("save-template"), bm, QStringLiteral("JSON after %1").arg(stamp)}, kAdmin,
        true);
    row("grant",
        {QStringLiteral("grant"), nobody, QStringLiteral("--role"), QStringLiteral("viewer"),
         QStringLiteral("--branch"), kz},
        kAdmin, true);
    row("revoke", {QStringLiteral("revoke"), nobody, QStringLiteral("--branch"), kz}, kAdmin, true);
}

void TestCli::jsonAfterTheCommand()
{
    QFETCH(QStringList, args);
    QFETCH(Who, who);
    QFETCH(bool, writes);
    QFETCH(int, exitCode);

    const CliResult after = cli(QStringList(args) << QStringLiteral("--json"), who);
    QVERIFY2(after.exitCode == exitCode, qPrintable(after.describe()));
    QString error;
    const QJsonDocument json = after.json(&error);
    QVERIFY2(error.isEmpty() && !json.isNull(),
             qPrintable(error + QLatin1Char(' ') + after.describe()));
    if (writes)
        return;
    const CliResult before = cli(QStringList{QStringLiteral("--json")} << args, who);
    QVERIFY2(before.exitCode == exitCode, qPrintable(before.describe()));
    QCOMPARE(after.stdoutText(), before.stdoutText());
}
