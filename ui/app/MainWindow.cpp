#include "app/MainWindow.h"

#include "app/ActionRegistry.h"
#include "app/CompareLauncher.h"
#include "app/EditCommands.h"
#include "app/FleetUi.h"
#include "app/FocusCycle.h"
#include "app/LanguageMenu.h"
#include "app/NotificationBanner.h"
#include "app/OfflineUi.h"
#include "app/RetellUi.h"
#include "app/Settings.h"
#include "common/WindowGeometry.h"
#include "diff/DiffWindow.h"
#include "editor/AgentEditor.h"
#include "editor/FindReplaceBar.h"
#include "editor/FindingsList.h"
#include "editor/JsonEditor.h"
#include "editor/PromptEditor.h"
#include "editor/ToolsEditor.h"
#include "offline/OfflineController.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "panels/StatusIcons.h"
#include "panels/TemplatePickerPanel.h"
#include "services/BranchesFacade.h"
#include "services/DeployFacade.h"
#include "services/DisplayText.h"
#include "services/HistoryFacade.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"
#include "services/TemplatesFacade.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <Qsci/qsciglobal.h>

#include <algorithm>
#include <optional>

namespace retell::ui {

namespace {
constexpr int kStatusMessageMs = 6000;

// A comparison with the edit: its changes can be copied into the editor,
// until the panel shows another branch or deploys (then it is read-only).
void linkToEdit(DiffWindow *window, AgentPanel *agent, ChangeCopier::Wording wording)
{
    window->followEdit(agent->editor()->promptEditor(), core::Side::Right, wording,
                       agent->editor()->toolsEditor()->editor());
    QObject::connect(agent, &AgentPanel::branchLoaded, window, &DiffWindow::stopFollowingEdit);
    QObject::connect(agent, &AgentPanel::deployed, window, &DiffWindow::stopFollowingEdit);
}

QString roleSummary(const core::Actor &actor)
{
    if (actor.isGlobalAdmin())
        return MainWindow::tr("global admin");
    std::optional<core::Role> best;
    for (const core::Grant &g : actor.grants)
        best = std::max(best.value_or(g.role), g.role);
    return best ? roleTitle(*best) : MainWindow::tr("no access");
}
} // namespace

struct MainWindow::Services
{
    explicit Services(Session *session)
        : branches(session), history(session), deploy(session), templates(session)
    {
    }

    BranchesFacade branches;
    HistoryFacade history;
    DeployFacade deploy;
    TemplatesFacade templates;
};

MainWindow::MainWindow(std::shared_ptr<Session> session, Settings *settings,
                       const QString &draftRoot, QWidget *parent)
    : QMainWindow(parent), m_session(std::move(session)),
      m_services(std::make_unique<Services>(m_session.get())), m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Retell Agent Admin — %1").arg(databaseTitle(m_session->context().spec)));
    setWindowIcon(themeIcon(QStringLiteral("app")));
    setDockNestingEnabled(true);

    core::DraftStore drafts(m_session->databaseKey(), m_session->actor().user.id, draftRoot);
    m_tree = new BranchTreePanel(this);
    m_agent = new AgentPanel(&m_services->history, &m_services->deploy, std::move(drafts), this);
    m_history = new HistoryPanel(&m_services->history, &m_services->deploy, this);
    m_templates = new TemplatePickerPanel(&m_services->templates, this);
    m_banner = new NotificationBanner(this);
    m_history->setCompareAvailable(true);
    m_compare = new CompareLauncher(&m_services->history, this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_banner);
    layout->addWidget(m_agent, 1);
    setCentralWidget(central);

