#include "MergeTestSupport.h"

#include <QTest>

#include <stop_token>

using namespace retell::core;
using mergesupport::regionShape;

class TestTextMerge : public QObject
{
    Q_OBJECT

private slots:
    void merge_data();
    void merge();
    void conflictRecords();
    void choices_data();
    void choices();
    void markersWithoutBase();
    void invalidUtf8IsRefused_data();
    void invalidUtf8IsRefused();
    void firstInvalidUtf8_data();
    void firstInvalidUtf8();
    void stopRequestCancels();
    void regionsCoverEveryLine();
    void fiveMegabyteInputs();
};

void TestTextMerge::merge_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("ours");
    QTest::addColumn<QByteArray>("theirs");
    QTest::addColumn<bool>("wordLevel");
    QTest::addColumn<QString>("shape"); // one letter per region, see regionShape
    QTest::addColumn<QByteArray>("expected");

    const QByteArray abc("a\nb\nc\n");
    QTest::newRow("all identical") << abc << abc << abc << true << "=" << abc;
    QTest::newRow("changed on our side only")
        << abc << QByteArray("a\nB\nc\n") << abc << true << "=o=" << QByteArray("a\nB\nc\n");
    QTest::newRow("changed on their side only")
        << abc << abc << QByteArray("a\nB\nc\n") << true << "=t=" << QByteArray("a\nB\nc\n");
    QTest::newRow("the same change on both sides is taken once")
        << abc << QByteArray("a\nB\nc\n") << QByteArray("a\nB\nc\n") << true
        << "=b=" << QByteArray("a\nB\nc\n");
    QTest::newRow("both delete the same line")
        << abc << QByteArray("a\nc\n") << QByteArray("a\nc\n") << true
        << "=b=" << QByteArray("a\nc\n");
    QTest::newRow("changes one unchanged line apart merge")
        << QByteArray("a\nb\nc\nd\ne\n") << QByteArray("A\nb\nc\nd\ne\n")
        << QByteArray("a\nb\nC\nd\ne\n") << true << "o=t=" << QByteArray("A\nb\nC\nd\ne\n");
    QTest::newRow("adjacent lines conflict at line level")
        << abc << QByteArray("A\nb\nc\n") << QByteArray("a\nB\nc\n") << false << "!="
        << QByteArray("<<<<<<< ours\nA\nb\n||||||| base\na\nb\n=======\na\nB\n>>>>>>> theirs\nc\n");
    QTest::newRow("adjacent lines merge by words")
        << abc << QByteArray("A\nb\nc\n") << QByteArray("a\nB\nc\n") << true
        << "w=" << QByteArray("A\nB\nc\n");
    QTest::newRow("different words of one line merge")
        << QByteArray("Greet the caller warmly.\n") << QByteArray("Greet the guest warmly.\n")
        << QByteArray("Greet the caller politely.\n") << true << "w"
        << QByteArray("Greet the guest politely.\n");
    QTest::newRow("the same word changed differently conflicts")
        << QByteArray("Greet the caller warmly.\n") << QByteArray("Greet the guest warmly.\n")
        << QByteArray("Greet the client warmly.\n") << true << "!"
        << QByteArray("<<<<<<< ours\nGreet the guest warmly.\n||||||| base\nGreet the caller "
                      "warmly.\n=======\n"
                      "Greet the client warmly.\n>>>>>>> theirs\n");
    QTest::newRow("a variable is one word")
        << QByteArray("Hello {{first name}}!\n") << QByteArray("Hello {{given name}}!\n")
        << QByteArray("Hello {{first surname}}!\n") << true << "!"
        << QByteArray(
               "<<<<<<< ours\nHello {{given name}}!\n||||||| base\nHello {{first name}}!\n=======\n"
               "Hello {{first surname}}!\n>>>>>>> theirs\n");
    QTest::newRow("a variable beside a changed word merges")
        << QByteArray("Hello {{name}}, welcome to {{branch}}.\n")
        << QByteArray("Hi {{name}}, welcome to {{branch}}.\n")
        << QByteArray("Hello {{caller_name}}, welcome to {{branch}}.\n") << true << "w"
        << QByteArray("Hi {{caller_name}}, welcome to {{branch}}.\n");
    QTest::newRow("different insertions at one place conflict")
        << QByteArray("a\nb\n") << QByteArray("a\nx\nb\n") << QByteArray("a\ny\nb\n") << true
        << "=!=" << QByteArray("a\n<<<<<<< ours\nx\n||||||| base\n=======\ny\n>>>>>>> theirs\nb\n");
    QTest::newRow("the same insertion at one place is taken once")
        << QByteArray("a\nb\n") << QByteArray("a\nx\nb\n") << QByteArray("a\nx\nb\n") << true
        << "=b=" << QByteArray("a\nx\nb\n");
    QTest::newRow("deleted on one side, changed on the other")
        << abc << QByteArray("a\nc\n") << QByteArray("a\nB\nc\n") << true
        << "=!=" << QByteArray("a\n<<<<<<< ours\n||||||| base\nb\n=======\nB\n>>>>>>> theirs\nc\n");
    QTest::newRow("an insertion touching a change conflicts by lines")
        << abc << QByteArray("a\nB\nc\n") << QByteArray("a\nb\nx\nc\n") << false << "=!="
        << QByteArray("a\n<<<<<<< ours\nB\n||||||| base\nb\n=======\nb\nx\n>>>>>>> theirs\nc\n");
    QTest::newRow("an insertion touching a change merges by words")
        << abc << QByteArray("a\nB\nc\n") << QByteArray("a\nb\nx\nc\n") << true
        << "=w=" << QByteArray("a\nB\nx\nc\n");
    QTest::newRow("empty base, different additions")
        << QByteArray() << QByteArray("a\n") << QByteArray("b\n") << true << "!"
        << QByteArray("<<<<<<< ours\na\n||||||| base\n=======\nb\n>>>>>>> theirs\n");
    QTest::newRow("empty base, the same addition")
        << QByteArray() << QByteArray("a\n") << QByteArray("a\n") << true << "b"
        << QByteArray("a\n");
    QTest::newRow("all empty") << QByteArray() << QByteArray() << QByteArray() << true << ""
                               << QByteArray();
    QTest::newRow("ours emptied, theirs unchanged")
        << abc << QByteArray() << abc << true << "o" << QByteArray();
    QTest::newRow("ours emptied, theirs changed")
        << abc << QByteArray() << QByteArray("a\nB\nc\n") << true << "!"
        << QByteArray("<<<<<<< ours\n||||||| base\na\nb\nc\n=======\na\nB\nc\n>>>>>>> theirs\n");
    QTest::newRow("no final newline anywhere")
        << QByteArray("a\nb\nc") << QByteArray("A\nb\nc") << QByteArray("a\nb\nc\nd") << true
        << "o=t" << QByteArray("A\nb\nc\nd");
    QTest::newRow("final newline added on one side")
        << QByteArray("a\nb") << QByteArray("a\nb\n") << QByteArray("A\nb") << true << "w"
        << QByteArray("A\nb\n");
    QTest::newRow("conflict without final newline ends its lines before markers")
        << QByteArray("a") << QByteArray("b") << QByteArray("c") << false << "!"
        << QByteArray("<<<<<<< ours\nb\n||||||| base\na\n=======\nc\n>>>>>>> theirs\n");
    QTest::newRow("CRLF kept in a clean merge")
        << QByteArray("a\r\nb\r\nc\r\nd\r\n") << QByteArray("A\r\nb\r\nc\r\nd\r\n")
        << QByteArray("a\r\nb\r\nc\r\nD\r\n") << true << "o=t"
        << QByteArray("A\r\nb\r\nc\r\nD\r\n");
    QTest::newRow("CRLF conflict gets CRLF markers")
        << QByteArray("a\r\nb\r\n") << QByteArray("A\r\nb\r\n") << QByteArray("X\r\nb\r\n") << true
        << "!="
        << QByteArray(
               "<<<<<<< ours\r\nA\r\n||||||| base\r\na\r\n=======\r\nX\r\n>>>>>>> theirs\r\nb\r\n");
    QTest::newRow("UTF-8 words merge") << QByteArray("Begrüße den Anrufer freundlich.\n")
                                       << QByteArray("Begrüße die Anruferin freundlich.\n")
                                       << QByteArray("Begrüße den Anrufer höflich.\n") << true
                                       << "w" << QByteArray("Begrüße die Anruferin höflich.\n");
}

