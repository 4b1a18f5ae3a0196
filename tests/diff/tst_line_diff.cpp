#include "DiffTestSupport.h"
#include "diff/LineDiff.h"

#include <QTest>

#include <limits>

using namespace retell::core;

namespace {

// One character per row: '=' equal, '~' changed, '-' removed, '+' added.
QString rowShape(const LineDiff &diff)
{
    QString shape;
    for (const DiffRow &row : diff.rows) {
        switch (row.kind) {
        case RowKind::Equal:
            shape += u'=';
            break;
        case RowKind::Changed:
            shape += u'~';
            break;
        case RowKind::Removed:
            shape += u'-';
            break;
        case RowKind::Added:
            shape += u'+';
            break;
        }
    }
    return shape;
}

QByteArray numberedLines(int count, int changeEvery, const QByteArray &changed)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        if (changeEvery && i % changeEvery == changeEvery - 1)
            out += changed + QByteArray::number(i) + '\n';
        else
            out += "Line " + QByteArray::number(i) + " of the booking prompt\n";
    }
    return out;
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private slots:
    void rows_data();
    void rows();
    void rowsCoverEveryLineOnce();
    void missingFinalNewlineIsReported();
    void invalidUtf8ComparesBytes();
    void veryLongLinesAreMarkedWhole();
    void hunks_data();
    void hunks();
    void fiveMegabytesAreFast();
};

void TestLineDiff::rows_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<bool>("ignoreWhitespace");
    QTest::addColumn<bool>("ignoreCase");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("changed");

    QTest::newRow("both empty") << QByteArray() << QByteArray() << false << false << "" << 0 << 0
                                << 0;
    QTest::newRow("left empty") << QByteArray() << QByteArray("a\nb\n") << false << false << "++"
                                << 0 << 2 << 0;
    QTest::newRow("right empty") << QByteArray("a\nb\n") << QByteArray() << false << false << "--"
                                 << 2 << 0 << 0;
    QTest::newRow("only a newline vs empty")
        << QByteArray("\n") << QByteArray() << false << false << "-" << 1 << 0 << 0;
    QTest::newRow("identical") << QByteArray("a\nb\n") << QByteArray("a\nb\n") << false << false
                               << "==" << 0 << 0 << 0;
    QTest::newRow("one line changed") << QByteArray("a\nb\nc\n") << QByteArray("a\nB\nc\n") << false
                                      << false << "=~=" << 1 << 1 << 1;
    QTest::newRow("insert in the middle") << QByteArray("a\nc\n") << QByteArray("a\nb\nc\n")
                                          << false << false << "=+=" << 0 << 1 << 0;
    QTest::newRow("more removed than added")
        << QByteArray("a\nx\ny\nz\nb\n") << QByteArray("a\nq\nb\n") << false << false
        << "=~--=" << 3 << 1 << 1;
    QTest::newRow("no final newline on one side")
        << QByteArray("a\nb") << QByteArray("a\nb\n") << false << false << "=~" << 1 << 1 << 1;
    QTest::newRow("CRLF against LF") << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n") << false
                                     << false << "~~" << 2 << 2 << 2;
    QTest::newRow("CRLF against LF, ignoring whitespace")
        << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n") << true << false << "==" << 0 << 0 << 0;
    QTest::newRow("CRLF on both sides") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n")
                                        << false << false << "==" << 0 << 0 << 0;
    QTest::newRow("amount of whitespace")
        << QByteArray("say  hello \n") << QByteArray("say hello\n") << true << false << "=" << 0
        << 0 << 0;
    QTest::newRow("whitespace inside a word still counts")
        << QByteArray("hello\n") << QByteArray("hel lo\n") << true << false << "~" << 1 << 1 << 1;
    QTest::newRow("case, not ignored")
        << QByteArray("Hello\n") << QByteArray("hello\n") << false << false << "~" << 1 << 1 << 1;
    QTest::newRow("case, ignored") << QByteArray("Hello Ünal\n") << QByteArray("hello ünal\n")
                                   << false << true << "=" << 0 << 0 << 0;
}

void TestLineDiff::rows()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(bool, ignoreWhitespace);
    QFETCH(bool, ignoreCase);
    QFETCH(QString, shape);
    QFETCH(int, removed);
    QFETCH(int, added);
    QFETCH(int, changed);
    DiffOptions options;
    options.ignoreWhitespace = ignoreWhitespace;
    options.ignoreCase = ignoreCase;
    const LineDiff diff = computeLineDiff(left, right, options);
    QCOMPARE(rowShape(diff), shape);
    QCOMPARE(diff.removed, removed);
    QCOMPARE(diff.added, added);
    QCOMPARE(diff.changed, changed);
    QCOMPARE(diff.identical, removed == 0 && added == 0);
}

