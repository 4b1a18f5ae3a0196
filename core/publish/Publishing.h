#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"
#include "publish/RetellApi.h"
#include "versions/VersionService.h"

#include <QDateTime>
#include <QMetaType>

#include <functional>
#include <optional>
#include <stop_token>

namespace retell::core {

// Publishing to Retell (issue 15): a branch linked to its Retell agent and
// LLM publishes every version it writes. The version and its `pending`
// publication are written in one transaction (VersionService); the publish
// runs after the commit, and a failure leaves the publication "not live yet"
// with the reason, retried with backoff. Every call here blocks and touches
// the database and/or Retell: call it on a worker thread, never on the GUI
// thread.

// Error codes of this module (Error::code; the Remote ones are RetellApi.h's).
inline constexpr char kRetellNotLinked[] = "retell.not_linked"; // NotFound (args: branch)
inline constexpr char kRetellAgentLinked[] =
    "retell.agent_linked";                                      // Conflict (args: agent, branch)
inline constexpr char kRetellNewerEdit[] = "retell.newer_edit"; // held (args: Retell version)
inline constexpr char kRetellUnlinked[] = "retell.unlinked";    // superseded by an unlink
inline constexpr char kRetellNotActive[] = "retell.not_active"; // Conflict (args: version, active)
inline constexpr char kRetellCancelled[] = "retell.cancelled";  // a drift check not run (cancel)

// The Retell agent and LLM a branch publishes to (retell_admin_retell_links).
// A Retell agent belongs to one branch at most.
struct RetellLink
{
    QString branchId;
    QString agentId; // agent_…
    QString llmId;   // llm_…
    std::optional<UserId> linkedBy;
    QString linkedByName;
    QDateTime linkedAt; // UTC
};

// The publication of one version (retell_admin_publications; promptId is
// the version's row id in retell_agent_prompts, its identity).
struct Publication
{
    enum class State
    {
        Pending,    // waits for a publish (first try, or retry after nextAttemptAt)
        Publishing, // a worker holds the lease and is talking to Retell
        Live,       // published: retellVersion is the Retell agent version
        Rejected,   // Retell refused the content (400/404/422): errorMessage is Retell's
        Held,       // Retell has a newer edit made in its dashboard: publish with force
        Superseded, // a newer version of the branch was queued before this one went out
    };

    qint64 promptId = 0;
    QString branchId;
    int version = 0;
    QString agentId;
    QString llmId;
    State state = State::Pending;
    int attempts = 0;
    std::optional<QDateTime> nextAttemptAt; // UTC; none: at once
    std::optional<QDateTime> leaseUntil;    // UTC; while Publishing
    QString errorCode;                      // of the last failed attempt ("" when none)
    QString errorMessage;                   // its English sentence (Retell's message when rejected)
    std::optional<int> retellVersion;       // Live: the Retell agent version
    bool forced = false;                    // publish past a newer dashboard edit
    QDateTime enqueuedAt;                   // UTC
    std::optional<QDateTime> publishedAt;   // UTC, when Live

    bool isLive() const { return state == State::Live; }
    // Not live and not given up on: pending or publishing.
    bool isWaiting() const { return state == State::Pending || state == State::Publishing; }

    // "pending", "publishing", "live", "rejected", "held", "superseded".
    static QString stateName(State state);
    static std::optional<State> stateFromName(const QString &name);
};

// What Retell runs for a linked branch, compared with the branch's active
// version (DriftService).
struct LiveStatus
{
    enum class Kind
    {
        Live,          // Retell's latest LLM config equals the active version
        DashboardEdit, // "Retell has a newer edit made in its dashboard": differs, active is live
        Behind,        // "Retell is behind (publish pending)": the active version is not live
        NotLinked,     // "not linked to a Retell agent"
        Unknown,       // Retell could not be asked: error says why
    };

    QString branchId;
    Kind kind = Kind::Unknown;
    std::optional<RetellLink> link;
    std::optional<int> activeVersion; // none: the branch has no version yet
    AgentConfig active;               // the active version's content
    std::optional<RetellLlm> liveLlm; // Retell's latest LLM version (none: NotLinked/Unknown)
    // liveLlm as an AgentConfig (tools as indented JSON text), for a diff
    // against `active`.
    AgentConfig liveConfig;
    std::optional<Publication> publication; // of the active version, when there is one
    std::optional<Error> error;             // Unknown: why (ErrorKind::Remote, retell.*)

    // "live", "dashboard_edit", "behind", "not_linked", "unknown" (JSON, CLI).
    static QString kindName(Kind kind);
};

// Called after each item with how many are done of how many.
using PublishProgress = std::function<void(int done, int total)>;

// Links branches to Retell agents. Linking and unlinking need the admin role
// on the branch and are audited (AuditKind::RetellLink / RetellUnlink).
class LinkService final
{
public:
    explicit LinkService(ServiceContext context) : m_context(std::move(context)) {}