    m_actions = new ActionRegistry(this);
    m_focusCycle = new FocusCycle(this);
    createActions();
    createMenus();
    createDocks();
    createFocusCycle();
    m_agent->editor()->yieldKeys(m_actions->keys());

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumSize(120, 14);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_userLabel = new QLabel(this);
    const core::Actor &actor = m_session->actor();
    m_userLabel->setText(tr("%1 · %2 · %3")
                             .arg(actor.user.name, roleSummary(actor),
                                  m_session->context().spec.dialect == core::Dialect::SQLite
                                      ? tr("local database")
                                      : databaseTitle(m_session->context().spec)));
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_userLabel);

    connect(m_session->worker(), &ServiceWorker::busyChanged, m_busy, &QWidget::setVisible);
    connect(m_tree, &BranchTreePanel::branchSelected, this, &MainWindow::onBranchSelected);
    connect(m_agent, &AgentPanel::branchLoaded, this, [this](const core::Branch &b) {
        if (b.id == m_pendingBranch) {
            m_editorLoaded = true;
            checkBranchShown();
        }
    });
    connect(m_history->model(), &HistoryModel::pageLoaded, this, [this] {
        if (m_history->model()->branchId() == m_pendingBranch) {
            m_historyLoaded = true;
            checkBranchShown();
        }
    });
    connect(m_agent, &AgentPanel::draftStateChanged, m_tree, &BranchTreePanel::setHasDraft);
    connect(m_agent, &AgentPanel::deployed, this, &MainWindow::onDeployed);
    connect(m_agent, &AgentPanel::stateChanged, this, &MainWindow::updateActions);
    connect(m_agent, &AgentPanel::message, this, &MainWindow::notify);
    connect(m_agent, &AgentPanel::failed, this, &MainWindow::fail);
    connect(m_agent, &AgentPanel::noticesObsolete, m_banner, &NotificationBanner::dismiss);
    connect(m_agent, &AgentPanel::compareConfigsRequested, m_compare, &CompareLauncher::configs);
    connect(m_agent, &AgentPanel::compareVersionsRequested, m_compare, &CompareLauncher::versions);
    connect(m_history, &HistoryPanel::useAsDraftRequested, m_agent, &AgentPanel::useAsDraft);
    connect(m_agent->editor(), &AgentEditor::validationChanged, this, &MainWindow::updateActions);
    connect(m_history, &HistoryPanel::rolledBack, this, &MainWindow::onRolledBack);
    connect(m_history, &HistoryPanel::compareReady, m_compare, &CompareLauncher::versions);
    connect(m_compare, &CompareLauncher::failed, this, &MainWindow::fail);
    connect(m_history, &HistoryPanel::message, this, &MainWindow::notify);
    connect(m_history, &HistoryPanel::failed, this, &MainWindow::fail);
    connect(m_templates, &TemplatePickerPanel::applyRequested, m_agent, &AgentPanel::applyTemplate);
    connect(m_templates, &TemplatePickerPanel::compareRequested, this,
            [this](const core::Template &t) {
                const auto branch = m_agent->branch();
                linkToEdit(
                    m_compare->configs(tr("template: %1").arg(t.name), t.config,
                                       branch ? tr("%1 (editor)").arg(branch->name) : tr("editor"),
                                       m_agent->config()),
                    m_agent, ChangeCopier::Wording::Take);
            });
    connect(m_tree, &BranchTreePanel::compareWithCurrentRequested, this,
            [this](const core::Branch &other) {
                if (const auto current = m_agent->branch())
                    m_compare->branches(other, *current);
            });
    connect(m_templates, &TemplatePickerPanel::saveAsTemplateRequested, this,
            [this] { m_templates->promptSaveAsTemplate(m_agent->config()); });
    connect(m_templates, &TemplatePickerPanel::templateSaved, this,
            [this](const QString &name) { notify(tr("Template \"%1\" saved.").arg(name)); });
    connect(m_templates, &TemplatePickerPanel::templateChanged, this, &MainWindow::notify);
    connect(m_templates, &TemplatePickerPanel::failed, this, &MainWindow::fail);
    connect(m_templates, &TemplatePickerPanel::loaded, this, &MainWindow::checkBranchShown);

    restoreLayout();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Members die before QWidget deletes the children, but the panels use
    // m_session: they go first, while it is alive (the agent panel saves its
    // draft on the way out).
    delete m_retellUi;
    delete m_fleetUi;
    delete m_compare;
    delete m_templates;
    delete m_history;
    delete m_agent;
}

QAction *MainWindow::action(const QString &objectName) const
{
    if (QAction *a = m_actions->find(objectName))
        return a;
    return findChild<QAction *>(objectName);
}

