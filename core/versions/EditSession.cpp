#include "versions/EditSession.h"

namespace retell::core {

void EditSession::open(const Branch &branch, const std::optional<PromptVersion> &active)
{
    m_branch = branch;
    m_active.reset();
    updateActive(active, false);
}

void EditSession::close()
{
    *this = EditSession();
}

bool EditSession::updateActive(const std::optional<PromptVersion> &active, bool edited)
{
    m_active = active;
    if (m_branch) {
        m_branch->activeVersion = active ? std::optional<int>(active->version) : std::nullopt;
        if (active)
            m_branch->activeStatus = active->validationStatus;
    }
    if (edited)
        return false;
    m_baseVersion = activeVersion();
    m_templateName = activeTemplateName();
    return true;
}

void EditSession::restore(const Draft &draft)
{
    m_baseVersion = draft.baseVersion.value_or(0);
    m_templateName = draft.templateName;
}

Draft EditSession::draft(const AgentConfig &content, const QDateTime &savedAt) const
{
    return Draft{content, m_templateName,
                 m_baseVersion > 0 ? std::optional<int>(m_baseVersion) : std::nullopt, savedAt};
}

void EditSession::revert()
{
    m_baseVersion = activeVersion();
    m_templateName = activeTemplateName();
}

DeployRequest EditSession::deployRequest(const AgentConfig &content, const QString &notes) const
{
    DeployRequest request{content, m_templateName, notes, m_baseVersion};
    return request;
}

void EditSession::deployed(const PromptVersion &version)
{
    updateActive(version, false);
}

void EditSession::refused(const VersionConflict &conflict)
{
    if (!m_branch || conflict.branchId != m_branch->id)
        return;
    m_active = conflict.current.version > 0 ? std::optional<PromptVersion>(conflict.current)
                                            : std::nullopt;
    m_branch->activeVersion = m_active ? std::optional<int>(m_active->version) : std::nullopt;
}

void EditSession::rebaseOnActive()
{
    m_baseVersion = activeVersion();
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

bool EditSession::differsFromActive(const AgentConfig &content) const
{
    return content != activeConfig() || m_templateName != activeTemplateName() || isStale();
}

} // namespace retell::core
