// How retell-admin-cli fails: the documented exit codes, one clear error
// line on stderr and nothing on stdout, no password ever taken from the
// command line, bad input files refused with the database unchanged, and
// SQL metacharacters and emoji stored verbatim.
#include "tst_cli.h"

#include "seed/Seeder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kPw = QStringLiteral("demo-password");
const QString kUnset; // a null password: RETELL_ADMIN_PASSWORD not set at all

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray tenMegabytePrompt()
{
    QByteArray line = "Antworte freundlich und kurz auf Fragen zu Öffnungszeiten und Terminen. ";
    QByteArray out;
    out.reserve(10 * 1024 * 1024 + line.size());
    while (out.size() < 10 * 1024 * 1024)
        out += line;
    return out;
}

} // namespace

void TestCli::errorExitCodes_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QStringList>(
        "args"); // "@prompt" / "@tools" / "@export" stand for the valid files
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says"); // part of the first stderr line (case-insensitive), or empty
    const QString bm = QString::fromLatin1(kBerlinMitte);
    const QString ha = QString::fromLatin1(kHamburgAltona);
    const QString kz = QString::fromLatin1(kKielZentrum);
    const QStringList files{s("--prompt"), s("@prompt"), s("--tools"), s("@tools")};

    // 2: usage
    QTest::newRow("unknown command -> 2")
        << kAdmin.email << kPw << QStringList{s("frobnicate")} << 2 << s("unknown command");
    QTest::newRow("unknown global option -> 2")
        << kAdmin.email << kPw << QStringList{s("--frobnicate"), s("branches")} << 2
        << s("unknown option");
    QTest::newRow("unknown command option -> 2")
        << kAdmin.email << kPw << QStringList{s("branches"), s("--all")} << 2
        << s("unknown option");
    QTest::newRow("deploy without --notes -> 2")
        << kAdmin.email << kPw << QStringList{s("deploy"), bm} + files << 2 << s("--notes");
    QTest::newRow("deploy with blank notes -> 2")
        << kAdmin.email << kPw
        << QStringList{s("deploy"), bm} + files + QStringList{s("--notes"), s("   ")} << 2
        << s("notes");
    QTest::newRow("deploy without --prompt -> 2")
        << kAdmin.email << kPw
        << QStringList{s("deploy"), bm, s("--tools"), s("@tools"), s("--notes"), s("x")} << 2
        << s("--prompt");
    QTest::newRow("apply-template without --notes -> 2")
        << kAdmin.email << kPw << QStringList{s("apply-template"), bm, s("Information Only")} << 2
        << s("--notes");
    QTest::newRow("import without --notes -> 2")
        << kAdmin.email << kPw << QStringList{s("import"), bm, s("@export")} << 2 << s("--notes");
    QTest::newRow("rollback without --to -> 2")
        << kAdmin.email << kPw << QStringList{s("rollback"), bm} << 2 << s("rollback");
    QTest::newRow("rollback --to not a number -> 2")
        << kAdmin.email << kPw << QStringList{s("rollback"), bm, s("--to"), s("two")} << 2
        << s("whole number");
    QTest::newRow("show with two branches -> 2")
        << kAdmin.email << kPw << QStringList{s("show"), bm, ha} << 2 << s("show");
    QTest::newRow("grant with two scopes -> 2")
        << kAdmin.email << kPw
        << QStringList{s("grant"),    kViewer.email, s("--role"), s("viewer"),
                       s("--global"), s("--branch"), bm}
        << 2 << s("exactly one");
    QTest::newRow("grant with an unknown role -> 2")
        << kAdmin.email << kPw
        << QStringList{s("grant"), kViewer.email, s("--role"), s("owner"), s("--global")} << 2
        << s("--role");
    QTest::newRow("export in an unknown format -> 2")
        << kAdmin.email << kPw << QStringList{s("export"), bm, s("--format"), s("yaml")} << 2
        << s("format");
    QTest::newRow("unsupported database URL -> 2")
        << kAdmin.email << kPw
        << QStringList{s("--db"), s("postgres://x@localhost/db"), s("branches")} << 2
        << s("database URL");
    // 5: not found
    QTest::newRow("unknown branch -> 5")
        << kAdmin.email << kPw << QStringList{s("show"), s("Nowhere")} << 5 << s("Nowhere");
    QTest::newRow("unknown branch with --json -> 5")
        << kAdmin.email << kPw << QStringList{s("--json"), s("show"), s("Nowhere")} << 5
        << s("Nowhere");
    QTest::newRow("show version 999 -> 5")
        << kAdmin.email << kPw << QStringList{s("show"), bm, s("--version"), s("999")} << 5
        << s("999");
    QTest::newRow("rollback to version 999 -> 5")
        << kAdmin.email << kPw << QStringList{s("rollback"), bm, s("--to"), s("999")} << 5
        << s("999");
    QTest::newRow("export version 999 -> 5")
        << kAdmin.email << kPw << QStringList{s("export"), bm, s("--version"), s("999")} << 5
        << s("999");
    QTest::newRow("apply an unknown template -> 5")
        << kAdmin.email << kPw
        << QStringList{s("apply-template"), bm, s("No Such Template"), s("--notes"), s("x")} << 5
        << s("No Such Template");
    QTest::newRow("grant to an unknown e-mail -> 5")
        << kAdmin.email << kPw
        << QStringList{s("grant"), s("ghost@example.test"), s("--role"), s("viewer"), s("--global")}
        << 5 << s("ghost@example.test");
    QTest::newRow("revoke a grant that does not exist -> 5")
        << kAdmin.email << kPw << QStringList{s("revoke"), kViewer.email, s("--branch"), bm} << 5
        << QString();
    QTest::newRow("editor deploys to a sibling branch -> 5 (not visible)")
        << kEditor.email << kPw
        << QStringList{s("deploy"), ha} + files + QStringList{s("--notes"), s("x")} << 5
        << QString();
    QTest::newRow("editor deploys to another company -> 5 (not visible)")
        << kEditor.email << kPw
        << QStringList{s("deploy"), kz} + files + QStringList{s("--notes"), s("x")} << 5
        << QString();
    // 8: file I/O
    QTest::newRow("prompt file missing -> 8")
        << kAdmin.email << kPw
        << QStringList{s("deploy"),  bm,          s("--prompt"), s("/nonexistent/prompt.txt"),
                       s("--tools"), s("@tools"), s("--notes"),  s("x")}
        << 8 << s("/nonexistent/prompt.txt");
    QTest::newRow("import file missing -> 8")
        << kAdmin.email << kPw
        << QStringList{s("import"), bm, s("/nonexistent/export.json"), s("--notes"), s("x")} << 8
        << s("/nonexistent/export.json");
    QTest::newRow("export to an unwritable path -> 8")
        << kAdmin.email << kPw
        << QStringList{s("export"), bm, s("--output"), s("/nonexistent-dir/out.json")} << 8
        << s("/nonexistent-dir/out.json");
    // 4: authentication and permission
    QTest::newRow("wrong password -> 4")
        << kAdmin.email << s("not-the-password") << QStringList{s("branches")} << 4 << QString();
    QTest::newRow("unknown user -> 4")
        << s("ghost@example.test") << kPw << QStringList{s("branches")} << 4 << QString();
    QTest::newRow("no user given -> 4")
        << QString() << kPw << QStringList{s("show"), bm} << 4 << s("--user");
    QTest::newRow("no password and no terminal -> 4")
        << kAdmin.email << kUnset << QStringList{s("show"), bm} << 4 << s("RETELL_ADMIN_PASSWORD");
    QTest::newRow("empty password -> 4") << kAdmin.email << QString(QLatin1String(""))
                                         << QStringList{s("show"), bm} << 4 << QString();
    QTest::newRow("viewer deploys -> 4")
        << kViewer.email << kPw
        << QStringList{s("deploy"), bm} + files + QStringList{s("--notes"), s("x")} << 4
        << s("viewer");
    QTest::newRow("viewer rolls back -> 4")
        << kViewer.email << kPw << QStringList{s("rollback"), bm, s("--to"), s("1")} << 4
        << s("viewer");
    QTest::newRow("viewer applies a template -> 4")
        << kViewer.email << kPw
        << QStringList{s("apply-template"), bm, s("Information Only"), s("--notes"), s("x")} << 4
        << s("viewer");
    QTest::newRow("viewer imports -> 4")
        << kViewer.email << kPw << QStringList{s("import"), bm, s("@export"), s("--notes"), s("x")}
        << 4 << s("viewer");
    QTest::newRow("editor grants -> 4")
        << kEditor.email << kPw
        << QStringList{s("grant"), kViewer.email, s("--role"), s("editor"), s("--branch"), bm} << 4
        << QString();
    // 7: database
    QTest::newRow("unreachable database -> 7")
        << kAdmin.email << kPw
        << QStringList{s("--db"), s("mysql://nobody@127.0.0.1:1/none?connect_timeout=3"),
                       s("branches")}
        << 7 << QString();
}

