#include "app/FleetUi.h"
#include "services/DisplayText.h"

#include "access/GrantsDialog.h"
#include "app/ActionRegistry.h"
#include "app/CompareLauncher.h"
#include "app/OfflineUi.h"
#include "audit/AuditWindow.h"
#include "diff/DiffWindow.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetWindow.h"
#include "offline/OfflineController.h"
#include "panels/BranchTreePanel.h"
#include "rollout/RolloutDialog.h"
#include "services/AccessFacade.h"
#include "services/AuditFacade.h"
#include "services/BranchesFacade.h"
#include "services/FleetFacade.h"
#include "services/HistoryFacade.h"
#include "services/RolloutFacade.h"
#include "services/Session.h"
#include "services/TemplatesFacade.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>

namespace retell::ui {

struct FleetUi::Facades
{
    explicit Facades(Session *session)
        : fleet(session), rollout(session), audit(session), access(session)
    {
    }

    FleetFacade fleet;
    RolloutFacade rollout;
    AuditFacade audit;
    AccessFacade access;
};

FleetUi::FleetUi(const Parts &parts)
    : QObject(parts.window), m_parts(parts), m_facades(std::make_unique<Facades>(parts.session))
{
    using Id = ActionId;
    const ActionRegistry &a = *parts.actions;
    QMenu *menu = parts.window->menuBar()->addMenu(tr("Ad&min"));
    m_menu = menu;
    menu->addAction(a[Id::ShowFleet]);
    menu->addAction(a[Id::RollOut]);
    menu->addAction(a[Id::ShowAudit]);
    menu->addSeparator();
    menu->addAction(a[Id::ManageAccess]);
    connect(a[Id::ShowFleet], &QAction::triggered, this, &FleetUi::showFleet);
    connect(a[Id::RollOut], &QAction::triggered, this, [this] { showRollout(); });
    connect(a[Id::ShowAudit], &QAction::triggered, this, &FleetUi::showAudit);
    connect(a[Id::ManageAccess], &QAction::triggered, this, &FleetUi::showGrants);
    if (OfflineController *offline = parts.offline->controller())
        connect(offline, &OfflineController::modeChanged, this, &FleetUi::updateActions);
    updateActions();
}

FleetUi::~FleetUi()
{
    // The windows call services through the facades that go with this.
    delete m_grants.data();
    delete m_audit.data();
    delete m_rollout.data();
    delete m_fleet.data();
}

FleetWindow *FleetUi::fleetWindow() const
{
    return m_fleet;
}

RolloutDialog *FleetUi::rolloutDialog() const
{
    return m_rollout;
}

AuditWindow *FleetUi::auditWindow() const
{
    return m_audit;
}

GrantsDialog *FleetUi::grantsDialog() const
{
    return m_grants;
}

template <typename W> void FleetUi::raise(W *window)
{
    window->show();
    window->raise();
    window->activateWindow();
}

void FleetUi::updateActions()
{
    // Rollouts and grants write to the server; offline they would land in
    // the local copy only.
    const bool online = !m_parts.session->isOffline();
    const QString offlineTip = tr("Needs the server: not while working offline.");
    for (ActionId id : {ActionId::RollOut, ActionId::ManageAccess}) {
        QAction *action = (*m_parts.actions)[id];
        action->setEnabled(online);
        action->setStatusTip(online ? QString() : offlineTip);
    }
}

void FleetUi::setRetellMarks(const QHash<QString, RetellMark> &marks)
{
    m_retellMarks = marks;
    if (m_fleet)
        m_fleet->model()->setRetellMarks(marks);
}

void FleetUi::refreshMarkers()
{
    if (!m_fleet)
        return;
    m_fleet->model()->setRetellMarks(m_retellMarks);
    QSet<QString> drafts;
    QHash<QString, int> queued;
    for (const core::Branch &b : m_parts.tree->branches()) {
        if (m_parts.tree->hasDraft(b.id))
            drafts.insert(b.id);
        if (const int n = m_parts.tree->queuedCount(b.id); n > 0)
            queued.insert(b.id, n);
    }
    m_fleet->model()->setDraftBranches(drafts);
    m_fleet->model()->setQueuedCounts(queued);
}

void FleetUi::showFleet()
{
    if (m_fleet) {
        raise(m_fleet.data());
        return;
    }
    m_fleet = new FleetWindow(&m_facades->fleet, m_parts.window);
    connect(m_fleet, &FleetWindow::compareRequested, m_parts.compare, &CompareLauncher::configs);
    connect(m_fleet, &FleetWindow::rolloutRequested, this, &FleetUi::showRollout);
    connect(m_fleet, &FleetWindow::loaded, this, &FleetUi::refreshMarkers);
    m_parts.templates->list(m_fleet, [this](core::Result<QList<core::Template>> templates) {
        if (!templates)
            return; // the fleet still works with each branch's own template
        QStringList names;
        for (const core::Template &t : templates.value())
            names << t.name;
        m_fleet->setTemplateNames(names);
    });
    m_fleet->reload();
    raise(m_fleet.data());
}

void FleetUi::showRollout(const QList<core::Branch> &preselected)
{
    QStringList checked;
    for (const core::Branch &b : preselected)
        checked << b.id;
    if (m_rollout && !m_rollout->rollout() && !m_rollout->isBusy()) {
        if (!checked.isEmpty())
            m_rollout->checkBranches(checked);
        raise(m_rollout.data());
        return;
    }
    // A finished rollout keeps its dialog (its undo, its conflicts); the
    // next one gets a new dialog.
    m_rollout = new RolloutDialog(&m_facades->rollout, m_parts.history, m_parts.window);
    m_rollout->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_rollout, &RolloutDialog::versionsWritten, this, [this] {
        emit versionsWritten();
        if (m_fleet)
            m_fleet->reload();
    });
    RolloutDialog *dialog = m_rollout;
    m_parts.branches->branches(dialog, [dialog, checked](core::Result<QList<core::Branch>> all) {
        if (all)
            dialog->setCandidates(all.value(), checked);
    });
    m_parts.templates->list(dialog, [dialog](core::Result<QList<core::Template>> templates) {
        if (templates)
            dialog->setTemplates(templates.value());
    });
    raise(dialog);
}

