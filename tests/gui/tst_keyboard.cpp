// The main window by keyboard only: every documented shortcut does its
// action with focus in either editor and leaves the text alone, F6 reaches
// every panel, Ctrl+M lets Tab leave an editor, Esc closes the diff window
// and the version viewer, the Edit and Help menus work, and the README's
// keyboard table is the one the code builds.
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/ActionRegistry.h"
#include "app/AppStartup.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "diff/DiffPane.h"
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"
#include "editor/AgentEditor.h"
#include "editor/FindingsList.h"
#include "editor/JsonEditor.h"
#include "editor/PromptEditor.h"
#include "editor/ToolsEditor.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryPanel.h"
#include "panels/TemplatePickerPanel.h"
#include "panels/VersionViewer.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace retell;
using namespace retell::ui;

class TestKeyboard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyShortcutBeatsTheEditorsBuiltInKeys_data();
    void everyShortcutBeatsTheEditorsBuiltInKeys();
    void ctrlLFiltersBranchesAndLeavesTheJsonAlone();
    void f6VisitsEveryPanelAndComesBack();
    void ctrlMLetsTabLeaveTheEditor();
    void escClosesTheDiffWindowAndTheVersionViewer();
    void editMenuActsOnTheFocusedWidget();
    void helpShowsTheKeysAndTheVersion();
    void readmeKeyboardTableIsTheCodes();

private:
    std::unique_ptr<MainWindow> openWindow();
    static CodeEditor *editorOf(MainWindow *window, AgentEditor::Tab tab);

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
};

void TestKeyboard::initTestCase()
{
    RETELL_REQUIRE_DB(m_db);
    m_context.spec = m_db.spec();
    auto prepared = AppStartup::prepareDatabase(m_context, AppStartup::DemoData::Always);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    m_settings = std::make_unique<Settings>();
}

std::unique_ptr<MainWindow> TestKeyboard::openWindow()
{
    return test::openMainWindow(m_context, core::demo::kSuperAdmin, &m_worker, m_settings.get(),
                                m_env, test::WindowWait::Ready);
}

CodeEditor *TestKeyboard::editorOf(MainWindow *window, AgentEditor::Tab tab)
{
    AgentEditor *editor = window->agentPanel()->editor();
    editor->tabs()->setCurrentIndex(tab);
    if (tab == AgentEditor::PromptTab)
        return editor->promptEditor();
    return editor->toolsEditor()->editor();
}

void TestKeyboard::everyShortcutBeatsTheEditorsBuiltInKeys_data()
{
    QTest::addColumn<int>("tab");
    QTest::newRow("prompt editor") << int(AgentEditor::PromptTab);
    QTest::newRow("tools editor") << int(AgentEditor::ToolsTab);
}

// With the focus in an editor, each key of each window action fires that
// action (nothing else: the actions' own slots are disconnected, so a deploy
// dialog or a quit does not get in the way) and the text stays as it was.
void TestKeyboard::everyShortcutBeatsTheEditorsBuiltInKeys()
{
    QFETCH(int, tab);
    auto window = openWindow();
    QVERIFY(window);
    AgentEditor *agent = window->agentPanel()->editor();
    agent->setReadOnly(false);
    CodeEditor *editor = editorOf(window.get(), AgentEditor::Tab(tab));
    const QString text =
        tab == AgentEditor::PromptTab
            ? QStringLiteral("## Role\nYou book {{service}} at the salon.\n"
                             "Call book_appointment when the caller agrees.\n")
            : QStringLiteral("[\n  {\"type\": \"end_call\", \"name\": \"end_call\","
                             " \"description\": \"End the call\"}\n]\n");
    editor->setText(text);
    editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    agent->validateNow();
    QTRY_VERIFY(agent->isValidationCurrent());
    QApplication::clipboard()->clear();

    const QList<QAction *> actions = window->actions()->actions();
    QStringList failures;
    int pressed = 0;
    for (QAction *action : actions) {
        QObject::disconnect(action, &QAction::triggered, nullptr, nullptr);
        action->setEnabled(true);
    }
    for (QAction *action : actions) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString name =
                QStringLiteral("%1 (%2)").arg(action->objectName(), key.toString());
            editor->setCursorPosition(1, 2);
            editor->setFocus();
            if (QApplication::focusWidget() != editor) {
                failures << name + QStringLiteral(": the editor could not take the focus back");
                continue;
            }
            QSignalSpy fired(action, &QAction::triggered);
            QTest::keyClick(editor, key[0].key(), key[0].keyboardModifiers());
            ++pressed;
            if (fired.count() != 1)
                failures << name + QStringLiteral(": the action did not fire");
            if (editor->text() != text) {
                failures << name + QStringLiteral(": the editor's text changed");
                editor->setText(text);
            }
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QCOMPARE(pressed, int(window->actions()->keys().size()));
}

