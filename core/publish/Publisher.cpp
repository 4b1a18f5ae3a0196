#include "publish/Publishing.h"

#include "access/AccessService.h"
#include "access/BranchLookup.h"
#include "db/Database.h"
#include "publish/PublicationStore.h"
#include "publish/PublishAccess.h"
#include "versions/PublicationQueue.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kLeaseSeconds = 60;
constexpr qint64 kBackoffFirstSeconds = 5;
constexpr qint64 kBackoffMaxSeconds = 15 * 60;
constexpr int kDueBatch = 500;

// The identity of a version in Retell: the last line of the published
// agent version's description.
QString markerOf(const Publication &p)
{
    return u"[retell-admin %1@%2]"_s.arg(p.promptId).arg(p.branchId);
}

// A version this app published for the branch (any of its versions).
bool publishedByUs(const RetellAgentVersion &v, const QString &branchId)
{
    static const QRegularExpression marker(u"\\[retell-admin \\d+@([0-9a-fA-F-]{36})\\]"_s);
    auto it = marker.globalMatch(v.versionDescription);
    while (it.hasNext())
        if (it.next().captured(1).compare(branchId, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// min(5 s * 2^(attempts-1), 15 min), at least Retry-After.
QDateTime nextAttempt(const QDateTime &now, int attempts, const Error &error)
{
    const int doublings = std::clamp(attempts - 1, 0, 20);
    qint64 wait = std::min(kBackoffFirstSeconds << doublings, kBackoffMaxSeconds);
    if (error.code == "retell.rate_limited"_L1 && !error.args.isEmpty()) {
        bool ok = false;
        const qint64 retryAfter = error.args.first().toLongLong(&ok);
        if (ok && retryAfter > 0)
            wait = std::max(wait, retryAfter);
    }
    return now.addSecs(wait);
}

// Refused for its content or its ids: not retried until a forced publish.
bool isRejection(const Error &error)
{
    return error.code == "retell.rejected"_L1 || error.code == "retell.not_found"_L1;
}

// Retell's own sentence for a rejection (RetellApi.h: args status, message).
Error recordedError(const Error &error)
{
    Error e = error;
    if (error.code == "retell.rejected"_L1 && error.args.size() >= 2 &&
        !error.args.at(1).trimmed().isEmpty())
        e.message = error.args.at(1).trimmed();
    return e;
}

// The publication as it is in the database now.
Result<Publication> publicationNow(const ServiceContext &context, qint64 promptId)
{
    auto row = readPublishing<std::optional<Publication>>(
        context, [&](QSqlDatabase &db) { return PublicationStore::read(db, promptId); });
    if (!row)
        return row.error();
    if (!row.value())
        return Error::notFound(u"The publication %1 is gone."_s.arg(promptId));
    return *row.value();
}

// One claimed publication, worked off against Retell.
class Attempt
{
public:
    Attempt(const ServiceContext &context, RetellApi &api, Publication claimed)
        : m_context(context), m_api(api), m_pub(std::move(claimed))
    {
    }

    Result<Publication> run();

private:
    Result<Publication> finish(Publication::State state, const Error &error);
    Result<Publication> live(int retellVersion);
    Result<Publication> current();
    // Renews the lease before a round trip; false: no longer ours.
    Result<bool> stillOurs();
    Result<QList<RetellAgentVersion>> versions();

    const ServiceContext &m_context;
    RetellApi &m_api;
    Publication m_pub;
};

Result<Publication> Attempt::current()
{
    return publicationNow(m_context, m_pub.promptId);
}

Result<Publication> Attempt::finish(Publication::State state, const Error &error)
{
    const QDateTime now = m_context.clock().toUTC();
    std::optional<QDateTime> next;
    if (state == Publication::State::Pending)
        next = nextAttempt(now, m_pub.attempts, error);
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) {
        return PublicationStore::recordFailure(db, m_pub.promptId, m_pub.attempts, state,
                                               recordedError(error), next);
    });
    if (!r)
        return r.error();
    return current();
}

Result<Publication> Attempt::live(int retellVersion)
{
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) {
        return PublicationStore::recordLive(db, m_pub, retellVersion, m_context.clock().toUTC());
    });
    if (!r)
        return r.error();
    return current();
}

Result<bool> Attempt::stillOurs()
{
    bool ours = false;
    auto r = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto renewed = PublicationStore::renewLease(
            db, m_pub.promptId, m_pub.attempts, m_context.clock().toUTC().addSecs(kLeaseSeconds));
        if (!renewed)
            return renewed.error();
        ours = renewed.value();
        return {};
    });
    if (!r)
        return r.error();
    return ours;
}

Result<QList<RetellAgentVersion>> Attempt::versions()
{
    return m_api.agentVersions(m_pub.agentId);
}

