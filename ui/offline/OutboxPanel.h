#pragma once

#include "offline/Outbox.h"

#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace retell::ui {

class OutboxModel;

// What waits for the shared database: the queued operations, why the last
// attempt failed, and what the admin can do about each: retry, drop (after a
// confirmation, undoable until the next drop) or, for a conflict, open the three-way merge. The
// work itself is the owner's (OfflineController); this panel asks and shows.
class OutboxPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxPanel)

public:
    explicit OutboxPanel(QWidget *parent = nullptr);
    ~OutboxPanel() override;

    OutboxModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *syncButton() const { return m_sync; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *dropButton() const { return m_drop; }
    QPushButton *mergeButton() const { return m_merge; }
    QPushButton *undoDropButton() const { return m_undo; }
    QMessageBox *openConfirmation() const { return m_confirmation; }

    void setOperations(const QList<core::QueuedOperation> &operations);
    void setBranchNames(const QHash<QString, QString> &names);
    // Sync Now is offered while the server can be reached and no sync runs.
    void setSyncAvailable(bool available);
    std::optional<core::QueuedOperation> currentOperation() const;
    bool selectOperation(const QString &id);

signals:
    void syncRequested();
    void retryRequested(const QString &id);
    // Confirmed by the admin.
    void dropRequested(const QString &id);
    void mergeRequested(const core::QueuedOperation &operation);
    // Undo Drop: the operation dropped last, to be put back as it was.
    void restoreRequested(const core::QueuedOperation &operation);

private:
    void updateButtons();
    void updateCaption();
    void confirmDrop();

    OutboxModel *m_model = nullptr;
    QLabel *m_caption = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_sync = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_drop = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_undo = nullptr;
    std::optional<core::QueuedOperation> m_dropped;
    QPointer<QMessageBox> m_confirmation;
    bool m_syncAvailable = false;
};

} // namespace retell::ui
