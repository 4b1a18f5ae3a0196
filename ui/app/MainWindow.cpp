#include "app/MainWindow.h"

#include "app/CompareLauncher.h"
#include "app/NotificationBanner.h"
#include "app/ServiceWorker.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "editor/AgentEditor.h"
#include "editor/FindReplaceBar.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "panels/StatusIcons.h"
#include "panels/TemplatePickerPanel.h"
#include "versions/BranchService.h"


#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace retell::ui {

namespace {
constexpr int kStatusMessageMs = 6000;

QString roleSummary(const core::Actor &actor)
{
    if (actor.isGlobalAdmin())
        return MainWindow::tr("global admin");
    std::optional<core::Role> best;
    for (const core::Grant &g : actor.grants)
        best = std::max(best.value_or(g.role), g.role);
    return best ? core::roleName(*best) : MainWindow::tr("no access");
}
} // namespace

MainWindow::MainWindow(std::shared_ptr<Session> session, Settings *settings,
                       const QString &draftRoot, QWidget *parent)
    : QMainWindow(parent)
    , m_session(std::move(session))
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Retell Agent Admin — %1").arg(m_session->context().spec.displayName()));
    setWindowIcon(themeIcon(QStringLiteral("app")));
    setDockNestingEnabled(true);

    core::DraftStore drafts(m_session->databaseKey(), m_session->actor().user.id, draftRoot);
    m_tree = new BranchTreePanel(this);
    m_agent = new AgentPanel(m_session.get(), std::move(drafts), this);
    m_history = new HistoryPanel(m_session.get(), this);
    m_templates = new TemplatePickerPanel(m_session.get(), this);
    m_banner = new NotificationBanner(this);
    m_history->setCompareAvailable(true);
    m_compare = new CompareLauncher(m_session.get(), this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_banner);
    layout->addWidget(m_agent, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    createDocks();

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
                                      : m_session->context().spec.displayName()));
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
    connect(m_agent->editor(), &AgentEditor::validationChanged, this, &MainWindow::updateActions);
    connect(m_history, &HistoryPanel::rolledBack, this, &MainWindow::onRolledBack);
    connect(m_history, &HistoryPanel::compareReady, m_compare, &CompareLauncher::versions);
    connect(m_compare, &CompareLauncher::failed, this, &MainWindow::fail);
    connect(m_history, &HistoryPanel::message, this, &MainWindow::notify);
    connect(m_history, &HistoryPanel::failed, this, &MainWindow::fail);
    connect(m_templates, &TemplatePickerPanel::applyRequested, m_agent, &AgentPanel::applyTemplate);
    connect(m_templates, &TemplatePickerPanel::compareRequested, this, [this](const core::Template &t) {
        const auto branch = m_agent->branch();
        m_compare->configs(tr("template: %1").arg(t.name), t.config,
                       branch ? tr("%1 (editor)").arg(branch->name) : tr("editor"), m_agent->config());
    });
    connect(m_tree, &BranchTreePanel::compareWithCurrentRequested, this, [this](const core::Branch &other) {
        if (const auto current = m_agent->branch())
            m_compare->branches(other, *current);
    });
    connect(m_templates, &TemplatePickerPanel::saveAsTemplateRequested, this,
            [this] { m_templates->promptSaveAsTemplate(m_agent->config()); });
    connect(m_templates, &TemplatePickerPanel::templateSaved, this, [this](const QString &name) {
        notify(tr("Template \"%1\" saved.").arg(name));
    });
    connect(m_templates, &TemplatePickerPanel::failed, this, &MainWindow::fail);
    connect(m_templates, &TemplatePickerPanel::loaded, this, &MainWindow::checkBranchShown);

    resize(1400, 900);
    restoreLayout();
    updateActions();
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::makeAction(const QString &name, const QString &text, const QString &icon,
                                const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    if (!icon.isEmpty())
        action->setIcon(themeIcon(icon));
    action->setShortcuts(keys);
    if (!keys.isEmpty())
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")),
            keys.constFirst().toString(QKeySequence::NativeText)));
    addAction(action);
    m_actions << action;
    return action;
}

QAction *MainWindow::action(const QString &objectName) const
{
    for (QAction *a : m_actions) {
        if (a->objectName() == objectName)
            return a;
    }
    return findChild<QAction *>(objectName);
}

