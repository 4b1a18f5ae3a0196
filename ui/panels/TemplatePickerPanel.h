#pragma once

#include "domain/Types.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace retell::ui {

class Session;

// The templates with description, tools and a prompt preview; "Apply to
// branch" hands one to the editor as a draft, "Save as template…" stores the
// current content as a new template.
class TemplatePickerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatePickerPanel)

public:
    explicit TemplatePickerPanel(Session *session, QWidget *parent = nullptr);
    ~TemplatePickerPanel() override;

    void reload();
    QList<core::Template> templates() const { return m_templates; }
    bool selectTemplate(const QString &name);
    std::optional<core::Template> currentTemplate() const;

    void setApplyEnabled(bool enabled);
    // Saves content as a template off the GUI thread; reloads the list on success.
    void saveAsTemplate(const core::AgentConfig &content, const QString &name,
                        const QString &description);

signals:
    void applyRequested(const core::Template &tmpl);
    // Compare the template with the branch's current content.
    void compareRequested(const core::Template &tmpl);
    // The user asked to save the current content; the owner answers with saveAsTemplate().
    void saveAsTemplateRequested();
    void templateSaved(const QString &name);
    void failed(const QString &message);
    void loaded();

public slots:
    // Asks for a name and a description, then saves content as a template.
    void promptSaveAsTemplate(const core::AgentConfig &content);

private:
    void showCurrent();

    Session *m_session;
    QListWidget *m_list = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_tools = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_save = nullptr;
    QList<core::Template> m_templates;
    bool m_applyEnabled = false;
};

} // namespace retell::ui
