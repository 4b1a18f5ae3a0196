#pragma once

#include "domain/Types.h"
#include "editor/KeyboardRow.h"
#include "versions/VersionService.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;

namespace retell::ui {

class ActionRegistry;
class AgentPanel;
class FocusCycle;
class FleetUi;
class BranchTreePanel;
class HistoryPanel;
class NotificationBanner;
class CompareLauncher;
class OfflineUi;
class RetellUi;
class Session;
class Settings;
class TemplatePickerPanel;

// Wires the panels into docks, menus, a toolbar and the status bar; the
// panels hold the logic.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // draftRoot: where drafts are kept (empty = the platform's app-data folder).
    MainWindow(std::shared_ptr<Session> session, Settings *settings, const QString &draftRoot = {},
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads branches and templates, then opens the last branch.
    void start();
    // True once branches are listed and the current branch (if any) is shown
    // with its history's first page.
    bool isReady() const { return m_ready; }

    Session *session() const { return m_session.get(); }
    BranchTreePanel *branchTree() const { return m_tree; }
    AgentPanel *agentPanel() const { return m_agent; }
    HistoryPanel *historyPanel() const { return m_history; }
    TemplatePickerPanel *templatePanel() const { return m_templates; }
    NotificationBanner *banner() const { return m_banner; }
    OfflineUi *offline() const { return m_offline; }
    FleetUi *fleet() const { return m_fleetUi; }
    RetellUi *retell() const { return m_retellUi; }
    QDockWidget *historyDock() const { return m_historyDock; }
    QDockWidget *templatesDock() const { return m_templatesDock; }
    QAction *action(const QString &objectName) const;
    ActionRegistry *actions() const { return m_actions; }
    FocusCycle *focusCycle() const { return m_focusCycle; }
    // The keys of the window and of the diff window it opens, as the
    // keyboard-shortcuts page and the README show them.
    QList<KeyboardRow> keyboardTable() const;
    static QString aboutText();

signals:
    void ready();
    // Editor, findings and history of the branch are filled.
    void branchShown(const QString &branchId);
    void reconnectRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createFocusCycle();
    void restoreLayout();
    void saveLayout();
    void refreshBranches();
    void onBranchSelected(const core::Branch &branch);
    void onDeployed(const core::Branch &branch, const core::DeployOutcome &outcome);
    void onRolledBack(const core::Branch &branch, const core::DeployOutcome &outcome);
    void updateActions();
    void checkBranchShown();
    void compareDraftWithActive();
    void reloadAll();
    void notify(const QString &text);
    void fail(const QString &text);
    void about();

    std::shared_ptr<Session> m_session;
    // The typed facades the panels call services through.
    struct Services;
    std::unique_ptr<Services> m_services;
    CompareLauncher *m_compare = nullptr;
    Settings *m_settings;
    BranchTreePanel *m_tree = nullptr;
    AgentPanel *m_agent = nullptr;
    HistoryPanel *m_history = nullptr;
    TemplatePickerPanel *m_templates = nullptr;
    NotificationBanner *m_banner = nullptr;
    QDockWidget *m_treeDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QDockWidget *m_templatesDock = nullptr;
    QLabel *m_userLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    ActionRegistry *m_actions = nullptr;
    OfflineUi *m_offline = nullptr;
    FleetUi *m_fleetUi = nullptr;
    RetellUi *m_retellUi = nullptr;
    FocusCycle *m_focusCycle = nullptr;
    QString m_pendingBranch; // branch whose editor or history is still loading
    bool m_editorLoaded = false;
    bool m_historyLoaded = false;
    bool m_branchesLoaded = false;
    bool m_ready = false;
};

} // namespace retell::ui
