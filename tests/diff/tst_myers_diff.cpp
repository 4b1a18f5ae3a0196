#include "ApplyScript.h"
#include "DiffTestSupport.h"
#include "diff/LineDiff.h"
#include "diff/MyersDiff.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using retell::test::applyScript;

namespace {

// GNU diff --minimal in normal format: '<' and '>' lines are the changed lines.
int gnuChangedLines(const QByteArray &left, const QByteArray &right, const QStringList &flags)
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a"));
    const QString b = dir.filePath(QStringLiteral("b"));
    for (const auto &[path, bytes] : {std::pair{a, left}, std::pair{b, right}}) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return -1;
    }
    QProcess diff;
    diff.start(QStringLiteral("/usr/bin/diff"),
               QStringList{QStringLiteral("--minimal")} + flags + QStringList{a, b});
    if (!diff.waitForFinished(60000) || diff.exitCode() > 1)
        return -1;
    int count = 0;
    for (const QByteArray &line : diff.readAllStandardOutput().split('\n')) {
        if (line.startsWith('<') || line.startsWith('>'))
            ++count;
    }
    return count;
}

// n + m - 2 * LCS by dynamic programming: the true minimum for small inputs.
int bruteForceDistance(const std::vector<int> &a, const std::vector<int> &b)
{
    std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            lcs[i][j] = a[i - 1] == b[j - 1] ? lcs[i - 1][j - 1] + 1
                                             : std::max(lcs[i - 1][j], lcs[i][j - 1]);
        }
    }
    return int(a.size() + b.size()) - 2 * lcs[a.size()][b.size()];
}

struct Pair
{
    QByteArray left;
    QByteArray right;
};

QList<Pair> generatePairs(const QString &kind, quint32 seed, int count)
{
    QRandomGenerator random(seed);
    QList<Pair> pairs;
    if (kind == QLatin1String("random")) {
        const QList<QByteArray> alphabet{"a", "b", "c", "", "d e", "d  e ", "A"};
        for (int i = 0; i < count; ++i)
            pairs.append({diffsupport::randomText(random, 40, alphabet),
                          diffsupport::randomText(random, 40, alphabet)});
    } else if (kind == QLatin1String("similar")) {
        const QList<QByteArray> alphabet{"x", "y", "z", "", "{{name}}"};
        for (int i = 0; i < count; ++i) {
            const QByteArray base = diffsupport::randomText(random, 200, alphabet);
            QByteArray other = base;
            for (int e = 0; e < 6 && !other.isEmpty(); ++e)
                other[random.bounded(int(other.size()))] = "xyz\n"[random.bounded(4)];
            pairs.append({base, other});
        }
    } else {
        const QStringList lines = diffsupport::realisticLines();
        const QStringList vocabulary =
            lines + QStringList{QStringLiteral("- Offer a drink."), QString()};
        for (int i = 0; i < count; ++i) {
            const QStringList a = diffsupport::mutate(lines, random, 3, vocabulary);
            const QStringList b =
                diffsupport::mutate(a, random, 1 + int(random.bounded(8)), vocabulary);
            pairs.append({diffsupport::joined(a, random.bounded(2)),
                          diffsupport::joined(b, random.bounded(2))});
        }
    }
    return pairs;
}

} // namespace

class TestMyersDiff : public QObject
{
    Q_OBJECT

private slots:
    void matchesBruteForceDistance_data();
    void matchesBruteForceDistance();
    void scriptTurnsLeftIntoRight_data();
    void scriptTurnsLeftIntoRight();
    void changedLinesMatchGnuDiffMinimal_data();
    void changedLinesMatchGnuDiffMinimal();
    void completelyDifferentInputsStayLinear();
    void lowEntropyInputsGiveACorrectScript_data();
    void lowEntropyInputsGiveACorrectScript();
};

void TestMyersDiff::matchesBruteForceDistance_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("alphabet");
    for (quint32 seed = 1; seed <= 6; ++seed) {
        for (const int alphabet : {2, 3, 8}) {
            QTest::addRow("seed %u, %d symbols", seed, alphabet) << seed << alphabet;
        }
    }
}

void TestMyersDiff::matchesBruteForceDistance()
{
    QFETCH(quint32, seed);
    QFETCH(int, alphabet);
    QRandomGenerator random(seed);
    for (int round = 0; round < 300; ++round) {
        PerSide<std::vector<int>> seq;
        for (const Side side : bothSides) {
            const int size = int(random.bounded(30));
            for (int i = 0; i < size; ++i)
                seq[side].push_back(int(random.bounded(alphabet)));
        }
        const SequenceDiff d = diffSequences(seq[Side::Left], seq[Side::Right], alphabet);
        int changed = 0;
        for (const auto flag : d.leftChanged)
            changed += flag;
        for (const auto flag : d.rightChanged)
            changed += flag;
        // Unchanged elements must pair up in order.
        std::vector<int> keptLeft, keptRight;
        for (std::size_t i = 0; i < d.leftChanged.size(); ++i) {
            if (!d.leftChanged[i])
                keptLeft.push_back(seq[Side::Left][i]);
        }
        for (std::size_t j = 0; j < d.rightChanged.size(); ++j) {
            if (!d.rightChanged[j])
                keptRight.push_back(seq[Side::Right][j]);
        }
        QVERIFY2(keptLeft == keptRight, qPrintable(QStringLiteral("round %1").arg(round)));
        QCOMPARE(changed, bruteForceDistance(seq[Side::Left], seq[Side::Right]));
    }
}

