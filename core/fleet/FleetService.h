#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

#include <functional>
#include <optional>
#include <stop_token>

namespace retell::core {

// What the branches of a fleet are compared with.
struct FleetReference
{
    enum class Kind
    {
        OwnTemplate, // each branch's template (the template_name of its active version)
        Branch,      // one branch's active version (value: its id or name)
        Template,    // one template (value: its name)
    };
    Kind kind = Kind::OwnTemplate;
    QString value;

    // "" (own template), "template:NAME", or a branch id or name.
    static FleetReference parse(const QString &text);
    QString text() const; // the inverse of parse
    friend bool operator==(const FleetReference &, const FleetReference &) = default;
};

// How far a branch's active configuration is from its reference.
struct FleetDrift
{
    bool computed = false; // false: no reference (or no active version), or not asked for yet
    int linesAdded = 0;    // prompt lines in the branch and not in the reference
    int linesRemoved = 0;  // prompt lines in the reference and not in the branch
    int toolsChanged = 0;  // tools added, removed or changed (by name); -1: a side is not JSON
    int lines() const { return linesAdded + linesRemoved; }
    bool none() const { return computed && lines() == 0 && toolsChanged == 0; }
    friend bool operator==(const FleetDrift &, const FleetDrift &) = default;
};

struct FleetQuery
{
    QString company; // a company id or name (case-insensitive); empty: every company
    FleetReference reference;
    // false: rows come without drift (FleetDrift::computed false), to be
    // filled by FleetService::computeDrift, e.g. on a worker after the rows
    // are shown.
    bool withDrift = true;
};

// One branch the actor may see, with its active version.
struct FleetRow
{
    Branch branch;            // ids, names, activeVersion, activeStatus
    Role role = Role::Viewer; // the actor's role on the branch
    QString templateName;     // of the active version ("" when none)
    QDateTime deployedAt;     // UTC; invalid when there is no active version
    QString deployedByName;   // "" when unknown (the user was deleted)
    int estimatedTokens = 0;  // of the active prompt (Validator::estimateTokens)
    AgentConfig config;       // the active content (empty when none)
    // What drift compares with: a label ("template Basic Appointment Booking",
    // "Salon Aurora/Mitte v7") and its content; no content: no reference
    // (the template is unknown or not visible, or the branch has no version).
    QString referenceLabel;
    std::optional<AgentConfig> referenceConfig;
    FleetDrift drift;

    bool hasActive() const { return branch.activeVersion.has_value(); }
};

using FleetProgress = std::function<void(int done, int total)>;

// Every branch an actor may see, across companies, with what each runs now
// and how far it is from a reference: one query for the branches and their
// active versions (content included), the reference read once, drift
// computed in memory.
class FleetService final
{
public:
    explicit FleetService(ServiceContext context) : m_context(std::move(context)) {}

    // Rows in company, branch order. A company filter matching nothing the
    // actor may see is NotFound; so is a reference branch or template the
    // actor cannot see.
    Result<QList<FleetRow>> rows(const Actor &actor, const FleetQuery &query) const;

    // Fills FleetRow::drift of every row from its config and reference;
    // progress after each row; stops early (rows left as they were) when
    // stop is requested.
    static void computeDrift(QList<FleetRow> &rows, const FleetProgress &progress = {},
                             std::stop_token stop = {});
    static FleetDrift drift(const AgentConfig &reference, const AgentConfig &config);

private:
    ServiceContext m_context;
};

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::FleetRow)
