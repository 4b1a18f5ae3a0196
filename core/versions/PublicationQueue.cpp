#include "versions/PublicationQueue.h"

#include "db/Database.h"
#include "db/RowReader.h"

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

Result<void> PublicationQueue::enqueueIfLinked(QSqlDatabase &db, const PromptVersion &written,
                                               const QDateTime &now)
{
    auto link = Database::exec(db,
                               u"SELECT agent_id, llm_id FROM retell_admin_retell_links "
                               "WHERE branch_id = ?"_s,
                               {written.branchId});
    if (!link)
        return link.error();
    if (!link->next())
        return {};
    const RowReader row(link.value());
    const QString agentId = row.text("agent_id"_L1);
    const QString llmId = row.text("llm_id"_L1);
    return enqueue(db, written, agentId, llmId, now);
}

Result<void> PublicationQueue::enqueue(QSqlDatabase &db, const PromptVersion &version,
                                       const QString &agentId, const QString &llmId,
                                       const QDateTime &now, bool forced)
{
    // Only the newest version is worth publishing: what waits before it
    // never goes out.
    auto older = Database::exec(db,
                                u"UPDATE retell_admin_publications SET state = 'superseded', "
                                "lease_until = NULL WHERE branch_id = ? AND version < ? AND "
                                "state IN ('pending', 'held')"_s,
                                {version.branchId, version.version});
    if (!older)
        return older.error();
    auto queued = Database::exec(
        db,
        u"INSERT INTO retell_admin_publications (prompt_id, branch_id, version, agent_id, "
        "llm_id, state, attempts, forced, enqueued_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)"_s,
        {version.rowId, version.branchId, version.version, agentId, llmId, forced,
         toSqlTimestamp(now)});
    if (!queued)
        return queued.error();
    return {};
}

} // namespace retell::core