void MainWindow::createActions()
{
    using Id = ActionId;
    const ActionRegistry &a = *m_actions;
    m_actions->adopt(Id::Rollback, m_history->rollbackAction());
    m_actions->adopt(Id::OpenVersion, m_history->openAction());
    m_actions->adopt(Id::Compare, m_history->compareAction());
    m_actions->adopt(Id::CompareSelected, m_history->compareSelectedAction());
    m_actions->adopt(Id::CompareActive, m_history->compareActiveAction());
    m_actions->adopt(Id::ComparePrevious, m_history->comparePreviousAction());

    connect(a[Id::Connect], &QAction::triggered, this, &MainWindow::reconnectRequested);
    connect(a[Id::SaveDraft], &QAction::triggered, this, [this] {
        if (m_agent->saveDraft())
            statusBar()->showMessage(tr("Draft saved."), kStatusMessageMs);
    });
    connect(a[Id::Quit], &QAction::triggered, this, &QWidget::close);
    for (Id id : {Id::Undo, Id::Redo, Id::Cut, Id::Copy, Id::Paste, Id::SelectAll}) {
        connect(a[id], &QAction::triggered, this,
                [id] { runEditCommand(id, QApplication::focusWidget()); });
    }
    connect(a[Id::Find], &QAction::triggered, this,
            [this] { m_agent->editor()->currentFindBar()->showFind(); });
    connect(a[Id::Replace], &QAction::triggered, this,
            [this] { m_agent->editor()->currentFindBar()->showReplace(); });
    connect(a[Id::FindNext], &QAction::triggered, this,
            [this] { m_agent->editor()->currentFindBar()->findNext(); });
    connect(a[Id::FindPrevious], &QAction::triggered, this,
            [this] { m_agent->editor()->currentFindBar()->findPrevious(); });
    connect(a[Id::FilterBranches], &QAction::triggered, m_tree, &BranchTreePanel::focusFilter);
    connect(a[Id::NextPanel], &QAction::triggered, m_focusCycle, &FocusCycle::next);
    connect(a[Id::PreviousPanel], &QAction::triggered, m_focusCycle, &FocusCycle::previous);
    a[Id::TabMovesFocus]->setCheckable(true);
    connect(a[Id::TabMovesFocus], &QAction::toggled, this, [this](bool on) {
        m_agent->editor()->setTabMovesFocus(on);
        statusBar()->showMessage(on ? tr("Tab moves focus; Ctrl+M to indent with Tab again.")
                                    : tr("Tab indents in the editors."),
                                 kStatusMessageMs);
    });
    connect(a[Id::Validate], &QAction::triggered, this, [this] {
        m_agent->editor()->validateNow();
        statusBar()->showMessage(m_agent->editor()->statusText(), kStatusMessageMs);
    });
    connect(a[Id::NextFinding], &QAction::triggered, m_agent->editor(), &AgentEditor::nextFinding);
    connect(a[Id::PreviousFinding], &QAction::triggered, m_agent->editor(),
            &AgentEditor::previousFinding);
    // The editor binds Ctrl+F, Ctrl+H, F3, F8 and their Shift forms for itself
    // (it also works alone); in the main window the window's actions own these
    // keys, so they work wherever focus is, and the editor's own bindings step
    // back instead of making the keys ambiguous. Scintilla's built-in bindings
    // of the window's keys (Ctrl+L "cut line") step back too.
    m_agent->editor()->setOwnShortcutsEnabled(false);
    connect(a[Id::Deploy], &QAction::triggered, m_agent, &AgentPanel::deploy);
    connect(a[Id::CompareDraft], &QAction::triggered, this, &MainWindow::compareDraftWithActive);
    connect(a[Id::RestoreDraft], &QAction::triggered, m_agent, &AgentPanel::restoreDraft);
    connect(a[Id::DiscardDraft], &QAction::triggered, m_agent, &AgentPanel::discardDraft);
    connect(a[Id::Refresh], &QAction::triggered, this, [this] {
        m_banner->dismiss();
        reloadAll();
    });
    connect(a[Id::KeyboardShortcuts], &QAction::triggered, this,
            [this] { ActionRegistry::createShortcutsPage(keyboardTable(), this)->show(); });
    connect(a[Id::About], &QAction::triggered, this, &MainWindow::about);
}

QList<KeyboardRow> MainWindow::keyboardTable() const
{
    return m_actions->keyboardTable(DiffWindow::keyboardRows());
}

