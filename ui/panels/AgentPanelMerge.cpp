#include "panels/AgentPanelMerge.h"

#include "diff/DiffWindow.h"
#include "merge/MergeWindow.h"
#include "services/DisplayText.h"
#include "services/HistoryFacade.h"
#include "versions/BranchService.h"

namespace retell::ui {

EditMerge::EditMerge(HistoryFacade *history, QWidget *anchor)
    : QObject(anchor), m_history(history), m_anchor(anchor)
{
}

EditMerge::~EditMerge()
{
    abandon();
}

void EditMerge::loadBase(const core::VersionConflict &conflict,
                         std::function<void(const core::PromptVersion &base)> done)
{
    m_history->conflictBase(this, conflict,
                            [this, done = std::move(done)](core::Result<core::PromptVersion> base) {
                                if (!base) {
                                    emit failed(errorText(base.error()));
                                    return;
                                }
                                done(base.value());
                            });
}

void EditMerge::open(const core::VersionConflict &conflict, const core::AgentConfig &ours,
                     const QString &branchName)
{
    if (m_window && m_theirsVersion == conflict.current.version) {
        m_window->raise();
        m_window->activateWindow();
        return;
    }
    abandon(); // a merge against an older active version no longer helps
    loadBase(conflict, [this, conflict, ours, branchName](const core::PromptVersion &base) {
        show(base, conflict, ours, branchName);
    });
}

void EditMerge::show(const core::PromptVersion &base, const core::VersionConflict &conflict,
                     const core::AgentConfig &ours, const QString &branchName)
{
    abandon();
    auto *window = new MergeWindow(m_anchor->window());
    window->setObjectName(QStringLiteral("editMergeWindow"));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setValidationContext(core::BranchService::validationContext());
    const core::PromptVersion theirs = conflict.current;
    const bool ok = window->setInputs(
        DiffWindow::sideFromConfig(tr("v%1 (base)").arg(base.version), base.config),
        DiffWindow::sideFromConfig(tr("your edit"), ours),
        DiffWindow::sideFromConfig(DiffWindow::versionTitle(theirs), theirs.config));
    if (!ok) {
        emit failed(window->errorString());
        delete window;
        return;
    }
    window->setWindowTitle(tr("%1 — merge your edit (on v%2) with v%3")
                               .arg(branchName)
                               .arg(base.version)
                               .arg(theirs.version));
    m_window = window;
    m_theirsVersion = theirs.version;
    connect(window, &MergeWindow::deployRequested, this,
            [this, window, theirs](const core::AgentConfig &result) {
                m_window = nullptr; // handed over: closing it now is no cancel
                window->close();
                emit merged(theirs, result);
            });
    connect(window, &MergeWindow::closedWithoutDeploy, this, [this, window] {
        if (m_window == window) {
            m_window = nullptr;
            emit closedWithoutMerge();
        }
    });
    window->show();
    window->raise();
    window->activateWindow();
}

void EditMerge::abandon()
{
    if (!m_window)
        return;
    MergeWindow *window = std::exchange(m_window, nullptr);
    window->close();
}

} // namespace retell::ui
