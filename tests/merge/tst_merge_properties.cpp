// Algebraic properties of mergeText on thousands of seeded random triples:
// realistic prompt edits and texts over a tiny alphabet (many repeated
// lines, the hard case for alignment).
#include "MergeTestSupport.h"

#include <QHash>
#include <QSet>

using namespace retell::core;

namespace {

enum class Source
{
    Realistic,
    TinyAlphabet
};

struct Triple
{
    QByteArray base;
    QByteArray ours;
    QByteArray theirs;
};

class TripleGenerator final
{
public:
    TripleGenerator(Source source, quint32 seed) : m_source(source), m_random(seed) {}

    // Every fourth tiny-alphabet triple is three unrelated texts; the others
    // are edits of one text.
    Triple next()
    {
        static const QStringList tiny{QStringLiteral("a"),   QStringLiteral("b"),
                                      QStringLiteral("c"),   QString(),
                                      QStringLiteral("a b"), QStringLiteral("{{x}} y")};
        static const QStringList vocabulary{QStringLiteral("- Offer a callback."), QString(),
                                            QStringLiteral("## Notes"),
                                            QStringLiteral("- Speak in short, warm sentences.")};
        const bool isTiny = m_source == Source::TinyAlphabet;
        if (isTiny && m_random.bounded(4) == 0) {
            const auto text = [&] {
                return diffsupport::randomText(m_random, 12, {"a", "b", "c", "", "a b", "{{x}} y"});
            };
            return {text(), text(), text()};
        }
        QStringList base = diffsupport::realisticLines();
        if (isTiny)
            base = diffsupport::mutate({}, m_random, int(m_random.bounded(14)), tiny);
        const auto edit = [&] {
            return diffsupport::joined(diffsupport::mutate(base, m_random, int(m_random.bounded(6)),
                                                           isTiny ? tiny : vocabulary),
                                       m_random.bounded(5) != 0);
        };
        return {diffsupport::joined(base, true), edit(), edit()};
    }

private:
    Source m_source;
    QRandomGenerator m_random;
};

QList<QByteArray> linesOf(QByteArrayView text)
{
    QList<QByteArray> lines;
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype lf = text.indexOf('\n', from);
        const qsizetype next = lf < 0 ? text.size() : lf + 1;
        lines.append(text.sliced(from, next - from).toByteArray());
        from = next;
    }
    return lines;
}

QHash<QByteArray, int> lineCounts(QByteArrayView text)
{
    QHash<QByteArray, int> counts;
    for (const QByteArray &line : linesOf(text))
        ++counts[line];
    return counts;
}

QByteArray describe(const Triple &t, int round)
{
    return QStringLiteral("round %1\n--- base\n%2\n--- ours\n%3\n--- theirs\n%4")
        .arg(round)
        .arg(QString::fromUtf8(t.base), QString::fromUtf8(t.ours), QString::fromUtf8(t.theirs))
        .toUtf8();
}

RegionKind swapped(RegionKind kind)
{
    if (kind == RegionKind::Ours)
        return RegionKind::Theirs;
    if (kind == RegionKind::Theirs)
        return RegionKind::Ours;
    return kind;
}

const int kRounds = 3000;

} // namespace

Q_DECLARE_METATYPE(Source)

class TestMergeProperties : public QObject
{
    Q_OBJECT

private slots:
    void unchangedSideTakesTheOther_data() { addRows(); }
    void unchangedSideTakesTheOther();
    void sameEditOnBothSides_data() { addRows(); }
    void sameEditOnBothSides();
    void swappingSidesSwapsConflicts_data() { addRows(); }
    void swappingSidesSwapsConflicts();
    // Word-level merges rewrite lines; their cases are in tst_text_merge.
    void cleanMergeKeepsEveryChange_data() { addRows(false); }
    void cleanMergeKeepsEveryChange();

private:
    void addRows(bool withWordLevel = true);
};

void TestMergeProperties::addRows(bool withWordLevel)
{
    QTest::addColumn<Source>("source");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("wordLevel");
    if (withWordLevel)
        QTest::newRow("realistic edits") << Source::Realistic << quint32(11) << true;
    QTest::newRow("realistic edits, lines only") << Source::Realistic << quint32(12) << false;
    if (withWordLevel)
        QTest::newRow("tiny alphabet") << Source::TinyAlphabet << quint32(13) << true;
    QTest::newRow("tiny alphabet, lines only") << Source::TinyAlphabet << quint32(14) << false;
}

// merge(b, x, b) = x and merge(b, b, y) = y, always clean.
void TestMergeProperties::unchangedSideTakesTheOther()
{
    QFETCH(Source, source);
    QFETCH(quint32, seed);
    QFETCH(bool, wordLevel);
    TripleGenerator generator(source, seed);
    TextMergeOptions options;
    options.wordLevel = wordLevel;
    for (int round = 0; round < kRounds; ++round) {
        const Triple t = generator.next();
        const TextMerge oursOnly = mergeText(t.base, t.ours, t.base, options);
        QVERIFY2(oursOnly.clean(), describe(t, round).constData());
        QCOMPARE(mergedText(oursOnly), t.ours);
        const TextMerge theirsOnly = mergeText(t.base, t.base, t.theirs, options);
        QVERIFY2(theirsOnly.clean(), describe(t, round).constData());
        QCOMPARE(mergedText(theirsOnly), t.theirs);
    }
}