void MainWindow::createMenus()
{
    using Id = ActionId;
    const ActionRegistry &a = *m_actions;
    constexpr std::optional<Id> separator;
    const auto fill = [&a](auto *target, std::initializer_list<std::optional<Id>> ids) {
        for (const std::optional<Id> &id : ids) {
            if (id)
                target->addAction(a[*id]);
            else
                target->addSeparator();
        }
    };
    fill(menuBar()->addMenu(tr("&File")), {Id::Connect, Id::SaveDraft, separator, Id::WorkOffline,
                                           Id::SyncNow, separator, Id::Quit});
    fill(menuBar()->addMenu(tr("&Edit")),
         {Id::Undo, Id::Redo, separator, Id::Cut, Id::Copy, Id::Paste, Id::SelectAll, separator,
          Id::Find, Id::Replace, Id::FindNext, Id::FindPrevious, separator, Id::FilterBranches});
    fill(menuBar()->addMenu(tr("&Agent")),
         {Id::Validate, Id::NextFinding, Id::PreviousFinding, separator, Id::Deploy, Id::Rollback,
          separator, Id::OpenVersion, Id::CompareDraft, Id::Compare, Id::CompareSelected,
          Id::CompareActive, Id::ComparePrevious, separator, Id::RestoreDraft, Id::DiscardDraft,
          Id::Refresh, separator, Id::LinkRetell});

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(20, 20));
    fill(tools, {Id::SaveDraft, Id::Validate, Id::PreviousFinding, Id::NextFinding, separator,
                 Id::Deploy, Id::Rollback, Id::Compare, separator, Id::Find, Id::Refresh});
}

void MainWindow::createDocks()
{
    auto dock = [this](const QString &name, const QString &title, QWidget *widget) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                       QDockWidget::DockWidgetClosable);
        return d;
    };
    m_treeDock = dock(QStringLiteral("branchesDock"), tr("Branches"), m_tree);
    m_templatesDock = dock(QStringLiteral("templatesDock"), tr("Templates"), m_templates);
    m_historyDock = dock(QStringLiteral("historyDock"), tr("History"), m_history);
    addDockWidget(Qt::LeftDockWidgetArea, m_treeDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_templatesDock);
    tabifyDockWidget(m_historyDock, m_templatesDock);
    m_historyDock->raise();
    resizeDocks({m_treeDock}, {300}, Qt::Horizontal);
    resizeDocks({m_historyDock}, {280}, Qt::Vertical);

    m_offline = new OfflineUi({this, m_session.get(), &m_services->history, m_actions, m_tree,
                               m_history, m_historyDock, m_settings});
    connect(m_offline, &OfflineUi::reloadRequested, this, &MainWindow::reloadAll);
    connect(m_offline, &OfflineUi::message, this, &MainWindow::notify);
    connect(m_offline, &OfflineUi::failed, this, &MainWindow::fail);
    connect(m_agent, &AgentPanel::queued, m_offline, &OfflineUi::refresh);
    connect(m_history, &HistoryPanel::queued, m_offline, &OfflineUi::refresh);
    m_fleetUi = new FleetUi({this, m_session.get(), m_actions, m_compare, &m_services->history,
                             &m_services->templates, &m_services->branches, m_tree, m_offline});
    connect(m_fleetUi, &FleetUi::versionsWritten, this, &MainWindow::reloadAll);
    connect(m_fleetUi, &FleetUi::message, this, &MainWindow::notify);
    connect(m_fleetUi, &FleetUi::failed, this, &MainWindow::fail);
    m_retellUi = new RetellUi({this, m_session.get(), m_settings, m_actions, m_agent, m_history,
                               m_tree, m_compare, m_fleetUi, m_offline});
    connect(m_retellUi, &RetellUi::versionsWritten, this, &MainWindow::reloadAll);
    connect(m_retellUi, &RetellUi::message, this, &MainWindow::notify);
    connect(m_retellUi, &RetellUi::failed, this, &MainWindow::fail);

    m_actions->adopt(ActionId::ShowBranches, m_treeDock->toggleViewAction());
    m_actions->adopt(ActionId::ShowTemplates, m_templatesDock->toggleViewAction());
    m_actions->adopt(ActionId::ShowHistory, m_historyDock->toggleViewAction());
    const ActionRegistry &a = *m_actions;
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(a[ActionId::ShowBranches]);
    view->addAction(a[ActionId::ShowTemplates]);
    view->addAction(a[ActionId::ShowHistory]);
    view->addAction(a[ActionId::ShowOutbox]);
    view->addSeparator();
    view->addAction(a[ActionId::NextPanel]);
    view->addAction(a[ActionId::PreviousPanel]);
    view->addAction(a[ActionId::TabMovesFocus]);
    view->addSeparator();
    auto *language = new LanguageMenu(m_settings, view);
    connect(language, &LanguageMenu::message, this, &MainWindow::notify);
    view->addMenu(language);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(a[ActionId::KeyboardShortcuts]);
    help->addAction(a[ActionId::About]);
}

