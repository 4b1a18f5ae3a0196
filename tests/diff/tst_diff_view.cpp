#include "DiffTestSupport.h"
#include "diff/DiffOverview.h"
#include "diff/DiffPane.h"
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace retell::core;
using retell::ui::DiffPane;
using retell::ui::DiffView;

namespace {

DiffSide side(const QByteArray &prompt, const QByteArray &tools = {})
{
    return {QStringLiteral("side"), prompt, tools};
}

QByteArray manyLines(int count, const QByteArray &prefix, int changeEvery = 0)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const bool changed = changeEvery && i % changeEvery == changeEvery / 2;
        out += (changed ? "changed " : prefix) + QByteArray::number(i) + ' ' +
               QByteArray(i % 7 * 30, 'w') + '\n';
    }
    return out;
}

} // namespace

class TestDiffView : public QObject
{
    Q_OBJECT

private slots:
    void panesAreAligned_data();
    void panesAreAligned();
    void fillerAndMarkers();
    void changedWordsAreIndicatorsInBytes();
    void scrollingIsSynchronised();
    void f7GoesToTheNextChange();
    void overviewClickJumps();
    void ignoreWhitespaceRecomputes();
    void toolsTab();
    void bigInputsAreDiffedOffTheGuiThread();
    void unifiedToggle();
    void fiveMegabytesStayResponsive();
    void lineNumbersStandApartFromTheText();
    void panesGetEqualWidths();
    void wordWrapKeepsRowsLinedUp();
    void f7ScrollsSidewaysToAChangeInALongLine();
    void aChangeOfOnlyTheFinalNewlineIsSaidInWords();
};

void TestDiffView::panesAreAligned_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QRandomGenerator random(5);
    const QStringList lines = diffsupport::realisticLines();
    for (int i = 0; i < 6; ++i) {
        const QStringList edited = diffsupport::mutate(lines, random, 2 + i * 2, lines);
        QTest::addRow("realistic edit %d", i)
            << diffsupport::joined(lines, true) << diffsupport::joined(edited, i % 2);
    }
    QTest::newRow("left empty") << QByteArray() << QByteArray("a\nb\nc\n");
    QTest::newRow("right empty") << QByteArray("a\nb\nc\n") << QByteArray();
    QTest::newRow("both empty") << QByteArray() << QByteArray();
}

void TestDiffView::panesAreAligned()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    DiffView view;
    view.setSides(side(left), side(right));
    QVERIFY(view.layout());
    const int rows = std::max(1, int(view.layout()->diff.rows.size()));
    QCOMPARE(view.pane(Side::Left)->lines(), rows);
    QCOMPARE(view.pane(Side::Right)->lines(), rows);
    // Every row shows the right text on both sides (filler is empty).
    for (int row = 0; row < view.layout()->diff.rows.size(); ++row) {
        const DiffRow &r = view.layout()->diff.rows.at(row);
        for (const Side s : bothSides) {
            QString text = view.pane(s)->text(row);
            if (text.endsWith(u'\n'))
                text.chop(1);
            QCOMPARE(text, view.layout()->diff.text(r, s));
        }
    }
}

void TestDiffView::fillerAndMarkers()
{
    DiffView view;
    view.setSides(side("a\nb\nc\nd\n"), side("a\nX\nY\nc\nd\n"));
    DiffPane *left = view.pane(Side::Left);
    DiffPane *right = view.pane(Side::Right);
    QCOMPARE(left->lines(), 5);
    QCOMPARE(right->lines(), 5);
    QCOMPARE(left->text(2), QStringLiteral("\n")); // filler opposite the added "Y"
    QVERIFY(left->lineHasMarker(2, DiffPane::FillerMarker));
    QVERIFY(right->lineHasMarker(2, DiffPane::AddedMarker));
    QVERIFY(left->lineHasMarker(1, DiffPane::RemovedMarker));
    QVERIFY(right->lineHasMarker(1, DiffPane::AddedMarker));
    QVERIFY(!left->lineHasMarker(0, DiffPane::RemovedMarker));
    QVERIFY(!right->lineHasMarker(3, DiffPane::AddedMarker));
    QCOMPARE(left->lineNumberText(3), QStringLiteral("3"));
    QCOMPARE(left->lineNumberText(2), QString());
    QCOMPARE(right->lineNumberText(2), QStringLiteral("3"));
}

