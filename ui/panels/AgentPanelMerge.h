#pragma once

#include "merge/MergeWindow.h"
#include "versions/VersionService.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace retell::ui {

class HistoryFacade;

// Opens the three-way merge of an edit with what was deployed since its base:
// base = the edit's base version (read on the worker), theirs = the version
// active now, ours = the edit. Nothing is written here: the merged result
// comes back through merged(); closing the window leaves the edit as it was.
class EditMerge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditMerge)

public:
    // The merge window opens over anchor's window.
    EditMerge(HistoryFacade *history, QWidget *anchor);
    ~EditMerge() override;

    // The conflict's base version (version 0: the empty configuration), read
    // on the worker; done runs on the GUI thread unless this is gone.
    void loadBase(const core::VersionConflict &conflict,
                  std::function<void(const core::PromptVersion &base)> done);
    // Opens (or raises) the merge window for the edit `ours` of branchName.
    void open(const core::VersionConflict &conflict, const core::AgentConfig &ours,
              const QString &branchName);
    // Closes the window without merging (the branch changed, the edit went).
    void abandon();
    MergeWindow *window() const { return m_window; }

signals:
    // Deploy in the merge window: the edit becomes result, based on theirs.
    void merged(const core::PromptVersion &theirs, const core::AgentConfig &result);
    // The window was closed without deploying: the edit stays as it was.
    void closedWithoutMerge();
    void failed(const QString &message);

private:
    void show(const core::PromptVersion &base, const core::VersionConflict &conflict,
              const core::AgentConfig &ours, const QString &branchName);

    HistoryFacade *m_history;
    QWidget *m_anchor;
    QPointer<MergeWindow> m_window;
    int m_theirsVersion = 0;
};

} // namespace retell::ui
