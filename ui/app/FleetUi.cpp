#include "app/FleetUi.h"

#include "app/ActionRegistry.h"
#include "app/CompareLauncher.h"
#include "app/OfflineUi.h"
#include "offline/OfflineController.h"
#include "rollout/RolloutDialog.h"
#include "services/BranchesFacade.h"
#include "services/RolloutFacade.h"
#include "services/Session.h"
#include "services/TemplatesFacade.h"

#include <QAction>
#include <QMainWindow>
#include <QMenuBar>

namespace retell::ui {

struct FleetUi::Facades
{
    explicit Facades(Session *session) : rollout(session) {}

    RolloutFacade rollout;
};

FleetUi::FleetUi(const Parts &parts)
    : QObject(parts.window), m_parts(parts), m_facades(std::make_unique<Facades>(parts.session))
{
    using Id = ActionId;
    const ActionRegistry &a = *parts.actions;
    QMenu *menu = parts.window->menuBar()->addMenu(tr("Ad&min"));
    menu->addAction(a[Id::RollOut]);
    connect(a[Id::RollOut], &QAction::triggered, this, [this] { showRollout(); });
    if (OfflineController *offline = parts.offline->controller())
        connect(offline, &OfflineController::modeChanged, this, &FleetUi::updateActions);
    updateActions();
}

FleetUi::~FleetUi()
{
    // The windows call services through the facades that go with this.
    delete m_rollout.data();
}

RolloutDialog *FleetUi::rolloutDialog() const
{
    return m_rollout;
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
    for (ActionId id : {ActionId::RollOut}) {
        QAction *action = (*m_parts.actions)[id];
        action->setEnabled(online);
        action->setStatusTip(online ? QString() : offlineTip);
    }
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
    connect(m_rollout, &RolloutDialog::versionsWritten, this, [this] { emit versionsWritten(); });
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

} // namespace retell::ui