void MainWindow::createFocusCycle()
{
    // F6 order: branch filter, tree, prompt, tools, findings, history, templates.
    const auto dockOpen = [](QDockWidget *dock) {
        return [dock] { return dock->toggleViewAction()->isChecked(); };
    };
    const auto raise = [](QDockWidget *dock) { return [dock] { dock->raise(); }; };
    AgentEditor *editor = m_agent->editor();
    const auto showTab = [editor](AgentEditor::Tab tab) {
        return [editor, tab] { editor->tabs()->setCurrentIndex(tab); };
    };
    m_focusCycle->addStop({m_tree->filterEdit(), {}, raise(m_treeDock), dockOpen(m_treeDock)});
    m_focusCycle->addStop({m_tree->view(), {}, raise(m_treeDock), dockOpen(m_treeDock)});
    m_focusCycle->addStop({editor->promptEditor(), {}, showTab(AgentEditor::PromptTab), {}});
    m_focusCycle->addStop(
        {editor->toolsEditor(),
         [editor] { return static_cast<QWidget *>(editor->toolsEditor()->editor()); },
         showTab(AgentEditor::ToolsTab),
         {}});
    m_focusCycle->addStop(
        {editor->findingsList(),
         [editor] { return static_cast<QWidget *>(editor->findingsList()->view()); },
         {},
         {}});
    m_focusCycle->addStop({m_history, [this] { return static_cast<QWidget *>(m_history->view()); },
                           raise(m_historyDock), dockOpen(m_historyDock)});
    m_focusCycle->addStop({m_templates, {}, raise(m_templatesDock), dockOpen(m_templatesDock)});
}

void MainWindow::restoreLayout()
{
    windowGeometry::place(this, QSize(1400, 900), m_settings->windowGeometry());
    if (const QByteArray state = m_settings->windowState(); !state.isEmpty())
        restoreState(state);
    const QList<QSplitter *> splitters = findChildren<QSplitter *>();
    for (QSplitter *s : splitters) {
        if (!s->objectName().isEmpty())
            s->restoreState(m_settings->splitterState(s->objectName()));
    }
}

void MainWindow::saveLayout()
{
    // Written here rather than on every selection: QSettings flushes the whole
    // file from the event loop, which would add milliseconds to each switch.
    if (const auto branch = m_tree->currentBranch())
        m_settings->setLastBranch(m_session->databaseKey(), branch->id);
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    const QList<QSplitter *> splitters = findChildren<QSplitter *>();
    for (QSplitter *s : splitters) {
        if (!s->objectName().isEmpty())
            m_settings->setSplitterState(s->objectName(), s->saveState());
    }
    m_settings->sync();
}

void MainWindow::start()
{
    m_templates->reload();
    refreshBranches();
    m_offline->start();
    m_retellUi->start();
}

void MainWindow::refreshBranches()
{
    m_services->branches.branches(this, [this](core::Result<QList<core::Branch>> branches) {
        if (!branches) {
            fail(errorText(branches.error()));
            return;
        }
        const bool first = !m_branchesLoaded;
        m_branchesLoaded = true;
        m_tree->setBranches(branches.value());
        m_offline->setBranches(branches.value());
        m_retellUi->setBranches(branches.value());
        m_tree->setDraftBranches(m_agent->drafts().branchesWithDrafts());
        if (first) {
            const QString last = m_settings->lastBranch(m_session->databaseKey());
            // A first start opens the first branch that has an agent deployed.
            if (!m_tree->selectBranch(last) && !branches->isEmpty()) {
                const auto deployed =
                    std::find_if(branches->cbegin(), branches->cend(),
                                 [](const core::Branch &b) { return b.activeVersion.has_value(); });
                m_tree->selectBranch(deployed != branches->cend() ? deployed->id
                                                                  : branches->constFirst().id);
            }
        }
        checkBranchShown();
    });
}

