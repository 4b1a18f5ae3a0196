#include "publish/Publishing.h"

#include "access/AccessService.h"
#include "db/Database.h"
#include "publish/PublicationStore.h"
#include "publish/PublishAccess.h"

#include <QJsonDocument>
#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kImportSource = u"retell-dashboard"_s;

// Retell's tools as the text an admin edits: indented JSON.
QString toolsText(const QJsonArray &tools)
{
    return QString::fromUtf8(QJsonDocument(tools).toJson(QJsonDocument::Indented)).trimmed();
}

// The same content whatever the JSON's layout and key order.
bool sameContent(const AgentConfig &active, const RetellLlm &live)
{
    if (active.prompt != live.generalPrompt)
        return false;
    QJsonParseError error;
    const QJsonDocument tools = QJsonDocument::fromJson(active.toolsJson.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return false;
    return tools.array() == live.generalTools;
}

LiveStatus statusOf(const PublicationStore::LinkedBranch &linked, Result<RetellLlm> live)
{
    LiveStatus s;
    s.branchId = linked.link.branchId;
    s.link = linked.link;
    if (linked.active) {
        s.activeVersion = linked.active->version;
        s.active = linked.active->config;
    }
    s.publication = linked.publication;
    if (!live) {
        s.kind = LiveStatus::Kind::Unknown;
        s.error = live.error();
        return s;
    }
    s.liveLlm = live.value();
    s.liveConfig = {live->generalPrompt, toolsText(live->generalTools)};
    const bool waiting = linked.publication && !linked.publication->isLive() &&
                         linked.publication->state != Publication::State::Superseded;
    if (waiting)
        s.kind = LiveStatus::Kind::Behind;
    else if (linked.active && sameContent(linked.active->config, live.value()))
        s.kind = LiveStatus::Kind::Live;
    else if (!linked.active || (linked.publication && linked.publication->isLive()))
        s.kind = LiveStatus::Kind::DashboardEdit;
    else // never published since the link
        s.kind = LiveStatus::Kind::Behind;
    return s;
}

LiveStatus notLinkedStatus(const QString &branchId)
{
    LiveStatus s;
    s.branchId = branchId;
    s.kind = LiveStatus::Kind::NotLinked;
    return s;
}

Error cancelledError()
{
    return Error{ErrorKind::Remote, u"The check was cancelled before Retell was asked."_s, {}}
        .withCode(kRetellCancelled);
}

// Runs fetch(i) for i in [0, n) on at most `parallel` pool threads, each
// with one RetellApi of its own; progress on the calling thread.
std::vector<std::optional<Result<RetellLlm>>> fetchParallel(const RetellApiFactory &factory,
                                                            const QStringList &llmIds, int parallel,
                                                            const PublishProgress &progress,
                                                            const std::stop_token &stop)
{
    const int n = int(llmIds.size());
    std::vector<std::optional<Result<RetellLlm>>> results(static_cast<size_t>(n));
    std::atomic<int> next{0};
    std::mutex mutex;
    std::condition_variable changed;
    int done = 0;
    QThreadPool pool;
    const int workers = std::clamp(parallel, 1, std::max(1, n));
    pool.setMaxThreadCount(workers);
    for (int w = 0; w < workers; ++w) {
        pool.start([&] {
            std::unique_ptr<RetellApi> api;
            for (int i = next++; i < n; i = next++) {
                if (stop.stop_requested()) {
                    results[size_t(i)] = Result<RetellLlm>(cancelledError());
                } else {
                    if (!api)
                        api = factory();
                    results[size_t(i)] = api->llm(llmIds.at(i));
                }
                std::lock_guard lock(mutex);
                ++done;
                changed.notify_one();
            }
        });
    }
    int reported = 0;
    while (reported < n) {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return done > reported; });
        reported = done;
        lock.unlock();
        if (progress)
            progress(reported, n);
    }
    pool.waitForDone();
    return results;
}

} // namespace

Result<LiveStatus> DriftService::check(const Actor &actor, const QString &branchId) const
{
    auto report = checkMany(actor, {branchId});
    if (!report)
        return report.error();
    return report->statuses.first();
}

