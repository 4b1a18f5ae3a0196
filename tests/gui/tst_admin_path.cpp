#include "TestDatabase.h"
#include "editor/FindReplaceBar.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/LoginDialog.h"
#include "app/MainWindow.h"
#include "app/NotificationBanner.h"
#include "app/Settings.h"
#include "editor/AgentEditor.h"
#include "editor/PromptEditor.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/DeployDialog.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "panels/TemplatePickerPanel.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"
#include "versions/VersionService.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace retell;
using namespace retell::ui;

class TestAdminPath final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loginChecksThePasswordOffTheGuiThread();
    void adminEditsDeploysRollsBackAndFindsTheDraftAfterRestart();
    void viewerCannotDeploy();
    void editorKeysWorkFromAnywhereInTheWindow();
    void everyCompareEntryOpensTheDiffWindow();

private:
    std::unique_ptr<MainWindow> openWindow(const char *email);
    bool hasFinding(AgentEditor *editor, const QString &code) const;

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
};

void TestAdminPath::initTestCase()
{
    RETELL_REQUIRE_DB(m_db);
    m_context.spec = m_db.spec();
    auto prepared = AppStartup::prepareDatabase(m_context, AppStartup::DemoData::Always);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    QVERIFY(prepared->seededDemo);
    m_settings = std::make_unique<Settings>();
}

std::unique_ptr<MainWindow> TestAdminPath::openWindow(const char *email)
{
    return test::openMainWindow(m_context, email, &m_worker, m_settings.get(), m_env);
}

bool TestAdminPath::hasFinding(AgentEditor *editor, const QString &code) const
{
    const auto findings = editor->lastResult().findings;
    return std::any_of(findings.cbegin(), findings.cend(),
                       [&](const core::Finding &f) { return f.code == code; });
}

