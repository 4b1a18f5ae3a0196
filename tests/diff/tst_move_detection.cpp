// Move detection over the line diff (issue 11 §9): a paragraph moved within
// the prompt is one moved block with its inner changes, not an unrelated
// removal and addition; edits in place, single lines and unrelated text are
// not moves.
#include "DiffTestSupport.h"
#include "SalonText.h"
#include "diff/LineDiff.h"
#include "diff/MoveDetection.h"

#include <QSet>
#include <QTest>

using namespace retell::core;

namespace {

const QByteArray kGreeting = "Greet the caller warmly and name the salon.\n"
                             "Ask for the caller's name before anything else.\n"
                             "Speak slowly and clearly at all times.\n";
const QByteArray kBooking = "Offer the next three free appointment slots.\n"
                            "Confirm the chosen slot with date and stylist.\n"
                            "Send the booking confirmation by text message.\n";
const QByteArray kPrices = "Haircuts start at forty euros for short hair.\n"
                           "Colouring needs a consultation of fifteen minutes.\n";
const QByteArray kClosing = "End every call by thanking the caller.\n"
                            "Use end_call once the caller says goodbye.\n";

QByteArray join(const QByteArrayList &paragraphs)
{
    return paragraphs.join('\n');
}

MoveDetection detect(const QByteArray &left, const QByteArray &right,
                     const MoveOptions &options = {})
{
    return detectMoves(computeLineDiff(left, right), options);
}

// Prompts of low-entropy text: paragraphs of sentences drawn from a small
// salon vocabulary, so unrelated paragraphs share many word pairs.
// Sentence and paragraph sizes: at least `min`, up to `min + spread - 1`.
struct Shape
{
    int minWords = 3;
    int wordSpread = 12;
    int minLines = 2;
    int lineSpread = 4;
};

QByteArray lowEntropySentence(QRandomGenerator &random, const Shape &shape)
{
    QByteArray line;
    const int count = shape.minWords + int(random.bounded(shape.wordSpread));
    for (int w = 0; w < count; ++w)
        line += (w ? " " : "") + QByteArray(retell::test::salon::word(random));
    return line + '\n';
}

QByteArray lowEntropyParagraph(QRandomGenerator &random, const Shape &shape)
{
    QByteArray paragraph;
    for (int i = 0, lines = shape.minLines + int(random.bounded(shape.lineSpread)); i < lines; ++i)
        paragraph += lowEntropySentence(random, shape);
    return paragraph;
}

} // namespace

Q_DECLARE_METATYPE(Shape)

class TestMoveDetection : public QObject
{
    Q_OBJECT

private slots:
    void movedParagraphIsOneMove()
    {
        const QByteArray left = join({kGreeting, kBooking, kPrices, kClosing});
        const QByteArray right = join({kBooking, kPrices, kGreeting, kClosing});
        const MoveDetection found = detect(left, right);
        QCOMPARE(found.moves.size(), 1);
        const MovedBlock &move = found.moves.first();
        // Either the greeting moved down or booking and prices moved up:
        // whichever the minimal line diff removed and added is the move.
        QCOMPARE(move.count[Side::Left], move.count[Side::Right]);
        QVERIFY(move.identical());
        QCOMPARE(move.similarity, 1.0);
        const LineDiff diff = computeLineDiff(left, right);
        const LineTable &l = diff.lines[Side::Left];
        const LineTable &r = diff.lines[Side::Right];
        for (int i = 0; i < move.count[Side::Left]; ++i) {
            QCOMPARE(l.line(move.start[Side::Left] + i), r.line(move.start[Side::Right] + i));
            QCOMPARE(found.moveAt(Side::Left, move.start[Side::Left] + i), 0);
            QCOMPARE(found.counterpart(Side::Left, move.start[Side::Left] + i),
                     move.start[Side::Right] + i);
            QCOMPARE(found.counterpart(Side::Right, move.start[Side::Right] + i),
                     move.start[Side::Left] + i);
        }
        QCOMPARE(found.moveAt(Side::Left, left.count('\n') - 1), -1); // the closing stayed
    }

