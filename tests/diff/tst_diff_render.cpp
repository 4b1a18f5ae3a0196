#include "DiffTestSupport.h"
#include "diff/DiffRender.h"
#include "diff/LineDiff.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;

namespace {

QByteArray gnuUnified(const QByteArray &left, const QByteArray &right, int context)
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a"));
    const QString b = dir.filePath(QStringLiteral("b"));
    for (const auto &[path, bytes] : {std::pair{a, left}, std::pair{b, right}}) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
    }
    QProcess diff;
    diff.start(QStringLiteral("/usr/bin/diff"),
               {QStringLiteral("--minimal"), QStringLiteral("-U%1").arg(context),
                QStringLiteral("--label"), QStringLiteral("v3"), QStringLiteral("--label"),
                QStringLiteral("v4"), a, b});
    diff.waitForFinished();
    return diff.readAllStandardOutput();
}

QByteArray prompt(std::initializer_list<std::pair<int, const char *>> edits,
                  bool finalNewline = true)
{
    QStringList lines = diffsupport::realisticLines();
    for (const auto &[line, text] : edits) {
        if (line < 0)
            lines.removeAt(-line);
        else if (line >= 100)
            lines.insert(line - 100, QString::fromUtf8(text));
        else
            lines[line] = QString::fromUtf8(text);
    }
    return diffsupport::joined(lines, finalNewline);
}

} // namespace

class TestDiffRender : public QObject
{
    Q_OBJECT

private slots:
    void unifiedMatchesGnu_data();
    void unifiedMatchesGnu();
    void unifiedIsEmptyWhenIdentical();
    void colourMarksChangedWords();
    void sideBySideColumns();
    void jsonHunks();
    void toolsText();
};

void TestDiffRender::unifiedMatchesGnu_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<int>("context");
    const QByteArray base = prompt({});
    QTest::newRow("one line changed") << base << prompt({{7, "- Confirm every date once."}}) << 3;
    QTest::newRow("two hunks") << base
                               << prompt(
                                      {{1, "You are Lea."}, {17, "- Prices: call list_services."}})
                               << 3;
    QTest::newRow("merged by context")
        << base << prompt({{5, "- Be brief."}, {9, "## Steps"}}) << 3;
    QTest::newRow("insert at the start") << base << prompt({{100, "# Hair salon"}}) << 3;
    QTest::newRow("delete at the end") << base << prompt({{-19, ""}}) << 3;
    QTest::newRow("no context") << base << prompt({{5, "- Be brief."}, {9, "## Steps"}}) << 0;
    QTest::newRow("no newline on the left") << prompt({}, false) << base << 3;
    QTest::newRow("no newline on the right, last line changed")
        << base << prompt({{19, "Bye."}}, false) << 2;
    QTest::newRow("left empty") << QByteArray() << base << 3;
    QTest::newRow("right empty") << base << QByteArray() << 3;
}

void TestDiffRender::unifiedMatchesGnu()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(int, context);
    const LineDiff diff = computeLineDiff(left, right);
    QCOMPARE(
        renderUnified(diff, QStringLiteral("v3"), QStringLiteral("v4"), false, context).toUtf8(),
        gnuUnified(left, right, context));
}

void TestDiffRender::unifiedIsEmptyWhenIdentical()
{
    const LineDiff diff = computeLineDiff(prompt({}), prompt({}));
    QVERIFY(renderUnified(diff, QStringLiteral("a"), QStringLiteral("b"), true).isEmpty());
}

void TestDiffRender::colourMarksChangedWords()
{
    const LineDiff diff =
        computeLineDiff(QByteArray("Offer three slots.\n"), QByteArray("Offer two slots.\n"));
    const QString text = renderUnified(diff, QStringLiteral("a"), QStringLiteral("b"), true);
    QVERIFY2(text.contains(QStringLiteral("\x1b[31m-Offer \x1b[7mthree\x1b[27m slots.\x1b[0m")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\x1b[32m+Offer \x1b[7mtwo\x1b[27m slots.\x1b[0m")),
             qPrintable(text));
}

void TestDiffRender::sideBySideColumns()
{
    const LineDiff diff = computeLineDiff(QByteArray("same\nold\ngone\n"),
                                          QByteArray("same\nnew\n" + QByteArray(80, 'x') + '\n'));
    const QStringList lines = renderSideBySide(diff, 41).split(u'\n');
    // 41 columns: two cells of 19, a gutter of 3.
    const auto cell = [](const char *text) {
        return QString::fromUtf8(text).leftJustified(19, u' ');
    };
    QCOMPARE(lines.value(0), cell("same") + QStringLiteral("   same"));
    QCOMPARE(lines.value(1), cell("old") + QStringLiteral(" | new"));
    QCOMPARE(lines.value(2),
             cell("gone") + QStringLiteral(" | ") + QString(18, u'x') + QChar(0x2026));
    for (const QString &line : lines)
        QVERIFY(line.size() <= 41);
    const LineDiff added = computeLineDiff(QByteArray("a\n"), QByteArray("a\nb\n"));
    QCOMPARE(renderSideBySide(added, 41).split(u'\n').value(1),
             QString(20, u' ') + QStringLiteral("> b"));
}

void TestDiffRender::jsonHunks()
{
    const LineDiff diff = computeLineDiff(prompt({}), prompt({{7, "- Confirm every date once."}}));
    const ToolsDiff tools = computeToolsDiff(QByteArray(R"([{"name":"a","x":1}])"),
                                             QByteArray(R"([{"name":"a","x":2}])"));
    const QJsonObject root =
        renderJson(diff, tools, QStringLiteral("v3"), QStringLiteral("v4")).object();
    QCOMPARE(root.value("a").toString(), QStringLiteral("v3"));
    const QJsonObject promptJson = root.value("prompt").toObject();
    QCOMPARE(promptJson.value("changed").toInt(), 1);
    const QJsonArray hunks = promptJson.value("hunks").toArray();
    QCOMPARE(hunks.size(), 1);
    const QJsonObject hunk = hunks.at(0).toObject();
    QCOMPARE(hunk.value("oldStart").toInt(), 5);
    QCOMPARE(hunk.value("oldLines").toInt(), 7);
    const QJsonArray lines = hunk.value("lines").toArray();
    QCOMPARE(lines.at(3).toObject().value("op").toString(), QStringLiteral("-"));
    QCOMPARE(lines.at(3).toObject().value("oldLine").toInt(), 8);
    QCOMPARE(lines.at(4).toObject().value("text").toString(),
             QStringLiteral("- Confirm every date once."));
    const QJsonArray changedTools = root.value("tools").toObject().value("changed").toArray();
    QCOMPARE(changedTools.at(0)
                 .toObject()
                 .value("paths")
                 .toArray()
                 .at(0)
                 .toObject()
                 .value("new")
                 .toInt(),
             2);
}

void TestDiffRender::toolsText()
{
    const ToolsDiff tools =
        computeToolsDiff(QByteArray(R"([{"name":"a","x":"s"},{"name":"gone"}])"),
                         QByteArray(R"([{"name":"a","x":"i"},{"name":"new"}])"));
    QCOMPARE(renderToolsText(tools), QStringLiteral("tools: 1 added, 1 removed, 1 changed\n"
                                                    "~ a\n    x: \"s\" -> \"i\"\n- gone\n+ new\n"));
    const ToolsDiff broken = computeToolsDiff(QByteArray("["), QByteArray("[]"));
    QVERIFY(renderToolsText(broken).startsWith(QStringLiteral("tools: Left tools:")));
}

QTEST_GUILESS_MAIN(TestDiffRender)
#include "tst_diff_render.moc"