Result<Publication> Attempt::run()
{
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    auto version = PublicationStore::versionRow(conn.value(), m_pub.promptId);
    if (!version)
        return version.error();
    auto link = PublicationStore::link(conn.value(), m_pub.branchId);
    if (!link)
        return link.error();
    auto branch = BranchLookup::lookup(conn.value(), m_pub.branchId);
    const bool gone = !version.value() || (!branch && branch.error().kind == ErrorKind::NotFound);
    if (!branch && !gone)
        return branch.error();
    if (gone || !link.value() || link.value()->agentId != m_pub.agentId)
        return finish(Publication::State::Superseded,
                      Error::notFound(u"The branch is no longer linked to this agent."_s)
                          .withCode(kRetellUnlinked));
    // An earlier attempt may have published it before its answer was lost:
    // the marker says so, and nothing is published twice.
    std::optional<QList<RetellAgentVersion>> known;
    if (m_pub.attempts > 1) {
        auto listed = versions();
        if (!listed)
            return finish(Publication::State::Pending, listed.error());
        // An overwrite of a live version looks only past what it replaces.
        const int floor = m_pub.retellVersion.value_or(-1);
        for (const RetellAgentVersion &v : listed.value())
            if (v.isPublished && v.version > floor &&
                v.versionDescription.contains(markerOf(m_pub)))
                return live(v.version);
        known = listed.value();
    }
    auto newer = PublicationStore::hasNewer(conn.value(), m_pub.branchId, m_pub.version);
    if (!newer)
        return newer.error();
    if (newer.value())
        return finish(
            Publication::State::Superseded,
            Error::conflict(u"A newer version was queued."_s).withCode("retell.superseded"));

    // The base: our last live version, or (first publish after linking)
    // Retell's latest published one.
    auto lastLive = PublicationStore::lastLiveVersion(conn.value(), m_pub.branchId, m_pub.agentId);
    if (!lastLive)
        return lastLive.error();
    int base = 0;
    if (lastLive.value()) {
        base = *lastLive.value();
    } else {
        if (!known) {
            auto listed = versions();
            if (!listed)
                return finish(Publication::State::Pending, listed.error());
            known = listed.value();
        }
        int latest = -1;
        int published = -1;
        for (const RetellAgentVersion &v : *known) {
            latest = std::max(latest, v.version);
            if (v.isPublished)
                published = std::max(published, v.version);
        }
        base = std::max(0, published >= 0 ? published : latest);
    }

    // (1) a draft on the base.
    auto ours = stillOurs();
    if (!ours || !ours.value())
        return ours ? current() : Result<Publication>(ours.error());
    auto draft = m_api.createAgentVersion(m_pub.agentId, base);
    if (!draft)
        return finish(isRejection(draft.error()) ? Publication::State::Rejected
                                                 : Publication::State::Pending,
                      draft.error());
    const int d = draft->version;
    if (d != base + 1 && !m_pub.forced) {
        // Versions appeared since our base: a published one that is not
        // ours is an edit made in Retell's dashboard, never overwritten
        // without being asked.
        auto listed = versions();
        if (!listed)
            return finish(Publication::State::Pending, listed.error());
        for (const RetellAgentVersion &v : listed.value())
            if (v.isPublished && v.version > base && !publishedByUs(v, m_pub.branchId))
                return finish(
                    Publication::State::Held,
                    Error{ErrorKind::Remote,
                          u"Retell has a newer edit made in its dashboard (version %1)."_s.arg(
                              v.version),
                          {}}
                        .withCode(kRetellNewerEdit, {QString::number(v.version)}));
    }

    // (2) the LLM of the draft gets the content.
    ours = stillOurs();
    if (!ours || !ours.value())
        return ours ? current() : Result<Publication>(ours.error());
    const QJsonArray tools =
        QJsonDocument::fromJson(version.value()->config.toolsJson.toUtf8()).array();
    auto updated = m_api.updateLlm(m_pub.llmId, d, version.value()->config.prompt, tools);
    if (!updated)
        return finish(isRejection(updated.error()) ? Publication::State::Rejected
                                                   : Publication::State::Pending,
                      updated.error());

    // (3) published, titled and marked.
    ours = stillOurs();
    if (!ours || !ours.value())
        return ours ? current() : Result<Publication>(ours.error());
    const QString title = u"v%1 · %2"_s.arg(m_pub.version).arg(branch->name);
    const QString notes = version.value()->notes.trimmed();
    const QString description =
        notes.isEmpty() ? markerOf(m_pub) : notes + u"\n\n"_s + markerOf(m_pub);
    auto published = m_api.publishAgentVersion(m_pub.agentId, d, title, description);
    if (!published)
        return finish(isRejection(published.error()) ? Publication::State::Rejected
                                                     : Publication::State::Pending,
                      published.error());
    return live(d);
}

