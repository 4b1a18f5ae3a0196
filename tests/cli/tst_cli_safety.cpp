// What retell-admin-cli does with hostile content and hostile surroundings:
// escape sequences in stored notes and prompts (a terminal sees them escaped,
// pipes and --json get the exact text), full disks and devices as export
// targets, read-only and mistyped databases, out-of-range numbers, endless
// inputs, and grants naming companies that are not there.
#include "TestDatabase.h"
#include "cli_runner.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "templates/TemplateService.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kBerlinMitte = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
// Sets the terminal's clipboard (OSC 52), moves the cursor home and clears
// the line, then reverses the text direction.
const QString kHostile = QStringLiteral("ok\x1b]52;c;ZXZpbA==\x07\r\x1b[2Kfake \u202Eevil");
const QString kHostileShown =
    QStringLiteral("ok\\x1b]52;c;ZXZpbA==\\x07\\x0d\\x1b[2Kfake \\u202eevil");

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

// Every row of the web application's and the app's tables, hashed in a
// fixed order; empty when a table cannot be read.
QByteArray rowsHash(const ConnectionSpec &spec)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        auto db = Database::connection(spec);
        if (!db)
            return {};
        for (const char *table :
             {"companies", "branches", "users", "retell_agent_prompts", "retell_admin_templates",
              "retell_admin_grants", "retell_admin_migrations"}) {
            QSqlQuery q(db.value());
            if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(QLatin1String(table))))
                return {};
            hash.addData(table);
            while (q.next()) {
                const QSqlRecord record = q.record();
                for (int i = 0; i < record.count(); ++i)
                    hash.addData(record.value(i).toString().toUtf8() + '\x1f');
                hash.addData("\n");
            }
        }
    }
    Database::dropConnection(spec);
    return hash.result();
}

QString scalarOn(const ConnectionSpec &spec, const QString &sql)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return conn.error().message;
    auto q = Database::exec(conn.value(), sql);
    const QString value = q && q->next() ? q->value(0).toString() : QStringLiteral("<none>");
    Database::releaseStatements();
    return value;
}

} // namespace