void TestDiffView::changedWordsAreIndicatorsInBytes()
{
    DiffView view;
    view.setSides(side("Hallo\nGrüße um drei Uhr\n"), side("Hallo\nGrüße um vier Uhr\n"));
    // "Hallo\n" is 6 bytes, "Grüße um " 11 more: the word starts at byte 17.
    const QList<retell::ui::ByteSpan> spans =
        view.pane(Side::Left)->indicatorSpans(DiffPane::RemovedWordIndicator);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.at(0).start, 17);
    QCOMPARE(spans.at(0).length, 4);
    QCOMPARE(view.pane(Side::Right)->indicatorSpans(DiffPane::AddedWordIndicator).size(), 1);
    QVERIFY(view.pane(Side::Right)->indicatorSpans(DiffPane::RemovedWordIndicator).isEmpty());
}

void TestDiffView::scrollingIsSynchronised()
{
    DiffView view;
    view.resize(900, 400);
    view.setSides(side(manyLines(400, "line ")), side(manyLines(400, "line ", 25)));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    DiffPane *left = view.pane(Side::Left);
    DiffPane *right = view.pane(Side::Right);

    // Scrolling inside Scintilla (keys, wheel) is reported with the next paint.
    left->setFirstVisibleLine(120);
    QTRY_COMPARE(right->firstVisibleLine(), 120);
    // Dragging a scrollbar is reported at once.
    left->verticalScrollBar()->setValue(50);
    QCOMPARE(right->firstVisibleLine(), 50);
    right->verticalScrollBar()->setValue(200);
    QCOMPARE(left->firstVisibleLine(), 200);

    left->horizontalScrollBar()->setValue(60);
    QCOMPARE(right->horizontalOffset(), left->horizontalOffset());
    QVERIFY(right->horizontalOffset() > 0);
}

void TestDiffView::f7GoesToTheNextChange()
{
    DiffView view;
    view.resize(900, 400);
    view.setSides(side(manyLines(200, "line ")), side(manyLines(200, "line ", 50)));
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.pane(Side::Left)->setFocus();
    const QList<retell::ui::ChangeBlock> blocks = view.layout()->blocks;
    QCOMPARE(blocks.size(), 4);
    QSignalSpy moved(&view, &DiffView::currentChangeChanged);

    int line = 0, index = 0;
    QTest::keyClick(view.pane(Side::Left), Qt::Key_F7);
    view.pane(Side::Left)->getCursorPosition(&line, &index);
    QCOMPARE(line, blocks.at(0).firstRow);
    QCOMPARE(view.currentChange(), 0);
    QTest::keyClick(view.pane(Side::Left), Qt::Key_F7);
    view.pane(Side::Left)->getCursorPosition(&line, &index);
    QCOMPARE(line, blocks.at(1).firstRow);
    view.pane(Side::Right)->getCursorPosition(&line, &index);
    QCOMPARE(line, blocks.at(1).firstRow);
    QVERIFY(view.pane(Side::Right)->firstVisibleLine() <= blocks.at(1).firstRow);
    QTest::keyClick(view.pane(Side::Left), Qt::Key_F7, Qt::ShiftModifier);
    view.pane(Side::Left)->getCursorPosition(&line, &index);
    QCOMPARE(line, blocks.at(0).firstRow);
    QCOMPARE(moved.size(), 3);
    QCOMPARE(moved.last().at(0).toInt(), 0);
}

void TestDiffView::overviewClickJumps()
{
    DiffView view;
    view.resize(900, 400);
    view.setSides(side(manyLines(400, "line ")), side(manyLines(400, "line ", 100)));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    retell::ui::DiffOverview *overview = view.overview();
    QTest::mouseClick(overview, Qt::LeftButton, {}, QPoint(5, overview->height() * 3 / 4));
    int line = 0, index = 0;
    view.pane(Side::Left)->getCursorPosition(&line, &index);
    QCOMPARE(line, overview->rowAt(overview->height() * 3 / 4));
    QVERIFY(line > 250);
}

