#pragma once

#include "domain/Types.h"
#include "panels/RetellMark.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class QMainWindow;
class QMenu;

namespace retell::ui {

class ActionRegistry;
class AuditWindow;
class BranchTreePanel;
class BranchesFacade;
class CompareLauncher;
class FleetWindow;
class GrantsDialog;
class HistoryFacade;
class OfflineUi;
class RolloutDialog;
class Session;
class TemplatesFacade;

// The company admin's windows (issue 13), wired to the main window: the
// fleet of all branches, the rollout of one change to many branches, the
// audit log and the grants dialog, each opened from the Admin menu (and the
// fleet's own buttons), with the facades they call services through.
// Writing (rollout, grants) needs the server: offline those actions wait.
class FleetUi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetUi)

public:
    struct Parts
    {
        QMainWindow *window;
        Session *session;
        ActionRegistry *actions;
        CompareLauncher *compare;
        HistoryFacade *history;
        TemplatesFacade *templates;
        BranchesFacade *branches;
        BranchTreePanel *tree; // the draft and queued markers
        OfflineUi *offline;
    };

    explicit FleetUi(const Parts &parts);
    ~FleetUi() override;

    // The open windows (null when closed).
    FleetWindow *fleetWindow() const;
    RolloutDialog *rolloutDialog() const;
    AuditWindow *auditWindow() const;
    GrantsDialog *grantsDialog() const;

    // The Admin menu (Retell's key joins it).
    QMenu *adminMenu() const { return m_menu; }
    // The fleet's Retell column per branch (issue 15), kept for when it opens.
    void setRetellMarks(const QHash<QString, RetellMark> &marks);

    void showFleet();
    // preselected: the branches to roll out to (all candidates stay listed).
    void showRollout(const QList<core::Branch> &preselected = {});
    void showAudit();
    void showGrants();

signals:
    // A rollout or its undo wrote versions: what the main window shows is stale.
    void versionsWritten();
    void message(const QString &text);
    void failed(const QString &text);

private:
    void updateActions();
    void refreshMarkers();
    // The version of the branch against the one before it (v1: against nothing).
    void openVersionDiff(const QString &branchId, const QString &branchName, int version);
    template <typename W> static void raise(W *window);

    struct Facades;
    Parts m_parts;
    std::unique_ptr<Facades> m_facades;
    QMenu *m_menu = nullptr; // owned by the menu bar
    QHash<QString, RetellMark> m_retellMarks;
    QPointer<FleetWindow> m_fleet;
    QPointer<RolloutDialog> m_rollout;
    QPointer<AuditWindow> m_audit;
    QPointer<GrantsDialog> m_grants;
};

} // namespace retell::ui