void TestKeyboard::ctrlLFiltersBranchesAndLeavesTheJsonAlone()
{
    auto window = openWindow();
    QVERIFY(window);
    CodeEditor *tools = editorOf(window.get(), AgentEditor::ToolsTab);
    tools->setFocus();
    tools->setCursorPosition(1, 3);
    const QString before = tools->text();
    QVERIFY(!before.isEmpty());
    QTest::keyClick(tools, Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(tools->text(), before);
    QCOMPARE(QApplication::focusWidget(), window->branchTree()->filterEdit());
}

void TestKeyboard::f6VisitsEveryPanelAndComesBack()
{
    auto window = openWindow();
    QVERIFY(window);
    AgentEditor *agent = window->agentPanel()->editor();
    QTreeView *tree = window->branchTree()->view();
    tree->setFocus();
    QCOMPARE(QApplication::focusWidget(), tree);

    const auto inside = [](QWidget *area) {
        QWidget *focus = QApplication::focusWidget();
        return focus && (focus == area || area->isAncestorOf(focus));
    };
    const QList<std::pair<const char *, QWidget *>> expected = {
        {"prompt editor", agent->promptEditor()},
        {"tools editor", agent->toolsEditor()->editor()},
        {"findings", agent->findingsList()},
        {"history", window->historyPanel()},
        {"templates", window->templatePanel()},
        {"branch filter", window->branchTree()->filterEdit()},
        {"branch tree", tree},
    };
    for (const auto &[name, area] : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        QVERIFY2(inside(area), name);
        QVERIFY2(area->isVisible(), name);
    }
    // And back the other way.
    for (auto it = expected.crbegin() + 1; it != expected.crend(); ++it) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
        QVERIFY2(inside(it->second), it->first);
    }
    // The templates dock sits behind the history dock's tab: F6 raised it,
    // and Shift+F6 from the prompt editor reaches the tree again.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
    QVERIFY(inside(tree));
}

void TestKeyboard::ctrlMLetsTabLeaveTheEditor()
{
    auto window = openWindow();
    QVERIFY(window);
    AgentEditor *agent = window->agentPanel()->editor();
    agent->setReadOnly(false);
    CodeEditor *prompt = editorOf(window.get(), AgentEditor::PromptTab);
    prompt->setText(QStringLiteral("one\ntwo\n"));
    prompt->setFocus();
    prompt->setCursorPosition(1, 0);
    QTest::keyClick(prompt, Qt::Key_Tab);
    QCOMPARE(prompt->text(), QStringLiteral("one\n    two\n")); // Tab indents by default

    QTest::keyClick(prompt, Qt::Key_M, Qt::ControlModifier);
    QVERIFY(window->action(QStringLiteral("tabMovesFocusAction"))->isChecked());
    QVERIFY(agent->tabMovesFocus());
    QTest::keyClick(prompt, Qt::Key_Tab);
    QCOMPARE(prompt->text(), QStringLiteral("one\n    two\n"));
    QVERIFY(QApplication::focusWidget() != prompt);

    prompt->setFocus();
    QTest::keyClick(prompt, Qt::Key_M, Qt::ControlModifier);
    QVERIFY(!agent->tabMovesFocus());
    QTest::keyClick(prompt, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), prompt);
    QVERIFY(prompt->text() != QStringLiteral("one\n    two\n"));
}