void TestDiffView::ignoreWhitespaceRecomputes()
{
    DiffView view;
    view.setSides(side("say  hello\n"), side("say hello \n"));
    QVERIFY(!view.layout()->diff.identical);
    DiffOptions options;
    options.ignoreWhitespace = true;
    view.setOptions(options);
    QVERIFY(view.layout()->diff.identical);
    QVERIFY2(view.summaryText().startsWith(QStringLiteral("Prompt identical")),
             qPrintable(view.summaryText()));
}

void TestDiffView::toolsTab()
{
    DiffView view;
    view.setSides(side("p\n", R"([{"name":"a","x":1},{"name":"gone"}])"),
                  side("p\n", R"([{"name":"b"},{"name":"a","x":2}])"));
    auto *tree = view.findChild<QTreeWidget *>();
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(0), QStringLiteral("x"));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(1), QStringLiteral("1"));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(2), QStringLiteral("2"));
    QVERIFY(view.summaryText().contains(QStringLiteral("Tools: 1 added, 1 removed, 1 changed")));
}

void TestDiffView::bigInputsAreDiffedOffTheGuiThread()
{
    DiffView view;
    QSignalSpy ready(&view, &DiffView::diffReady);
    const QByteArray left = manyLines(6000, "a fairly long line of prompt text ");
    QVERIFY(left.size() > DiffView::kAsyncThreshold / 2);
    view.setSides(side(left), side(manyLines(6000, "a fairly long line of prompt text ", 40)));
    QVERIFY(view.isComputing());
    QVERIFY(!view.layout());
    QVERIFY(ready.wait(20000));
    QVERIFY(!view.isComputing());
    QCOMPARE(view.pane(Side::Left)->lines(), view.pane(Side::Right)->lines());
    QCOMPARE(view.layout()->diff.changed, 150);
}

void TestDiffView::unifiedToggle()
{
    DiffView view;
    view.setSides(side("a\nb\n"), side("a\nc\n"));
    view.setUnified(true);
    QVERIFY(view.isUnified());
    QCOMPARE(view.unifiedPane()->text(),
             QStringLiteral("--- side\n+++ side\n@@ -1,2 +1,2 @@\n a\n-b\n+c"));
    QVERIFY(view.unifiedPane()->lineHasMarker(4, DiffPane::RemovedMarker));
    QVERIFY(view.unifiedPane()->lineHasMarker(5, DiffPane::AddedMarker));
}

void TestDiffView::fiveMegabytesStayResponsive()
{
    DiffView view;
    QSignalSpy ready(&view, &DiffView::diffReady);
    const QByteArray left = manyLines(60000, "line of a very large prompt ");
    const QByteArray right = manyLines(60000, "line of a very large prompt ", 100);
    QVERIFY(left.size() > 5 * 1024 * 1024);
    QElapsedTimer timer;
    timer.start();
    view.setSides(side(left), side(right));
    const qint64 setSidesMs = timer.elapsed(); // the GUI thread only starts the worker
    QVERIFY(ready.wait(60000));
    qInfo("setSides %lld ms, result shown after %lld ms", setSidesMs, timer.elapsed());
    QVERIFY2(setSidesMs < 100, qPrintable(QString::number(setSidesMs)));
    QCOMPARE(view.pane(Side::Left)->lines(), view.pane(Side::Right)->lines());
}

// "22" beside "6. Ask for the date" must not read as "226.".
void TestDiffView::lineNumbersStandApartFromTheText()
{
    DiffView view;
    view.resize(900, 400);
    view.setSides(side(manyLines(30, "6. step ")), side(manyLines(30, "6. step ", 10)));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (const Side s : bothSides) {
        DiffPane *pane = view.pane(s);
        int margins = 0;
        for (int m = 0; m < pane->margins(); ++m)
            margins += pane->marginWidth(m);
        const long lineStart = pane->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, 21UL);
        const long textX =
            pane->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, lineStart) +
            pane->horizontalOffset();
        QCOMPARE(pane->lineNumberText(21), QStringLiteral("22"));
        QVERIFY2(textX - margins >= 8, qPrintable(QStringLiteral("%1 px").arg(textX - margins)));
    }
}