class TestCliSafety final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        RETELL_REQUIRE_DB(m_db);
        auto app = CliRunner::seededDemo(m_db.spec());
        QVERIFY2(app, qPrintable(app ? QString() : app.error().message));
        m_cli.setSpec(app.value());
        // A version whose notes and prompt carry escape sequences, as the web
        // application (or anyone with the database credentials) could write.
        const Template basic = TemplateService::builtIns().value(1);
        m_prompt = writeFile(QStringLiteral("prompt.txt"), basic.config.prompt.toUtf8());
        m_tools = writeFile(QStringLiteral("tools.json"), basic.config.toolsJson.toUtf8());
        const CliResult deployed =
            m_cli.run({QStringLiteral("deploy"), kBerlinMitte, QStringLiteral("--prompt"), m_prompt,
                       QStringLiteral("--tools"), m_tools, QStringLiteral("--notes"),
                       QStringLiteral("placeholder")},
                      kEditor);
        QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.describe()));
        auto conn = Database::connection(m_db.spec());
        QVERIFY(conn);
        auto updated = Database::exec(
            conn.value(),
            QStringLiteral(
                "UPDATE retell_agent_prompts SET deployment_notes = ?, prompt_content = ? "
                "WHERE branch_id = ? AND is_active = TRUE"),
            {kHostile,
             basic.config.prompt + QStringLiteral("\nfiller line of the prompt").repeated(4000) +
                 QStringLiteral("\nLast line ") + kHostile + QLatin1Char('\n'),
             kBerlinMitte});
        QVERIFY2(updated, qPrintable(updated ? QString()
                                             : updated.error().message + updated.error().detail));
        Database::releaseStatements();
    }

    // §5: a terminal never receives the raw escape sequences.
    void terminalSeesEscapedControls_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("history") << QStringList{QStringLiteral("history"), kBerlinMitte};
        QTest::newRow("show") << QStringList{QStringLiteral("show"), kBerlinMitte};
    }

    void terminalSeesEscapedControls()
    {
        QFETCH(QStringList, args);
        RunOptions terminal;
        terminal.terminal = true;
        const CliResult onTerminal = m_cli.run(args, kViewer, {}, terminal);
        QVERIFY2(onTerminal.exitCode == 0, qPrintable(onTerminal.describe()));
        QVERIFY2(!onTerminal.out.contains('\x1b') && !onTerminal.out.contains('\x07') &&
                     !onTerminal.out.contains('\r'),
                 onTerminal.out.toHex().constData());
        QVERIFY2(!onTerminal.stdoutText().contains(QChar(0x202E)),
                 qPrintable(onTerminal.stdoutText()));
        QVERIFY2(onTerminal.stdoutText().contains(kHostileShown),
                 qPrintable(onTerminal.stdoutText()));

        // A pipe gets the exact text.
        const CliResult piped = m_cli.run(args, kViewer);
        QVERIFY2(piped.exitCode == 0, qPrintable(piped.describe()));
        QVERIFY2(piped.stdoutText().contains(kHostile), qPrintable(piped.describe()));

        // --json on a terminal: JSON escapes, and the text parses back exactly.
        const CliResult json =
            m_cli.run(QStringList{QStringLiteral("--json")} + args, kViewer, {}, terminal);
        QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
        QVERIFY2(!json.out.contains('\x1b'), json.out.constData());
        QVERIFY2(json.stdoutText().contains(QLatin1String("\\u001b]52")),
                 qPrintable(json.stdoutText()));
        const QJsonObject o = json.json().object();
        const QString notes = o.contains(QLatin1String("versions"))
                                  ? o.value(QLatin1String("versions"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QLatin1String("notes"))
                                        .toString()
                                  : o.value(QLatin1String("notes")).toString();
        QCOMPARE(notes, kHostile);
    }

    // §5: export to a file keeps the exact bytes.
    void exportKeepsExactText()
    {
        const QString path = m_files.filePath(QStringLiteral("exact.json"));
        const CliResult r = m_cli.run(
            {QStringLiteral("export"), kBerlinMitte, QStringLiteral("--output"), path}, kViewer);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(f.readAll()).toJson().contains("\\u001b]52"));
    }

    // §7: a device is never replaced by a regular file.
    void exportToDeviceIsRefused()
    {
        const CliResult r = m_cli.run({QStringLiteral("export"), kBerlinMitte,
                                       QStringLiteral("--output"), QStringLiteral("/dev/full")},
                                      kViewer);
        QCOMPARE(r.exitCode, 8);
        RETELL_VERIFY_CLEAN_ERROR(r);
        QVERIFY2(r.firstErrorLine().contains(QLatin1String("not a regular file")),
                 qPrintable(r.describe()));
        struct stat info
        {
        };
        QCOMPARE(::stat("/dev/full", &info), 0);
        QVERIFY(S_ISCHR(info.st_mode));
    }

    // §7: a write that fails (the file size limit stands in for a full disk)
    // is exit 8, and the previous export stays byte for byte.
    void failedExportKeepsThePreviousFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.json"));
        const QByteArray previous(3000, 'p');
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(previous);
        }
        RunOptions limited;
        // A file size limit of 64 KB (dash counts 512-byte blocks) stands in
        // for a full disk: enough for SQLite's 32 KB WAL index, not for the
        // 100 KB export.
        limited.shellPrefix = QStringLiteral("ulimit -f 128; trap '' XFSZ");
        const CliResult r =
            m_cli.run({QStringLiteral("export"), kBerlinMitte, QStringLiteral("--output"), path},
                      kViewer, {}, limited);
        QVERIFY2(r.exitCode == 8, qPrintable(r.describe()));
        RETELL_VERIFY_CLEAN_ERROR(r);
        QVERIFY2(r.firstErrorLine().contains(QLatin1String("previous file is unchanged")),
                 qPrintable(r.describe()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), previous);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("export.json")});
    }

    // §7: standard output that cannot be written is an error, not exit 0.
    void fullStandardOutputIsAnError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("export > /dev/full") << QStringList{QStringLiteral("export"), kBerlinMitte};
        QTest::newRow("history > /dev/full")
            << QStringList{QStringLiteral("history"), kBerlinMitte};
        QTest::newRow("--json show > /dev/full")
            << QStringList{QStringLiteral("--json"), QStringLiteral("show"), kBerlinMitte};
    }

    void fullStandardOutputIsAnError()
    {
        QFETCH(QStringList, args);
        RunOptions full;
        full.stdoutFile = QStringLiteral("/dev/full");
        const CliResult r = m_cli.run(args, kViewer, {}, full);
        QCOMPARE(r.exitCode, 8);
        QVERIFY2(r.firstErrorLine().startsWith(
                     QLatin1String("retell-admin-cli: Cannot write to standard output")),
                 qPrintable(r.describe()));
    }

    // §11: numbers out of range are usage errors naming the range.
    void numbersAreRangeChecked_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("said");
        QTest::newRow("show --version -1")
            << QStringList{QStringLiteral("show"), kBerlinMitte, QStringLiteral("--version"),
                           QStringLiteral("-1")}
            << "--version";
        QTest::newRow("show --version 0")
            << QStringList{QStringLiteral("show"), kBerlinMitte, QStringLiteral("--version"),
                           QStringLiteral("0")}
            << "at least 1";
        QTest::newRow("history --limit -5")
            << QStringList{QStringLiteral("history"), kBerlinMitte, QStringLiteral("--limit"),
                           QStringLiteral("-5")}
            << "--limit";
        QTest::newRow("history --before -1")
            << QStringList{QStringLiteral("history"), kBerlinMitte, QStringLiteral("--before"),
                           QStringLiteral("-1")}
            << "--before";
        QTest::newRow("export --version 99999999999")
            << QStringList{QStringLiteral("export"), kBerlinMitte, QStringLiteral("--version"),
                           QStringLiteral("99999999999")}
            << "--version";
        QTest::newRow("diff --context 2147483647")
            << QStringList{QStringLiteral("diff"), QStringLiteral("a"), QStringLiteral("b"),
                           QStringLiteral("--context"), QStringLiteral("2147483647")}
            << "--context";
        QTest::newRow("diff --width 2147483647")
            << QStringList{QStringLiteral("diff"), QStringLiteral("a"), QStringLiteral("b"),
                           QStringLiteral("--width"), QStringLiteral("2147483647")}
            << "from 20 to 1000";
        QTest::newRow("diff --width -3")
            << QStringList{QStringLiteral("diff"), QStringLiteral("a"), QStringLiteral("b"),
                           QStringLiteral("--width"), QStringLiteral("-3")}
            << "--width";
    }

    void numbersAreRangeChecked()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, said);
        const CliResult r = m_cli.run(args, kViewer);
        QCOMPARE(r.exitCode, 2);
        RETELL_VERIFY_CLEAN_ERROR(r);
        QVERIFY2(r.firstErrorLine().contains(said), qPrintable(r.describe()));
        QCOMPARE(r.stderrText().count(QLatin1Char('\n')), 1);
    }

    // §11: endless or huge inputs are refused with a sentence, never read
    // forever, never cut silently.
    void inputsHaveASizeLimit_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("said");
        QTest::newRow("validate --prompt /dev/zero")
            << QStringList{QStringLiteral("validate"), QStringLiteral("--prompt"),
                           QStringLiteral("/dev/zero"), QStringLiteral("--tools"),
                           QStringLiteral("/dev/null")}
            << "The file /dev/zero is larger than";
        QTest::newRow("diff /dev/zero /dev/null")
            << QStringList{QStringLiteral("diff"), QStringLiteral("/dev/zero"),
                           QStringLiteral("/dev/null")}
            << "The file /dev/zero is larger than";
        QTest::newRow("import of /dev/urandom")
            << QStringList{QStringLiteral("import"), kBerlinMitte, QStringLiteral("/dev/urandom"),
                           QStringLiteral("--notes"), QStringLiteral("x")}
            << "The file /dev/urandom is larger than";
    }

    void inputsHaveASizeLimit()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, said);
        const CliResult r = m_cli.run(args, kEditor);
        QVERIFY2(!r.crashed && r.exitCode == 2, qPrintable(r.describe()));
        RETELL_VERIFY_CLEAN_ERROR(r);
        QVERIFY2(r.firstErrorLine().contains(said), qPrintable(r.describe()));
    }

    // §11: a grant names an existing, live company, written as the database has it.
    void grantsNameLiveCompanies_data()
    {
        QTest::addColumn<QString>("companyId");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("leading zero") << "01" << 2;
        QTest::newRow("leading space") << " 1" << 2;
        QTest::newRow("trailing space") << "1 " << 2;
        QTest::newRow("plus sign") << "+1" << 2;
        QTest::newRow("no such company") << "987654" << 5;
        QTest::newRow("soft-deleted company") << "deleted" << 5;
    }

    void grantsNameLiveCompanies()
    {
        QFETCH(QString, companyId);
        QFETCH(int, exitCode);
        if (companyId == QLatin1String("deleted")) {
            auto conn = Database::connection(m_db.spec());
            QVERIFY(conn);
            QVERIFY(Database::exec(conn.value(),
                                   QStringLiteral("INSERT INTO companies (name, deleted_at) VALUES "
                                                  "('Gone GmbH', '2024-01-01 00:00:00')")));
            companyId = scalarOn(
                m_db.spec(), QStringLiteral("SELECT id FROM companies WHERE name = 'Gone GmbH'"));
        }
        const QString before =
            scalarOn(m_db.spec(), QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants"));
        const CliResult r =
            m_cli.run({QStringLiteral("grant"), kViewer.email, QStringLiteral("--role"),
                       QStringLiteral("editor"), QStringLiteral("--company"), companyId},
                      kAdmin);
        QCOMPARE(r.exitCode, exitCode);
        RETELL_VERIFY_CLEAN_ERROR(r);
        QCOMPARE(scalarOn(m_db.spec(), QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants")),
                 before);
    }

    // §8: reading never creates a database (nor its folder).
    void mistypedSqlitePathIsNotCreated_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("branches") << QStringList{QStringLiteral("branches")};
        QTest::newRow("show") << QStringList{QStringLiteral("show"), kBerlinMitte};
        QTest::newRow("templates") << QStringList{QStringLiteral("templates")};
        QTest::newRow("seed") << QStringList{QStringLiteral("seed")};
    }

    void mistypedSqlitePathIsNotCreated()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("typo/retel.sqlite"));
        ConnectionSpec spec;
        spec.path = path;
        const CliResult r = CliRunner(spec).run(args, kViewer);
        QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
        RETELL_VERIFY_CLEAN_ERROR(r);
        QVERIFY2(r.firstErrorLine().contains(QLatin1String("does not exist")),
                 qPrintable(r.describe()));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("typo"))));
        // migrate is what creates one.
        const CliResult migrate = CliRunner(spec).run({QStringLiteral("migrate")});
        QVERIFY2(migrate.exitCode == 0, qPrintable(migrate.describe()));
        QVERIFY(QFileInfo::exists(path));
    }

    // §8: every read works on a database file nobody may write, in a folder
    // nobody may write, and leaves it byte for byte as it was.
    void readOnlyDatabaseServesEveryRead()
    {
        // Root ignores file modes: as root, the CLI runs as nobody here.
        RunOptions unprivileged;
        unprivileged.unprivileged = true;
        QTemporaryDir dir;
        ConnectionSpec spec;
        spec.path = dir.filePath(QStringLiteral("ro.sqlite"));
        const CliRunner runner(spec);
        QCOMPARE(runner.run({QStringLiteral("migrate")}).exitCode, 0);
        QCOMPARE(runner.run({QStringLiteral("seed"), QStringLiteral("--demo")}).exitCode, 0);
        const auto readOnly =
            QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        const auto enter = QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(spec.path, readOnly));
        QVERIFY(QFile::setPermissions(dir.path(), readOnly | enter));
        const QByteArray before = fileHash(spec.path);
        const QList<QStringList> reads = {
            {QStringLiteral("branches")},
            {QStringLiteral("templates")},
            {QStringLiteral("show"), kBerlinMitte},
            {QStringLiteral("history"), kBerlinMitte},
            {QStringLiteral("grants")},
            {QStringLiteral("export"), kBerlinMitte},
            {QStringLiteral("diff"), QStringLiteral("template:Basic Appointment Booking"),
             kBerlinMitte + QStringLiteral("@active")},
        };
        for (const QStringList &args : reads) {
            const CliResult r = runner.run(args, kAdmin, {}, unprivileged);
            QVERIFY2(r.exitCode == 0 || (args.first() == QLatin1String("diff") && r.exitCode == 1),
                     qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.describe()));
        }
        QCOMPARE(fileHash(spec.path), before);
        QVERIFY(!QFileInfo::exists(spec.path + QStringLiteral("-journal")));
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner);
    }

    // §8: read commands leave the database byte for byte as it was, even
    // where the file system would let them write (the templates index too).
    // On a server, every row of every table (and their number) as it was.
    void readsWriteNothing()
    {
        Database::dropConnection(m_db.spec());
        const QString path = m_db.spec().path;
        const bool server = TestDatabase::isServer();
        if (!server) { // checkpoint first, so the comparison covers the main file alone
            const CliResult write = m_cli.run({QStringLiteral("migrate")});
            QCOMPARE(write.exitCode, 0);
        }
        const QByteArray before = server ? rowsHash(m_db.spec()) : fileHash(path);
        QVERIFY(!before.isEmpty());
        for (const QStringList &args :
             QList<QStringList>{{QStringLiteral("templates")},
                                {QStringLiteral("branches")},
                                {QStringLiteral("history"), kBerlinMitte}}) {
            const CliResult r = m_cli.run(args, kAdmin);
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        }
        if (server) {
            QCOMPARE(rowsHash(m_db.spec()), before);
            return;
        }
        QCOMPARE(fileHash(path), before);
        // SQLite may leave an empty WAL file behind, never a written one.
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    }

    // §11: a Qt warning never comes before the program's one error line.
    void qtWarningsDoNotBreakTheErrorLine()
    {
        ConnectionSpec spec;
        spec.dialect = Dialect::MySQL;
        spec.host = QStringLiteral("127.0.0.1");
        spec.port = 9; // nothing listens
        spec.database = QStringLiteral("d");
        spec.user = QStringLiteral("u");
        spec.password = QStringLiteral("p");
        const CliResult r = CliRunner(spec).run({QStringLiteral("branches")}, kViewer, [] {
            QProcessEnvironment e;
            e.insert(QStringLiteral("QT_DEBUG_PLUGINS"), QStringLiteral("1"));
            return e;
        }());
        QCOMPARE(r.exitCode, 7);
        RETELL_VERIFY_CLEAN_ERROR(r);
        QCOMPARE(r.stderrText().count(QLatin1Char('\n')), 1);
    }

private:
    QString writeFile(const QString &name, const QByteArray &content) const
    {
        return writeTestFile(m_files, name, content);
    }

    TestDatabase m_db;
    CliRunner m_cli;
    QTemporaryDir m_files;
    QString m_prompt;
    QString m_tools;
};

QTEST_GUILESS_MAIN(TestCliSafety)
#include "tst_cli_safety.moc"