void FleetUi::showAudit()
{
    if (m_audit) {
        raise(m_audit.data());
        return;
    }
    m_audit = new AuditWindow(&m_facades->audit, m_parts.window);
    connect(m_audit, &AuditWindow::diffRequested, this, &FleetUi::openVersionDiff);
    AuditWindow *window = m_audit;
    m_parts.branches->branches(window, [window](core::Result<QList<core::Branch>> all) {
        if (all)
            window->setBranches(all.value());
    });
    window->reload();
    raise(window);
}

void FleetUi::openVersionDiff(const QString &branchId, const QString &branchName, int version)
{
    if (version <= 1) {
        m_parts.history->version(
            this, branchId, version, [this, branchName](core::Result<core::PromptVersion> first) {
                if (!first) {
                    emit failed(errorText(first.error()));
                    return;
                }
                m_parts.compare->configs(tr("%1 (nothing before)").arg(branchName),
                                         core::AgentConfig{QString(), QStringLiteral("[]")},
                                         DiffWindow::versionTitle(first.value()), first->config);
            });
        return;
    }
    m_parts.history->versions(this, branchId, version - 1, version,
                              [this](core::Result<HistoryFacade::VersionPair> pair) {
                                  if (!pair) {
                                      emit failed(errorText(pair.error()));
                                      return;
                                  }
                                  m_parts.compare->versions(pair->first, pair->second);
                              });
}

void FleetUi::showGrants()
{
    if (!m_grants) {
        m_grants = new GrantsDialog(&m_facades->access, m_parts.branches, m_parts.window);
        m_grants->setAttribute(Qt::WA_DeleteOnClose);
        m_grants->reload();
    }
    raise(m_grants.data());
}

} // namespace retell::ui
