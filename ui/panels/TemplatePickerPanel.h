#pragma once

#include "common/Result.h"
#include "domain/Types.h"

#include <QWidget>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QMessageBox;
class QPlainTextEdit;
class QPushButton;

namespace retell::ui {

class TemplateDialog;
class TemplatesFacade;

// The templates the user may see, with description, tools and a prompt
// preview. "Apply to Branch" hands one to the editor as a draft, "Save as
// Template…" stores the current content as a new template of the branch's
// company; custom templates the user may change can be renamed (F2), edited
// and deleted (Del, after a confirmation; undoable until the next change).
// Built-in and web-app templates are read-only.
class TemplatePickerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatePickerPanel)

public:
    explicit TemplatePickerPanel(TemplatesFacade *templates, QWidget *parent = nullptr);
    ~TemplatePickerPanel() override;

    void reload();
    QList<core::Template> templates() const { return m_templates; }
    bool selectTemplate(const QString &name);
    std::optional<core::Template> currentTemplate() const;

    // The branch the editor shows and whether the user may edit it (and the
    // editor is ready): Apply and Save as Template follow it.
    void setTarget(const std::optional<core::Branch> &branch, bool mayEdit);
    // Saves content as a template off the GUI thread; reloads the list on success.
    void saveAsTemplate(const core::AgentConfig &content, const QString &name,
                        const QString &description, bool sharedWithEveryCompany = false);

    // The open Save/Rename/Edit dialog or delete confirmation, if any.
    TemplateDialog *openDialog() const { return m_dialog; }
    QMessageBox *openConfirmation() const { return m_confirmation; }
    QMenu *contextMenu() const { return m_menu; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    void applyRequested(const core::Template &tmpl);
    // Compare the template with the branch's current content.
    void compareRequested(const core::Template &tmpl);
    // The user asked to save the current content; the owner answers with
    // promptSaveAsTemplate() or saveAsTemplate().
    void saveAsTemplateRequested();
    void templateSaved(const QString &name);
    void templateChanged(const QString &message);
    void failed(const QString &message);
    void loaded();

public slots:
    // Asks for a name and a description, then saves content as a template.
    void promptSaveAsTemplate(const core::AgentConfig &content);
    void renameCurrent();
    void editCurrent();
    // Asks first; the deleted template can be restored with undoDelete().
    void deleteCurrent();
    void undoDelete();

private:
    void showCurrent();
    void updateButtons();
    TemplateDialog *startDialog(int mode, const core::Template &initial);
    void submitChange(const core::Template &original);
    // A save or change answered: the error in the dialog (which keeps what
    // was typed), or the dialog closed and the result selected next; true then.
    bool closeDialogOnSaved(TemplateDialog *dialog, const core::Result<core::Template> &result);
    void remove(const core::Template &tmpl);

    TemplatesFacade *m_service;
    QListWidget *m_list = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_tools = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_undo = nullptr;
    QMenu *m_menu = nullptr;
    QList<std::pair<QAction *, QPushButton *>> m_menuActions; // enabled like their buttons
    TemplateDialog *m_dialog = nullptr;
    QMessageBox *m_confirmation = nullptr;
    QList<core::Template> m_templates;
    std::optional<core::Branch> m_branch;
    std::optional<core::Template> m_deleted;    // for undo
    std::optional<core::Template> m_selectNext; // selected after the next reload
    bool m_mayEdit = false;
};

} // namespace retell::ui