void TestKeyboard::escClosesTheDiffWindowAndTheVersionViewer()
{
    DiffWindow diff;
    diff.setSides({QStringLiteral("a"), "one\ntwo\n", "[]"},
                  {QStringLiteral("b"), "one\n2\n", "[]"});
    diff.show();
    diff.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&diff));
    DiffPane *pane = diff.view()->pane(core::Side::Left);
    pane->setFocus();
    QTest::keyClick(pane, Qt::Key_Escape);
    QVERIFY(!diff.isVisible());

    core::PromptVersion version;
    version.version = 3;
    version.config = {QStringLiteral("Hello {{caller_name}}"), QStringLiteral("[]")};
    VersionViewer viewer(QStringLiteral("Berlin Mitte"), version);
    viewer.show();
    viewer.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&viewer));
    PromptEditor *prompt = viewer.editor()->promptEditor();
    prompt->setFocus();
    QCOMPARE(QApplication::focusWidget(), prompt);
    QTest::keyClick(prompt, Qt::Key_Escape);
    QVERIFY(!viewer.isVisible());
    QCOMPARE(viewer.result(), int(QDialog::Rejected));
}

void TestKeyboard::editMenuActsOnTheFocusedWidget()
{
    auto window = openWindow();
    QVERIFY(window);
    window->agentPanel()->editor()->setReadOnly(false);
    CodeEditor *prompt = editorOf(window.get(), AgentEditor::PromptTab);
    prompt->setText(QStringLiteral("alpha beta\n"));
    prompt->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    prompt->setFocus();
    prompt->setSelection(0, 0, 0, 5);
    window->action(QStringLiteral("copyAction"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("alpha"));
    prompt->setCursorPosition(0, 10);
    window->action(QStringLiteral("pasteAction"))->trigger();
    QCOMPARE(prompt->text(), QStringLiteral("alpha betaalpha\n"));
    window->action(QStringLiteral("undoAction"))->trigger();
    QCOMPARE(prompt->text(), QStringLiteral("alpha beta\n"));
    window->action(QStringLiteral("redoAction"))->trigger();
    QCOMPARE(prompt->text(), QStringLiteral("alpha betaalpha\n"));
    window->action(QStringLiteral("selectAllAction"))->trigger();
    QCOMPARE(prompt->selectedText(), prompt->text());
    window->action(QStringLiteral("cutAction"))->trigger();
    QVERIFY(prompt->text().isEmpty());
    // Ctrl+Z in the editor is the Edit menu's Undo.
    QSignalSpy undone(window->action(QStringLiteral("undoAction")), &QAction::triggered);
    QTest::keyClick(prompt, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(undone.count(), 1);
    QCOMPARE(prompt->text(), QStringLiteral("alpha betaalpha\n"));

    // The same menu entries act on a line edit with the focus.
    QLineEdit *filter = window->branchTree()->filterEdit();
    filter->setFocus();
    filter->setText(QStringLiteral("mitte"));
    window->action(QStringLiteral("selectAllAction"))->trigger();
    QCOMPARE(filter->selectedText(), QStringLiteral("mitte"));
    window->action(QStringLiteral("cutAction"))->trigger();
    QVERIFY(filter->text().isEmpty());
    window->action(QStringLiteral("undoAction"))->trigger();
    QCOMPARE(filter->text(), QStringLiteral("mitte"));
}

void TestKeyboard::helpShowsTheKeysAndTheVersion()
{
    auto window = openWindow();
    QVERIFY(window);
    QTest::keyClick(window->branchTree()->view(), Qt::Key_F1);
    QDialog *page = nullptr;
    QTRY_VERIFY((page = window->findChild<QDialog *>(QStringLiteral("keyboardShortcutsPage"))));
    QVERIFY(page->isVisible());
    const QString shown = page->findChild<QTextBrowser *>()->toPlainText();
    for (const KeyboardRow &row : window->keyboardTable()) {
        QVERIFY2(shown.contains(row.what), qPrintable(row.what));
        QVERIFY2(shown.contains(row.keysText()), qPrintable(row.keysText()));
    }
    page->close();
    QVERIFY(MainWindow::aboutText().contains(QStringLiteral(RETELL_ADMIN_VERSION)));
}

void TestKeyboard::readmeKeyboardTableIsTheCodes()
{
    auto window = openWindow();
    QVERIFY(window);
    QFile readme(QStringLiteral(RETELL_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const QString table = ActionRegistry::markdownTable(window->keyboardTable());
    QVERIFY2(text.contains(table),
             qPrintable(QStringLiteral("README.md lacks the keyboard table the code builds:\n") +
                        table));
    // Every key in the table is a key of a window action or of the diff window.
    for (QAction *action : window->actions()->actions()) {
        for (const QKeySequence &key : action->shortcuts())
            QVERIFY2(table.contains(key.toString()), qPrintable(key.toString()));
    }
}

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
