// `retell-admin-cli merge OURS BASE THEIRS` on files, driven as a process,
// and the merged export fed back through the importer.
#include "io/AgentConfigCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

class TestCliMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plainText_data();
    void plainText();
    void configurationsGiveAMergedExport();
    void jsonReport();
    void outputFile();
    void refusals_data();
    void refusals();
    void resolvedExportImports();

private:
    QString file(const QString &name, const QByteArray &content);
    Run run(const QStringList &args);

    QTemporaryDir m_dir;
};

QByteArray config(const char *prompt, const char *tools)
{
    return QByteArray("{\"prompt\": \"") + prompt +
           "\", \"tools\": " + QByteArray(tools).replace('\'', '"') + "}";
}

} // namespace

void TestCliMerge::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCliMerge::file(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

Run TestCliMerge::run(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("RETELL_ADMIN_DB"));
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(RETELL_CLI_PATH), QStringList{QStringLiteral("merge")} + args);
    process.waitForFinished(-1);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestCliMerge::plainText_data()
{
    QTest::addColumn<QByteArray>("ours");
    QTest::addColumn<QByteArray>("theirs");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("clean") << QByteArray("A\nb\nc\n") << QByteArray("a\nb\nC\n") << 0
                           << QByteArray("A\nb\nC\n");
    QTest::newRow("conflict with git-style markers")
        << QByteArray("a\nY\nc\n") << QByteArray("a\nX\nc\n") << 1
        << QByteArray("a\n<<<<<<< ours\nY\n||||||| base\nb\n=======\nX\n>>>>>>> theirs\nc\n");
    QTest::newRow("different words of one line")
        << QByteArray("a\nthe big cat\nc\n") << QByteArray("a\nthe cat sat\nc\n") << 0
        << QByteArray("a\nthe big cat sat\nc\n");
}

void TestCliMerge::plainText()
{
    QFETCH(QByteArray, ours);
    QFETCH(QByteArray, theirs);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, expected);
    const QByteArray base = ours.contains("cat") ? "a\nthe cat\nc\n" : "a\nb\nc\n";
    const Run r =
        run({file(QStringLiteral("ours.txt"), ours), file(QStringLiteral("base.txt"), base),
             file(QStringLiteral("theirs.txt"), theirs)});
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(r.out, expected);
}

void TestCliMerge::configurationsGiveAMergedExport()
{
    const QString base =
        file(QStringLiteral("base.json"),
             config("Hello\\nBye\\n", "[{'name':'a','description':'x'},{'name':'b'}]"));
    const QString ours =
        file(QStringLiteral("ours.json"),
             config("Hi\\nBye\\n", "[{'name':'a','description':'y'},{'name':'b'}]"));
    const QString theirs =
        file(QStringLiteral("theirs.json"),
             config("Hello\\nBye\\n", "[{'name':'a','description':'z'},{'name':'c'}]"));
    const Run r = run({ours, base, theirs});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject merged = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(merged.value(QStringLiteral("clean")).toBool(true), false);
    QCOMPARE(merged.value(QStringLiteral("prompt")).toString(), QStringLiteral("Hi\nBye\n"));
    // b removed and c added by theirs; a's description conflicts and keeps ours.
    QCOMPARE(merged.value(QStringLiteral("tools")).toArray(),
             QJsonDocument::fromJson(R"([{"name":"a","description":"y"},{"name":"c"}])").array());
    const QJsonArray conflicts = merged.value(QStringLiteral("conflicts")).toArray();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject conflict = conflicts.first().toObject();
    QCOMPARE(conflict.value(QStringLiteral("kind")).toString(), QStringLiteral("tool"));
    QCOMPARE(conflict.value(QStringLiteral("tool")).toString(), QStringLiteral("a"));
    QCOMPARE(conflict.value(QStringLiteral("path")).toString(), QStringLiteral("description"));
    QCOMPARE(conflict.value(QStringLiteral("theirs")).toString(), QStringLiteral("z"));
    QVERIFY(r.err.contains("conflicts left to resolve: 1"));
}

