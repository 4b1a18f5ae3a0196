#pragma once

#include "domain/Types.h"
#include "io/DraftStore.h"
#include "versions/VersionService.h"

#include <optional>

namespace retell::core {

// One branch's edit in the desktop app, without widgets: the version the edit
// started from (its base), the version active on the branch as last read, the
// template the content came from, and the last deploy refused because another
// version became active meanwhile. The base never moves silently: only when
// the edit holds nothing of its own, after a deploy, or when the person says so
// (rebaseOnActive) after seeing what changed.
class EditSession final
{
public:
    // The branch as listed, and its active version (none: nothing deployed yet).
    void open(const Branch &branch, const std::optional<PromptVersion> &active);
    void close();
    // The active version read again (refresh, rollback). An edit of its own
    // (edited) keeps its base; otherwise the edit starts over from the new
    // active version. Returns true when the editor should show that content.
    bool updateActive(const std::optional<PromptVersion> &active, bool edited);
    // Continues a saved draft: its content's base is the draft's, not today's.
    void restore(const Draft &draft);
    // What to keep of the edit for content.
    Draft draft(const AgentConfig &content, const QDateTime &savedAt) const;
    // Content the editor starts over from (discard): the active version's.
    void revert();
    // Content from a template or an older version (Use as Draft) replaced
    // the edit; its base stays: that is what a deploy would replace.
    void setTemplateName(const QString &name) { m_templateName = name; }
    // The request a deploy sends: it carries the base, so a stale edit is refused.
    DeployRequest deployRequest(const AgentConfig &content, const QString &notes) const;
    void deployed(const PromptVersion &version);
    // A deploy refused (Conflict or Unchanged): what is active now is learnt.
    void refused(const VersionConflict &conflict);
    // The person saw their change and keeps the edit on top of it.
    void rebaseOnActive();

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
    // content holds something a draft must keep.
    bool differsFromActive(const AgentConfig &content) const;

private:
    std::optional<Branch> m_branch;
    std::optional<PromptVersion> m_active;
    int m_baseVersion = 0;
    QString m_templateName;
};

} // namespace retell::core
