#include "Sync.h"

namespace retell::core {

Result<SyncReport> Sync::run(const Actor &actor, const PullProgress &progress) const
{
    SyncReport report;
    if (progress.cancelled && progress.cancelled()) {
        report.pull.cancelled = true;
        return report;
    }
    auto pushed = OutboxPush(m_server, m_replica).push(actor);
    if (!pushed)
        return pushed.error();
    report.push = pushed.value();
    if (report.push.stopped)
        return report;
    auto pulled = ReplicaPull(m_server, m_replica).pull(actor, progress);
    if (!pulled)
        return pulled.error();
    report.pull = pulled.value();
    report.pulled = !report.pull.cancelled;
    return report;
}

} // namespace retell::core
