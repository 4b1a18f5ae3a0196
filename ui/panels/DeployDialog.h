#pragma once

#include "validation/Validator.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace retell::ui {

// Notes (required) and the validator's findings before a deploy. Errors
// block it with the reason visible; warnings are shown but do not block.
// The dialog does not deploy: it emits deployRequested and shows the outcome.
class DeployDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployDialog)

public:
    DeployDialog(const QString &branchTitle, const core::ValidationResult &validation,
                 const QString &templateName, QWidget *parent = nullptr);
    ~DeployDialog() override;

    QString notes() const;
    void setNotes(const QString &notes);
    bool isBlocked() const { return m_validation.hasErrors(); }
    QPushButton *deployButton() const { return m_deploy; }

    void setBusy(bool busy);
    // Shows why the deploy failed; the dialog stays open with the notes kept.
    void showError(const QString &message);
    QString errorText() const;
    // After a deploy refused as a conflict: "Merge with vN" (mergeRequested).
    void offerMerge(int version);
    QPushButton *mergeButton() const { return m_merge; }

signals:
    void deployRequested(const QString &notes);
    void mergeRequested();

private:
    void updateState();
    void sizeToContent();

    core::ValidationResult m_validation;
    QPlainTextEdit *m_notes = nullptr;
    QListWidget *m_findings = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_deploy = nullptr;
    QPushButton *m_merge = nullptr;
    bool m_busy = false;
};

} // namespace retell::ui