void MainWindow::createActions()
{
    connect(makeAction(QStringLiteral("connectAction"), tr("&Connect…"), QStringLiteral("connect"),
                       {QKeySequence(tr("Ctrl+O"))}),
            &QAction::triggered, this, &MainWindow::reconnectRequested);
    connect(makeAction(QStringLiteral("saveDraftAction"), tr("&Save Draft"), QStringLiteral("save"),
                       {QKeySequence::Save}),
            &QAction::triggered, this, [this] {
                if (m_agent->saveDraft())
                    statusBar()->showMessage(tr("Draft saved."), kStatusMessageMs);
            });
    connect(makeAction(QStringLiteral("quitAction"), tr("&Quit"), QStringLiteral("quit"),
                       {QKeySequence(tr("Ctrl+Q"))}),
            &QAction::triggered, this, &QWidget::close);
    QAction *find = makeAction(QStringLiteral("findAction"), tr("&Find…"), QStringLiteral("find"),
                               {QKeySequence::Find});
    QAction *replace = makeAction(QStringLiteral("replaceAction"), tr("&Replace…"),
                                  QStringLiteral("replace"), {QKeySequence(tr("Ctrl+H"))});

    connect(find, &QAction::triggered, this, [this] { showFindBar(false); });
    connect(replace, &QAction::triggered, this, [this] { showFindBar(true); });
    connect(makeAction(QStringLiteral("filterAction"), tr("Filter &Branches"),
                       QStringLiteral("filter"), {QKeySequence(tr("Ctrl+L"))}),
            &QAction::triggered, m_tree, &BranchTreePanel::focusFilter);
    connect(makeAction(QStringLiteral("validateAction"), tr("&Validate"),
                       QStringLiteral("validate"), {QKeySequence(tr("F7"))}),
            &QAction::triggered, this, [this] {
                m_agent->editor()->validateNow();
                statusBar()->showMessage(m_agent->editor()->statusText(), kStatusMessageMs);
            });
    QAction *next = makeAction(QStringLiteral("nextFindingAction"), tr("&Next Finding"),
                               QStringLiteral("next"), {QKeySequence(tr("F8"))});
    QAction *previous = makeAction(QStringLiteral("previousFindingAction"),
                                   tr("&Previous Finding"), QStringLiteral("previous"),
                                   {QKeySequence(tr("Shift+F8"))});
    connect(next, &QAction::triggered, m_agent->editor(), &AgentEditor::nextFinding);
    connect(previous, &QAction::triggered, m_agent->editor(), &AgentEditor::previousFinding);
    // The editor binds Ctrl+F, Ctrl+H, F8 and Shift+F8 for itself (it also
    // works alone); in the main window the window's actions own these keys,
    // so they work wherever focus is, and the editor's own bindings step back
    // instead of making the keys ambiguous.
    m_agent->editor()->setOwnShortcutsEnabled(false);
    connect(makeAction(QStringLiteral("deployAction"), tr("&Deploy…"), QStringLiteral("deploy"),
                       {QKeySequence(tr("Ctrl+Shift+D")), QKeySequence(tr("Ctrl+Return"))}),
            &QAction::triggered, m_agent, &AgentPanel::deploy);
    connect(makeAction(QStringLiteral("compareDraftAction"), tr("Compare Draft with &Active"),
                       QStringLiteral("compare"), {QKeySequence(tr("Ctrl+Alt+A"))}),
            &QAction::triggered, this, &MainWindow::compareDraftWithActive);
    connect(makeAction(QStringLiteral("restoreDraftAction"), tr("Restore D&raft"),
                       QStringLiteral("draft"), {QKeySequence(tr("Ctrl+Alt+R"))}),
            &QAction::triggered, m_agent, &AgentPanel::restoreDraft);
    connect(makeAction(QStringLiteral("discardDraftAction"), tr("Disc&ard Draft"), QString(),
                       {QKeySequence(tr("Ctrl+Alt+D"))}),
            &QAction::triggered, m_agent, &AgentPanel::discardDraft);
    connect(makeAction(QStringLiteral("refreshAction"), tr("Re&fresh"), QStringLiteral("refresh"),
                       {QKeySequence::Refresh}),
            &QAction::triggered, this, [this] {
                refreshBranches();
                m_history->refresh();
                m_templates->reload();
            });
    connect(makeAction(QStringLiteral("aboutAction"), tr("&About Retell Agent Admin"),
                       QStringLiteral("app"), {QKeySequence::HelpContents}),
            &QAction::triggered, this, &MainWindow::about);
    m_history->compareAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    m_history->compareSelectedAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+K")));
    m_history->compareActiveAction()->setShortcut(QKeySequence(tr("Ctrl+Alt+C")));
    m_history->comparePreviousAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    for (QAction *a : {m_history->rollbackAction(), m_history->openAction(),
                       m_history->compareAction(), m_history->compareSelectedAction(),
                       m_history->compareActiveAction(), m_history->comparePreviousAction()}) {
        addAction(a); // shortcuts work wherever focus is
        m_actions << a;
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("connectAction")));
    file->addAction(action(QStringLiteral("saveDraftAction")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quitAction")));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(action(QStringLiteral("findAction")));
    edit->addAction(action(QStringLiteral("replaceAction")));
    edit->addSeparator();
    edit->addAction(action(QStringLiteral("filterAction")));

    QMenu *agent = menuBar()->addMenu(tr("&Agent"));
    agent->addAction(action(QStringLiteral("validateAction")));
    agent->addAction(action(QStringLiteral("nextFindingAction")));
    agent->addAction(action(QStringLiteral("previousFindingAction")));
    agent->addSeparator();
    agent->addAction(action(QStringLiteral("deployAction")));
    agent->addAction(m_history->rollbackAction());
    agent->addSeparator();
    agent->addAction(m_history->openAction());
    agent->addAction(action(QStringLiteral("compareDraftAction")));
    agent->addAction(m_history->compareAction());
    agent->addAction(m_history->compareSelectedAction());
    agent->addAction(m_history->compareActiveAction());
    agent->addAction(m_history->comparePreviousAction());
    agent->addSeparator();
    agent->addAction(action(QStringLiteral("restoreDraftAction")));
    agent->addAction(action(QStringLiteral("discardDraftAction")));
    agent->addAction(action(QStringLiteral("refreshAction")));

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(20, 20));
    tools->addAction(action(QStringLiteral("saveDraftAction")));
    tools->addAction(action(QStringLiteral("validateAction")));
    tools->addAction(action(QStringLiteral("previousFindingAction")));
    tools->addAction(action(QStringLiteral("nextFindingAction")));
    tools->addSeparator();
    tools->addAction(action(QStringLiteral("deployAction")));
    tools->addAction(m_history->rollbackAction());
    tools->addAction(m_history->compareAction());
    tools->addSeparator();
    tools->addAction(action(QStringLiteral("findAction")));
    tools->addAction(action(QStringLiteral("refreshAction")));
}

