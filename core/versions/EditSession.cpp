#include "versions/EditSession.h"

namespace retell::core {

EditDeployOutcome EditDeployOutcome::from(Result<DeployOutcome> result)
{
    EditDeployOutcome outcome;
    if (result) {
        outcome.kind = Kind::Deployed;
        outcome.deployed = std::move(result).value();
        return outcome;
    }
    outcome.error = result.error();
    if (outcome.error.versionConflict)
        outcome.conflict = *outcome.error.versionConflict;
    switch (outcome.error.kind) {
    case ErrorKind::Validation:
        outcome.kind = Kind::Invalid;
        break;
    case ErrorKind::Unchanged:
        outcome.kind = Kind::Unchanged;
        break;
    case ErrorKind::Conflict:
        // A duplicate name is a Conflict too; only a stale base is a version conflict.
        outcome.kind = outcome.conflict ? Kind::Conflict : Kind::Failed;
        break;
    default:
        outcome.kind = Kind::Failed;
    }
    return outcome;
}

void EditSession::open(const Branch &branch, const std::optional<PromptVersion> &active)
{
    m_branch = branch;
    m_queued.reset();
    setActive(active);
    startOver();
}

void EditSession::close()
{
    *this = EditSession();
}

bool EditSession::updateActive(const std::optional<PromptVersion> &active)
{
    const bool edited = ownContent(); // queued content stays in the editor too
    setActive(active);
    if (edited)
        return false;
    startOver();
    return true;
}

void EditSession::setActive(const std::optional<PromptVersion> &active)
{
    m_active = active;
    if (m_branch) {
        m_branch->activeVersion = active ? std::optional<int>(active->version) : std::nullopt;
        if (active)
            m_branch->activeStatus = active->validationStatus;
    }
}

void EditSession::setContent(const AgentConfig &content)
{
    m_content = content;
    if (m_merge && content == m_merge->before)
        m_baseVersion = m_merge->beforeBase;
    else if (m_merge && content == m_merge->after)
        m_baseVersion = m_merge->afterBase;
}

void EditSession::startOver()
{
    m_merge.reset();
    m_baseVersion = activeVersion();
    m_templateName = activeTemplateName();
    m_content = activeConfig();
}

EditStatus EditSession::status() const
{
    if (!isOpen())
        return EditStatus::Closed;
    if (isStale())
        return EditStatus::Stale;
    return differsFromActive() ? EditStatus::Edited : EditStatus::Unchanged;
}

void EditSession::restore(const Draft &draft)
{
    m_merge.reset();
    m_baseVersion = draft.baseVersion.value_or(0);
    m_templateName = draft.templateName;
    m_content = draft.config;
}

Draft EditSession::draft(const QDateTime &savedAt) const
{
    return Draft{m_content, m_templateName,
                 m_baseVersion > 0 ? std::optional<int>(m_baseVersion) : std::nullopt, savedAt};
}

void EditSession::revert()
{
    startOver();
}

DeployRequest EditSession::deployRequest(const QString &notes) const
{
    return DeployRequest{m_content, m_templateName, notes, m_baseVersion};
}

EditDeployOutcome EditSession::deploy(const VersionService &versions, const Actor &actor,
                                      const QString &notes) const
{
    if (!m_branch)
        return EditDeployOutcome::from(Error::usage(QStringLiteral("No branch is open.")));
    return EditDeployOutcome::from(versions.deploy(actor, m_branch->id, deployRequest(notes)));
}

void EditSession::apply(const EditDeployOutcome &outcome)
{
    if (outcome.kind == EditDeployOutcome::Kind::Deployed && outcome.deployed && m_branch &&
        outcome.deployed->version.branchId == m_branch->id)
        deployed(outcome.deployed->version);
    else if (outcome.conflict)
        refused(*outcome.conflict);
}

void EditSession::deployed(const PromptVersion &version)
{
    m_queued.reset();
    setActive(version);
    startOver();
}

void EditSession::refused(const VersionConflict &conflict)
{
    if (!m_branch || conflict.branchId != m_branch->id)
        return;
    setActive(conflict.current.version > 0 ? std::optional<PromptVersion>(conflict.current)
                                           : std::nullopt);
}

void EditSession::rebaseOnActive()
{
    m_baseVersion = activeVersion();
}

void EditSession::merged(const PromptVersion &theirs, const AgentConfig &result)
{
    if (!m_branch || theirs.branchId != m_branch->id)
        return;
    if (theirs.version >= activeVersion())
        setActive(theirs);
    m_merge = MergeStep{m_content, m_baseVersion, result, theirs.version};
    m_baseVersion = theirs.version;
    m_content = result;
}

AgentConfig EditSession::activeConfig() const
{
    return m_active ? m_active->config : AgentConfig{};
}

std::optional<VersionConflict> EditSession::conflict() const
{
    if (!m_branch || !isStale())
        return std::nullopt;
    VersionConflict c;
    c.branchId = m_branch->id;
    c.baseVersion = m_baseVersion;
    if (m_active)
        c.current = *m_active;
    return c;
}

bool EditSession::ownContent() const
{
    return m_content != activeConfig() || m_templateName != activeTemplateName() || isStale();
}

bool EditSession::differsFromActive() const
{
    return ownContent() && !holdsQueued();
}

void EditSession::queued()
{
    m_queued = m_content;
}

} // namespace retell::core