void TestCli::errorExitCodes()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const QString exportFile =
        writeFile(QStringLiteral("valid-export.json"),
                  QByteArrayLiteral(
                      "{\"general_prompt\": \"Hallo {{branch_name}}.\", \"general_tools\": []}"));
    for (QString &a : args) {
        if (a == QLatin1String("@prompt"))
            a = m_prompt;
        else if (a == QLatin1String("@tools"))
            a = m_tools;
        else if (a == QLatin1String("@export"))
            a = exportFile;
    }
    const QString before = snapshot();
    QProcessEnvironment extra;
    if (args.contains(QStringLiteral(
            "--db"))) // another database: give it a password so only the connection can fail
        extra.insert(QStringLiteral("RETELL_ADMIN_DB_PASSWORD"), QStringLiteral("irrelevant"));
    const CliResult r = m_cli.run(args, Who{email, password}, extra);
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
    RETELL_VERIFY_CLEAN_ERROR(r);
    if (!says.isEmpty())
        QVERIFY2(r.firstErrorLine().contains(says, Qt::CaseInsensitive),
                 qPrintable(says + QStringLiteral(" not in: ") + r.firstErrorLine()));
    QCOMPARE(snapshot(), before);
}

void TestCli::passwordNeverOnCommandLine_data()
{
    QTest::addColumn<QStringList>("args");
    const QString secret = QStringLiteral("Top$ecret-4711");
    QTest::newRow("--password before the command")
        << QStringList{s("--password"), secret, s("branches")};
    QTest::newRow("--password=VALUE before the command")
        << QStringList{s("--password=") + secret, s("branches")};
    QTest::newRow("--password after the command")
        << QStringList{s("branches"), s("--password"), secret};
    QTest::newRow("--password=VALUE after the command")
        << QStringList{s("show"), QString::fromLatin1(kBerlinMitte), s("--password=") + secret};
    QTest::newRow("password inside the database URL") << QStringList{
        s("--db"), s("mysql://root:") + secret + s("@127.0.0.1:3306/retell"), s("branches")};
}

