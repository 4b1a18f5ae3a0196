#pragma once

#include "domain/Types.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace retell::ui {

class AgentEditor;

// Save as Template, Rename Template and Edit Template in one dialog: a name,
// a multi-line description and, when editing, the prompt and tools in the
// live-validating agent editor. The dialog stays open while the owner saves
// (submitted → setBusy → accept or showError), so a refused save keeps the
// edit.
class TemplateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplateDialog)

public:
    enum class Mode
    {
        Save,
        Rename,
        Edit
    };

    TemplateDialog(Mode mode, const core::Template &initial, QWidget *parent = nullptr);
    ~TemplateDialog() override;

    Mode mode() const { return m_mode; }
    // Global admins may share a new template with every company.
    void offerSharing(bool offered);

    QString name() const;
    QString description() const;
    core::AgentConfig config() const;
    bool sharedWithEveryCompany() const;

    void setBusy(bool busy);
    // One plain sentence under the fields; the dialog stays open.
    void showError(const QString &message);

    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    AgentEditor *editor() const { return m_editor; }
    QPushButton *saveButton() const;
    QString errorText() const;

signals:
    void submitted();

private:
    void updateSaveButton();

    Mode m_mode;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QCheckBox *m_share = nullptr;
    AgentEditor *m_editor = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
};

} // namespace retell::ui