void TestCliMerge::jsonReport()
{
    const Run r = run({QStringLiteral("--json"), file(QStringLiteral("o.txt"), "a\nY\nc\n"),
                       file(QStringLiteral("b.txt"), "a\nb\nc\n"),
                       file(QStringLiteral("t.txt"), "a\nX\nc\n")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(report.value(QStringLiteral("clean")).toBool(true), false);
    QCOMPARE(report.value(QStringLiteral("tools")).toArray(), QJsonArray());
    const QJsonObject conflict =
        report.value(QStringLiteral("conflicts")).toArray().first().toObject();
    QCOMPARE(conflict.value(QStringLiteral("kind")).toString(), QStringLiteral("prompt"));
    const QJsonObject theirs = conflict.value(QStringLiteral("theirs")).toObject();
    QCOMPARE(theirs.value(QStringLiteral("first_line")).toInt(), 2);
    QCOMPARE(theirs.value(QStringLiteral("line_count")).toInt(), 1);
    QCOMPARE(theirs.value(QStringLiteral("text")).toString(), QStringLiteral("X\n"));
}

void TestCliMerge::outputFile()
{
    const QString output = m_dir.filePath(QStringLiteral("merged.txt"));
    const Run r =
        run({file(QStringLiteral("o.txt"), "A\nb\nc\n"), file(QStringLiteral("b.txt"), "a\nb\nc\n"),
             file(QStringLiteral("t.txt"), "a\nb\nC\n"), QStringLiteral("--output"), output});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QFile merged(output);
    QVERIFY(merged.open(QIODevice::ReadOnly));
    QCOMPARE(merged.readAll(), QByteArray("A\nb\nC\n"));
}

void TestCliMerge::refusals_data()
{
    QTest::addColumn<QByteArray>("ours");
    QTest::addColumn<int>("operands");
    QTest::addColumn<QString>("message");
    QTest::newRow("two operands") << QByteArray("x\n") << 2 << "usage: merge OURS BASE THEIRS";
    QTest::newRow("invalid UTF-8")
        << QByteArray("ok\n\xff\n") << 3
        << "The ours prompt (ours.txt) is not valid UTF-8: bad byte at offset 3.";
    // A configuration file follows the import rules (AgentConfigCodec): tools
    // are an array, never a string holding JSON.
    QTest::newRow("tools a string, not an array")
        << config("p", "'['") << 3 << "ours.txt: \"tools\" must be a JSON array.";
}

void TestCliMerge::refusals()
{
    QFETCH(QByteArray, ours);
    QFETCH(int, operands);
    QFETCH(QString, message);
    QStringList args{file(QStringLiteral("ours.txt"), ours),
                     file(QStringLiteral("base.txt"), "x\n"),
                     file(QStringLiteral("theirs.txt"), "x\n")};
    const Run r = run(args.mid(0, operands));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCliMerge::resolvedExportImports()
{
    const Run r = run({file(QStringLiteral("o.json"), config("a\\nY\\n", "[]")),
                       file(QStringLiteral("b.json"), config("a\\nb\\n", "[]")),
                       file(QStringLiteral("t.json"), config("a\\nX\\n", "[{'name':'t'}]"))});
    QCOMPARE(r.exitCode, 1);
    auto refused = AgentConfigCodec::decode(r.out);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("1 unresolved conflicts")),
             qPrintable(refused.error().message));

    QJsonObject merged = QJsonDocument::fromJson(r.out).object();
    merged.insert(QStringLiteral("conflicts"), QJsonArray());
    auto markers = AgentConfigCodec::decode(QJsonDocument(merged).toJson());
    QVERIFY(!markers);
    QVERIFY2(
        markers.error().message.contains(QLatin1String("conflict markers (<<<<<<<) on line 2")),
        qPrintable(markers.error().message));

    merged.insert(QStringLiteral("prompt"), QStringLiteral("a\nX\n"));
    auto imported = AgentConfigCodec::decode(QJsonDocument(merged).toJson());
    QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
    QCOMPARE(imported->config.prompt, QStringLiteral("a\nX\n"));
    QVERIFY(imported->config.toolsJson.contains(QLatin1String("\"t\"")));
}

QTEST_GUILESS_MAIN(TestCliMerge)
#include "tst_cli_merge.moc"