void MainWindow::createDocks()
{
    auto dock = [this](const QString &name, const QString &title, QWidget *widget) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                       | QDockWidget::DockWidgetClosable);
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

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<QDockWidget *> docks = {m_treeDock, m_templatesDock, m_historyDock};
    for (int i = 0; i < docks.size(); ++i) {
        QAction *toggle = docks.at(i)->toggleViewAction();
        toggle->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(i + 1)));
        view->addAction(toggle);
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("aboutAction")));
}

void MainWindow::restoreLayout()
{
    if (const QByteArray geometry = m_settings->windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
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
}

void MainWindow::refreshBranches()
{
    const core::ServiceContext context = m_session->context();
    const core::Actor actor = m_session->actor();
    m_session->worker()->run(
        this, [=] { return core::BranchService(context).branches(actor); },
        [this](core::Result<QList<core::Branch>> branches) {
            if (!branches) {
                fail(branches.error().message);
                return;
            }
            const bool first = !m_branchesLoaded;
            m_branchesLoaded = true;
            m_tree->setBranches(branches.value());
            m_tree->setDraftBranches(m_agent->drafts().branchesWithDrafts());
            if (first) {
                const QString last = m_settings->lastBranch(m_session->databaseKey());
                // A first start opens the first branch that has an agent deployed.
                if (!m_tree->selectBranch(last) && !branches->isEmpty()) {
                    const auto deployed = std::find_if(
                        branches->cbegin(), branches->cend(),
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
    action(QStringLiteral("deployAction"))->setEnabled(m_agent->canDeploy());
    action(QStringLiteral("deployAction"))
        ->setStatusTip(branch && !canEdit ? tr("You may only view this branch")
                                          : tr("Deploy the edited agent as a new version"));
    action(QStringLiteral("saveDraftAction"))->setEnabled(canEdit && !m_agent->isLoading());
    action(QStringLiteral("restoreDraftAction"))->setEnabled(m_agent->isDraftOfferPending()
                                                             && canEdit);
    action(QStringLiteral("discardDraftAction"))
        ->setEnabled(branch && (m_agent->isDraftOfferPending() || m_agent->editor()->isModified()));
    m_templates->setApplyEnabled(canEdit && !m_agent->isLoading());
}

void MainWindow::showFindBar(bool replace)
{
    AgentEditor *editor = m_agent->editor();
    QWidget *page = editor->tabs()->currentWidget();
    const QList<FindReplaceBar *> bars = editor->findChildren<FindReplaceBar *>();
    FindReplaceBar *bar = bars.isEmpty() ? nullptr : bars.constFirst();
    for (FindReplaceBar *candidate : bars) {
        if (page && page->isAncestorOf(candidate))
            bar = candidate;
    }
    if (!bar)
        return;
    if (replace)
        bar->showReplace();
    else
        bar->showFind();
}

void MainWindow::compareDraftWithActive()
{
    const auto branch = m_agent->branch();
    if (!branch)
        return;
    const auto base = m_agent->baseVersion();
    m_compare->configs(base ? tr("%1 v%2 (active)").arg(branch->name).arg(*base) : tr("%1 (nothing deployed)").arg(branch->name),
                   base ? m_agent->baseConfig() : core::AgentConfig{QString(), QStringLiteral("[]")},
                   tr("%1 (your edit)").arg(branch->name), m_agent->config());
}

void MainWindow::notify(const QString &text)
{
    statusBar()->showMessage(text, kStatusMessageMs);
    m_banner->showMessage(text, NotificationBanner::Kind::Success);
}

void MainWindow::fail(const QString &text)
{
    statusBar()->showMessage(text, kStatusMessageMs);
    m_banner->showMessage(text, NotificationBanner::Kind::Error);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Retell Agent Admin"),
                       tr("<h3>Retell Agent Admin</h3><p>Edit, validate, deploy and roll back the "
                          "Retell AI voice agents of your branches.</p><p>Qt %1</p>")
                           .arg(QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_agent->saveDraft();
    saveLayout();
    event->accept();
}

} // namespace retell::ui