void TestTextMerge::merge()
{
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, ours);
    QFETCH(QByteArray, theirs);
    QFETCH(bool, wordLevel);
    QFETCH(QString, shape);
    QFETCH(QByteArray, expected);

    TextMergeOptions options;
    options.wordLevel = wordLevel;
    const TextMerge merge = mergeText(base, ours, theirs, options);
    QVERIFY(merge.ok());
    QCOMPARE(regionShape(merge), shape);
    QCOMPARE(mergedText(merge), expected);
    QCOMPARE(merge.clean(), !shape.contains(u'!'));
    QCOMPARE(merge.conflicts.size(), shape.count(u'!'));
}

void TestTextMerge::conflictRecords()
{
    QStringList base;
    for (int i = 0; i < 10; ++i)
        base << QStringLiteral("line %1").arg(i);
    QStringList ours = base;
    QStringList theirs = base;
    ours[2] = QStringLiteral("ours two");
    theirs[2] = QStringLiteral("theirs two");
    ours.removeAt(7);
    theirs[7] = QStringLiteral("theirs seven");
    theirs.insert(8, QStringLiteral("theirs extra"));

    const TextMerge merge =
        mergeText(diffsupport::joined(base, true), diffsupport::joined(ours, true),
                  diffsupport::joined(theirs, true));
    QCOMPARE(merge.conflicts.size(), 2);
    TextConflict first;
    first.lines = {{LineRange{2, 1}, LineRange{2, 1}, LineRange{2, 1}}};
    first.text = {
        {QStringLiteral("line 2\n"), QStringLiteral("ours two\n"), QStringLiteral("theirs two\n")}};
    QCOMPARE(merge.conflicts.at(0), first);
    TextConflict second;
    second.lines = {{LineRange{7, 1}, LineRange{7, 0}, LineRange{7, 2}}};
    second.text = {
        {QStringLiteral("line 7\n"), QString(), QStringLiteral("theirs seven\ntheirs extra\n")}};
    QCOMPARE(merge.conflicts.at(1), second);
    QCOMPARE(regionShape(merge), QStringLiteral("=!=!="));
    QCOMPARE(merge.regions.at(3).conflict, 1);
}

