// Three-way merge speed. Targets: two 20 KB prompts, each with 10 % of the
// lines edited against a common base, merged in under 2 ms; 5 MB triples no
// slower than GNU `diff3 -m -E` run as a process on the same files in the
// same run (its time includes process start, reading the files and its own
// two diff processes; ours includes both line diffs, the chunking, the
// word-level merge of conflicting regions and writing the merged text).
// Inputs are generated deterministically from fixed seeds.
#include "BenchTable.h"
#include "SalonText.h"

#include "merge/TextMerge.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace retell;
using namespace retell::core;

namespace {

using test::salon::promptLines;
using test::salon::sentence;

// Edits about `percent` % of the lines: rewrites, word changes, insertions
// and deletions.
QList<QByteArray> edited(QList<QByteArray> lines, quint32 seed, int percent)
{
    QRandomGenerator random(seed);
    const int edits = int(lines.size()) * percent / 100;
    for (int e = 0; e < edits; ++e) {
        const int at = int(random.bounded(int(lines.size())));
        switch (random.bounded(5)) {
        case 0:
            lines.insert(at, sentence(random, 6));
            break;
        case 1:
            lines.removeAt(at);
            break;
        case 2: {
            QList<QByteArray> words = lines[at].split(' ');
            words[random.bounded(int(words.size()))] = sentence(random, 1);
            lines[at] = words.join(' ');
            break;
        }
        default:
            lines[at] = sentence(random, 4 + int(random.bounded(8)));
            break;
        }
    }
    return lines;
}

QByteArray joined(const QList<QByteArray> &lines)
{
    return lines.join('\n') + '\n';
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

struct Case
{
    QString name;
    QByteArray base;
    QByteArray ours;
    QByteArray theirs;
    int samples;
    double targetMs; // 0: compare against GNU diff3 instead
};

Case makeCase(const QString &name, qsizetype bytes, quint32 seed, int percent, int samples,
              double targetMs)
{
    const QList<QByteArray> base = promptLines(seed, bytes);
    return {name,
            joined(base),
            joined(edited(base, seed + 1, percent)),
            joined(edited(base, seed + 2, percent)),
            samples,
            targetMs};
}

} // namespace

int main(int argc, char **argv)
{
    // Optional argument: run only the cases whose name contains it.
    const QString only = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const QList<Case> cases{
        makeCase(QStringLiteral("20 KB prompts, 10% lines edited per side"), 20 * 1024, 1, 10, 200,
                 2.0),
        makeCase(QStringLiteral("20 KB prompts, 1% lines edited per side"), 20 * 1024, 5, 1, 200,
                 2.0),
        makeCase(QStringLiteral("5 MB triple, 1% lines edited per side"), 5 * 1024 * 1024, 9, 1, 5,
                 0),
        makeCase(QStringLiteral("5 MB triple, 10% lines edited per side"), 5 * 1024 * 1024, 13, 10,
                 3, 0),
    };

    QTemporaryDir dir;
    const QString base = dir.filePath(QStringLiteral("base.txt"));
    const QString ours = dir.filePath(QStringLiteral("ours.txt"));
    const QString theirs = dir.filePath(QStringLiteral("theirs.txt"));
    QList<QStringList> rows{{QStringLiteral("case"), QStringLiteral("lines"),
                             QStringLiteral("regions"), QStringLiteral("conflicts (diff3)"),
                             QStringLiteral("in-line merges"), QStringLiteral("ours median ms"),
                             QStringLiteral("ours p95 ms"), QStringLiteral("diff3 -m -E median ms"),
                             QStringLiteral("ours/GNU"), QStringLiteral("target")}};
    for (const Case &c : cases) {
        if (!c.name.contains(only))
            continue;
        TextMerge merge;
        QByteArray text;
        const bench::Stats stats = bench::measure(
            [&] {
                merge = mergeText(c.base, c.ours, c.theirs);
                text = mergedText(merge);
            },
            c.samples, c.samples > 10 ? 5 : 1);
        QStringList row{c.name,
                        QString::number(merge.lines[MergeInput::Base].size()),
                        QString::number(merge.regions.size()),
                        QString::number(merge.conflicts.size()),
                        QString::number(merge.count(RegionKind::MergedInLine)),
                        bench::ms(stats.medianMs),
                        bench::ms(stats.p95Ms)};
        double gnuMs = 0;
        if (writeFile(base, c.base) && writeFile(ours, c.ours) && writeFile(theirs, c.theirs)) {
            int gnuConflicts = 0;
            const bench::Stats gnu = bench::measure(
                [&] {
                    QProcess diff3;
                    diff3.start(QStringLiteral("diff3"),
                                {QStringLiteral("-m"), QStringLiteral("-E"), ours, base, theirs});
                    diff3.waitForFinished(-1);
                    gnuConflicts = 0;
                    for (const QByteArray &line : diff3.readAllStandardOutput().split('\n'))
                        gnuConflicts += line.startsWith("<<<<<<<") ? 1 : 0;
                },
                std::min(c.samples, 20), 1);
            gnuMs = gnu.medianMs;
            row[3] += QStringLiteral(" (%1)").arg(gnuConflicts);
        }
        row << bench::ms(gnuMs) << QString::number(stats.medianMs / gnuMs, 'f', 2);
        if (c.targetMs > 0) {
            row << QStringLiteral("< %1 ms: %2")
                       .arg(c.targetMs)
                       .arg(stats.medianMs < c.targetMs ? QStringLiteral("met")
                                                        : QStringLiteral("MISSED"));
        } else {
            row << QStringLiteral("<= GNU: %1")
                       .arg(stats.medianMs <= gnuMs ? QStringLiteral("met")
                                                    : QStringLiteral("MISSED"));
        }
        rows.append(row);
    }
    bench::printTable(
        QStringLiteral("Three-way merge (mergeText + mergedText, word-level merge on)"), rows);
    return 0;
}
