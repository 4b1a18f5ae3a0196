#pragma once

#include "domain/Types.h"

#include <QDialog>

namespace retell::ui {

class AgentEditor;

// One deployed version in a read-only AgentEditor, with who, when and why.
class VersionViewer final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionViewer)

public:
    VersionViewer(const QString &branchName, const core::PromptVersion &version,
                  QWidget *parent = nullptr);
    ~VersionViewer() override;

    AgentEditor *editor() const { return m_editor; }

private:
    AgentEditor *m_editor = nullptr;
};

} // namespace retell::ui