void TestTextMerge::choices_data()
{
    QTest::addColumn<ConflictChoice>("choice");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ours") << ConflictChoice::Ours << QByteArray("a\nX\nc\n");
    QTest::newRow("theirs") << ConflictChoice::Theirs << QByteArray("a\nY\nc\n");
    QTest::newRow("both, ours first")
        << ConflictChoice::OursThenTheirs << QByteArray("a\nX\nY\nc\n");
    QTest::newRow("both, theirs first")
        << ConflictChoice::TheirsThenOurs << QByteArray("a\nY\nX\nc\n");
    QTest::newRow("base") << ConflictChoice::Base << QByteArray("a\nb\nc\n");
    QTest::newRow("unresolved")
        << ConflictChoice::Unresolved
        << QByteArray("a\n<<<<<<< ours\nX\n||||||| base\nb\n=======\nY\n>>>>>>> theirs\nc\n");
}

void TestTextMerge::choices()
{
    QFETCH(ConflictChoice, choice);
    QFETCH(QByteArray, expected);
    const TextMerge merge = mergeText("a\nb\nc\n", "a\nX\nc\n", "a\nY\nc\n");
    QCOMPARE(merge.conflicts.size(), 1);
    QCOMPARE(mergedText(merge, {choice}), expected);
}

void TestTextMerge::markersWithoutBase()
{
    const TextMerge merge = mergeText("a\nb\nc\n", "a\nX\nc\n", "a\nY\nc\n");
    MarkerStyle style;
    style.showBase = false;
    style.labels[MergeInput::Ours] = QStringLiteral("edit");
    style.labels[MergeInput::Theirs] = QStringLiteral("v7");
    QCOMPARE(mergedText(merge, {}, style),
             QByteArray("a\n<<<<<<< edit\nX\n=======\nY\n>>>>>>> v7\nc\n"));
}

void TestTextMerge::invalidUtf8IsRefused_data()
{
    QTest::addColumn<MergeInput>("input");
    QTest::newRow("base") << MergeInput::Base;
    QTest::newRow("ours") << MergeInput::Ours;
    QTest::newRow("theirs") << MergeInput::Theirs;
}