void TestMyersDiff::scriptTurnsLeftIntoRight_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<quint32>("seed");
    for (const char *kind : {"random", "similar", "realistic"}) {
        for (quint32 seed = 1; seed <= 4; ++seed)
            QTest::addRow("%s, seed %u", kind, seed) << QString::fromLatin1(kind) << seed;
    }
}

void TestMyersDiff::scriptTurnsLeftIntoRight()
{
    QFETCH(QString, kind);
    QFETCH(quint32, seed);
    for (const Pair &pair : generatePairs(kind, seed, 50)) {
        const LineDiff diff = computeLineDiff(pair.left, pair.right);
        QString problem;
        const QByteArray applied = applyScript(diff, pair.left, pair.right, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(applied, pair.right);
        QCOMPARE(diff.identical, pair.left == pair.right);
    }
}

void TestMyersDiff::changedLinesMatchGnuDiffMinimal_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("ignoreWhitespace");
    QTest::addColumn<bool>("ignoreCase");
    for (const char *kind : {"random", "similar", "realistic"}) {
        for (quint32 seed = 11; seed <= 13; ++seed) {
            QTest::addRow("%s, seed %u", kind, seed)
                << QString::fromLatin1(kind) << seed << false << false;
        }
        QTest::addRow("%s, ignoring whitespace", kind)
            << QString::fromLatin1(kind) << 21u << true << false;
        QTest::addRow("%s, ignoring case", kind)
            << QString::fromLatin1(kind) << 22u << false << true;
    }
}

void TestMyersDiff::changedLinesMatchGnuDiffMinimal()
{
    QFETCH(QString, kind);
    QFETCH(quint32, seed);
    QFETCH(bool, ignoreWhitespace);
    QFETCH(bool, ignoreCase);
    DiffOptions options;
    options.ignoreWhitespace = ignoreWhitespace;
    options.ignoreCase = ignoreCase;
    QStringList flags;
    if (ignoreWhitespace)
        flags << QStringLiteral("-b");
    if (ignoreCase)
        flags << QStringLiteral("-i");
    int pairIndex = 0;
    for (const Pair &pair : generatePairs(kind, seed, 25)) {
        const LineDiff diff = computeLineDiff(pair.left, pair.right, options);
        const int expected = gnuChangedLines(pair.left, pair.right, flags);
        QVERIFY2(expected >= 0, "running /usr/bin/diff failed");
        QVERIFY2(
            diff.removed + diff.added == expected,
            qPrintable(QStringLiteral("pair %1: ours %2 + %3, GNU %4\n--- left\n%5\n--- right\n%6")
                           .arg(pairIndex)
                           .arg(diff.removed)
                           .arg(diff.added)
                           .arg(expected)
                           .arg(QString::fromUtf8(pair.left), QString::fromUtf8(pair.right))));
        ++pairIndex;
    }
}

void TestMyersDiff::completelyDifferentInputsStayLinear()
{
    // 200k lines against 200k other lines: O(ND) would be 4e10 steps (the
    // time is measured by benchmarks/bench_diff, not asserted here).
    QByteArray left, right;
    for (int i = 0; i < 200000; ++i) {
        left += "left line " + QByteArray::number(i) + '\n';
        right += "right line " + QByteArray::number(i) + '\n';
    }
    const LineDiff diff = computeLineDiff(left, right);
    QCOMPARE(diff.removed, 200000);
    QCOMPARE(diff.added, 200000);
    QVERIFY(!diff.approximate);
}

void TestMyersDiff::lowEntropyInputsGiveACorrectScript_data()
{
    QTest::addColumn<int>("symbols");
    QTest::addRow("6 distinct lines") << 6;
    QTest::addRow("40 distinct lines") << 40;
}

// Long inputs built from a few distinct lines are the worst case of the
// O(ND) search: the bounded mode gives up minimality there, never
// correctness; --minimal still finds the shortest script.
void TestMyersDiff::lowEntropyInputsGiveACorrectScript()
{
    QFETCH(int, symbols);
    QRandomGenerator random{quint32(symbols)};
    PerSide<QByteArray> text;
    for (const Side side : bothSides) {
        for (int i = 0; i < 12000; ++i)
            text[side] += "line " + QByteArray::number(random.bounded(symbols)) + '\n';
    }
    DiffOptions exact;
    exact.minimal = true;
    const LineDiff bounded = computeLineDiff(text[Side::Left], text[Side::Right]);
    const LineDiff minimal = computeLineDiff(text[Side::Left], text[Side::Right], exact);
    QVERIFY(bounded.approximate);
    QVERIFY(!minimal.approximate);
    for (const LineDiff *diff : {&bounded, &minimal}) {
        QString problem;
        const QByteArray applied =
            applyScript(*diff, text[Side::Left], text[Side::Right], &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(applied, text[Side::Right]);
    }
    // Approximate means longer than necessary, and not by much.
    QVERIFY(bounded.added + bounded.removed >= minimal.added + minimal.removed);
    QVERIFY(bounded.added + bounded.removed < (minimal.added + minimal.removed) * 11 / 10);
}

QTEST_GUILESS_MAIN(TestMyersDiff)
#include "tst_myers_diff.moc"