void TestAdminPath::loginChecksThePasswordOffTheGuiThread()
{
    LoginDialog dialog(m_context, &m_worker);
    dialog.show();
    dialog.setEmail(QString::fromLatin1(core::demo::kSuperAdmin));
    QTest::keyClicks(dialog.passwordField(), QStringLiteral("wrong-password"));
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 10000);
    QVERIFY(dialog.isVisible()); // stays open after a wrong password
    QVERIFY(dialog.passwordField()->text().isEmpty());

    QTest::keyClicks(dialog.passwordField(), QString::fromLatin1(core::demo::kPassword));
    QTest::keyClick(dialog.passwordField(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    QCOMPARE(dialog.actor().user.email, QString::fromLatin1(core::demo::kSuperAdmin));
}

void TestAdminPath::adminEditsDeploysRollsBackAndFindsTheDraftAfterRestart()
{
    auto window = openWindow(core::demo::kSuperAdmin);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    BranchTreePanel *tree = window->branchTree();
    AgentPanel *agent = window->agentPanel();
    AgentEditor *editor = agent->editor();
    HistoryModel *history = window->historyPanel()->model();

    // Pick a branch by filtering the tree, as a person would.
    QSignalSpy shown(window.get(), &MainWindow::branchShown);
    QTest::keyClicks(tree->filterEdit(), QStringLiteral("altona"));
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(tree->view()->model());
    QCOMPARE(proxy->rowCount(), 1); // one company left
    const QModelIndex branchIndex = proxy->index(0, 0, proxy->index(0, 0));
    QVERIFY(branchIndex.isValid());
    QCOMPARE(branchIndex.data().toString(), QStringLiteral("Hamburg Altona"));
    tree->view()->setCurrentIndex(branchIndex);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 10000);
    const QString branchId = shown.constLast().at(0).toString();
    QCOMPARE(agent->branch()->name, QStringLiteral("Hamburg Altona"));
    const std::optional<int> before = agent->baseVersion();
    QVERIFY(before); // the demo data gave Altona a history

    // Apply a template: a draft, nothing deployed.
    TemplatePickerPanel *templates = window->templatePanel();
    QVERIFY(templates->selectTemplate(QStringLiteral("Basic Appointment Booking")));
    auto *apply = templates->findChild<QPushButton *>(QStringLiteral("applyTemplateButton"));
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(agent->templateName(), QStringLiteral("Basic Appointment Booking"));
    QCOMPARE(editor->config(), templates->currentTemplate()->config);
    QVERIFY(agent->drafts().contains(branchId));
    QVERIFY(tree->hasDraft(branchId));
    QCOMPARE(agent->baseVersion(), before);

    // An edit adds an error finding; undoing it removes the finding.
    const QString malformed = QStringLiteral("prompt.malformed_variable");
    QTRY_VERIFY(editor->isValidationCurrent());
    QVERIFY(!hasFinding(editor, malformed));
    editor->promptEditor()->insertAt(QStringLiteral("Hello {{}} "), 0, 0);
    QTRY_VERIFY(editor->isValidationCurrent() && hasFinding(editor, malformed));
    QAction *deploy = window->action(QStringLiteral("deployAction"));
    deploy->trigger();
    QVERIFY(agent->deployDialog());
    QVERIFY(agent->deployDialog()->isBlocked()); // errors block, reason visible
    QVERIFY(!agent->deployDialog()->deployButton()->isEnabled());
    agent->deployDialog()->reject();
    QTRY_VERIFY(!agent->deployDialog());
    editor->promptEditor()->undo();
    QTRY_VERIFY(editor->isValidationCurrent() && !hasFinding(editor, malformed));
    const core::AgentConfig deployedConfig = editor->config();

    // Deploy with a note; the history shows the new active version.
    QVERIFY(deploy->isEnabled());
    deploy->trigger();
    DeployDialog *dialog = agent->deployDialog();
    QVERIFY(dialog && !dialog->isBlocked());
    QVERIFY(!dialog->deployButton()->isEnabled()); // notes are required
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("deployNotes")),
                     QStringLiteral("Switch Altona to simple booking"));
    QVERIFY(dialog->deployButton()->isEnabled());
    QTest::mouseClick(dialog->deployButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!agent->deployDialog(), 10000);
    const int deployed = before.value_or(0) + 1;
    QCOMPARE(agent->baseVersion(), std::optional<int>(deployed));
    QTRY_VERIFY(history->rowCount() > 0 && history->summary(0).version == deployed);
    QVERIFY(history->summary(0).isActive);
    QCOMPARE(history->summary(0).templateName, QStringLiteral("Basic Appointment Booking"));
    QCOMPARE(history->summary(0).notes, QStringLiteral("Switch Altona to simple booking"));
    QVERIFY(window->banner()->text().contains(QStringLiteral("Deployed v%1").arg(deployed)));
    QVERIFY(!agent->drafts().contains(branchId));
    QTRY_VERIFY(!tree->hasDraft(branchId));
    QTRY_COMPARE(tree->branch(branchId)->activeVersion, std::optional<int>(deployed));

    // Roll back to the previous version: one confirmation, then done.
    if (before) {
        QString asked;
        window->historyPanel()->setConfirmation([&asked](const QString &question) {
            asked = question;
            return true;
        });
        QVERIFY(window->historyPanel()->selectVersion(*before));
        QAction *rollback = window->historyPanel()->rollbackAction();
        QVERIFY(rollback->isEnabled());
        rollback->trigger();
        QVERIFY(asked.contains(QStringLiteral("v%1").arg(*before)));
        QTRY_VERIFY_WITH_TIMEOUT(
            history->rowCount() > 0 && history->summary(0).version == deployed + 1, 10000);
        QTRY_COMPARE(agent->baseVersion(), std::optional<int>(deployed + 1));
        QVERIFY(editor->config() != deployedConfig);

        // Compare the deployed version with the active one (the rollback).
        QSignalSpy compared(window->historyPanel(), &HistoryPanel::compareReady);
        QVERIFY(window->historyPanel()->selectVersion(deployed));
        QAction *compare = window->historyPanel()->compareAction();
        QVERIFY(compare->isEnabled());
        compare->trigger();
        QTRY_COMPARE(compared.count(), 1);
        QCOMPARE(compared.at(0).at(0).value<core::PromptVersion>().version, deployed);
        QCOMPARE(compared.at(0).at(1).value<core::PromptVersion>().version, deployed + 1);
        QWidget *diff = nullptr;
        const QWidgetList topLevels = QApplication::topLevelWidgets();
        for (QWidget *w : topLevels) {
            if (w->inherits("retell::ui::DiffWindow") && w->isVisible())
                diff = w;
        }
        QVERIFY(diff);
        diff->close();
    }

    // Edit again and close: the draft survives into the next window.
    QTRY_VERIFY(!agent->isLoading());
    editor->promptEditor()->insertAt(QStringLiteral("Draft line for tomorrow.\n"), 0, 0);
    const core::AgentConfig drafted = editor->config();
    QTRY_VERIFY_WITH_TIMEOUT(agent->drafts().contains(branchId), 5000); // debounced autosave
    window->close();
    window.reset();

    auto restarted = openWindow(core::demo::kSuperAdmin);
    QTRY_VERIFY_WITH_TIMEOUT(restarted->isReady(), 10000);
    AgentPanel *agent2 = restarted->agentPanel();
    QCOMPARE(agent2->branch()->id, branchId); // last branch remembered
    QVERIFY(restarted->branchTree()->hasDraft(branchId));
    QVERIFY(agent2->isDraftOfferPending());
    auto *restore = agent2->findChild<QPushButton *>(QStringLiteral("restoreDraftButton"));
    QVERIFY(restore->isVisible());
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(agent2->editor()->config(), drafted);
    QVERIFY(agent2->editor()->isModified());
}