void TestCli::passwordNeverOnCommandLine()
{
    QFETCH(QStringList, args);
    // Valid credentials in the environment: only the refusal can make it fail.
    const CliResult r = cli(args, Who{kAdmin.email, kPw});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    RETELL_VERIFY_CLEAN_ERROR(r);
    QVERIFY2(r.firstErrorLine().contains(QLatin1String("password"), Qt::CaseInsensitive),
             qPrintable(r.firstErrorLine()));
    QVERIFY2(!r.stderrText().contains(QLatin1String("Top$ecret-4711")),
             "the error repeats the password");
}

void TestCli::badInputFiles_data()
{
    QTest::addColumn<QString>("command"); // deploy or import
    QTest::addColumn<QByteArray>(
        "prompt"); // deploy: prompt file ("" = valid one, "10MB" = 10 MB); import: the file
    QTest::addColumn<QByteArray>("tools"); // deploy: tools file ("" = valid one)
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("saysOneOf"); // the stderr text names the problem
    const QByteArray invalidUtf8 = QByteArrayLiteral("Guten Tag \xC3\x28 und \xFF\xFE willkommen");
    QTest::newRow("deploy: malformed tools JSON -> 3")
        << s("deploy") << QByteArray() << QByteArrayLiteral("[{\"type\": \"end_call\", \"name\": ")
        << 3 << QStringList{s("JSON")};
    QTest::newRow("deploy: tools an object -> 3")
        << s("deploy") << QByteArray() << QByteArrayLiteral("{\"type\": \"end_call\"}") << 3
        << QStringList{s("array")};
    QTest::newRow("deploy: 10 MB prompt -> clear error")
        << s("deploy") << QByteArrayLiteral("10MB") << QByteArray() << 3
        << QStringList{s("large"), s("long"), s("MB"), s("characters"), s("tokens")};
    QTest::newRow("deploy: invalid UTF-8 prompt -> clear error")
        << s("deploy") << invalidUtf8 << QByteArray() << 2 << QStringList{s("UTF-8")};
    QTest::newRow("deploy: invalid UTF-8 tools -> clear error")
        << s("deploy") << QByteArray() << QByteArray("[\"\xFF\"]") << 2 << QStringList{s("UTF-8")};
    QTest::newRow("deploy: empty prompt -> 3")
        << s("deploy") << QByteArrayLiteral("\n\n") << QByteArray() << 3 << QStringList{s("empty")};
    QTest::newRow("import: malformed JSON -> 2")
        << s("import") << QByteArrayLiteral("{\"general_prompt\": \"Hi\",") << QByteArray() << 2
        << QStringList{s("JSON")};
    QTest::newRow("import: invalid UTF-8 -> 2")
        << s("import") << QByteArray("{\"general_prompt\": \"\xC3\x28\"}") << QByteArray() << 2
        << QStringList{s("UTF-8")};
    QTest::newRow("import: JSON array, not an object -> 2")
        << s("import") << QByteArrayLiteral("[1, 2]") << QByteArray() << 2
        << QStringList{s("object")};
    QTest::newRow("import: tools not an array -> 2")
        << s("import") << QByteArrayLiteral("{\"general_prompt\": \"Hi\", \"general_tools\": {}}")
        << QByteArray() << 2 << QStringList{s("array")};
}

