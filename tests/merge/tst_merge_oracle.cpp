// GNU diff3 as the oracle of the line merge, on seeded random edits of
// realistic prompts. diff3 merges on `diff OURS BASE` and `diff THEIRS BASE`;
// where a minimal diff is ambiguous (a blank line moved past another blank
// line) GNU diff and ours may pick different, equally short alignments, and
// then the merges legitimately differ. So the oracle first checks that both
// two-way diffs agree with ours; on those triples `diff3 -m -E` and
// mergeText must agree on clean/conflict and byte for byte on the text
// (markers included) with the word-level merge off; with it on, every text
// diff3 merges cleanly is ours too, and where diff3 conflicts we report no
// more conflicts than it. The triples with different alignments are counted.
#include "MergeTestSupport.h"

#include "diff/LineDiff.h"
#include "merge/SequenceMerge.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <optional>

using namespace retell::core;

namespace {

const QStringList &vocabulary()
{
    static const QStringList words{
        QStringLiteral("- Ask for the caller's phone number."),
        QStringLiteral("- Offer the next free slot with {{stylist}}."),
        QString(),
        QStringLiteral("## Opening hours"),
        QStringLiteral("Mon-Fri 9:00-18:00, Sat 9:00-14:00."),
        QStringLiteral("6. Confirm the booking by SMS."),
        QStringLiteral("- Never promise a discount."),
    };
    return words;
}

// A prompt of 20-60 lines: the salon prompt plus numbered rules.
QStringList randomBase(QRandomGenerator &random)
{
    QStringList lines = diffsupport::realisticLines();
    const int extra = int(random.bounded(40));
    for (int i = 0; i < extra; ++i)
        lines.insert(int(random.bounded(int(lines.size()) + 1)),
                     QStringLiteral("- Rule %1: keep answers under %2 words.")
                         .arg(i)
                         .arg(10 + random.bounded(30)));
    return lines;
}

// Line edits from diffsupport::mutate plus word edits inside lines.
QStringList edited(const QStringList &base, QRandomGenerator &random)
{
    QStringList lines = diffsupport::mutate(base, random, 1 + int(random.bounded(5)), vocabulary());
    const int wordEdits = int(random.bounded(3));
    for (int e = 0; e < wordEdits && !lines.isEmpty(); ++e) {
        QString &line = lines[random.bounded(int(lines.size()))];
        QStringList words = line.split(u' ');
        words[random.bounded(int(words.size()))] =
            random.bounded(2) ? QStringLiteral("politely") : QStringLiteral("{{caller_name}}");
        line = words.join(u' ');
    }
    return lines;
}

// Hunks of `diff EDIT BASE` (normal format) as base -> edit hunks.
std::vector<EditHunk> parseNormalDiff(const QByteArray &output)
{
    std::vector<EditHunk> hunks;
    static const QRegularExpression header(
        QStringLiteral("^(\\d+)(?:,(\\d+))?([acd])(\\d+)(?:,(\\d+))?$"));
    for (const QByteArray &line : output.split('\n')) {
        const QRegularExpressionMatch m = header.match(QString::fromLatin1(line));
        if (!m.hasMatch())
            continue;
        const int e1 = m.captured(1).toInt();
        const int e2 = m.captured(2).isEmpty() ? e1 : m.captured(2).toInt();
        const int b1 = m.captured(4).toInt();
        const int b2 = m.captured(5).isEmpty() ? b1 : m.captured(5).toInt();
        const QChar kind = m.captured(3).at(0);
        EditHunk hunk;
        // 'a': base lines added after edit line e1, i.e. the edit deleted them.
        hunk.otherStart = kind == u'a' ? e1 : e1 - 1;
        hunk.otherEnd = kind == u'a' ? e1 : e2;
        hunk.baseStart = kind == u'd' ? b1 : b1 - 1;
        hunk.baseEnd = kind == u'd' ? b1 : b2;
        hunks.push_back(hunk);
    }
    return hunks;
}

std::vector<EditHunk> ourHunks(const QByteArray &base, const QByteArray &edit)
{
    DiffOptions options;
    options.refineInline = false;
    return hunksFromScript(computeLineDiff(base, edit, options).script);
}

struct Triple
{
    PerInput<QByteArray> text;
};

// What GNU diff and diff3 say about one triple.
struct OracleAnswer
{
    // Both of GNU diff's two-way diffs against the base are ours.
    bool sameAlignments = false;
    bool clean = false;
    QByteArray merged; // `diff3 -m -E -L ours -L base -L theirs OURS BASE THEIRS`
    int conflicts = 0;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool runShell(const QString &dir, const QString &script)
{
    QProcess shell;
    shell.setWorkingDirectory(dir);
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    return shell.waitForFinished(-1) && shell.exitStatus() == QProcess::NormalExit;
}

const QString kMergeCommand = QStringLiteral("diff3 -m -E -L ours -L base -L theirs");
const QStringList kNames{QStringLiteral("base"), QStringLiteral("ours"), QStringLiteral("theirs")};

void setMerged(OracleAnswer &answer, QByteArray merged)
{
    answer.merged = std::move(merged);
    answer.conflicts = 0;
    for (const QByteArray &line : answer.merged.split('\n'))
        answer.conflicts += line.startsWith("<<<<<<<") ? 1 : 0;
    answer.clean = answer.conflicts == 0;
}

// Three unique lines between the triples of a batch.
QByteArray anchor(qsizetype i)
{
    QByteArray out;
    for (const char *part : {"a", "b", "c"})
        out += "@@@ oracle triple " + QByteArray::number(i) + ' ' + part + " @@@\n";
    return out;
}

// Merges every triple in one diff3 run: the triples (all ending in LF) are
// concatenated with unique anchor lines between them, which all three
// inputs keep, so no change of one triple touches another's. Starting a
// process costs far more than the merge, and this machine may be loaded.
std::optional<QList<OracleAnswer>> askOracleBatched(const QList<Triple> &triples)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return std::nullopt;
    const qsizetype n = triples.size();
    PerInput<QByteArray> all;
    PerInput<std::vector<int>> first; // first line of triple i in each input
    PerInput<std::vector<int>> lines; // its line count
    for (const MergeInput input : allInputs) {
        int line = 0;
        for (qsizetype i = 0; i <= n; ++i) {
            all[input] += anchor(i);
            line += 3;
            if (i == n)
                break;
            const QByteArray &text = triples[i].text[input];
            first[input].push_back(line);
            lines[input].push_back(int(text.count('\n')));
            line += lines[input].back();
            all[input] += text;
        }
        if (!writeAll(dir.filePath(kNames[int(input)]), all[input]))
            return std::nullopt;
    }
    if (!runShell(dir.path(),
                  QStringLiteral("diff ours base > ours.diff; diff theirs base > theirs.diff; "
                                 "%1 ours base theirs > merged")
                      .arg(kMergeCommand)))
        return std::nullopt;

