#pragma once

#include "domain/Types.h"

#include <QDialog>

class QPushButton;

namespace retell::ui {

class AgentEditor;

// One deployed version in a read-only AgentEditor, with who, when and why;
// "Use as Draft" starts an edit from it (for those who may edit).
class VersionViewer final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionViewer)

public:
    VersionViewer(const QString &branchName, const core::PromptVersion &version,
                  QWidget *parent = nullptr);
    ~VersionViewer() override;

    AgentEditor *editor() const { return m_editor; }
    QPushButton *useAsDraftButton() const { return m_useAsDraft; }
    void setCanUseAsDraft(bool can);

signals:
    void useAsDraftRequested(const core::PromptVersion &version);

private:
    core::PromptVersion m_version;
    AgentEditor *m_editor = nullptr;
    QPushButton *m_useAsDraft = nullptr;
};

} // namespace retell::ui