void TestCli::badInputFiles()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, prompt);
    QFETCH(QByteArray, tools);
    QFETCH(int, exitCode);
    QFETCH(QStringList, saysOneOf);
    const QString bm = QString::fromLatin1(kBerlinMitte);
    QStringList args;
    if (command == QLatin1String("deploy")) {
        const QString promptFile = prompt.isEmpty()
                                       ? m_prompt
                                       : writeFile(QStringLiteral("bad-prompt.txt"),
                                                   prompt == "10MB" ? tenMegabytePrompt() : prompt);
        const QString toolsFile =
            tools.isEmpty() ? m_tools : writeFile(QStringLiteral("bad-tools.json"), tools);
        args = {s("deploy"),  bm,        s("--prompt"), promptFile,
                s("--tools"), toolsFile, s("--notes"),  s("bad input")};
    } else {
        args = {s("import"), bm, writeFile(QStringLiteral("bad-import.json"), prompt), s("--notes"),
                s("bad input")};
    }
    const QString before = snapshot();
    const CliResult r = cli(args, Who{kEditor.email, kPw});
    QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
    RETELL_VERIFY_CLEAN_ERROR(r);
    bool named = false;
    for (const QString &word : std::as_const(saysOneOf))
        named = named || r.stderrText().contains(word, Qt::CaseInsensitive);
    QVERIFY2(named, qPrintable(saysOneOf.join(QLatin1Char('/')) + QStringLiteral(" not in: ") +
                               r.stderrText().left(1000)));
    QVERIFY2(r.err.size() < 4096, "the error output is not a clear line but a flood");
    QCOMPARE(snapshot(), before);
}