void TestDiffView::panesGetEqualWidths()
{
    DiffView view;
    view.resize(1366, 700);
    view.setSides(
        {QStringLiteral("v12 · 2026-11-29 14:30 · Anna Schmidt-Bergmann (active) with a very long "
                        "title that goes on and on and on"),
         "a\nb\n",
         {}},
        {QStringLiteral("v2"), "a\nc\n", {}});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(std::abs(view.pane(Side::Left)->width() - view.pane(Side::Right)->width()) <= 1);
    view.resize(1024, 700);
    QTRY_VERIFY(std::abs(view.pane(Side::Left)->width() - view.pane(Side::Right)->width()) <= 1);
}

void TestDiffView::wordWrapKeepsRowsLinedUp()
{
    DiffView view;
    view.resize(900, 500);
    QByteArray left = "short\n" + QByteArray(400, 'x') + " tail\nsame\nend\n";
    QByteArray right = "short\nchanged line\nsame\n" + QByteArray(300, 'y') + "\nend\n";
    view.setSides(side(left), side(right));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *toggle = view.findChild<QCheckBox *>(QStringLiteral("wrapLinesToggle"));
    QVERIFY(toggle);
    toggle->click();
    QVERIFY(view.wordWrap());
    DiffPane *l = view.pane(Side::Left);
    DiffPane *r = view.pane(Side::Right);

    QTRY_VERIFY(l->wrapCount(1) > 1);
    QVERIFY(r->wrapCount(3) > 1);
    const int rows = int(view.layout()->diff.rows.size());
    for (int row = 0; row < rows; ++row)
        QTRY_COMPARE(l->displayLineOfRow(row), r->displayLineOfRow(row));
    // Narrower panes wrap more; the rows still line up.
    view.resize(600, 500);
    QTRY_VERIFY(l->wrapCount(1) > 4);
    for (int row = 0; row < rows; ++row)
        QTRY_COMPARE(l->displayLineOfRow(row), r->displayLineOfRow(row));
    toggle->click();
    QVERIFY(!view.wordWrap());
    QTRY_COMPARE(l->displayLineOfRow(rows - 1), rows - 1);
    QTRY_COMPARE(r->displayLineOfRow(rows - 1), rows - 1);
}

void TestDiffView::f7ScrollsSidewaysToAChangeInALongLine()
{
    DiffView view;
    view.resize(800, 400);
    const QByteArray prefix(500, 'a');
    view.setSides(side("first\n" + prefix + " old word\nlast\n"),
                  side("first\n" + prefix + " new word\nlast\n"));
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    DiffPane *pane = view.pane(Side::Right);
    pane->setFocus();
    QCOMPARE(pane->horizontalOffset(), 0);
    QTest::keyClick(pane, Qt::Key_F7);
    QCOMPARE(view.currentChange(), 0);
    const long changeAt = pane->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, 1UL) + 501;
    for (const Side s : bothSides) {
        DiffPane *p = view.pane(s);
        QVERIFY(p->horizontalOffset() > 0);
        const long x = p->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, changeAt);
        QVERIFY2(x > 0 && x < p->viewport()->width(), qPrintable(QString::number(x)));
    }
}

void TestDiffView::aChangeOfOnlyTheFinalNewlineIsSaidInWords()
{
    DiffView view;
    view.setSides(side("Hello\nBye"), side("Hello\nBye\n"));
    QVERIFY(view.summaryText().contains(QStringLiteral("only the right side ends with a newline")));
    QVERIFY(!view.summaryText().contains(QStringLiteral("Prompt identical")));
    view.setSides(side("Hello\n"), side("Hello"));
    QVERIFY(view.summaryText().contains(QStringLiteral("only the left side ends with a newline")));
    view.setSides(side("Hello\n"), side("Hello\n"));
    QVERIFY(!view.summaryText().contains(QStringLiteral("newline")));
}

QTEST_MAIN(TestDiffView)
#include "tst_diff_view.moc"
