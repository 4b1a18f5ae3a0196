// Issue 11 §9 in the diff viewer, through real widgets: a change of an
// edit-against-version comparison copied into the edit (the arrow beside
// it, Alt+Right) is one undo step in the editor and the comparison follows;
// version-to-version comparisons offer nothing; a moved paragraph is shown
// as moved, its arrow going to the other place.
#include "DiffTestSupport.h"
#include "MoveTestParagraphs.h"
#include "diff/ChangeCopier.h"
#include "diff/DiffMoveLinks.h"
#include "diff/DiffPane.h"
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"
#include "editor/PromptEditor.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QMenu>
#include <QTest>
#include <QToolTip>

using namespace retell::core;
using retell::ui::ChangeCopier;
using retell::ui::DiffPane;
using retell::ui::DiffView;
using retell::ui::DiffWindow;
using retell::ui::PromptEditor;

namespace {

const QByteArray kVersion = "Greet the caller warmly.\n"
                            "Ask for their name.\n"
                            "Offer three free slots.\n"
                            "Confirm date and stylist.\n"
                            "Thank them and use end_call.\n";
// Line 2 changed, a line added after line 3, line 4 removed.
const QByteArray kEdit = "Greet the caller warmly.\n"
                         "Ask for their full name.\n"
                         "Offer three free slots.\n"
                         "Confirm date and stylist.\n"
                         "Mention the parking behind the salon.\n";

using namespace retell::test::paragraphs;

DiffSide side(const QString &title, const QByteArray &prompt)
{
    return {title, prompt, QByteArrayLiteral("[]")};
}

// The edit in its editor, compared against the version in a diff window.
struct Fixture
{
    PromptEditor editor;
    DiffWindow window;
    ChangeCopier *copier = nullptr;

    explicit Fixture(const QByteArray &version, const QByteArray &edit, bool follow = true)
    {
        editor.setText(QString::fromUtf8(edit));
        editor.resize(600, 400);
        editor.show();
        window.setSides(side(QStringLiteral("v3 (active)"), version),
                        side(QStringLiteral("your edit"), edit));
        if (follow)
            copier = window.followEdit(&editor, Side::Right, ChangeCopier::Wording::Revert);
        window.resize(1200, 700);
        window.show();
    }
    DiffView *view() const { return window.view(); }
    DiffPane *pane(Side s) const { return window.view()->pane(s); }
    QByteArray editText() const { return editor.text().toUtf8(); }
};

} // namespace

class TestDiffCopy : public QObject
{
    Q_OBJECT

private slots:
    void arrowRevertsOneChangeAndCtrlZRestoresIt()
    {
        Fixture f(kVersion, kEdit);
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        QCOMPARE(f.view()->changeCount(), 2);
        const int row = f.view()->layout()->blocks.first().firstRow;
        DiffPane *version = f.pane(Side::Left);
        QVERIFY(version->markersAtLine(row) & (1 << DiffPane::CopyMarker));
        QVERIFY(version->marginWidth(DiffPane::CopyMargin) > 0);
        QCOMPARE(f.pane(Side::Right)->marginWidth(DiffPane::CopyMargin), 0);

        QTest::mouseClick(version->viewport(), Qt::LeftButton, {},
                          version->marginPoint(DiffPane::CopyMargin, row));
        QByteArray reverted = kEdit;
        reverted.replace("their full name", "their name");
        QCOMPARE(f.editText(), reverted);
        QCOMPARE(f.view()->changeCount(), 1); // the comparison follows the edit
        QCOMPARE(f.view()->side(Side::Right).prompt, reverted);

        f.editor.setFocus();
        QTest::keyClick(&f.editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(f.editText(), kEdit); // one undo step
        QTRY_COMPARE(f.view()->changeCount(), 2);
        QCOMPARE(f.view()->side(Side::Right).prompt, kEdit);
    }

    void altRightCopiesTheCurrentChange()
    {
        Fixture f(kVersion, kEdit);
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        DiffPane *edit = f.pane(Side::Right);
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_F7); // first change
        QTest::keyClick(edit, Qt::Key_F7); // second: line 5 replaced by another
        QCOMPARE(f.view()->currentChange(), 1);
        QTest::keyClick(edit, Qt::Key_Right, Qt::AltModifier);
        QByteArray reverted = kEdit;
        reverted.replace("Mention the parking behind the salon.\n",
                         "Thank them and use end_call.\n");
        QCOMPARE(f.editText(), reverted);
        QCOMPARE(f.view()->changeCount(), 1);
        QCOMPARE(f.copier->action()->text(), QStringLiteral("&Revert this change"));
    }