    QList<OracleAnswer> answers(n);
    std::vector<bool> misaligned(std::size_t(n), false);
    PerInput<std::vector<std::vector<EditHunk>>> hunks;
    for (const MergeInput edit : bothEdits) {
        hunks[edit].resize(std::size_t(n));
        const auto &starts = first[MergeInput::Base];
        for (EditHunk hunk :
             parseNormalDiff(readAll(dir.filePath(kNames[int(edit)] + QLatin1String(".diff"))))) {
            const auto after = std::upper_bound(starts.begin(), starts.end(), hunk.baseStart);
            const std::size_t i =
                after == starts.begin() ? 0 : std::size_t(after - starts.begin() - 1);
            const int base = first[MergeInput::Base][i];
            const int other = first[edit][i];
            if (hunk.baseStart < base || hunk.baseEnd > base + lines[MergeInput::Base][i] ||
                hunk.otherStart < other || hunk.otherEnd > other + lines[edit][i]) {
                misaligned[i] = true; // the hunk crosses an anchor
                continue;
            }
            hunk.baseStart -= base;
            hunk.baseEnd -= base;
            hunk.otherStart -= other;
            hunk.otherEnd -= other;
            hunks[edit][i].push_back(hunk);
        }
    }

    const QByteArray merged = readAll(dir.filePath(QStringLiteral("merged")));
    qsizetype from = merged.indexOf(anchor(0));
    for (qsizetype i = 0; i < n && from >= 0; ++i) {
        const qsizetype begin = from + anchor(i).size();
        from = merged.indexOf(anchor(i + 1), begin);
        if (from < 0)
            break;
        OracleAnswer &answer = answers[i];
        setMerged(answer, merged.mid(begin, from - begin));
        const Triple &t = triples[i];
        answer.sameAlignments = !misaligned[std::size_t(i)];
        for (const MergeInput edit : bothEdits) {
            answer.sameAlignments =
                answer.sameAlignments &&
                hunks[edit][std::size_t(i)] == ourHunks(t.text[MergeInput::Base], t.text[edit]);
        }
    }
    return answers;
}

// One diff3 run per triple, for triples that may lack a final LF.
std::optional<QList<OracleAnswer>> askOracleEach(const QList<Triple> &triples)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return std::nullopt;
    for (qsizetype i = 0; i < triples.size(); ++i) {
        for (const MergeInput input : allInputs) {
            if (!writeAll(dir.filePath(QStringLiteral("%1.%2").arg(i).arg(kNames[int(input)])),
                          triples[i].text[input]))
                return std::nullopt;
        }
    }
    if (!runShell(
            dir.path(),
            QStringLiteral(
                "i=0; while [ $i -lt %1 ]; do "
                "diff $i.ours $i.base > $i.ours.diff; diff $i.theirs $i.base > $i.theirs.diff; "
                "%2 $i.ours $i.base $i.theirs > $i.merged; echo $? > $i.rc; i=$((i+1)); done")
                .arg(triples.size())
                .arg(kMergeCommand)))
        return std::nullopt;
    QList<OracleAnswer> answers;
    for (qsizetype i = 0; i < triples.size(); ++i) {
        OracleAnswer answer;
        const Triple &t = triples[i];
        const auto path = [&](const QString &suffix) {
            return dir.filePath(QString::number(i) + suffix);
        };
        setMerged(answer, readAll(path(QStringLiteral(".merged"))));
        answer.clean = readAll(path(QStringLiteral(".rc"))).trimmed() == "0";
        answer.sameAlignments = true;
        for (const MergeInput edit : bothEdits) {
            answer.sameAlignments =
                answer.sameAlignments &&
                parseNormalDiff(
                    readAll(path(QLatin1Char('.') + kNames[int(edit)] + QLatin1String(".diff")))) ==
                    ourHunks(t.text[MergeInput::Base], t.text[edit]);
        }
        answers.append(answer);
    }
    return answers;
}