    // Links (or re-links) branchId to agentId/llmId. Conflict with code
    // retell.agent_linked when the agent is linked to another branch;
    // Usage for an empty or over-long id; Permission without the admin
    // role. Re-linking to another agent supersedes the versions still
    // waiting for the old one.
    Result<RetellLink> link(const Actor &actor, const QString &branchId, const QString &agentId,
                            const QString &llmId) const;
    // The same, after asking Retell that the LLM exists and that the agent
    // exists and answers with that LLM: NotFound from Retell for an unknown
    // id, Usage (retell.llm_mismatch) for an agent using another LLM, and
    // whatever else the API returned (nothing is stored then).
    Result<RetellLink> linkChecked(const Actor &actor, const QString &branchId,
                                   const QString &agentId, const QString &llmId,
                                   RetellApi &api) const;
    // Removes the link; versions still waiting to be published become
    // superseded (code retell.unlinked). NotFound (retell.not_linked) when
    // the branch is not linked.
    Result<void> unlink(const Actor &actor, const QString &branchId) const;
    // The branch's link, none when it is not linked (viewer role).
    Result<std::optional<RetellLink>> link(const Actor &actor, const QString &branchId) const;
    // Every link on a branch the actor may view (of one company when
    // companyId is given), for the tree and the fleet view.
    Result<QList<RetellLink>> links(const Actor &actor, const QString &companyId = {}) const;

private:
    ServiceContext m_context;
};

// Publishes versions to Retell: claims the publication with a lease, then
// (1) creates an agent draft on the last live version, (2) updates the LLM
// draft's general_prompt/general_tools, (3) publishes the draft titled
// "v<N> · <branch>" with the notes and the marker
// "[retell-admin <prompt_id>@<branch_id>]" in its description. A retry whose
// earlier attempt may have got through first looks for the marker in the
// agent's versions, so no version is ever published twice. Remote failures
// are not errors of these calls: they are recorded in the publication they
// return (pending with nextAttemptAt, rejected, held).
class Publisher final
{
public:
    Publisher(ServiceContext context, RetellApiFactory factory)
        : m_context(std::move(context)), m_factory(std::move(factory))
    {
    }

    // Publishes the branch's active version now (editor role): the one
    // queued by its deploy, or, when it has no publication yet (deployed
    // before the link), queued now. A pending one is tried at once even
    // during its backoff, except while Retell's Retry-After runs. force:
    // also a rejected or held one, and past a newer dashboard edit.
    // Returns the publication after the attempt (Live, or why not; a lease
    // held by another worker: Publishing as it is). Errors: NotFound with
    // code retell.not_linked, NotFound when the branch has no version,
    // Permission, Database.
    Result<Publication> publishBranch(const Actor &actor, const QString &branchId,
                                      bool force = false) const;
    // The same, checking that `version` is the active version (Conflict with
    // code retell.not_active otherwise: roll back to it to publish it).
    Result<Publication> publishVersion(const Actor &actor, const QString &branchId, int version,
                                       bool force = false) const;
    // The background retry: every due publication (pending past its
    // nextAttemptAt, or publishing with an expired lease) on a branch the
    // actor holds the editor role on, oldest first, one at a time. Stops
    // between publications when stop is requested. Returns the publications
    // tried, as they are afterwards.
    Result<QList<Publication>> publishDue(const Actor &actor, const PublishProgress &progress = {},
                                          std::stop_token stop = {}) const;

    // The publication of one version (none: never queued, the branch was
    // not linked then). Viewer role.
    Result<std::optional<Publication>> publication(const Actor &actor, const QString &branchId,
                                                   int version) const;
    // Every publication of the branch, newest version first (the history's
    // Retell column). Viewer role.
    Result<QList<Publication>> publications(const Actor &actor, const QString &branchId) const;
    // Publications not live and not superseded (pending, publishing,
    // rejected, held) on branches the actor may view: the banner's list.
    Result<QList<Publication>> notLive(const Actor &actor) const;

private:
    ServiceContext m_context;
    RetellApiFactory m_factory;
};

// A drift check of many branches.
struct DriftReport
{
    QList<LiveStatus> statuses; // in the order asked for
    bool cancelled = false;     // stopped: the rest are Unknown with code retell.cancelled
};

// Reads what is live in Retell and compares it with the active versions;
// imports a dashboard edit as a new version or overwrites it.
class DriftService final
{
public:
    DriftService(ServiceContext context, RetellApiFactory factory)
        : m_context(std::move(context)), m_factory(std::move(factory))
    {
    }

    // One branch (viewer role): one GET /get-retell-llm. Retell's failures
    // give Kind::Unknown with the error, not an error of the call.
    Result<LiveStatus> check(const Actor &actor, const QString &branchId) const;
    // Many branches (every linked branch the actor may view when branchIds
    // is empty): the database read once, then at most `parallel` requests
    // at a time, one RetellApi per worker thread from the factory. progress
    // is called on the calling thread.
    Result<DriftReport> checkMany(const Actor &actor, const QStringList &branchIds = {},
                                  const PublishProgress &progress = {}, std::stop_token stop = {},
                                  int parallel = 8) const;

    struct Imported
    {
        DeployOutcome deployed;  // the new version
        Publication publication; // Live when Retell's version was published, else Pending
    };
    // Reads Retell's latest LLM config and deploys it as a new version
    // through VersionService (validated: errors block it; editor role),
    // with the notes "Imported from the Retell dashboard: <notes>" and the
    // audit marking it as imported from the Retell dashboard. Unchanged
    // when it equals the active version; Remote when Retell cannot be read.
    Result<Imported> importLive(const Actor &actor, const QString &branchId,
                                const QString &notes) const;
    // Publishes the active version over a newer dashboard edit (a forced
    // publish; ask the user first).
    Result<Publication> overwriteLive(const Actor &actor, const QString &branchId) const;

private:
    ServiceContext m_context;
    RetellApiFactory m_factory;
};

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::RetellLink)
Q_DECLARE_METATYPE(retell::core::Publication)
Q_DECLARE_METATYPE(retell::core::LiveStatus)
Q_DECLARE_METATYPE(retell::core::DriftReport)