    void movedParagraphKeepsItsInnerChanges()
    {
        QByteArray edited = kGreeting;
        edited.replace("warmly", "kindly");
        const QByteArray left = join({kGreeting, kBooking, kClosing});
        const QByteArray right = join({kBooking, kClosing, edited});
        const MoveDetection found = detect(left, right);
        QCOMPARE(found.moves.size(), 1);
        const MovedBlock &move = found.moves.first();
        QCOMPARE(move.start[Side::Left], 0);
        QCOMPARE(move.count[Side::Left], 3);
        QCOMPARE(move.start[Side::Right], 7);
        QCOMPARE(move.count[Side::Right], 3);
        QVERIFY(!move.identical());
        QVERIFY(move.similarity >= 0.9 && move.similarity < 1.0);
        // Line 0 paired with line 7, the one changed word marked on both sides.
        QCOMPARE(move.rows.first().kind, RowKind::Changed);
        QCOMPARE(found.counterpart(Side::Left, 0), 7);
        const QList<TextRange> leftRanges = found.changedRanges(Side::Left, 0);
        const QList<TextRange> rightRanges = found.changedRanges(Side::Right, 7);
        QVERIFY(!leftRanges.isEmpty() && !rightRanges.isEmpty());
        const QString leftLine = QString::fromUtf8(kGreeting).section(QLatin1Char('\n'), 0, 0);
        QVERIFY(leftLine.mid(leftRanges.first().start, leftRanges.first().length).size() <= 6);
        QVERIFY(QStringLiteral("warmly").contains(
            leftLine.mid(leftRanges.first().start, leftRanges.first().length)));
        // The unchanged lines of the move have no inner ranges.
        QVERIFY(found.changedRanges(Side::Left, 1).isEmpty());
        QVERIFY(found.changedRanges(Side::Right, 8).isEmpty());
    }

    void twoMovesPairWithTheirOwnPlaces()
    {
        const QByteArray left = join({kGreeting, kBooking, kPrices, kClosing});
        const QByteArray right = join({kPrices, kClosing, kBooking, kGreeting});
        const MoveDetection found = detect(left, right);
        QVERIFY(!found.moves.isEmpty());
        const LineDiff diff = computeLineDiff(left, right);
        for (const MovedBlock &move : found.moves) {
            QVERIFY(move.identical());
            QCOMPARE(diff.lines[Side::Left].line(move.start[Side::Left]),
                     diff.lines[Side::Right].line(move.start[Side::Right]));
        }
    }

    void notMoves_data()
    {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QByteArray rewritten = kGreeting;
        rewritten.replace("warmly", "kindly");
        QTest::newRow("identical") << join({kGreeting, kBooking}) << join({kGreeting, kBooking});
        QTest::newRow("paragraph edited in place")
            << join({kGreeting, kBooking, kClosing}) << join({rewritten, kBooking, kClosing});
        QTest::newRow("one line moved")
            << QByteArray("alpha line one\nbeta line two\ngamma line three\n")
            << QByteArray("beta line two\ngamma line three\nalpha line one\n");
        QTest::newRow("unrelated paragraph replaced elsewhere")
            << join({kGreeting, kBooking, kClosing}) << join({kBooking, kClosing, kPrices});
        QTest::newRow("paragraph deleted") << join({kGreeting, kBooking}) << join({kBooking});
    }

    void notMoves()
    {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QCOMPARE(detect(left, right).moves.size(), 0);
    }

    void lastLineWithoutNewlineMovesUnchanged()
    {
        QByteArray closing = kClosing;
        closing.chop(1); // the prompt's last line has no newline
        const QByteArray left = join({kGreeting, kBooking}) + "\n" + closing;
        const QByteArray right = closing + "\n\n" + join({kGreeting, kBooking});
        const MoveDetection found = detect(left, right);
        QCOMPARE(found.moves.size(), 1);
        QVERIFY(found.moves.first().identical());
    }

