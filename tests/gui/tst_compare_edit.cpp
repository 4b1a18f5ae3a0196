// Issue 11 §9 in the real main window: the comparison of the edit with the
// active version (Ctrl+Alt+A) copies a change back into the prompt editor
// with one click, Ctrl+Z in the editor restores it and the comparison
// follows; comparing two branches' versions offers no such action, and a
// comparison stops following the editor once another branch is loaded.
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "diff/ChangeCopier.h"
#include "diff/DiffPane.h"
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"
#include "editor/AgentEditor.h"
#include "editor/PromptEditor.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"

#include <QAction>
#include <QApplication>
#include <QTest>

using namespace retell;
using namespace retell::ui;

namespace {

QList<DiffWindow *> diffWindows()
{
    QList<DiffWindow *> found;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *window = qobject_cast<DiffWindow *>(w); window && window->isVisible())
            found << window;
    }
    return found;
}

void closeDiffWindows()
{
    for (DiffWindow *w : diffWindows())
        w->close();
}

} // namespace

class TestCompareEdit final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RETELL_REQUIRE_DB(m_db);
        m_context.spec = m_db.spec();
        auto prepared = AppStartup::prepareDatabase(m_context, AppStartup::DemoData::Always);
        QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    }

    void revertAChangeOfTheEditFromItsComparison()
    {
        Settings settings;
        auto opened = test::openMainWindow(m_context, core::demo::kSuperAdmin, &m_worker, &settings,
                                           m_env, test::WindowWait::Ready);
        QVERIFY(opened);
        MainWindow &window = *opened;
        AgentPanel *agent = window.agentPanel();
        QVERIFY(agent->branch() && agent->branch()->activeVersion);
        QTRY_VERIFY(!agent->isLoading());
        const QString active = agent->baseConfig().prompt;
        PromptEditor *editor = agent->editor()->promptEditor();
        QCOMPARE(editor->text(), active);

        // Type a line at the top of the prompt, then compare (Ctrl+Alt+A).
        editor->setFocus();
        editor->setCursorPosition(0, 0);
        QTest::keyClicks(editor, QStringLiteral("Say the salon's name first"));
        QTest::keyClick(editor, Qt::Key_Return);
        const QString edited = editor->text();
        QVERIFY(edited != active);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier | Qt::AltModifier);
        QTRY_COMPARE(diffWindows().size(), 1);
        DiffWindow *diff = diffWindows().constFirst();
        QVERIFY(QTest::qWaitForWindowExposed(diff));
        DiffView *view = diff->view();
        QTRY_VERIFY(view->layout());
        QCOMPARE(view->changeCount(), 1);
        QVERIFY(diff->changeCopier());

        // The arrow beside the change on the version's side reverts it.
        DiffPane *version = view->pane(core::Side::Left);
        const int row = view->layout()->blocks.constFirst().firstRow;
        QVERIFY(version->markersAtLine(row) & (1 << DiffPane::CopyMarker));
        QTest::mouseClick(version->viewport(), Qt::LeftButton, {},
                          version->marginPoint(DiffPane::CopyMargin, row));
        QCOMPARE(editor->text(), active);
        QCOMPARE(view->changeCount(), 0);

        // Back in the main window, one undo step brings the typed line back.
        window.raise();
        window.activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), &window);
        editor->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), editor);
        QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor->text(), edited);
        QTRY_COMPARE(view->changeCount(), 1);
        closeDiffWindows();

        // Two branches' active versions: read-only, nothing to copy.
        BranchTreePanel *tree = window.branchTree();
        std::optional<core::Branch> other;
        for (const core::Branch &b : tree->branches()) {
            if (b.id != agent->branch()->id && b.activeVersion)
                other = b;
        }
        QVERIFY(other);
        emit tree->compareWithCurrentRequested(*other);
        QTRY_COMPARE(diffWindows().size(), 1);
        DiffWindow *branches = diffWindows().constFirst();
        QVERIFY(!branches->changeCopier());
        QVERIFY(!branches->findChild<QAction *>(QStringLiteral("copyChangeAction")));
        QCOMPARE(branches->view()->pane(core::Side::Left)->marginWidth(DiffPane::CopyMargin), 0);
        closeDiffWindows();
    }

private:
    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
};

QTEST_MAIN(TestCompareEdit)
#include "tst_compare_edit.moc"