void TestAdminPath::viewerCannotDeploy()
{
    auto window = openWindow(core::demo::kViewer);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    const auto branch = window->agentPanel()->branch();
    QVERIFY(branch);
    QCOMPARE(branch->companyName, QStringLiteral("Salon Aurora"));
    QVERIFY(!window->action(QStringLiteral("deployAction"))->isEnabled());
    QVERIFY(!window->historyPanel()->rollbackAction()->isEnabled());
    QVERIFY(!window->templatePanel()
                 ->findChild<QPushButton *>(QStringLiteral("applyTemplateButton"))
                 ->isEnabled());
    window->agentPanel()->deploy(); // ignored
    QVERIFY(!window->agentPanel()->deployDialog());

    // And the core refuses anyway.
    const core::VersionService versions(m_context);
    const auto refused = versions.deploy(window->session()->actor(), branch->id,
                                         {window->agentPanel()->config(), {}, QStringLiteral("x")});
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, core::ErrorKind::Permission);
}

void TestAdminPath::editorKeysWorkFromAnywhereInTheWindow()
{
    auto window = openWindow(core::demo::kSuperAdmin);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    window->activateWindow();
    AgentEditor *editor = window->agentPanel()->editor();
    auto *tree = window->findChild<QTreeView *>(QStringLiteral("branchTree"));
    QVERIFY(tree);
    const auto visibleBars = [&] {
        int n = 0;
        for (auto *bar : editor->findChildren<FindReplaceBar *>())
            n += bar->isVisible() ? 1 : 0;
        return n;
    };
    // Ctrl+F with the focus in the branch tree opens the editor's find bar.
    tree->setFocus();
    QCOMPARE(visibleBars(), 0);
    QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(visibleBars(), 1);
    // And with the focus in the editor the same key is not ambiguous.
    for (auto *bar : editor->findChildren<FindReplaceBar *>())
        bar->close();
    editor->promptEditor()->setFocus();
    QTest::keyClick(editor->promptEditor(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(visibleBars(), 1);
    // F8 from the tree walks to a finding in the editor.
    editor->setReadOnly(false);
    editor->promptEditor()->append(QStringLiteral("\nSee {{not_a_known_variable}} here."));
    editor->validateNow();
    QTRY_VERIFY(!editor->lastResult().findings.isEmpty());
    editor->promptEditor()->setCursorPosition(0, 0);
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_F8);
    int line = 0, index = 0;
    editor->promptEditor()->getCursorPosition(&line, &index);
    QVERIFY2(line > 0, "F8 did not move to the finding");
}

// Draft vs active (editor), template vs editor (template picker), and the
// active versions of two branches (branch tree) all open the diff window.
void TestAdminPath::everyCompareEntryOpensTheDiffWindow()
{
    auto window = openWindow(core::demo::kSuperAdmin);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    const auto openDiffWindows = [] {
        QList<QWidget *> found;
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->inherits("retell::ui::DiffWindow") && w->isVisible())
                found << w;
        return found;
    };
    const auto closeAll = [&] {
        for (QWidget *w : openDiffWindows())
            w->close();
        QTRY_VERIFY(openDiffWindows().isEmpty());
    };
    closeAll();
    const auto current = window->agentPanel()->branch();
    QVERIFY(current);

    window->action(QStringLiteral("compareDraftAction"))->trigger();
    QTRY_COMPARE(openDiffWindows().size(), 1);
    closeAll();

    auto *compareTemplate =
        window->templatePanel()->findChild<QPushButton *>(QStringLiteral("compareTemplateButton"));
    QVERIFY(compareTemplate);
    QTRY_VERIFY(window->templatePanel()->currentTemplate().has_value());
    compareTemplate->click();
    QTRY_COMPARE(openDiffWindows().size(), 1);
    closeAll();

    auto *tree = window->findChild<BranchTreePanel *>();
    QVERIFY(tree);
    std::optional<core::Branch> other;
    for (const core::Branch &b : tree->branches())
        if (b.id != current->id && b.activeVersion)
            other = b;
    QVERIFY(other);
    emit tree->compareWithCurrentRequested(*other);
    QTRY_COMPARE(openDiffWindows().size(), 1);
    closeAll();
}

QTEST_MAIN(TestAdminPath)
#include "tst_admin_path.moc"