    // Repetitive text: paragraphs rewritten, removed and added in place,
    // and a few really moved; only those are moves (edits of look-alike
    // paragraphs are not).
    void lowEntropyTextFindsOnlyTheRealMoves_data()
    {
        QTest::addColumn<Shape>("shape");
        QTest::newRow("short paragraphs of short lines") << Shape{3, 4, 2, 2};
        QTest::newRow("paragraphs of 2-5 lines") << Shape{3, 12, 2, 4};
        QTest::newRow("long paragraphs") << Shape{3, 12, 8, 7};
    }

    void lowEntropyTextFindsOnlyTheRealMoves()
    {
        QFETCH(Shape, shape);
        for (const quint32 seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
            QRandomGenerator random(seed);
            QByteArrayList paragraphs;
            for (int i = 0; i < 2000; ++i)
                paragraphs << lowEntropyParagraph(random, shape);
            const QSet<QByteArray> original(paragraphs.cbegin(), paragraphs.cend());
            const QByteArray left = paragraphs.join('\n');
            // Edits in place: a line rewritten, a paragraph removed, a new one added.
            for (int i = 0; i < 300; ++i) {
                const int at = int(random.bounded(int(paragraphs.size())));
                switch (i % 3) {
                case 0: { // one or two of its lines rewritten
                    QByteArrayList lines = paragraphs[at].split('\n');
                    const int l = int(random.bounded(int(lines.size()) - 1));
                    lines[l] = lowEntropySentence(random, shape).chopped(1);
                    if (l + 2 < lines.size())
                        lines[l + 1] = lowEntropySentence(random, shape).chopped(1);
                    paragraphs[at] = lines.join('\n');
                    break;
                }
                case 1:
                    paragraphs.removeAt(at);
                    break;
                case 2:
                    paragraphs.insert(at, lowEntropyParagraph(random, shape));
                    break;
                }
            }
            // Five real moves of paragraphs the edits left alone, far from
            // where they were.
            QByteArrayList moved;
            for (int i = 0; i < 5; ++i) {
                int from = 100 + i * 300;
                while (!original.contains(paragraphs.at(from)))
                    ++from;
                moved << paragraphs.takeAt(from);
                paragraphs.insert(from + 150, moved.constLast());
            }
            const LineDiff diff = computeLineDiff(left, paragraphs.join('\n'));
            const MoveDetection found = detectMoves(diff);
            QByteArrayList foundText;
            for (const MovedBlock &move : found.moves) {
                const LineTable &l = diff.lines[Side::Left];
                foundText << l.bytes.mid(
                    l.starts.at(move.start[Side::Left]),
                    l.starts.at(move.start[Side::Left] + move.count[Side::Left]) -
                        l.starts.at(move.start[Side::Left]));
            }
            int real = 0;
            for (const QByteArray &text : std::as_const(foundText))
                real += moved.contains(text) ? 1 : 0;
            QVERIFY2(real == 5 && found.moves.size() == 5,
                     qPrintable(QStringLiteral("seed %1: %2 moves found, %3 of them real")
                                    .arg(seed)
                                    .arg(found.moves.size())
                                    .arg(real)));
        }
    }

    void tooManyCandidatesFindNothing()
    {
        const QByteArray left = join({kGreeting, kBooking, kPrices, kClosing});
        const QByteArray right = join({kBooking, kPrices, kGreeting, kClosing});
        MoveOptions options;
        options.maxCandidates = 0;
        QCOMPARE(detect(left, right, options).moves.size(), 0);
    }

    void thresholdsAreOptions()
    {
        QByteArray edited = kGreeting;
        edited.replace("Greet the caller warmly", "Say hello with a smile");
        const QByteArray left = join({kGreeting, kBooking, kClosing});
        const QByteArray right = join({kBooking, kClosing, edited});
        MoveOptions strict;
        strict.minSimilarity = 0.95;
        QCOMPARE(detect(left, right, strict).moves.size(), 0);
        QCOMPARE(detect(left, right).moves.size(), 1);
        MoveOptions longer;
        longer.minLines = 4;
        QCOMPARE(detect(left, right, longer).moves.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMoveDetection)
#include "tst_move_detection.moc"
