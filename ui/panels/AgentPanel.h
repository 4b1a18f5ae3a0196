#pragma once

#include "domain/Types.h"
#include "io/DraftStore.h"
#include "panels/DeployDialog.h"
#include "versions/EditSession.h"
#include "versions/VersionService.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QFrame;

namespace retell::ui {

class AgentEditor;
class ConflictBar;
class DeployFacade;
class EditMerge;
class HistoryFacade;

// The central area: the branch being edited, the offer to restore a draft,
// the notice that another version became active meanwhile (ConflictBar, with
// the merge of EditMerge), and the AgentEditor. The edit's state lives in
// core::EditSession; this panel loads it, shows it and asks before anything
// replaces an edit.
class AgentPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentPanel)

public:
    // What the person chose when an action would replace an edit.
    enum class ReplaceChoice
    {
        Replace,
        CompareFirst,
        Cancel
    };

    AgentPanel(HistoryFacade *history, DeployFacade *deploy, core::DraftStore drafts,
               QWidget *parent = nullptr);
    ~AgentPanel() override;

    AgentEditor *editor() const { return m_editor; }
    const core::DraftStore &drafts() const { return m_drafts; }
    std::optional<core::Branch> branch() const { return m_edit.branch(); }
    // The version the edit started from (none: nothing was deployed then).
    std::optional<int> baseVersion() const;
    // The active version's content, as last read.
    core::AgentConfig baseConfig() const { return m_edit.activeConfig(); }
    const core::EditSession &editSession() const { return m_edit; }
    // Set when another version became active since the edit started.
    std::optional<core::VersionConflict> conflict() const { return m_edit.conflict(); }
    QString templateName() const { return m_edit.templateName(); }
    bool isLoading() const { return m_loading; }
    bool isDraftOfferPending() const { return m_pendingDraft.has_value(); }
    // The editor holds content that differs from the active version.
    bool hasOwnChanges() const;
    bool canDeploy() const;
    DeployDialog *deployDialog() const { return m_deployDialog; }
    ConflictBar *conflictBar() const { return m_conflictBar; }
    EditMerge *merge() const { return m_merge; }

    // Saves the edit of the current branch first, then loads branch.
    void openBranch(const core::Branch &branch);
    // Reads the active version again (F5, after a rollback): an edit keeps its
    // base (and shows the conflict when it is stale); an unedited one follows.
    void reloadActive();
    // Replaces the edit with a template's content, asking first when the
    // editor holds changes; one undoable step in each editor.
    void applyTemplate(const core::Template &tmpl);
    // Starts an edit from an older version's content (Use as Draft).
    void useAsDraft(const core::PromptVersion &version);
    core::AgentConfig config() const;
    // A line under the branch header (the Retell live badge).
    void addHeaderLine(QWidget *line);

public slots:
    // Writes the draft now (no-op when nothing differs from the active version).
    bool saveDraft();
    void restoreDraft();
    // Asks first; the editor returns to the active version (Ctrl+Z brings the edit back).
    void discardDraft();
    // Opens the deploy dialog (non-modal); the deploy itself runs on the worker.
    void deploy();
    // Their change: the edit's base version against the active one, in the diff window.
    void showWhatChanged();
    // After seeing their change: the edit continues on top of the active version.
    void keepEditOnActive();
    // Opens the three-way merge of the edit with the version active now
    // (base: the edit's base version); nothing is written until its Deploy.
    void mergeWithActive();

signals:
    void branchLoaded(const core::Branch &branch);
    void draftStateChanged(const QString &branchId, bool hasDraft);
    void deployed(const core::Branch &branch, const core::DeployOutcome &outcome);
    // Offline: the deploy waits in the outbox for the server.
    void queued(const core::Branch &branch);
    void stateChanged();
    void message(const QString &text);
    void failed(const QString &message);
    // Messages shown about this branch's edit no longer hold (switch, discard, refresh).
    void noticesObsolete();
    // A deploy was refused, or a refresh found the edit stale: another version is active.
    void conflictRaised(const core::VersionConflict &conflict);
    void compareConfigsRequested(const QString &leftTitle, const core::AgentConfig &left,
                                 const QString &rightTitle, const core::AgentConfig &right);
    void compareVersionsRequested(const core::PromptVersion &older,
                                  const core::PromptVersion &newer);

private:
    void onEdited();
    void runDeploy(const QString &notes);
    void onDeployed(const core::Branch &branch, const core::EditDeployOutcome &outcome);
    void onDeployRefused(const core::EditDeployOutcome &outcome);
    void onQueued(const core::Branch &branch);
    // The merge window's Deploy: the result becomes the edit (one undo step),
    // based on theirs, and goes to the deploy dialog.
    void onMerged(const core::PromptVersion &theirs, const core::AgentConfig &result);
    void showLoaded(const core::Branch &branch, const std::optional<core::PromptVersion> &active);
    void offerDraft(const core::Draft &draft);
    // Shows content as the start of an edit (history cleared).
    void loadContent(const core::AgentConfig &content);
    // Replaces the content as one undoable step in each editor.
    void replaceContent(const core::AgentConfig &content);
    ReplaceChoice askReplace(const QString &what);
    // Asks over an edit (what: "the template X"), then replaces the content undoably.
    void replaceEdit(const QString &what, const QString &title, const core::AgentConfig &content,
                     const QString &templateName, const QString &done);
    void updateHeader();
    void updateConflictBar();

    HistoryFacade *m_history;
    DeployFacade *m_deploy;
    core::DraftStore m_drafts;
    AgentEditor *m_editor = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_draftLabel = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_discard = nullptr;
    QFrame *m_draftBar = nullptr;
    ConflictBar *m_conflictBar = nullptr;
    EditMerge *m_merge = nullptr;
    QTimer m_autosave;
    QPointer<DeployDialog> m_deployDialog;

    core::EditSession m_edit;
    std::optional<core::Draft> m_pendingDraft;
    QString m_refusedNotes; // a refused deploy's notes, offered again after the merge
    quint64 m_loadGeneration = 0;
    bool m_loading = false;
    bool m_settingContent = false; // programmatic content is not an edit
};

} // namespace retell::ui
