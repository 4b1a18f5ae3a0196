#pragma once

#include "rollout/Rollout.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

#include <optional>
#include <stop_token>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace retell::ui {

class DiffView;
class HistoryFacade;
class MergeWindow;
class RolloutChangePicker;
class RolloutFacade;

// One change rolled out to many branches (issue 13 §3-5): choose the change
// and the branches, preview per branch (outcome, conflicts, findings, and
// the diff of each proposed result), apply to the chosen ones with progress
// and cancel, resolve the conflicts one branch at a time in the merge
// window, read the summary, and undo the rollout (asking first).
class RolloutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolloutDialog)

public:
    enum Column
    {
        BranchColumn,
        OutcomeColumn,
        DetailColumn,
        ColumnCount
    };

    RolloutDialog(RolloutFacade *rollouts, HistoryFacade *history, QWidget *parent = nullptr);
    ~RolloutDialog() override;

    // The branches that may receive the change; `checked` start chosen.
    void setCandidates(const QList<core::Branch> &branches, const QStringList &checked);
    void setTemplates(const QList<core::Template> &templates);
    bool checkBranches(const QStringList &branchIds);
    bool selectBranch(const QString &branchId);

    void startPreview();
    void startApply();
    void resolveSelected();
    void confirmUndo();
    void cancelRunning();

    bool isBusy() const { return m_busy; }
    const std::optional<core::RolloutPreview> &preview() const { return m_preview; }
    const std::optional<core::Rollout> &rollout() const { return m_rollout; }

    RolloutChangePicker *changePicker() const { return m_change; }
    QTreeWidget *branchList() const { return m_branches; }
    DiffView *diffView() const { return m_diff; }
    QLineEdit *notesEdit() const { return m_notes; }
    QPushButton *previewButton() const { return m_previewButton; }
    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *resolveButton() const { return m_resolveButton; }
    QPushButton *undoButton() const { return m_undoButton; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *errorLabel() const { return m_error; }
    MergeWindow *mergeWindow() const;
    QMessageBox *openConfirmation() const { return m_confirmation; }

signals:
    // A rollout, a resolution or an undo wrote versions.
    void versionsWritten();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onPreview(const core::RolloutPreview &preview);
    void onRollout(const core::Rollout &rollout);
    void onResolved(const core::RolloutBranch &branch);
    void showCurrentDiff();
    void updateButtons();
    void setBusy(bool busy, const QString &label = {});
    void showError(const QString &sentence);
    void clearPreview();
    QTreeWidgetItem *itemOf(const QString &branchId) const;
    QStringList checkedIds() const;
    const core::RolloutPreviewItem *previewItem(const QString &branchId) const;
    const core::RolloutBranch *rolloutBranch(const QString &branchId) const;
    QString currentBranchId() const;
    void openMerge(const core::RolloutPreviewItem &item);

    RolloutFacade *m_rollouts;
    RolloutChangePicker *m_change;
    QTreeWidget *m_branches;
    DiffView *m_diff;
    QLineEdit *m_notes;
    QPushButton *m_previewButton;
    QPushButton *m_applyButton;
    QPushButton *m_cancelButton;
    QPushButton *m_resolveButton;
    QPushButton *m_undoButton;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QLabel *m_error;
    QPointer<MergeWindow> m_merge;
    QString m_mergeBranch;
    QPointer<QMessageBox> m_confirmation;
    std::optional<core::RolloutPreview> m_preview;
    std::optional<core::Rollout> m_rollout;
    std::stop_source m_stop;
    bool m_busy = false;
};

} // namespace retell::ui
