// `retell-admin-cli diff` on files (issue 11 §9): a paragraph moved within
// the prompt is said as moved in the side-by-side view and in --json; the
// unified diff stays what GNU diff writes.
#include "../diff/MoveTestParagraphs.h"
#include "cli_runner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace retell::test;

using namespace retell::test::paragraphs;

class TestCliDiffMoves final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        QByteArray edited = kGreeting;
        edited.replace("warmly", "kindly");
        m_old = writeTestFile(m_files, QStringLiteral("old.md"),
                              kGreeting + "\n" + kBooking + "\n" + kClosing);
        m_new = writeTestFile(m_files, QStringLiteral("new.md"),
                              kBooking + "\n" + kClosing + "\n" + edited);
    }

    void sideBySideSaysMovedFromLine()
    {
        const CliResult r =
            diff({m_old, m_new, QStringLiteral("--side-by-side"), QStringLiteral("--no-color")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.stdoutText().contains(
                     QLatin1String("moved from line 1 to line 7 (3 line(s), with changes)\n")),
                 qPrintable(r.describe()));
    }

    void jsonListsTheMoves()
    {
        const CliResult r = diff({m_old, m_new, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        const QJsonArray moves =
            r.json().object().value(QStringLiteral("prompt"))[QStringLiteral("moves")].toArray();
        QCOMPARE(moves.size(), 1);
        const QJsonObject move = moves.first().toObject();
        QCOMPARE(move.value(QStringLiteral("old_start")).toInt(), 1);
        QCOMPARE(move.value(QStringLiteral("old_lines")).toInt(), 3);
        QCOMPARE(move.value(QStringLiteral("new_start")).toInt(), 7);
        QCOMPARE(move.value(QStringLiteral("new_lines")).toInt(), 3);
        QCOMPARE(move.value(QStringLiteral("changed")).toBool(), true);
    }

    void unifiedStaysGnuDiff()
    {
        const CliResult r = diff({m_old, m_new, QStringLiteral("--no-color")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY(!r.stdoutText().contains(QLatin1String("moved from")));
    }

private:
    // diff needs no database: none is configured.
    CliResult diff(const QStringList &args) const
    {
        return m_cli.runWithoutDatabase(QStringList{QStringLiteral("diff")} + args);
    }

    QTemporaryDir m_files;
    CliRunner m_cli;
    QString m_old;
    QString m_new;
};

QTEST_GUILESS_MAIN(TestCliDiffMoves)
#include "tst_cli_diff_moves.moc"
