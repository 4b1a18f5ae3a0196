#pragma once

#include "domain/Types.h"
#include "offline/Outbox.h"

#include <QObject>

class QDockWidget;
class QMainWindow;

namespace retell::ui {

class ActionRegistry;
class BranchTreePanel;
class EditMerge;
class HistoryFacade;
class HistoryPanel;
class OfflineController;
class OfflineStatusBar;
class OutboxPanel;
class Session;
class Settings;

// The offline pieces of the main window (issue 12 §6), wired to each other
// and to the panels they mark: the status indicator, the outbox dock, the
// Work Offline and Sync Now actions, pending rows in the history, markers in
// the branch tree and the merge of a conflicting queued edit. Without a
// replica (a local SQLite database) they stay hidden and disabled.
class OfflineUi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineUi)

public:
    struct Parts
    {
        QMainWindow *window;
        Session *session;
        HistoryFacade *history;
        ActionRegistry *actions;
        BranchTreePanel *tree;
        HistoryPanel *historyPanel;
        QDockWidget *historyDock;
        Settings *settings;
    };

    explicit OfflineUi(const Parts &parts);
    ~OfflineUi() override;

    // Null without a replica.
    OfflineController *controller() const { return m_controller; }
    OfflineStatusBar *statusWidget() const { return m_status; }
    OutboxPanel *outboxPanel() const { return m_outbox; }
    QDockWidget *outboxDock() const { return m_dock; }
    EditMerge *merge() const { return m_merge; }
    // Reads the outbox and syncs (online).
    void start();
    // The branches as listed: names in the outbox.
    void setBranches(const QList<core::Branch> &branches);
    void showOutbox();
    // Something was queued: the outbox, history rows and markers follow.
    void refresh();

signals:
    // The session moved between server and replica, or a sync brought
    // changes: what the panels show is to be read again.
    void reloadRequested();
    void message(const QString &text);
    void failed(const QString &text);

private:
    void onOperations(const QList<core::QueuedOperation> &operations);
    void openMerge(const core::QueuedOperation &operation);
    void updateActions();

    Parts m_parts;
    OfflineController *m_controller = nullptr;
    OfflineStatusBar *m_status = nullptr;
    OutboxPanel *m_outbox = nullptr;
    QDockWidget *m_dock = nullptr;
    EditMerge *m_merge = nullptr;
    QString m_mergingId; // the queued operation the merge window is for
    QHash<QString, QString> m_branchNames;
};

} // namespace retell::ui
