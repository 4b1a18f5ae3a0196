// `retell-admin-cli diff` on big low-entropy inputs (issue 9 §12): the
// default diff bounds its cost and says on stderr that the script is
// approximate, yet its unified output still turns the left file into the
// right one; --minimal gives the shortest script (as many changed lines as
// GNU diff --minimal) without that note. The range checks of --context and
// --width (§11) are in tst_cli_safety.
#include "cli_runner.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace retell::test;

namespace {

QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// Applies a unified diff (as GNU patch would, without fuzz) to `left`:
// every hunk must start where it says, and its context and removed lines
// must be the left file's lines there. Sets *problem otherwise.
QByteArray applyUnified(const QByteArray &left, const QByteArray &unified, QString *problem)
{
    static const QRegularExpression hunkHeader(
        QStringLiteral(R"(^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@)"));
    const QList<QByteArray> source = linesOf(left);
    QList<QByteArray> result;
    qsizetype next = 0; // the next left line not yet copied
    const QList<QByteArray> diffLines = linesOf(unified);
    for (qsizetype i = 0; i < diffLines.size(); ++i) {
        const QByteArray &line = diffLines.at(i);
        if (line.startsWith("---") || line.startsWith("+++"))
            continue;
        const auto match = hunkHeader.match(QString::fromLatin1(line));
        if (!match.hasMatch()) {
            *problem = QStringLiteral("line %1 is outside a hunk: %2")
                           .arg(i + 1)
                           .arg(QString::fromUtf8(line));
            return {};
        }
        const qsizetype oldCount = match.captured(2).isEmpty() ? 1 : match.captured(2).toInt();
        const qsizetype newCount = match.captured(4).isEmpty() ? 1 : match.captured(4).toInt();
        // A hunk that removes nothing starts after line `start`.
        qsizetype start = match.captured(1).toInt();
        if (oldCount > 0)
            --start;
        if (start < next || start > source.size()) {
            *problem =
                QStringLiteral("hunk %1 starts at %2, before %3").arg(i + 1).arg(start).arg(next);
            return {};
        }
        while (next < start)
            result.append(source.at(next++));
        qsizetype oldSeen = 0;
        qsizetype newSeen = 0;
        while (oldSeen < oldCount || newSeen < newCount) {
            if (++i >= diffLines.size()) {
                *problem = QStringLiteral("the last hunk is cut short");
                return {};
            }
            const QByteArray &body = diffLines.at(i);
            const char kind = body.isEmpty() ? ' ' : body.at(0);
            const QByteArray text = body.mid(1);
            if (kind == '+') {
                result.append(text);
                ++newSeen;
                continue;
            }
            if (kind != ' ' && kind != '-') {
                *problem =
                    QStringLiteral("unexpected line in a hunk: %1").arg(QString::fromUtf8(body));
                return {};
            }
            if (next >= source.size() || source.at(next) != text) {
                *problem = QStringLiteral("hunk line %1 does not match left line %2")
                               .arg(i + 1)
                               .arg(next + 1);
                return {};
            }
            ++next;
            ++oldSeen;
            if (kind == ' ') {
                result.append(text);
                ++newSeen;
            }
        }
    }
    while (next < source.size())
        result.append(source.at(next++));
    QByteArray out = result.join('\n');
    if (!result.isEmpty())
        out += '\n';
    return out;
}

// The removed plus added lines of a unified diff.
int changedLines(const QByteArray &unified)
{
    int count = 0;
    for (const QByteArray &line : linesOf(unified)) {
        if ((line.startsWith('-') && !line.startsWith("---")) ||
            (line.startsWith('+') && !line.startsWith("+++")))
            ++count;
    }
    return count;
}

} // namespace

class TestCliDiffLimits final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        // 20,000 lines on each side drawn from 6 distinct lines: the worst
        // case of the O(ND) search, far above its cost limit.
        QRandomGenerator random(9);
        for (QByteArray *text : {&m_left, &m_right}) {
            for (int i = 0; i < 20000; ++i)
                *text += "line " + QByteArray::number(random.bounded(6)) + '\n';
        }
        m_leftPath = writeTestFile(m_files, QStringLiteral("left.txt"), m_left);
        m_rightPath = writeTestFile(m_files, QStringLiteral("right.txt"), m_right);
    }

    void boundedDiffSaysApproximateAndStaysCorrect()
    {
        const CliResult r = diff({m_leftPath, m_rightPath, QStringLiteral("--no-color")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe().left(2000)));
        QVERIFY2(r.stderrText().contains(QLatin1String("the prompt diff is approximate")) &&
                     r.stderrText().contains(QLatin1String("--minimal")),
                 qPrintable(r.stderrText()));
        QString problem;
        const QByteArray applied = applyUnified(m_left, r.out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(applied == m_right);
        m_boundedChanged = changedLines(r.out);
    }

    void minimalIsExactAndSaysNothing()
    {
        const CliResult r = diff(
            {m_leftPath, m_rightPath, QStringLiteral("--no-color"), QStringLiteral("--minimal")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe().left(2000)));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.stderrText()));
        QString problem;
        const QByteArray applied = applyUnified(m_left, r.out, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(applied == m_right);

        // The shortest script: as many changed lines as GNU diff --minimal.
        QProcess gnu;
        gnu.start(QStringLiteral("diff"),
                  {QStringLiteral("--minimal"), QStringLiteral("-u"), m_leftPath, m_rightPath});
        QVERIFY(gnu.waitForFinished(120000));
        QCOMPARE(gnu.exitCode(), 1);
        const int shortest = changedLines(gnu.readAllStandardOutput());
        QCOMPARE(changedLines(r.out), shortest);
        if (m_boundedChanged > 0) // the bounded script is never shorter
            QVERIFY2(m_boundedChanged >= shortest,
                     qPrintable(QStringLiteral("%1 < %2").arg(m_boundedChanged).arg(shortest)));
    }

    // --json keeps stderr quiet and says it in "prompt": {"approximate": true}.
    void jsonSaysApproximateToo()
    {
        const CliResult r = diff({m_leftPath, m_rightPath, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe().left(2000)));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.stderrText()));
        const QJsonValue approximate =
            r.json().object().value(QStringLiteral("prompt"))[QStringLiteral("approximate")];
        QVERIFY2(approximate.isBool() && approximate.toBool(),
                 qPrintable(r.stdoutText().left(2000)));
    }

private:
    // diff needs no database: none is configured.
    CliResult diff(const QStringList &args) const
    {
        return m_cli.runWithoutDatabase(QStringList{QStringLiteral("diff")} + args);
    }

    QTemporaryDir m_files;
    CliRunner m_cli;
    QByteArray m_left;
    QByteArray m_right;
    QString m_leftPath;
    QString m_rightPath;
    int m_boundedChanged = 0;
};

QTEST_GUILESS_MAIN(TestCliDiffLimits)
#include "tst_cli_diff_limits.moc"