void MainWindow::onBranchSelected(const core::Branch &branch)
{
    m_pendingBranch = branch.id;
    m_editorLoaded = m_historyLoaded = false;
    m_agent->openBranch(branch);
    m_history->setBranch(branch);
    updateActions();
}

void MainWindow::checkBranchShown()
{
    if (!m_pendingBranch.isEmpty() && m_editorLoaded && m_historyLoaded) {
        const QString id = std::exchange(m_pendingBranch, QString());
        emit branchShown(id);
    }
    const bool templatesLoaded = !m_templates->templates().isEmpty();
    if (!m_ready && m_branchesLoaded && templatesLoaded && m_pendingBranch.isEmpty()) {
        m_ready = true;
        emit ready();
    }
}

void MainWindow::reloadAll()
{
    refreshBranches();
    m_agent->reloadActive(); // the header and the tree read the same active version
    m_history->refresh();
    m_templates->reload();
}

void MainWindow::onDeployed(const core::Branch &branch, const core::DeployOutcome &outcome)
{
    const int warnings = outcome.validation.warningCount();
    QString text = tr("Deployed v%1 to %2.").arg(outcome.version.version).arg(branch.name);
    if (warnings > 0)
        text += QLatin1Char(' ') + tr("%n warning(s) recorded.", nullptr, warnings);
    notify(text);
    refreshBranches();
    if (m_history->model()->branchId() == branch.id)
        m_history->refresh();
}

void MainWindow::onRolledBack(const core::Branch &branch, const core::DeployOutcome &)
{
    refreshBranches();
    m_history->refresh();
    if (m_agent->branch() && m_agent->branch()->id == branch.id)
        m_agent->reloadActive();
}

void MainWindow::updateActions()
{
    const auto branch = m_agent->branch();
    const bool canEdit = branch && m_session->canEdit(*branch);
    const ActionRegistry &a = *m_actions;
    a[ActionId::Deploy]->setEnabled(m_agent->canDeploy());
    a[ActionId::Deploy]->setStatusTip(branch && !canEdit
                                          ? tr("You may only view this branch")
                                          : tr("Deploy the edited agent as a new version"));
    a[ActionId::SaveDraft]->setEnabled(canEdit && !m_agent->isLoading());
    a[ActionId::RestoreDraft]->setEnabled(m_agent->isDraftOfferPending() && canEdit);
    a[ActionId::DiscardDraft]->setEnabled(
        branch && (m_agent->isDraftOfferPending() || m_agent->editor()->isModified()));
    m_templates->setTarget(branch, canEdit && !m_agent->isLoading());
}

void MainWindow::compareDraftWithActive()
{
    const auto branch = m_agent->branch();
    if (!branch)
        return;
    const auto base = m_agent->baseVersion();
    linkToEdit(m_compare->configs(base ? tr("%1 v%2 (active)").arg(branch->name).arg(*base)
                                       : tr("%1 (nothing deployed)").arg(branch->name),
                                  base ? m_agent->baseConfig()
                                       : core::AgentConfig{QString(), QStringLiteral("[]")},
                                  tr("%1 (your edit)").arg(branch->name), m_agent->config()),
               m_agent, ChangeCopier::Wording::Revert);
}

void MainWindow::notify(const QString &text)
{
    statusBar()->showMessage(text, kStatusMessageMs);
    m_banner->showMessage(text, NotificationBanner::Kind::Success);
}

void MainWindow::fail(const QString &text)
{
    // A call that found the server gone, after the app went offline: the
    // banner keeps saying "working offline" rather than the call's error.
    if (m_offline && m_offline->controller() && m_offline->controller()->saysServerLost(text))
        return;
    statusBar()->showMessage(text, kStatusMessageMs);
    m_banner->showMessage(text, NotificationBanner::Kind::Error);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Retell Agent Admin"), aboutText());
}

QString MainWindow::aboutText()
{
    return tr("<h3>Retell Agent Admin %1</h3><p>Edit, validate, deploy and roll back the "
              "Retell AI voice agents of your branches.</p><p>Qt %2, QScintilla %3</p>")
        .arg(QStringLiteral(RETELL_ADMIN_VERSION), QString::fromLatin1(qVersion()),
             QStringLiteral(QSCINTILLA_VERSION_STR));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_agent->saveDraft();
    saveLayout();
    event->accept();
}

} // namespace retell::ui
