#include "MergeTestSupport.h"

#include "merge/ConflictMarkers.h"

using namespace retell::core;

namespace {

// Resolves every marker block of `text` with `choice`, last first.
QString resolveAll(QString text, ConflictChoice choice)
{
    const QList<MarkerBlock> blocks = findConflictMarkers(text);
    for (qsizetype i = blocks.size() - 1; i >= 0; --i)
        text.replace(blocks[i].start, blocks[i].end - blocks[i].start,
                     resolvedBlock(text, blocks[i], choice));
    return text;
}

} // namespace

class TestConflictMarkers : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void notABlock_data();
    void notABlock();
};

void TestConflictMarkers::roundTrip_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("ours");
    QTest::addColumn<QByteArray>("theirs");
    QTest::addColumn<bool>("showBase");
    QTest::newRow("one conflict, with base")
        << QByteArray("a\nb\nc\n") << QByteArray("a\nX\nc\n") << QByteArray("a\nY\nc\n") << true;
    QTest::newRow("one conflict, diff3 -E style")
        << QByteArray("a\nb\nc\n") << QByteArray("a\nX\nc\n") << QByteArray("a\nY\nc\n") << false;
    QTest::newRow("deleted on one side")
        << QByteArray("a\nb\nc\n") << QByteArray("a\nc\n") << QByteArray("a\nB B\nc\n") << true;
    QTest::newRow("two conflicts, CRLF")
        << QByteArray("a\r\nb\r\nc\r\nd\r\ne\r\n") << QByteArray("a\r\nX\r\nc\r\nd\r\nQ\r\n")
        << QByteArray("a\r\nY\r\nc\r\nd\r\nR\r\n") << true;
    QTest::newRow("a line that looks like a separator inside")
        << QByteArray("a\nb\nc\n") << QByteArray("a\n====\nc\n") << QByteArray("a\n======= x\nc\n")
        << true;
}

void TestConflictMarkers::roundTrip()
{
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, ours);
    QFETCH(QByteArray, theirs);
    QFETCH(bool, showBase);
    TextMergeOptions options;
    options.wordLevel = false;
    const TextMerge merge = mergeText(base, ours, theirs, options);
    QVERIFY(!merge.conflicts.isEmpty());
    MarkerStyle style;
    style.showBase = showBase;
    const QString text = QString::fromUtf8(mergedText(merge, {}, style));

    const QList<MarkerBlock> blocks = findConflictMarkers(text);
    QCOMPARE(blocks.size(), merge.conflicts.size());
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        QCOMPARE(blocks[i].ours, merge.conflicts[i].text[MergeInput::Ours]);
        QCOMPARE(blocks[i].theirs, merge.conflicts[i].text[MergeInput::Theirs]);
        QCOMPARE(blocks[i].hasBase, showBase);
        if (showBase)
            QCOMPARE(blocks[i].base, merge.conflicts[i].text[MergeInput::Base]);
    }
    for (const ConflictChoice choice :
         {ConflictChoice::Ours, ConflictChoice::Theirs, ConflictChoice::OursThenTheirs,
          ConflictChoice::TheirsThenOurs, ConflictChoice::Unresolved}) {
        const QList<ConflictChoice> all(merge.conflicts.size(), choice);
        QCOMPARE(resolveAll(text, choice), QString::fromUtf8(mergedText(merge, all, style)));
    }
}

void TestConflictMarkers::notABlock_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("no markers") << QStringLiteral("a\n=======\nb\n");
    QTest::newRow("no closing marker") << QStringLiteral("<<<<<<< ours\na\n=======\nb\n");
    QTest::newRow("no separator") << QStringLiteral("<<<<<<< ours\na\n>>>>>>> theirs\n");
    QTest::newRow("marker not at line start")
        << QStringLiteral(" <<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n");
    QTest::newRow("eight angle brackets")
        << QStringLiteral("<<<<<<<<\na\n=======\nb\n>>>>>>> theirs\n");
}

void TestConflictMarkers::notABlock()
{
    QFETCH(QString, text);
    QVERIFY(findConflictMarkers(text).isEmpty());
}

QTEST_APPLESS_MAIN(TestConflictMarkers)
#include "tst_conflict_markers.moc"