void TestCli::validateBadInputFiles_data()
{
    QTest::addColumn<QByteArray>("prompt");
    QTest::addColumn<QByteArray>("tools");
    QTest::addColumn<QString>("says");
    QTest::newRow("10 MB prompt") << QByteArrayLiteral("10MB") << QByteArray() << QString();
    QTest::newRow("invalid UTF-8 prompt")
        << QByteArray("Hallo \xC3\x28 Welt") << QByteArray() << s("UTF-8");
    QTest::newRow("invalid UTF-8 tools") << QByteArray() << QByteArray("[\"\xFF\"]") << s("UTF-8");
}

void TestCli::validateBadInputFiles()
{
    QFETCH(QByteArray, prompt);
    QFETCH(QByteArray, tools);
    QFETCH(QString, says);
    const QString promptFile = prompt.isEmpty()
                                   ? m_prompt
                                   : writeFile(QStringLiteral("vb-prompt.txt"),
                                               prompt == "10MB" ? tenMegabytePrompt() : prompt);
    const QString toolsFile =
        tools.isEmpty() ? m_tools : writeFile(QStringLiteral("vb-tools.json"), tools);
    QElapsedTimer timer;
    timer.start();
    const CliResult r =
        cli({s("--json"), s("validate"), s("--prompt"), promptFile, s("--tools"), toolsFile}, {});
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    QVERIFY2(timer.elapsed() < 30000, "validating 10 MB took more than 30 s");
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("invalid"));
    QVERIFY(o.value(QStringLiteral("errors")).toInt() >= 1);
    if (!says.isEmpty())
        QVERIFY2(r.stdoutText().contains(says), qPrintable(r.describe()));
}

void TestCli::notesStoredVerbatim_data()
{
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QString>("templateName");
    QTest::newRow("DROP TABLE and a rocket") << s("'; DROP TABLE users; -- 🚀") << QString();
    QTest::newRow("OR 1=1 with double quotes") << s("\" OR \"1\"=\"1\"; --") << QString();
    QTest::newRow("backslashes, LIKE wildcards, NUL-free escapes")
        << s("C:\\new\\table 100% _done_ \\' \\\" \\\\") << QString();
    QTest::newRow("emoji sequences and scripts")
        << s("👩‍💻 Team 🇩🇪 – grüße, 中文, العربية, ☃") << QString();
    QTest::newRow("multi-line with comment markers")
        << s("line 1\n/* not a comment */\n# nor this\r\n-- nor this") << QString();
    QTest::newRow("metacharacters in the template name")
        << s("template name test") << s("Robert'); DROP TABLE retell_agent_prompts;-- 🚀");
}

void TestCli::notesStoredVerbatim()
{
    QFETCH(QString, notes);
    QFETCH(QString, templateName);
    const QString bm = QString::fromLatin1(kBerlinMitte);
    const QString users = scalar(s("SELECT COUNT(*) FROM users"));
    // The same content each time: only the notes differ.
    QStringList args{s("deploy"),  bm,    s("--prompt"),         m_prompt, s("--tools"), m_tools,
                     s("--notes"), notes, s("--allow-unchanged")};
    if (!templateName.isEmpty())
        args << s("--template") << templateName;
    const CliResult r = cli(args, Who{kEditor.email, kPw});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    const CliResult show = cli({s("--json"), s("show"), bm}, Who{kViewer.email, kPw});
    QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
    const QJsonObject o = show.json().object();
    QCOMPARE(o.value(QStringLiteral("notes")).toString(), notes);
    if (!templateName.isEmpty())
        QCOMPARE(o.value(QStringLiteral("template_name")).toString(), templateName);
    QCOMPARE(scalar(s("SELECT deployment_notes FROM retell_agent_prompts WHERE branch_id = ? AND "
                      "is_active = TRUE"),
                    {bm}),
             notes);
    QCOMPARE(scalar(s("SELECT COUNT(*) FROM users")), users);

    const CliResult history =
        cli({s("--json"), s("history"), bm, s("--limit"), s("1")}, Who{kViewer.email, kPw});
    QVERIFY2(history.exitCode == 0, qPrintable(history.describe()));
    QCOMPARE(history.json()
                 .object()
                 .value(QStringLiteral("versions"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("notes"))
                 .toString(),
             notes);
}
