#pragma once

#include "domain/Types.h"
#include "io/DraftStore.h"
#include "versions/VersionService.h"

#include <optional>

namespace retell::core {

// What a deploy of an edit came to. Deployed: the new version. Invalid:
// errors blocked it (the findings in error). Unchanged: the content is the
// active version's. Conflict: another version became active since the edit's
// base; conflict carries that base, the version active now, who deployed it
// and its content. Failed: anything else (database, permission), in error.
struct EditDeployOutcome
{
    enum class Kind
    {
        Deployed,
        Invalid,
        Unchanged,
        Conflict,
        Failed
    };
    Kind kind = Kind::Failed;
    std::optional<DeployOutcome> deployed;
    std::optional<VersionConflict> conflict; // Conflict and Unchanged
    Error error;                             // all but Deployed

    static EditDeployOutcome from(Result<DeployOutcome> result);
};

// Where an edit stands.
enum class EditStatus
{
    Closed,    // no branch open
    Unchanged, // the working copy is the active version
    Edited,    // the working copy differs from its base, which is still active
    Stale      // another version became active since the edit's base
};

// One branch's edit in the desktop app, without widgets: the version the edit
// started from (its base), the working copy, the version active on the branch
// as last read, the template the content came from, and the last deploy
// refused because another version became active meanwhile. The base never moves silently: only when
// the edit holds nothing of its own, after a deploy, or when the person says so
// (rebaseOnActive) after seeing what changed.
class EditSession final
{
public:
    // The branch as listed, and its active version (none: nothing deployed yet).
    void open(const Branch &branch, const std::optional<PromptVersion> &active);
    void close();
    // The active version read again (refresh, rollback). An edit of its own
    // keeps its base; otherwise the edit starts over from the new active
    // version. Returns true when the working copy became that content.
    bool updateActive(const std::optional<PromptVersion> &active);
    // The working copy: what the editor holds. Undoing a merge (the content
    // from before it again) gives the edit its old base back; redoing it, the new.
    void setContent(const AgentConfig &content);
    const AgentConfig &content() const { return m_content; }
    EditStatus status() const;
    // The working copy holds something of its own (not the active content,
    // not what was queued offline).
    bool isEdited() const { return isOpen() && m_content != activeConfig() && !holdsQueued(); }
    // Continues a saved draft: its content's base is the draft's, not today's.
    void restore(const Draft &draft);
    // What to keep of the edit (the working copy).
    Draft draft(const QDateTime &savedAt) const;
    // Content the editor starts over from (discard): the active version's.
    void revert();
    // Content from a template or an older version (Use as Draft) replaced
    // the edit; its base stays: that is what a deploy would replace.
    void setTemplateName(const QString &name) { m_templateName = name; }
    // The request a deploy sends: it carries the base, so a stale edit is refused.
    DeployRequest deployRequest(const QString &notes) const;
    // Deploys the working copy (any thread: it reads only this session, so
    // run it on a copy); apply() the outcome to the session afterwards.
    EditDeployOutcome deploy(const VersionService &versions, const Actor &actor,
                             const QString &notes) const;
    // Learns from a deploy's outcome: a new base, or what is active now.
    void apply(const EditDeployOutcome &outcome);
    void deployed(const PromptVersion &version);
    // A deploy refused (Conflict or Unchanged): what is active now is learnt.
    void refused(const VersionConflict &conflict);
    // The working copy was queued offline: the outbox holds it now, so while
    // it stays as it is, it is neither a draft to keep nor a deploy to make.
    void queued();
    // The person saw their change and keeps the edit on top of it.
    void rebaseOnActive();
    // The edit merged with theirs (the version that made it stale): result is
    // the working copy, based on theirs, so its deploy replaces theirs only.
    void merged(const PromptVersion &theirs, const AgentConfig &result);

    const std::optional<Branch> &branch() const { return m_branch; }
    bool isOpen() const { return m_branch.has_value(); }
    // 0: the edit started from nothing deployed.
    int baseVersion() const { return m_baseVersion; }
    // 0: nothing deployed.
    int activeVersion() const { return m_active ? m_active->version : 0; }
    const std::optional<PromptVersion> &active() const { return m_active; }
    // The active version's content (the empty config when there is none).
    AgentConfig activeConfig() const;
    QString activeTemplateName() const { return m_active ? m_active->templateName : QString(); }
    QString templateName() const { return m_templateName; }
    // Another version became active since the edit started.
    bool isStale() const { return m_baseVersion != activeVersion(); }
    // What a deploy of the edit now would be refused against (stale only).
    std::optional<VersionConflict> conflict() const;
    // The working copy holds something a draft must keep.
    bool differsFromActive() const;

private:
    void setActive(const std::optional<PromptVersion> &active);
    // The working copy differs from the active version in content, template
    // or base (queued or not).
    bool ownContent() const;
    bool holdsQueued() const { return m_queued && *m_queued == m_content; }
    // The working copy becomes the active version, its base.
    void startOver();

    // The last merge: the edit and its base before and after.
    struct MergeStep
    {
        AgentConfig before;
        int beforeBase = 0;
        AgentConfig after;
        int afterBase = 0;
    };

    std::optional<Branch> m_branch;
    std::optional<PromptVersion> m_active;
    AgentConfig m_content;
    std::optional<MergeStep> m_merge;
    std::optional<AgentConfig> m_queued; // the content queued offline last
    int m_baseVersion = 0;
    QString m_templateName;
};

} // namespace retell::core