void TestTextMerge::invalidUtf8IsRefused()
{
    QFETCH(MergeInput, input);
    PerInput<QByteArray> text{{"fine\n", "fine\n", "fine\n"}};
    text[input] = QByteArray("ok\nbad \xff byte\n");
    const TextMerge merge =
        mergeText(text[MergeInput::Base], text[MergeInput::Ours], text[MergeInput::Theirs]);
    QVERIFY(!merge.ok());
    QCOMPARE(merge.error->kind, TextMergeError::InvalidUtf8);
    QCOMPARE(merge.error->input, input);
    QCOMPARE(merge.error->offset, qsizetype(7));
    QVERIFY(merge.regions.isEmpty());
}

void TestTextMerge::firstInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("offset");
    QTest::newRow("ASCII") << QByteArray("plain") << qsizetype(-1);
    QTest::newRow("umlaut and emoji")
        << QByteArray("gr\xc3\xbc\xc3\x9f \xf0\x9f\x98\x80") << qsizetype(-1);
    QTest::newRow("lone continuation byte") << QByteArray("ab\x80") << qsizetype(2);
    QTest::newRow("truncated sequence") << QByteArray("ab\xc3") << qsizetype(2);
    QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf") << qsizetype(1);
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << qsizetype(0);
    QTest::newRow("beyond U+10FFFF") << QByteArray("x\xf4\x90\x80\x80") << qsizetype(1);
}

void TestTextMerge::firstInvalidUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, offset);
    QCOMPARE(retell::core::firstInvalidUtf8(bytes), offset);
}

void TestTextMerge::stopRequestCancels()
{
    std::stop_source source;
    source.request_stop();
    const TextMerge merge = mergeText("a\n", "b\n", "c\n", {}, source.get_token());
    QVERIFY(!merge.ok());
    QCOMPARE(merge.error->kind, TextMergeError::Cancelled);
}

void TestTextMerge::regionsCoverEveryLine()
{
    QRandomGenerator random(7);
    const QStringList base = diffsupport::realisticLines();
    const QStringList vocabulary{QStringLiteral("- Offer a callback."), QString(),
                                 QStringLiteral("## Notes")};
    for (int round = 0; round < 200; ++round) {
        const QStringList ours = diffsupport::mutate(base, random, 4, vocabulary);
        const QStringList theirs = diffsupport::mutate(base, random, 4, vocabulary);
        const TextMerge merge =
            mergeText(diffsupport::joined(base, true), diffsupport::joined(ours, true),
                      diffsupport::joined(theirs, true));
        PerInput<int> next{{0, 0, 0}};
        for (const MergeRegion &region : merge.regions) {
            for (const MergeInput input : allInputs) {
                QCOMPARE(region.lines[input].start, next[input]);
                next[input] = region.lines[input].end();
            }
        }
        for (const MergeInput input : allInputs)
            QCOMPARE(next[input], merge.lines[input].size());
    }
}

void TestTextMerge::fiveMegabyteInputs()
{
    // 5 MB of numbered lines; ours edits every 1000th line, theirs every
    // 1000th line offset by 500, and both append the same closing line.
    PerInput<QByteArray> text;
    QByteArray expected;
    for (int i = 0; text[MergeInput::Base].size() < 5 * 1024 * 1024; ++i) {
        const QByteArray line =
            "Line " + QByteArray::number(i) + " of a very long generated prompt text.\n";
        const QByteArray ours = i % 1000 == 0 ? "Ours changed " + line : line;
        const QByteArray theirs = i % 1000 == 500 ? "Theirs changed " + line : line;
        text[MergeInput::Base] += line;
        text[MergeInput::Ours] += ours;
        text[MergeInput::Theirs] += theirs;
        expected += i % 1000 == 0 ? ours : theirs;
    }
    for (const MergeInput edit : bothEdits)
        text[edit] += "The end.\n";
    expected += "The end.\n";
    const TextMerge merge =
        mergeText(text[MergeInput::Base], text[MergeInput::Ours], text[MergeInput::Theirs]);
    QVERIFY(merge.clean());
    QCOMPARE(merge.count(RegionKind::Both), 1);
    QVERIFY(mergedText(merge) == expected);
}

QTEST_APPLESS_MAIN(TestTextMerge)
#include "tst_text_merge.moc"