// RETELL_MERGE_ORACLE_CASES scales the number of triples (default 1).
int scaled(int cases)
{
    const int factor = qEnvironmentVariableIntValue("RETELL_MERGE_ORACLE_SCALE");
    return cases * std::max(1, factor);
}

} // namespace

class TestMergeOracle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agreesWithDiff3_data();
    void agreesWithDiff3();
};

void TestMergeOracle::initTestCase()
{
    for (const char *tool : {"diff", "diff3"})
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                 "GNU diffutils are the oracle");
}

void TestMergeOracle::agreesWithDiff3_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("finalNewlines"); // false: some inputs lack one (one diff3 run each)
    QTest::addColumn<int>("cases");
    QTest::newRow("realistic prompts") << quint32(20261129) << true << scaled(3000);
    QTest::newRow("realistic prompts, missing final newlines")
        << quint32(4711) << false << scaled(40);
}

void TestMergeOracle::agreesWithDiff3()
{
    QFETCH(quint32, seed);
    QFETCH(bool, finalNewlines);
    QFETCH(int, cases);
    QRandomGenerator random(seed);
    QList<Triple> triples;
    for (int i = cases; i > 0; --i) {
        const QStringList base = randomBase(random);
        const auto withEnd = [&](const QStringList &lines) {
            return diffsupport::joined(lines, finalNewlines || random.bounded(3) != 0);
        };
        Triple triple;
        triple.text[MergeInput::Base] = withEnd(base);
        for (const MergeInput edit : bothEdits)
            triple.text[edit] = withEnd(edited(base, random));
        triples.append(triple);
    }
    const auto answers = finalNewlines ? askOracleBatched(triples) : askOracleEach(triples);
    QVERIFY2(answers.has_value(), "running diff and diff3 failed");

    int otherAlignment = 0;
    int otherAlignmentSameText = 0; // of those, merged to the same text anyway
    int diff3Clean = 0;
    int fewerConflicts = 0; // triples whose conflicts the word-level merge reduced
    for (qsizetype i = 0; i < triples.size(); ++i) {
        const PerInput<QByteArray> &text = triples[i].text;
        const OracleAnswer &oracle = answers->at(i);
        const QByteArray &base = text[MergeInput::Base];
        const QByteArray &ours = text[MergeInput::Ours];
        const QByteArray &theirs = text[MergeInput::Theirs];
        TextMergeOptions linesOnly;
        linesOnly.wordLevel = false;
        const TextMerge byLines = mergeText(base, ours, theirs, linesOnly);
        MarkerStyle style;
        style.showBase = false;
        if (!oracle.sameAlignments) {
            ++otherAlignment;
            otherAlignmentSameText += mergedText(byLines, {}, style) == oracle.merged ? 1 : 0;
            continue;
        }
        const QByteArray where =
            QStringLiteral("case %1 of seed %2\n--- base\n%3--- ours\n%4--- theirs\n%5")
                .arg(i)
                .arg(seed)
                .arg(QString::fromUtf8(base), QString::fromUtf8(ours), QString::fromUtf8(theirs))
                .toUtf8();

        QVERIFY2(byLines.clean() == (oracle.clean), where.constData());
        // diff3 writes a marker right after a last line without LF (so it
        // can hide a "<<<<<<<"); we end the line first.
        const bool comparable = byLines.clean() || (base.endsWith('\n') && ours.endsWith('\n') &&
                                                    theirs.endsWith('\n'));
        if (comparable) {
            QVERIFY2(byLines.conflicts.size() == oracle.conflicts, where.constData());
            QCOMPARE(QString::fromUtf8(mergedText(byLines, {}, style)),
                     QString::fromUtf8(oracle.merged));
        }

        const TextMerge byWords = mergeText(base, ours, theirs);
        if (oracle.clean) {
            ++diff3Clean;
            QVERIFY2(byWords.clean(), where.constData());
            QCOMPARE(mergedText(byWords), oracle.merged);
        } else {
            QVERIFY2(byWords.conflicts.size() <= byLines.conflicts.size(), where.constData());
            fewerConflicts += byWords.conflicts.size() < byLines.conflicts.size() ? 1 : 0;
        }
    }
    const int compared = int(triples.size()) - otherAlignment;
    qInfo("%d triples, %d with GNU diff's alignments (all agreed), %d aligned differently (%d of "
          "those merged to the same text anyway); diff3 merged %d cleanly and conflicted on %d; "
          "the word-level merge resolved conflicts in %d of those",
          int(triples.size()), compared, otherAlignment, otherAlignmentSameText, diff3Clean,
          compared - diff3Clean, fewerConflicts);
    // Most triples must be comparable, or the oracle proves little.
    QVERIFY(compared * 10 >= int(triples.size()) * 8);
}

QTEST_GUILESS_MAIN(TestMergeOracle)
#include "tst_merge_oracle.moc"
