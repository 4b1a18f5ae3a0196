#include "publish/Publishing.h"

#include "access/AccessService.h"
#include "access/BranchLookup.h"
#include "audit/AuditLog.h"
#include "db/Database.h"
#include "publish/PublicationStore.h"
#include "publish/PublishAccess.h"

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

// Retell's ids are short ASCII tokens (agent_…, llm_…); anything else is a
// typo, refused before it is stored or sent in a URL.
Result<QString> checkedId(const QString &raw, const QString &what)
{
    const QString id = raw.trimmed();
    if (id.isEmpty())
        return Error::usage(u"Give the Retell %1 id."_s.arg(what))
            .withCode("retell.id_missing", {what});
    if (id.size() > 255)
        return Error::usage(u"The Retell %1 id is longer than 255 characters."_s.arg(what))
            .withCode("retell.id_too_long", {what});
    for (const QChar c : id)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'-' && c != u'.')
            return Error::usage(
                       u"The Retell %1 id \"%2\" has a character no Retell id has."_s.arg(what, id))
                .withCode("retell.id_invalid", {what, id});
    return id;
}

// Both ids of a link, checked; the agent's first.
Result<std::pair<QString, QString>> checkedIds(const QString &agentId, const QString &llmId)
{
    auto agent = checkedId(agentId, u"agent"_s);
    if (!agent)
        return agent.error();
    auto llm = checkedId(llmId, u"LLM"_s);
    if (!llm)
        return llm.error();
    return std::pair(agent.value(), llm.value());
}

AuditEntry linkEntry(AuditKind kind, const Actor &actor, const Branch &branch,
                     const RetellLink &link, const QDateTime &now)
{
    AuditEntry e;
    e.at = now;
    e.kind = kind;
    e.userId = actor.user.id;
    e.userEmail = actor.user.email;
    e.companyId = branch.companyId;
    e.branchId = branch.id;
    e.detail = u"agent %1, LLM %2"_s.arg(link.agentId, link.llmId);
    return e;
}

} // namespace

Result<RetellLink> LinkService::link(const Actor &actor, const QString &branchId,
                                     const QString &agentId, const QString &llmId) const
{
    auto ids = checkedIds(agentId, llmId);
    if (!ids)
        return ids.error();
    const QString agent = ids->first;
    const QString llm = ids->second;
    auto branch = authorizePublishing(m_context, actor, branchId, Role::Admin, u"retell-link"_s);
    if (!branch)
        return branch.error();
    RetellLink saved;
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto owner = PublicationStore::branchOfAgent(db, agent);
        if (!owner)
            return owner.error();
        if (!owner->isEmpty() && owner.value() != branch->id) {
            auto other = BranchLookup::lookup(db, owner.value());
            const QString name = other ? other->name : owner.value();
            return Error::conflict(u"The Retell agent %1 is linked to %2 already; unlink it "
                                   "there first."_s.arg(agent, name))
                .withCode(kRetellAgentLinked, {agent, name});
        }
        auto current = PublicationStore::link(db, branch->id);
        if (!current)
            return current.error();
        if (current.value() && current.value()->agentId == agent && current.value()->llmId == llm) {
            saved = *current.value();
            return {};
        }
        // What waits for the old agent never goes there now.
        if (current.value()) {
            if (auto r = PublicationStore::supersedeWaiting(db, branch->id, u"retell.unlinked"_s);
                !r)
                return r;
        }
        saved.branchId = branch->id;
        saved.agentId = agent;
        saved.llmId = llm;
        saved.linkedBy = actor.user.id;
        saved.linkedByName = actor.user.name;
        const QDateTime now = m_context.clock().toUTC();
        saved.linkedAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch(), Qt::UTC);
        if (auto r = PublicationStore::saveLink(db, saved, current.value().has_value()); !r)
            return r;
        return AuditLog::write(db,
                               linkEntry(AuditKind::RetellLink, actor, branch.value(), saved, now));
    });
    if (!r)
        return r.error();
    return saved;
}

Result<void> LinkService::unlink(const Actor &actor, const QString &branchId) const
{
    auto branch = authorizePublishing(m_context, actor, branchId, Role::Admin, u"retell-unlink"_s);
    if (!branch)
        return branch.error();
    return Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto current = PublicationStore::link(db, branch->id);
        if (!current)
            return current.error();
        if (!current.value())
            return notLinkedError(branch.value());
        if (auto r = PublicationStore::removeLink(db, branch->id); !r)
            return r;
        if (auto r = PublicationStore::supersedeWaiting(db, branch->id, kRetellUnlinked); !r)
            return r;
        return AuditLog::write(db, linkEntry(AuditKind::RetellUnlink, actor, branch.value(),
                                             *current.value(), m_context.clock().toUTC()));
    });
}

Result<RetellLink> LinkService::linkChecked(const Actor &actor, const QString &branchId,
                                            const QString &agentId, const QString &llmId,
                                            RetellApi &api) const
{
    auto ids = checkedIds(agentId, llmId);
    if (!ids)
        return ids.error();
    const QString agent = ids->first;
    const QString llm = ids->second;
    if (auto found = api.llm(llm); !found)
        return found.error();
    auto versions = api.agentVersions(agent);
    if (!versions)
        return versions.error();
    if (!versions->isEmpty()) {
        const QString answersWith = versions->constLast().llmId;
        if (!answersWith.isEmpty() && answersWith != llm)
            return Error::usage(u"Retell agent %1 answers with LLM %2, not %3."_s.arg(
                                    agent, answersWith, llm))
                .withCode("retell.llm_mismatch", {agent, answersWith, llm});
    }
    return link(actor, branchId, agent, llm);
}

Result<std::optional<RetellLink>> LinkService::link(const Actor &actor,
                                                    const QString &branchId) const
{
    auto branch = authorizePublishing(m_context, actor, branchId, Role::Viewer, u"retell-read"_s);
    if (!branch)
        return branch.error();
    return readPublishing<std::optional<RetellLink>>(
        m_context, [&](QSqlDatabase &db) { return PublicationStore::link(db, branch->id); });
}

Result<QList<RetellLink>> LinkService::links(const Actor &actor, const QString &companyId) const
{
    auto linked = readInScope<QList<PublicationStore::LinkedBranch>>(
        m_context, actor, Role::Viewer, [&](QSqlDatabase &db, const ScopeCondition &scope) {
            return PublicationStore::linkedBranches(db, scope, {}, companyId);
        });
    if (!linked)
        return linked.error();
    QList<RetellLink> links;
    for (const PublicationStore::LinkedBranch &b : linked.value())
        links << b.link;
    return links;
}

} // namespace retell::core
