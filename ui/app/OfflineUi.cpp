#include "app/OfflineUi.h"

#include "app/ActionRegistry.h"
#include "app/Settings.h"
#include "offline/OfflineController.h"
#include "offline/OfflineStatusBar.h"
#include "offline/OutboxPanel.h"
#include "panels/AgentPanelMerge.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "services/DisplayText.h"
#include "services/HistoryFacade.h"
#include "services/Session.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QStatusBar>
#include <QTableView>

namespace retell::ui {

OfflineUi::OfflineUi(const Parts &parts)
    : QObject(parts.window), m_parts(parts), m_status(new OfflineStatusBar(parts.window)),
      m_outbox(new OutboxPanel(parts.window)), m_dock(new QDockWidget(tr("Outbox"), parts.window)),
      m_merge(new EditMerge(parts.history, parts.window))
{
    using Id = ActionId;
    const ActionRegistry &a = *parts.actions;
    m_dock->setObjectName(QStringLiteral("outboxDock"));
    m_dock->setWidget(m_outbox);
    m_dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                        QDockWidget::DockWidgetClosable);
    parts.window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    parts.window->tabifyDockWidget(parts.historyDock, m_dock);
    parts.historyDock->raise();
    parts.actions->adopt(Id::ShowOutbox, m_dock->toggleViewAction());
    parts.window->statusBar()->addPermanentWidget(m_status);
    a[Id::WorkOffline]->setCheckable(true);

    if (!parts.session->hasReplica()) {
        // A local database has nothing to be offline from.
        m_status->hide();
        m_dock->hide();
        for (Id id : {Id::WorkOffline, Id::SyncNow, Id::ShowOutbox})
            a[id]->setEnabled(false);
        return;
    }
    m_controller = new OfflineController(parts.session, this);
    connect(m_controller, &OfflineController::statusChanged, m_status,
            &OfflineStatusBar::setStatus);
    connect(m_controller, &OfflineController::statusChanged, this, &OfflineUi::updateActions);
    connect(m_controller, &OfflineController::progressChanged, m_status,
            &OfflineStatusBar::setProgress);
    connect(m_controller, &OfflineController::operationsChanged, this, &OfflineUi::onOperations);
    connect(m_controller, &OfflineController::modeChanged, this, &OfflineUi::reloadRequested);
    connect(m_controller, &OfflineController::synced, this, &OfflineUi::reloadRequested);
    connect(m_controller, &OfflineController::message, this, &OfflineUi::message);
    connect(m_controller, &OfflineController::failed, this, &OfflineUi::failed);
    connect(m_status, &OfflineStatusBar::outboxRequested, this, &OfflineUi::showOutbox);
    connect(m_status, &OfflineStatusBar::cancelRequested, m_controller,
            &OfflineController::cancelSync);
    connect(a[Id::WorkOffline], &QAction::triggered, m_controller,
            &OfflineController::setWorkOffline);
    connect(a[Id::SyncNow], &QAction::triggered, m_controller, &OfflineController::sync);
    connect(m_outbox, &OutboxPanel::syncRequested, m_controller, &OfflineController::sync);
    connect(m_outbox, &OutboxPanel::retryRequested, m_controller, &OfflineController::retry);
    connect(m_outbox, &OutboxPanel::dropRequested, m_controller, &OfflineController::drop);
    connect(m_outbox, &OutboxPanel::restoreRequested, m_controller, &OfflineController::restore);
    connect(m_outbox, &OutboxPanel::mergeRequested, this, &OfflineUi::openMerge);
    connect(m_merge, &EditMerge::merged, this,
            [this](const core::PromptVersion &theirs, const core::AgentConfig &result) {
                if (const QString id = std::exchange(m_mergingId, QString()); !id.isEmpty())
                    m_controller->resolve(id, result, theirs.version);
            });
    connect(m_merge, &EditMerge::closedWithoutMerge, this, [this] { m_mergingId.clear(); });
    connect(m_merge, &EditMerge::failed, this, &OfflineUi::failed);
    const QString key = parts.session->databaseKey();
    m_controller->setLastSync(parts.settings->lastSync(key));
    connect(m_controller, &OfflineController::lastSyncChanged, this,
            [settings = parts.settings, key](const QDateTime &utc) {
                settings->setLastSync(key, utc);
            });
    m_status->setStatus(m_controller->status());
    updateActions();
}

OfflineUi::~OfflineUi() = default;

void OfflineUi::start()
{
    if (m_controller)
        m_controller->start();
}

void OfflineUi::setBranches(const QList<core::Branch> &branches)
{
    m_branchNames.clear();
    for (const core::Branch &b : branches)
        m_branchNames.insert(b.id, b.name);
    m_outbox->setBranchNames(m_branchNames);
}

void OfflineUi::refresh()
{
    if (m_controller)
        m_controller->refreshOutbox();
}

void OfflineUi::showOutbox()
{
    m_dock->show();
    m_dock->raise();
    m_outbox->view()->setFocus();
}

void OfflineUi::onOperations(const QList<core::QueuedOperation> &operations)
{
    m_outbox->setOperations(operations);
    m_parts.historyPanel->model()->setPendingOperations(operations);
    QHash<QString, int> counts;
    for (const core::QueuedOperation &op : operations)
        ++counts[op.branchId];
    m_parts.tree->setQueuedCounts(counts);
}

void OfflineUi::openMerge(const core::QueuedOperation &operation)
{
    if (m_mergingId != operation.id)
        m_merge->abandon();
    m_mergingId = operation.id;
    // theirs: the version active on the branch now.
    m_parts.history->active(
        this, operation.branchId, [this, operation](core::Result<core::PromptVersion> active) {
            if (!active) {
                emit failed(errorText(active.error()));
                return;
            }
            core::VersionConflict conflict;
            conflict.branchId = operation.branchId;
            conflict.baseVersion = operation.baseVersion.value_or(0);
            conflict.current = active.value();
            m_merge->open(conflict, operation.config,
                          m_branchNames.value(operation.branchId, operation.branchId));
        });
}

void OfflineUi::updateActions()
{
    const OfflineStatus &s = m_controller->status();
    const ActionRegistry &a = *m_parts.actions;
    a[ActionId::WorkOffline]->setChecked(s.isOffline() && s.chosen);
    a[ActionId::SyncNow]->setEnabled(s.mode == OfflineStatus::Mode::Online);
    m_outbox->setSyncAvailable(s.mode == OfflineStatus::Mode::Online);
}

} // namespace retell::ui
