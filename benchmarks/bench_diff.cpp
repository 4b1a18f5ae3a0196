// Diff engine speed. Targets: two 20 KB prompts with 10 % of the lines
// changed in under 2 ms; two 5 MB files no slower than GNU `diff --minimal`
// run as a process on the same files in the same run (its time includes
// process start and reading the files; ours includes splitting, hashing,
// the line diff and the word refinement of every changed pair). The
// low-entropy cases compare the exact search (the only one before the cost
// bound) and the bounded default with GNU diff --minimal and plain diff.
// Inputs are generated deterministically from fixed seeds.
#include "BenchTable.h"
#include "SalonText.h"

#include "diff/LineDiff.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace retell;
using namespace retell::core;

namespace {

using test::salon::promptLines;
using test::salon::sentence;

// Changes about `percent` % of the lines: rewrites, insertions and deletions.
QList<QByteArray> edited(QList<QByteArray> lines, quint32 seed, int percent)
{
    QRandomGenerator random(seed);
    const int edits = int(lines.size()) * percent / 100;
    for (int e = 0; e < edits; ++e) {
        const int at = int(random.bounded(int(lines.size())));
        switch (random.bounded(4)) {
        case 0:
            lines.insert(at, sentence(random, 6));
            break;
        case 1:
            lines.removeAt(at);
            break;
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

// Low-entropy text: every line one of `distinct` short lines, at random.
// The worst case of the O(ND) search: long, very different, and every line
// has thousands of partners on the other side.
QByteArray lowEntropy(quint32 seed, int lines, int distinct)
{
    QRandomGenerator random(seed);
    QByteArray text;
    for (int i = 0; i < lines; ++i)
        text += "line " + QByteArray::number(random.bounded(distinct)) + '\n';
    return text;
}

struct Case
{
    QString name;
    QByteArray left;
    QByteArray right;
    int samples;
    double targetMs; // 0: compare against GNU diff instead
    // Ours with DiffOptions::minimal against GNU diff --minimal, or both
    // with their bounded default.
    bool minimal = true;
};

} // namespace

int main(int argc, char **argv)
{
    // Optional argument: run only the cases whose name contains it.
    const QString only = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const QList<QByteArray> prompt = promptLines(1, 20 * 1024);
    const QList<QByteArray> big = promptLines(2, 5 * 1024 * 1024);
    const QList<QByteArray> otherBig = promptLines(3, 5 * 1024 * 1024);
    const QList<Case> cases{
        {QStringLiteral("20 KB prompts, 10% lines changed"), joined(prompt),
         joined(edited(prompt, 11, 10)), 200, 2.0},
        {QStringLiteral("20 KB prompts, every line different"), joined(prompt),
         joined(promptLines(4, 20 * 1024)), 200, 2.0},
        {QStringLiteral("5 MB files, 1% lines changed"), joined(big), joined(edited(big, 12, 1)), 7,
         0},
        {QStringLiteral("5 MB files, 10% lines changed"), joined(big), joined(edited(big, 13, 10)),
         5, 0},
        {QStringLiteral("5 MB files, unrelated"), joined(big), joined(otherBig), 1, 0},
        // Before the cost bound every diff was --minimal; now only on request.
        {QStringLiteral("100k low-entropy lines, --minimal (before)"), lowEntropy(5, 100000, 10),
         lowEntropy(6, 100000, 10), 1, 0, true},
        {QStringLiteral("100k low-entropy lines, bounded (after)"), lowEntropy(5, 100000, 10),
         lowEntropy(6, 100000, 10), 3, 0, false},
    };

    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.txt"));
    const QString b = dir.filePath(QStringLiteral("b.txt"));
    QList<QStringList> rows{{QStringLiteral("case"), QStringLiteral("lines"), QStringLiteral("+/-"),
                             QStringLiteral("ours median ms"), QStringLiteral("ours p95 ms"),
                             QStringLiteral("GNU diff median ms"), QStringLiteral("ours/GNU"),
                             QStringLiteral("target")}};
    for (const Case &c : cases) {
        if (!c.name.contains(only))
            continue;
        LineDiff result;
        DiffOptions options;
        options.minimal = c.minimal;
        const bench::Stats ours =
            bench::measure([&] { result = computeLineDiff(c.left, c.right, options); }, c.samples,
                           c.samples > 10 ? 5 : (c.samples > 1 ? 1 : 0));
        QStringList row{c.name, QString::number(result.lines[Side::Left].size()),
                        QStringLiteral("+%1 -%2").arg(result.added).arg(result.removed),
                        bench::ms(ours.medianMs), bench::ms(ours.p95Ms)};
        double gnuMs = 0;
        if (writeFile(a, c.left) && writeFile(b, c.right)) {
            int gnuChanged = 0;
            const bench::Stats gnu = bench::measure(
                [&] {
                    QProcess diff;
                    diff.start(QStringLiteral("/usr/bin/diff"),
                               c.minimal ? QStringList{QStringLiteral("--minimal"), a, b}
                                         : QStringList{a, b});
                    diff.waitForFinished(-1);
                    gnuChanged = 0;
                    for (const QByteArray &line : diff.readAllStandardOutput().split('\n'))
                        gnuChanged += line.startsWith('<') || line.startsWith('>') ? 1 : 0;
                },
                c.samples, c.samples > 1 ? 1 : 0);
            gnuMs = gnu.medianMs;
            if (gnuChanged != result.added + result.removed) {
                row[2] += c.minimal ? QStringLiteral(" (GNU: %1 lines!)").arg(gnuChanged)
                                    : QStringLiteral(" (GNU: %1 lines)").arg(gnuChanged);
            }
        }
        row << bench::ms(gnuMs) << QString::number(ours.medianMs / gnuMs, 'f', 2);
        if (c.targetMs > 0) {
            row << QStringLiteral("< %1 ms: %2")
                       .arg(c.targetMs)
                       .arg(ours.medianMs < c.targetMs ? QStringLiteral("met")
                                                       : QStringLiteral("MISSED"));
        } else {
            row << QStringLiteral("<= GNU: %1")
                       .arg(ours.medianMs <= gnuMs ? QStringLiteral("met")
                                                   : QStringLiteral("MISSED"));
        }
        rows.append(row);
    }
    bench::printTable(QStringLiteral("Line diff (computeLineDiff, with word refinement)"), rows);
    return 0;
}