// Claims a publication and works it off; a claim another worker holds (or
// a Retry-After that still runs) leaves it as it is.
Result<Publication> claimAndPublish(const ServiceContext &context, RetellApi &api, qint64 promptId)
{
    std::optional<Publication> claimed;
    auto r = Database::writeTransaction(context.spec, [&](QSqlDatabase &db) -> Result<void> {
        const QDateTime now = context.clock().toUTC();
        auto c = PublicationStore::claim(db, promptId, now, now.addSecs(kLeaseSeconds));
        if (!c)
            return c.error();
        claimed = c.value();
        return {};
    });
    if (!r)
        return r.error();
    if (!claimed)
        return publicationNow(context, promptId);
    return Attempt(context, api, *claimed).run();
}

} // namespace

Result<Publication> Publisher::publishBranch(const Actor &actor, const QString &branchId,
                                             bool force) const
{
    return publishVersion(actor, branchId, 0, force);
}

Result<Publication> Publisher::publishVersion(const Actor &actor, const QString &branchId,
                                              int version, bool force) const
{
    auto branch = authorizePublishing(m_context, actor, branchId, Role::Editor, u"publish"_s);
    if (!branch)
        return branch.error();
    std::optional<qint64> promptId;
    auto queued = Database::writeTransaction(m_context.spec, [&](QSqlDatabase &db) -> Result<void> {
        auto link = PublicationStore::link(db, branch->id);
        if (!link)
            return link.error();
        if (!link.value())
            return notLinkedError(branch.value());
        auto active = PublicationStore::activeVersion(db, branch->id);
        if (!active)
            return active.error();
        if (!active.value())
            return Error::notFound(u"%1 has no deployed version yet."_s.arg(branch->name));
        const PromptVersion &v = *active.value();
        if (version > 0 && version != v.version)
            return Error::conflict(u"Version %1 is not the active version of %2 (version %3 "
                                   "is); roll back to it to publish it."_s.arg(version)
                                       .arg(branch->name)
                                       .arg(v.version))
                .withCode(kRetellNotActive, {QString::number(version), QString::number(v.version)});
        promptId = v.rowId;
        const QDateTime now = m_context.clock().toUTC();
        auto pub = PublicationStore::forVersion(db, branch->id, v.version);
        if (!pub)
            return pub.error();
        if (!pub.value())
            return PublicationQueue::enqueue(db, v, link.value()->agentId, link.value()->llmId, now,
                                             force);
        if (pub.value()->agentId != link.value()->agentId ||
            pub.value()->llmId != link.value()->llmId)
            return PublicationStore::retarget(db, v.rowId, link.value()->agentId,
                                              link.value()->llmId, force, now);
        // Live already: only a forced publish goes again (an overwrite).
        if (pub.value()->isLive() && !force)
            return {};
        return PublicationStore::requeue(db, v.rowId, force, now);
    });
    if (!queued)
        return queued.error();
    auto api = m_factory();
    return claimAndPublish(m_context, *api, *promptId);
}

Result<QList<Publication>> Publisher::publishDue(const Actor &actor,
                                                 const PublishProgress &progress,
                                                 std::stop_token stop) const
{
    auto due = readInScope<QList<Publication>>(
        m_context, actor, Role::Editor, [&](QSqlDatabase &db, const ScopeCondition &scope) {
            return PublicationStore::due(db, scope, m_context.clock().toUTC(), kDueBatch);
        });
    if (!due)
        return due.error();
    QList<Publication> tried;
    if (due->isEmpty())
        return tried;
    auto api = m_factory();
    const int total = int(due->size());
    for (int i = 0; i < total; ++i) {
        if (stop.stop_requested())
            break;
        auto after = claimAndPublish(m_context, *api, due->at(i).promptId);
        if (!after)
            return after.error();
        tried << after.value();
        if (progress)
            progress(i + 1, total);
    }
    return tried;
}

Result<std::optional<Publication>>
Publisher::publication(const Actor &actor, const QString &branchId, int version) const
{
    auto branch = authorizePublishing(m_context, actor, branchId, Role::Viewer, u"retell-read"_s);
    if (!branch)
        return branch.error();
    return readPublishing<std::optional<Publication>>(m_context, [&](QSqlDatabase &db) {
        return PublicationStore::forVersion(db, branch->id, version);
    });
}

Result<QList<Publication>> Publisher::publications(const Actor &actor,
                                                   const QString &branchId) const
{
    auto branch = authorizePublishing(m_context, actor, branchId, Role::Viewer, u"retell-read"_s);
    if (!branch)
        return branch.error();
    return readPublishing<QList<Publication>>(
        m_context, [&](QSqlDatabase &db) { return PublicationStore::forBranch(db, branch->id); });
}

Result<QList<Publication>> Publisher::notLive(const Actor &actor) const
{
    return readInScope<QList<Publication>>(m_context, actor, Role::Viewer,
                                           [&](QSqlDatabase &db, const ScopeCondition &scope) {
                                               return PublicationStore::notLive(db, scope);
                                           });
}

} // namespace retell::core