    void contextMenuRevertsTheChangeUnderTheMouse()
    {
        Fixture f(kVersion, kEdit);
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        DiffPane *edit = f.pane(Side::Right);
        const int row = f.view()->layout()->blocks.at(1).firstRow;
        const QPoint point = edit->marginPoint(DiffPane::CopyMargin, row) + QPoint(120, 0);
        // What a right click sends (QTest's clicks do not make one offscreen).
        QContextMenuEvent click(QContextMenuEvent::Mouse, point,
                                edit->viewport()->mapToGlobal(point));
        QApplication::sendEvent(edit->viewport(), &click);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = f.window.findChild<QMenu *>(QStringLiteral("diffPaneMenu"))) &&
                    menu->isVisible());
        QAction *revert = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text() == QLatin1String("&Revert this change"))
                revert = action;
        }
        QVERIFY(revert);
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(revert).center());
        QByteArray reverted = kEdit;
        reverted.replace("Mention the parking behind the salon.\n",
                         "Thank them and use end_call.\n");
        QCOMPARE(f.editText(), reverted);
        QCOMPARE(f.view()->changeCount(), 1);
    }

    // Reverting every change, one at a time, gives the version back.
    void revertingEveryChangeGivesTheVersion_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<QByteArray>("edit");
        QTest::newRow("changed, added, removed") << kVersion << kEdit;
        QTest::newRow("lines added at the end") << kVersion << kVersion + "More.\nAnd more.\n";
        QTest::newRow("lines removed at the start") << kVersion << kVersion.mid(25);
        QTest::newRow("edit lost its final newline") << kVersion << kVersion.chopped(1);
        QTest::newRow("version without final newline") << kVersion.chopped(1) << kEdit;
        QTest::newRow("edit empty") << kVersion << QByteArray();
        QTest::newRow("version empty") << QByteArray() << kEdit;
        QTest::newRow("non-ASCII")
            << QByteArray("Grüß Gott 🚀\nzwei\n") << QByteArray("Grüß dich 🚀\nzwei\ndrei\n");
        QRandomGenerator random(11);
        const QStringList lines = diffsupport::realisticLines();
        for (int i = 0; i < 4; ++i)
            QTest::addRow("realistic edit %d", i)
                << diffsupport::joined(lines, true)
                << diffsupport::joined(diffsupport::mutate(lines, random, 3 + i * 3, lines), i % 2);
    }

    void revertingEveryChangeGivesTheVersion()
    {
        QFETCH(QByteArray, version);
        QFETCH(QByteArray, edit);
        Fixture f(version, edit);
        int guard = 0;
        while (f.view()->changeCount() > 0 && guard++ < 500)
            QVERIFY(f.copier->copyChange(guard % f.view()->changeCount()));
        QCOMPARE(f.editText(), version);
        // All of it undone step by step gives the edit back.
        while (f.editor.isUndoAvailable())
            f.editor.undo();
        QCOMPARE(f.editText(), edit);
    }

    void typingInTheEditorRefreshesTheComparison()
    {
        Fixture f(kVersion, kVersion);
        QVERIFY(QTest::qWaitForWindowExposed(&f.editor));
        QCOMPARE(f.view()->changeCount(), 0);
        f.editor.setFocus();
        f.editor.setCursorPosition(1, 0);
        QTest::keyClicks(&f.editor, QStringLiteral("Please "));
        QTRY_COMPARE(f.view()->changeCount(), 1);
        QCOMPARE(f.view()->layout()->diff.rows.at(1).kind, RowKind::Changed);
    }

    void versionComparisonsAreReadOnly()
    {
        Fixture f(kVersion, kEdit, false);
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        QVERIFY(!f.window.findChild<QAction *>(QStringLiteral("copyChangeAction")));
        for (const Side s : bothSides)
            QCOMPARE(f.pane(s)->marginWidth(DiffPane::CopyMargin), 0);
        f.pane(Side::Right)->setFocus();
        QTest::keyClick(f.pane(Side::Right), Qt::Key_F7);
        QTest::keyClick(f.pane(Side::Right), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(f.editText(), kEdit);
    }

    void aReadOnlyOrDetachedEditOffersNothing()
    {
        Fixture f(kVersion, kEdit);
        f.editor.setReadOnly(true);
        f.view()->setSides(f.view()->side(Side::Left), f.view()->side(Side::Right)); // re-marks
        QCOMPARE(f.pane(Side::Left)->marginWidth(DiffPane::CopyMargin), 0);
        QVERIFY(!f.copier->copyChange(0));
        QCOMPARE(f.editText(), kEdit);

        f.editor.setReadOnly(false);
        f.window.stopFollowingEdit(); // the panel shows another branch now
        QCOMPARE(f.pane(Side::Left)->marginWidth(DiffPane::CopyMargin), 0);
        QVERIFY(!f.copier->action()->isVisible());
        QVERIFY(!f.copier->copyChange(0));
        f.editor.setText(QStringLiteral("another branch\n"));
        QTest::qWait(300); // longer than the refresh pause: nothing follows
        QCOMPARE(f.view()->side(Side::Right).prompt, kEdit);
    }

    void movedParagraphIsShownAsMoved()
    {
        QByteArray edited = kGreeting;
        edited.replace("warmly", "kindly");
        const QByteArray left = kGreeting + "\n" + kBooking + "\n" + kClosing;
        const QByteArray right = kBooking + "\n" + kClosing + "\n" + edited;
        DiffWindow window;
        window.setSides(side(QStringLiteral("v1"), left), side(QStringLiteral("v2"), right));
        window.resize(1200, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DiffView *view = window.view();
        QCOMPARE(view->layout()->moves.moves.size(), 1);
        QVERIFY2(view->summaryText().contains(QLatin1String("1 paragraph(s) moved")),
                 qPrintable(view->summaryText()));
        DiffPane *l = view->pane(Side::Left);
        DiffPane *r = view->pane(Side::Right);
        const int leftRow = view->layout()->rowOfLine(Side::Left, 0);
        const int rightRow = view->layout()->rowOfLine(Side::Right, 6);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(l->lineHasMarker(leftRow + i, DiffPane::MovedMarker));
            QVERIFY(!l->lineHasMarker(leftRow + i, DiffPane::RemovedMarker));
            QVERIFY(r->lineHasMarker(rightRow + i, DiffPane::MovedMarker));
        }
        QVERIFY(l->lineHasMarker(leftRow, DiffPane::MovedDownMarker));
        QVERIFY(r->lineHasMarker(rightRow, DiffPane::MovedUpMarker));
        // The inner change: only "kindly" is marked in the moved lines.
        const QList<retell::ui::ByteSpan> added = r->indicatorSpans(DiffPane::AddedWordIndicator);
        QCOMPARE(added.size(), 1);
        const long lineStart = long(r->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE,
                                                     static_cast<unsigned long>(rightRow)));
        QVERIFY(QByteArrayLiteral("kindly").contains(
            r->text(rightRow).toUtf8().mid(added.first().start - lineStart, added.first().length)));
        QCOMPARE(view->moveLinks()->description(Side::Left, leftRow),
                 QStringLiteral("Moved to line 7 on the right, with changes (click to go there)"));

        // Hovering the arrow says where the paragraph went.
        const QPoint arrow = l->marginPoint(DiffPane::MoveMargin, leftRow);
        QHelpEvent hover(QEvent::ToolTip, arrow, l->viewport()->mapToGlobal(arrow));
        QApplication::sendEvent(l->viewport(), &hover);
        QTRY_COMPARE(QToolTip::text(), view->moveLinks()->description(Side::Left, leftRow));

        // The arrow beside one place goes to the other.
        QTest::mouseClick(l->viewport(), Qt::LeftButton, {},
                          l->marginPoint(DiffPane::MoveMargin, leftRow));
        int line = -1, index = -1;
        r->getCursorPosition(&line, &index);
        QCOMPARE(line, rightRow);
        QTest::mouseClick(r->viewport(), Qt::LeftButton, {},
                          r->marginPoint(DiffPane::MoveMargin, rightRow));
        l->getCursorPosition(&line, &index);
        QCOMPARE(line, leftRow);
    }
};

QTEST_MAIN(TestDiffCopy)
#include "tst_diff_copy.moc"