Result<DriftReport> DriftService::checkMany(const Actor &actor, const QStringList &branchIds,
                                            const PublishProgress &progress, std::stop_token stop,
                                            int parallel) const
{
    // One branch asked by id: its access is checked (an error names it).
    if (branchIds.size() == 1) {
        auto branch = authorizePublishing(m_context, actor, branchIds.first(), Role::Viewer,
                                          u"retell-read"_s);
        if (!branch)
            return branch.error();
    }
    auto linked = readInScope<QList<PublicationStore::LinkedBranch>>(
        m_context, actor, Role::Viewer, [&](QSqlDatabase &db, const ScopeCondition &scope) {
            return PublicationStore::linkedBranches(
                db, scope, branchIds.size() == 1 ? branchIds.first() : QString());
        });
    if (!linked)
        return linked.error();
    QHash<QString, int> byBranch;
    for (int i = 0; i < linked->size(); ++i)
        byBranch.insert(linked->at(i).link.branchId, i);
    // What to ask Retell, in the order of the answer.
    QList<int> order;
    QStringList wanted = branchIds;
    if (wanted.isEmpty())
        for (const auto &b : linked.value())
            wanted << b.link.branchId;
    QStringList llmIds;
    for (const QString &id : wanted) {
        const int at = byBranch.value(id, -1);
        order << at;
        if (at >= 0)
            llmIds << linked->at(at).link.llmId;
    }
    auto fetched = fetchParallel(m_factory, llmIds, parallel, progress, stop);
    DriftReport report;
    report.cancelled = stop.stop_requested();
    int f = 0;
    for (int k = 0; k < wanted.size(); ++k) {
        const int at = order.at(k);
        if (at < 0) {
            report.statuses << notLinkedStatus(wanted.at(k));
            continue;
        }
        report.statuses << statusOf(linked->at(at), std::move(*fetched[size_t(f++)]));
    }
    return report;
}

Result<DriftService::Imported> DriftService::importLive(const Actor &actor, const QString &branchId,
                                                        const QString &notes) const
{
    auto branch = authorizePublishing(m_context, actor, branchId, Role::Editor, u"import"_s);
    if (!branch)
        return branch.error();
    auto link = readPublishing<std::optional<RetellLink>>(
        m_context, [&](QSqlDatabase &db) { return PublicationStore::link(db, branch->id); });
    if (!link)
        return link.error();
    if (!link.value())
        return notLinkedError(branch.value());
    auto api = m_factory();
    auto live = api->llm(link.value()->llmId);
    if (!live)
        return live.error();
    DeployRequest request;
    request.config = {live->generalPrompt, toolsText(live->generalTools)};
    request.notes = notes.trimmed().isEmpty()
                        ? QString()
                        : u"Imported from the Retell dashboard: "_s + notes.trimmed();
    request.imported = true;
    request.importSource = kImportSource;
    // Retell runs it already when that version is published: recorded live
    // with the version, so it is never published again.
    const RetellLink agent = *link.value();
    const RetellLlm llm = live.value();
    request.alsoRecord = [&](QSqlDatabase &db, const PromptVersion &written) -> Result<void> {
        if (!llm.isPublished)
            return {};
        Publication p;
        p.promptId = written.rowId;
        p.agentId = agent.agentId;
        return PublicationStore::recordLive(db, p, llm.version, m_context.clock().toUTC());
    };
    auto deployed = VersionService(m_context).deploy(actor, branch->id, request);
    if (!deployed)
        return deployed.error();
    auto pub = readPublishing<std::optional<Publication>>(m_context, [&](QSqlDatabase &db) {
        return PublicationStore::read(db, deployed->version.rowId);
    });
    if (!pub)
        return pub.error();
    Imported imported{deployed.value(), {}};
    if (pub.value())
        imported.publication = *pub.value();
    return imported;
}

Result<Publication> DriftService::overwriteLive(const Actor &actor, const QString &branchId) const
{
    return Publisher(m_context, m_factory).publishBranch(actor, branchId, true);
}

} // namespace retell::core
