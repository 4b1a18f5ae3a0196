#pragma once

#include "domain/Types.h"
#include "publish/Publishing.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>
#include <stop_token>

class QInputDialog;
class QMainWindow;
class QMessageBox;

namespace retell::ui {

class ActionRegistry;
class AgentPanel;
class BranchTreePanel;
class CompareLauncher;
class FleetUi;
class HistoryPanel;
class LinkDialog;
class LiveBadge;
class OfflineUi;
class PasswordStore;
class PublishFacade;
class RetellKeyDialog;
class RetellKeyStore;
class ServiceWorker;
class Session;
class Settings;
struct LiveView;

// Publishing to Retell in the main window (issue 15), wired to the panels it
// marks: the live badge under the branch header (Publish Now, Show Diff,
// Import…, Overwrite…), the history's Retell column, the tree's drift marker,
// the fleet's Retell column, Agent › Link to Retell Agent… and Admin › Retell
// API Key…. A deploy or rollback of a linked branch is published right after
// it, on a thread of its own; due publications are retried every minute;
// a failure is told in one sentence in the banner. Offline it all waits.
class RetellUi final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetellUi)

public:
    struct Parts
    {
        QMainWindow *window;
        Session *session;
        Settings *settings;
        ActionRegistry *actions;
        AgentPanel *agent;
        HistoryPanel *history;
        BranchTreePanel *tree;
        CompareLauncher *compare;
        FleetUi *fleet;
        OfflineUi *offline;
    };

    explicit RetellUi(const Parts &parts);
    ~RetellUi() override;

    LiveBadge *badge() const { return m_badge; }
    RetellKeyStore *keys() const { return m_keys; }
    // The open dialogs (null when closed).
    LinkDialog *linkDialog() const;
    RetellKeyDialog *keyDialog() const;
    QMessageBox *overwriteConfirmation() const;
    QInputDialog *importDialog() const;
    // The current branch's state as last read (none: not read yet).
    const std::optional<core::LiveStatus> &liveStatus() const { return m_status; }
    bool isLinked(const QString &branchId) const { return m_links.contains(branchId); }
    // Work on Retell's thread still running (publish, check, import).
    bool isBusy() const;
    // How often due publications are retried (default one minute); every
    // fifth retry also checks every linked branch against Retell.
    void setRetryInterval(int ms) { m_retry.setInterval(ms); }

    // Reads the links and the keys; then checks every linked branch.
    void start();
    // The branches as listed: their companies' keys, the tree and fleet marks.
    void setBranches(const QList<core::Branch> &branches);

public slots:
    void showLinkDialog();
    void showKeyDialog();
    // The background retry, now.
    void publishDue();
    // Every linked branch against Retell: tree and fleet marks.
    void checkAll();

signals:
    // An import wrote a version: what the window shows is stale.
    void versionsWritten();
    void message(const QString &text);
    void failed(const QString &text);

private:
    void onBranchLoaded(const core::Branch &branch);
    void onVersionWritten(const core::Branch &branch, int version);
    void refreshCurrent();
    void loadPublications(const QString &branchId);
    void showView(const LiveView &view);
    void showStatus(const core::LiveStatus &status);
    // What a publish of branch answered goes to published(), a failure to the banner.
    std::function<void(core::Result<core::Publication>)> afterPublish(const core::Branch &branch);
    void published(const core::Branch &branch, const core::Publication &publication);
    void publishNow();
    void showLiveDiff();
    void askImport();
    void askOverwrite();
    void loadLinks();
    void loadKeys();
    void setMarks(const QString &branchId, const core::LiveStatus &status);
    void applyMarks();
    void updateActions();
    bool canAct() const;
    bool isOnline() const;
    // Retell clients with each company's key (the global one for the rest).
    core::RetellApiFactory factory(const QString &companyIdForNewLink = {}) const;

    Parts m_parts;
    PasswordStore *m_passwords = nullptr;
    RetellKeyStore *m_keys = nullptr;
    // Stopped when this goes: a request to Retell in flight is aborted, and
    // closing the window does not wait for Retell's time-out.
    std::stop_source m_stopRequests;
    ServiceWorker *m_retellThread = nullptr;
    std::unique_ptr<PublishFacade> m_publish;
    LiveBadge *m_badge = nullptr;
    QPointer<LinkDialog> m_linkDialog;
    QPointer<RetellKeyDialog> m_keyDialog;
    QPointer<QMessageBox> m_overwriteBox;
    QPointer<QInputDialog> m_importDialog;
    QTimer m_retry;
    int m_retryTicks = 0;
    QHash<QString, core::RetellLink> m_links;    // by branch id
    QHash<QString, core::Branch> m_branches;     // by id, as listed
    QHash<QString, core::LiveStatus> m_statuses; // last drift check per linked branch
    QHash<qint64, QString> m_told;               // publication -> error code told in the banner
    std::optional<core::Branch> m_current;
    std::optional<core::LiveStatus> m_status;
    QString m_badgeBranch; // the branch the badge speaks of
    bool m_linksLoaded = false;
    bool m_keysAsked = false;  // the keychain was asked for each company's key
    bool m_keysRead = false;   // and answered
    bool m_publishing = false; // a background retry runs
    bool m_checking = false;   // a check of every branch runs
};

} // namespace retell::ui
