#pragma once

#include "domain/Types.h"
#include "io/DraftStore.h"
#include "panels/DeployDialog.h"
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
class Session;

// The central area: the branch being edited, the offer to restore a draft,
// and the AgentEditor. Owns the edit's life cycle: load the active version,
// autosave drafts (debounced, and on close), apply templates, deploy.
class AgentPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentPanel)

public:
    AgentPanel(Session *session, core::DraftStore drafts, QWidget *parent = nullptr);
    ~AgentPanel() override;

    AgentEditor *editor() const { return m_editor; }
    const core::DraftStore &drafts() const { return m_drafts; }
    std::optional<core::Branch> branch() const { return m_branch; }
    std::optional<int> baseVersion() const { return m_baseVersion; }
    core::AgentConfig baseConfig() const { return m_baseConfig; }
    QString templateName() const { return m_templateName; }
    bool isLoading() const { return m_loading; }
    bool isDraftOfferPending() const { return m_pendingDraft.has_value(); }
    bool canDeploy() const;
    DeployDialog *deployDialog() const { return m_deployDialog; }

    // Saves the edit of the current branch first, then loads branch.
    void openBranch(const core::Branch &branch);
    // Reloads the active version (after a rollback) keeping a modified edit.
    void reloadActive();
    void applyTemplate(const core::Template &tmpl);
    core::AgentConfig config() const;

public slots:
    // Writes the draft now (no-op when nothing differs from the active version).
    bool saveDraft();
    void restoreDraft();
    void discardDraft();
    // Opens the deploy dialog (non-modal); the deploy itself runs on the worker.
    void deploy();

signals:
    void branchLoaded(const core::Branch &branch);
    void draftStateChanged(const QString &branchId, bool hasDraft);
    void deployed(const core::Branch &branch, const core::DeployOutcome &outcome);
    void stateChanged();
    void message(const QString &text);
    void failed(const QString &message);

private:
    void onEdited();
    void runDeploy(const QString &notes);
    void showLoaded(const core::Branch &branch, const std::optional<core::PromptVersion> &active);
    void offerDraft(const core::Draft &draft);
    void updateHeader();

    Session *m_session;
    core::DraftStore m_drafts;
    AgentEditor *m_editor = nullptr;
    QLabel *m_header = nullptr;
    QFrame *m_draftBar = nullptr;
    QLabel *m_draftLabel = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_discard = nullptr;
    QTimer m_autosave;
    QPointer<DeployDialog> m_deployDialog;

    std::optional<core::Branch> m_branch;
    std::optional<int> m_baseVersion;
    core::AgentConfig m_baseConfig;
    QString m_baseTemplateName;
    QString m_templateName;
    std::optional<core::Draft> m_pendingDraft;
    quint64 m_loadGeneration = 0;
    bool m_loading = false;
    bool m_settingContent = false; // programmatic setConfig is not an edit
};

} // namespace retell::ui