// merge(b, x, x) = x, always clean, no region taken from one side only.
void TestMergeProperties::sameEditOnBothSides()
{
    QFETCH(Source, source);
    QFETCH(quint32, seed);
    QFETCH(bool, wordLevel);
    TripleGenerator generator(source, seed);
    TextMergeOptions options;
    options.wordLevel = wordLevel;
    for (int round = 0; round < kRounds; ++round) {
        const Triple t = generator.next();
        const TextMerge merge = mergeText(t.base, t.ours, t.ours, options);
        QVERIFY2(merge.clean(), describe(t, round).constData());
        QCOMPARE(mergedText(merge), t.ours);
        QCOMPARE(merge.count(RegionKind::Ours) + merge.count(RegionKind::Theirs), 0);
    }
}

// merge(b, y, x) is merge(b, x, y) with the sides of every region and
// conflict swapped; resolved texts match choice for swapped choice.
void TestMergeProperties::swappingSidesSwapsConflicts()
{
    QFETCH(Source, source);
    QFETCH(quint32, seed);
    QFETCH(bool, wordLevel);
    TripleGenerator generator(source, seed);
    TextMergeOptions options;
    options.wordLevel = wordLevel;
    for (int round = 0; round < kRounds; ++round) {
        const Triple t = generator.next();
        const TextMerge merge = mergeText(t.base, t.ours, t.theirs, options);
        const TextMerge swap = mergeText(t.base, t.theirs, t.ours, options);
        QVERIFY2(merge.regions.size() == swap.regions.size(), describe(t, round).constData());
        for (qsizetype i = 0; i < merge.regions.size(); ++i) {
            QCOMPARE(swap.regions[i].kind, swapped(merge.regions[i].kind));
            QCOMPARE(swap.regions[i].merged, merge.regions[i].merged);
        }
        QCOMPARE(swap.conflicts.size(), merge.conflicts.size());
        for (qsizetype i = 0; i < merge.conflicts.size(); ++i) {
            const TextConflict &a = merge.conflicts[i];
            const TextConflict &b = swap.conflicts[i];
            QCOMPARE(b.text[MergeInput::Base], a.text[MergeInput::Base]);
            QCOMPARE(b.text[MergeInput::Ours], a.text[MergeInput::Theirs]);
            QCOMPARE(b.text[MergeInput::Theirs], a.text[MergeInput::Ours]);
            QCOMPARE(b.lines[MergeInput::Ours], a.lines[MergeInput::Theirs]);
        }
        const qsizetype n = merge.conflicts.size();
        QCOMPARE(mergedText(swap, QList<ConflictChoice>(n, ConflictChoice::Theirs)),
                 mergedText(merge, QList<ConflictChoice>(n, ConflictChoice::Ours)));
        QCOMPARE(mergedText(swap, QList<ConflictChoice>(n, ConflictChoice::TheirsThenOurs)),
                 mergedText(merge, QList<ConflictChoice>(n, ConflictChoice::OursThenTheirs)));
        if (merge.clean())
            QCOMPARE(mergedText(swap), mergedText(merge));
    }
}

// A clean line-level merge holds every change of both sides: each line
// occurs as often as in ours plus what theirs added or removed - except
// that a change made identically on both sides counts once.
void TestMergeProperties::cleanMergeKeepsEveryChange()
{
    QFETCH(Source, source);
    QFETCH(quint32, seed);
    TripleGenerator generator(source, seed);
    TextMergeOptions options;
    options.wordLevel = false;
    int clean = 0;
    for (int round = 0; round < kRounds; ++round) {
        const Triple t = generator.next();
        const TextMerge merge = mergeText(t.base, t.ours, t.theirs, options);
        if (!merge.clean())
            continue;
        ++clean;
        const QHash<QByteArray, int> base = lineCounts(t.base);
        const QHash<QByteArray, int> ours = lineCounts(t.ours);
        const QHash<QByteArray, int> theirs = lineCounts(t.theirs);
        const QHash<QByteArray, int> result = lineCounts(mergedText(merge));
        QHash<QByteArray, int> once; // changes made on both sides, counted twice above
        for (const MergeRegion &region : merge.regions) {
            if (region.kind != RegionKind::Both)
                continue;
            for (const QByteArray &line :
                 linesOf(merge.bytes(MergeInput::Ours, region.lines[MergeInput::Ours])))
                ++once[line];
            for (const QByteArray &line :
                 linesOf(merge.bytes(MergeInput::Base, region.lines[MergeInput::Base])))
                --once[line];
        }
        QSet<QByteArray> all;
        for (const auto *counts : {&base, &ours, &theirs, &result})
            all.unite(QSet<QByteArray>(counts->keyBegin(), counts->keyEnd()));
        for (const QByteArray &line : std::as_const(all)) {
            const int expected =
                ours.value(line) + theirs.value(line) - base.value(line) - once.value(line);
            QVERIFY2(result.value(line) == expected, describe(t, round).constData());
        }
    }
    // Enough clean merges for the check to mean something.
    QVERIFY2(clean > kRounds / 5, qPrintable(QString::number(clean)));
}

QTEST_APPLESS_MAIN(TestMergeProperties)
#include "tst_merge_properties.moc"
