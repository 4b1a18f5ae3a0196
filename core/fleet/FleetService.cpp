#include "fleet/FleetService.h"

#include "access/AccessService.h"
#include "access/BranchLookup.h"
#include "db/Database.h"
#include "db/RowReader.h"
#include "diff/MyersDiff.h"
#include "diff/ToolsDiff.h"
#include "templates/TemplateService.h"
#include "validation/Validator.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <QHash>
#include <QRegularExpression>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

const QLatin1StringView kTemplatePrefix("template:");

// Lines of a text as views into it; a last line without LF is a line too.
QList<QStringView> linesOf(const QString &text)
{
    QList<QStringView> lines = QStringView(text).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

// Lines only in a (removed) and only in b (added), by a minimal line diff.
std::pair<int, int> changedLines(const QString &a, const QString &b)
{
    if (a == b)
        return {0, 0};
    const QList<QStringView> left = linesOf(a);
    const QList<QStringView> right = linesOf(b);
    QHash<QStringView, int> ids;
    ids.reserve(left.size() + right.size());
    auto toIds = [&ids](const QList<QStringView> &lines) {
        std::vector<int> out;
        out.reserve(std::size_t(lines.size()));
        for (const QStringView line : lines) {
            auto it = ids.constFind(line);
            if (it == ids.constEnd())
                it = ids.insert(line, int(ids.size()));
            out.push_back(*it);
        }
        return out;
    };
    const std::vector<int> l = toIds(left);
    const std::vector<int> r = toIds(right);
    const SequenceDiff d = diffSequences(l, r, int(ids.size()));
    int removed = 0;
    int added = 0;
    for (const auto changed : d.leftChanged)
        removed += changed;
    for (const auto changed : d.rightChanged)
        added += changed;
    return {removed, added};
}

// The template of a branch's active version: a template the actor sees,
// by name, that may go onto the branch; the branch's company's own first.
const Template *ownTemplate(const QHash<QString, QList<Template>> &byName, const FleetRow &row)
{
    const auto it = byName.constFind(row.templateName.toLower());
    if (it == byName.constEnd())
        return nullptr;
    const Template *shared = nullptr;
    for (const Template &t : *it) {
        if (!TemplateService::appliesTo(t, row.branch))
            continue;
        if (t.source == TemplateSource::Custom && t.companyId == row.branch.companyId)
            return &t;
        if (!shared)
            shared = &t;
    }
    return shared;
}

struct FixedReference
{
    QString label;
    AgentConfig config;
};

Result<std::optional<FixedReference>>
fixedReference(const ServiceContext &context, const Actor &actor, const FleetReference &reference)
{
    switch (reference.kind) {
    case FleetReference::Kind::OwnTemplate:
        return std::optional<FixedReference>();
    case FleetReference::Kind::Template: {
        auto t = TemplateService(context).find(actor, reference.value);
        if (!t)
            return t.error();
        return std::optional(FixedReference{QStringLiteral("template ") + t->name, t->config});
    }
    case FleetReference::Kind::Branch: {
        auto branch = BranchService(context).resolve(actor, reference.value);
        if (!branch)
            return branch.error();
        auto active = VersionService(context).active(actor, branch->id);
        if (!active)
            return active.error();
        return std::optional(FixedReference{
            QStringLiteral("%1/%2 v%3").arg(branch->companyName, branch->name).arg(active->version),
            active->config});
    }
    }
    return std::optional<FixedReference>();
}

} // namespace

FleetReference FleetReference::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    if (t.startsWith(kTemplatePrefix, Qt::CaseInsensitive))
        return {Kind::Template, t.mid(kTemplatePrefix.size()).trimmed()};
    return {Kind::Branch, t};
}

QString FleetReference::text() const
{
    switch (kind) {
    case Kind::OwnTemplate:
        return {};
    case Kind::Template:
        return kTemplatePrefix + value;
    case Kind::Branch:
        return value;
    }
    return {};
}

FleetDrift FleetService::drift(const AgentConfig &reference, const AgentConfig &config)
{
    FleetDrift d;
    d.computed = true;
    const auto [removed, added] = changedLines(reference.prompt, config.prompt);
    d.linesRemoved = removed;
    d.linesAdded = added;
    if (reference.toolsJson != config.toolsJson) {
        const ToolsDiff tools = computeToolsDiff(reference.toolsJson, config.toolsJson);
        d.toolsChanged = tools.ok() ? int(tools.changes.size()) : -1;
    }
    return d;
}