void TestLineDiff::rowsCoverEveryLineOnce()
{
    QRandomGenerator random(7);
    const QStringList vocabulary = diffsupport::realisticLines();
    for (int round = 0; round < 100; ++round) {
        const QStringList a = diffsupport::mutate(vocabulary, random, 4, vocabulary);
        const QStringList b = diffsupport::mutate(a, random, 6, vocabulary);
        const LineDiff diff =
            computeLineDiff(diffsupport::joined(a, true), diffsupport::joined(b, true));
        PerSide<int> next{{0, 0}};
        for (const DiffRow &row : diff.rows) {
            QVERIFY(row.hasLine(Side::Left) || row.hasLine(Side::Right));
            QCOMPARE(row.kind == RowKind::Equal || row.kind == RowKind::Changed,
                     row.hasLine(Side::Left) && row.hasLine(Side::Right));
            for (const Side side : bothSides) {
                if (row.hasLine(side))
                    QCOMPARE(row.line[side], next[side]++);
            }
            if (row.kind == RowKind::Equal)
                QCOMPARE(diff.text(row, Side::Left), diff.text(row, Side::Right));
        }
        QCOMPARE(next[Side::Left], diff.lineCount(Side::Left));
        QCOMPARE(diff.lineCount(Side::Left), a.size());
        QCOMPARE(next[Side::Right], b.size());
    }
}

void TestLineDiff::missingFinalNewlineIsReported()
{
    const LineDiff diff = computeLineDiff(QByteArray("a\nb"), QByteArray("a\nb\n"));
    QCOMPARE(diff.missingFinalNewline[Side::Left], true);
    QCOMPARE(diff.missingFinalNewline[Side::Right], false);
    for (const Side side : bothSides) {
        QCOMPARE(diff.lineCount(side), 2);
        QCOMPARE(diff.lines[side].line(0), QStringLiteral("a"));
        QCOMPARE(diff.lines[side].line(1), QStringLiteral("b"));
    }
}

void TestLineDiff::invalidUtf8ComparesBytes()
{
    // Both lines decode to the same replacement characters but differ as bytes.
    const QByteArray left("ok\n\xff\xfe tail\nend\n");
    const QByteArray right("ok\n\xff\xfd tail\nend\n");
    const LineDiff diff = computeLineDiff(left, right);
    QCOMPARE(rowShape(diff), QStringLiteral("=~="));
    QCOMPARE(diff.lines[Side::Left].line(1), diff.lines[Side::Right].line(1));
    QVERIFY(diff.lines[Side::Left].line(1).contains(QChar::ReplacementCharacter));
    QVERIFY(computeLineDiff(left, left).identical);
    // A sequence cut short by the line break keeps the line count right.
    const LineDiff cut = computeLineDiff(QByteArray("a\xe2\x82\nb\n\xf0"), QByteArray("a\nb\n"));
    QCOMPARE(cut.lineCount(Side::Left), 3);
    QCOMPARE(cut.lines[Side::Left].line(1), QStringLiteral("b"));
    QCOMPARE(rowShape(cut), QStringLiteral("~=-"));
}

void TestLineDiff::veryLongLinesAreMarkedWhole()
{
    const QByteArray line(2 * 1024 * 1024, 'x');
    QByteArray changed = line;
    changed[1000] = 'y';
    const LineDiff diff =
        computeLineDiff("start\n" + line + "\nend\n", "start\n" + changed + "\nend\n");
    QCOMPARE(rowShape(diff), QStringLiteral("=~="));
    QCOMPARE(diff.rows.at(1).changedRanges[Side::Left], QList<TextRange>({{0, int(line.size())}}));
}

void TestLineDiff::hunks_data()
{
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<int>("context");
    QTest::addColumn<QList<Hunk>>("expected");
    // The left side is "0".."19", one per line; `edited` replaces whole lines.
    const auto edited = [](std::initializer_list<std::pair<int, const char *>> edits,
                           const char *prefix) {
        QByteArrayList lines;
        for (int i = 0; i < 20; ++i)
            lines << QByteArray::number(i);
        for (const auto &[line, text] : edits)
            lines[line] = text;
        return QByteArray(prefix) + lines.join('\n') + '\n';
    };
    QTest::newRow("two distant changes") << edited({{2, "two"}, {15, "fifteen"}}, "") << 3
                                         << QList<Hunk>{{0, 6, 0, 6, 0, 6}, {12, 19, 12, 7, 12, 7}};
    const QByteArray close = edited({{5, "five"}, {10, "ten"}}, "");
    QTest::newRow("context touches: merged") << close << 3 << QList<Hunk>{{2, 14, 2, 12, 2, 12}};
    QTest::newRow("no context") << close << 0
                                << QList<Hunk>{{5, 6, 5, 1, 5, 1}, {10, 11, 10, 1, 10, 1}};
    QTest::newRow("insert at the start")
        << edited({}, "new\n") << 3 << QList<Hunk>{{0, 4, 0, 3, 0, 4}};
    // --context 2147483647 once overflowed an int (UBSan) and lost the hunk.
    QTest::newRow("largest context")
        << close << std::numeric_limits<int>::max() << QList<Hunk>{{0, 20, 0, 20, 0, 20}};
}

void TestLineDiff::hunks()
{
    QFETCH(QByteArray, right);
    QFETCH(int, context);
    QFETCH(QList<Hunk>, expected);
    QByteArray base;
    for (int i = 0; i < 20; ++i)
        base += QByteArray::number(i) + '\n';
    const LineDiff diff = computeLineDiff(base, right);
    QCOMPARE(makeHunks(diff, context), expected);
}

void TestLineDiff::fiveMegabytesAreFast()
{
    const QByteArray left = numberedLines(150000, 0, {});
    const QByteArray right = numberedLines(150000, 50, "Changed line ");
    QVERIFY(left.size() > 4 * 1024 * 1024);
    const LineDiff diff = computeLineDiff(left, right); // timed in benchmarks/bench_diff
    QCOMPARE(diff.changed, 3000);
}

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_line_diff.moc"
