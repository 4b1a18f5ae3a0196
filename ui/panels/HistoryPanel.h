#pragma once

#include "domain/Types.h"
#include "versions/VersionService.h"

#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace retell::ui {

class DeployFacade;
class HistoryFacade;
class HistoryModel;

// A branch's versions in a lazily fetched, sortable table, with open
// read-only, roll back (one confirmation, with an optional reason) and compare.
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    HistoryPanel(HistoryFacade *history, DeployFacade *deploy, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    void setBranch(const core::Branch &branch);
    void refresh();
    HistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // Selected versions, newest first.
    QList<int> selectedVersions() const;
    bool selectVersion(int version);

    QAction *openAction() const { return m_open; }
    QAction *rollbackAction() const { return m_rollback; }
    // Two selected: those; one: with the active version, or the active one with its previous.
    QAction *compareAction() const { return m_compare; }
    QAction *compareSelectedAction() const { return m_compareSelected; }
    QAction *compareActiveAction() const { return m_compareActive; }
    QAction *comparePreviousAction() const { return m_comparePrevious; }
    void setCompareAvailable(bool available);
    // Tests answer the confirmation themselves (no reason); otherwise a dialog
    // asks, with a field for the reason recorded in the notes.
    void setConfirmation(std::function<bool(const QString &question)> confirm)
    {
        m_confirm = std::move(confirm);
    }

public slots:
    void openSelected();
    void rollbackToSelected();
    void rollbackTo(int version);

signals:
    void rolledBack(const core::Branch &branch, const core::DeployOutcome &outcome);
    // Offline: the rollback waits in the outbox for the server.
    void queued(const core::Branch &branch);
    void compareReady(const core::PromptVersion &older, const core::PromptVersion &newer);
    // "Use as Draft" in the version viewer.
    void useAsDraftRequested(const core::PromptVersion &version);
    void message(const QString &text);
    void failed(const QString &message);

private:
    void updateActions();
    void compare(int versionA, int versionB);
    void showContextMenu(const QPoint &pos);
    void updateCaption();

    HistoryFacade *m_history;
    DeployFacade *m_deploy;
    std::optional<core::Branch> m_branch;
    HistoryModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_caption = nullptr;
    QAction *m_open = nullptr;
    QAction *m_rollback = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_compareSelected = nullptr;
    QAction *m_compareActive = nullptr;
    QAction *m_comparePrevious = nullptr;
    QToolButton *m_compareButton = nullptr;
    std::function<bool(const QString &)> m_confirm;
    bool m_compareAvailable = false;
    bool m_busy = false;
};

} // namespace retell::ui