void FleetService::computeDrift(QList<FleetRow> &rows, const FleetProgress &progress,
                                std::stop_token stop)
{
    const int total = int(rows.size());
    for (int i = 0; i < total; ++i) {
        if (stop.stop_requested())
            return;
        FleetRow &row = rows[i];
        if (row.hasActive() && row.referenceConfig)
            row.drift = drift(*row.referenceConfig, row.config);
        if (progress)
            progress(i + 1, total);
    }
}

Result<QList<FleetRow>> FleetService::rows(const Actor &actor, const FleetQuery &query) const
{
    auto fixed = fixedReference(m_context, actor, query.reference);
    if (!fixed)
        return fixed.error();
    QHash<QString, QList<Template>> templatesByName;
    if (query.reference.kind == FleetReference::Kind::OwnTemplate) {
        auto templates = TemplateService(m_context).templates(actor);
        if (!templates)
            return templates.error();
        for (const Template &t : std::as_const(*templates))
            templatesByName[t.name.toLower()] << t;
    }
    auto found = Database::retryOnce([&]() -> Result<QList<FleetRow>> {
        auto conn = Database::connection(m_context.spec);
        if (!conn)
            return conn.error();
        QSqlDatabase &db = conn.value();
        const ScopeCondition scope = AccessService::scopeCondition(
            actor, Role::Viewer, QStringLiteral("b.company_id"), QStringLiteral("b.id"));
        QVariantList bind = scope.bind;
        QString companyFilter;
        const QString company = query.company.trimmed();
        static const QRegularExpression numeric(QStringLiteral("^[1-9][0-9]{0,17}$"));
        if (numeric.match(company).hasMatch()) {
            companyFilter = QStringLiteral(" AND b.company_id = ?");
            bind << company.toLongLong();
        } else if (!company.isEmpty()) {
            companyFilter = QStringLiteral(" AND LOWER(c.name) = LOWER(?)");
            bind << company;
        }
        auto q = Database::exec(
            db,
            QStringLiteral("SELECT ") + BranchLookup::branchColumns() +
                QStringLiteral(", p.version AS version, p.template_name AS template_name, "
                               "p.deployed_at AS deployed_at, u.name AS deployed_by_name, "
                               "p.validation_status AS validation_status, ") +
                configColumns("p."_L1) +
                QStringLiteral(
                    " FROM branches b JOIN companies c ON c.id = b.company_id "
                    "LEFT JOIN retell_agent_prompts p ON p.branch_id = b.id AND p.is_active = "
                    "TRUE AND p.is_template = FALSE "
                    "LEFT JOIN users u ON u.id = p.deployed_by WHERE 1 = 1") +
                BranchLookup::liveFilter(db) + scope.sql + companyFilter +
                QStringLiteral(" ORDER BY c.name, c.id, b.name, b.id, p.version DESC"),
            bind);
        if (!q)
            return q.error();
        QList<FleetRow> result;
        const RowReader row(q.value());
        while (q->next()) {
            FleetRow r;
            r.branch = BranchLookup::branchFrom(row);
            if (!result.isEmpty() && result.constLast().branch.id == r.branch.id)
                continue; // a second active row written by another client: the newest counts
            const auto role = actor.roleFor(r.branch.companyId, r.branch.id);
            if (!role)
                continue; // the SQL condition already keeps only these
            r.role = *role;
            if (!row.isNull("version"_L1)) {
                r.branch.activeVersion = int(row.integer("version"_L1));
                r.branch.activeStatus = validationStatusFromName(row.text("validation_status"_L1));
                r.templateName = row.text("template_name"_L1);
                r.deployedAt = fromSqlTimestamp(row["deployed_at"_L1]);
                r.deployedByName = row.text("deployed_by_name"_L1);
                r.config = configFrom(row);
            }
            result << r;
        }
        return result;
    });
    if (!found)
        return found.error();
    QList<FleetRow> &rows = found.value();
    if (rows.isEmpty() && !query.company.trimmed().isEmpty())
        return Error::notFound(QStringLiteral("No company \"%1\" with branches that %2 may see.")
                                   .arg(query.company.trimmed(), actor.user.email));
    for (FleetRow &r : rows) {
        r.estimatedTokens = Validator::estimateTokens(r.config.prompt);
        if (fixed->has_value()) {
            r.referenceLabel = fixed->value().label;
            r.referenceConfig = fixed->value().config;
        } else if (const Template *t = ownTemplate(templatesByName, r)) {
            r.referenceLabel = QStringLiteral("template ") + t->name;
            r.referenceConfig = t->config;
        }
    }
    if (query.withDrift)
        computeDrift(rows);
    return found;
}

} // namespace retell::core
