#include "fleet/AuditService.h"

#include "access/AccessService.h"
#include "access/BranchLookup.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/RowReader.h"
#include "versions/BranchService.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

QString placeholders(qsizetype n)
{
    return QStringList(n, QStringLiteral("?")).join(QStringLiteral(", "));
}

// The filters both sources share, as resolved ids and bounds.
struct Filters
{
    QStringList companyIds; // empty: no company filter
    QString branchId;
    QString userEmail;
    QStringList kinds; // names; empty: all
    QDateTime since;
    QDateTime until;
    int limit = 1000;
};

// Appends " AND column IN (...)" for a non-empty list.
void inList(QString &sql, QVariantList &bind, const QString &column, const QStringList &values)
{
    if (values.isEmpty())
        return;
    sql += QStringLiteral(" AND %1 IN (%2)").arg(column, placeholders(values.size()));
    for (const QString &v : values)
        bind << v;
}

void timeBounds(QString &sql, QVariantList &bind, const QString &column, const Filters &f)
{
    if (f.since.isValid()) {
        sql += QStringLiteral(" AND %1 >= ?").arg(column);
        bind << toSqlTimestamp(f.since);
    }
    if (f.until.isValid()) {
        sql += QStringLiteral(" AND %1 < ?").arg(column);
        bind << toSqlTimestamp(f.until);
    }
}

// The columns a source filters on.
struct FilterColumns
{
    QString company;
    QString branch;
    QString userEmail;
    QString at;
};

// Appends the company, branch, user and time filters both sources share.
void filter(QString &sql, QVariantList &bind, const Filters &f, const FilterColumns &columns)
{
    inList(sql, bind, columns.company, f.companyIds);
    if (!f.branchId.isEmpty()) {
        sql += QStringLiteral(" AND %1 = ?").arg(columns.branch);
        bind << f.branchId;
    }
    if (!f.userEmail.isEmpty()) {
        sql += QStringLiteral(" AND LOWER(%1) = LOWER(?)").arg(columns.userEmail);
        bind << f.userEmail;
    }
    timeBounds(sql, bind, columns.at, f);
}

bool wants(const Filters &f, AuditKind kind)
{
    return f.kinds.isEmpty() || f.kinds.contains(auditKindName(kind));
}

// Versions written to retell_agent_prompts, their kind told by the app's
// records (imports, rollouts and their undo) and by the note (rollbacks).
Result<QList<AuditEntry>> versionEntries(QSqlDatabase &db, const Actor &actor, const Filters &f)
{
    if (!wants(f, AuditKind::Deploy) && !wants(f, AuditKind::Rollback) &&
        !wants(f, AuditKind::Import) && !wants(f, AuditKind::Rollout))
        return QList<AuditEntry>();
    const QString at = QStringLiteral("COALESCE(p.deployed_at, p.created_at)");
    const QString kind =
        QStringLiteral("CASE WHEN imp.id IS NOT NULL THEN 'import' "
                       "WHEN ro.id IS NOT NULL THEN 'rollout' "
                       "WHEN p.deployment_notes LIKE 'Rollback to version %' THEN 'rollback' "
                       "ELSE 'deploy' END");
    const ScopeCondition scope = AccessService::scopeCondition(
        actor, Role::Admin, QStringLiteral("b.company_id"), QStringLiteral("b.id"));
    QString sql =
        QStringLiteral("SELECT ") + at + QStringLiteral(" AS entry_at, ") + kind +
        QStringLiteral(
            " AS kind, p.id AS row_id, p.version AS version, p.template_name AS template_name, "
            "COALESCE(ro.rollout_id, rbu.rollout_id) AS rollout_id, "
            "p.deployment_notes AS notes, p.deployed_by AS user_id, u.name AS user_name, "
            "u.email AS user_email, ") +
        BranchLookup::branchColumns() +
        QStringLiteral(" FROM retell_agent_prompts p JOIN branches b ON b.id = p.branch_id "
                       "JOIN companies c ON c.id = b.company_id "
                       "LEFT JOIN users u ON u.id = p.deployed_by "
                       "LEFT JOIN retell_admin_audit imp ON imp.kind = 'import' AND "
                       "imp.branch_id = ") +
        SqlDialect::of(db).uuidAsText(QStringLiteral("p.branch_id")) +
        QStringLiteral(" AND imp.version = p.version "
                       "LEFT JOIN retell_admin_rollout_branches ro ON ro.branch_id = p.branch_id "
                       "AND ro.version_written = p.version "
                       "LEFT JOIN retell_admin_rollout_branches rbu ON rbu.branch_id = "
                       "p.branch_id AND rbu.undo_version = p.version "
                       "WHERE p.is_template = FALSE") +
        BranchLookup::liveFilter(db) + scope.sql;
    QVariantList bind = scope.bind;
    filter(sql, bind, f,
           {QStringLiteral("b.company_id"), QStringLiteral("p.branch_id"),
            QStringLiteral("u.email"), at});
    inList(sql, bind, kind, f.kinds);
    sql += QStringLiteral(" ORDER BY entry_at DESC, p.id DESC LIMIT ?");
    bind << f.limit;
    auto q = Database::exec(db, sql, bind);
    if (!q)
        return q.error();
    QList<AuditEntry> result;
    const RowReader row(q.value());
    while (q->next()) {
        AuditEntry e;
        e.at = fromSqlTimestamp(row["entry_at"_L1]);
        e.kind = auditKindFromName(row.text("kind"_L1)).value_or(AuditKind::Deploy);
        if (!row.isNull("user_id"_L1))
            e.userId = row.integer("user_id"_L1);
        e.userName = row.text("user_name"_L1);
        e.userEmail = row.text("user_email"_L1);
        const Branch b = BranchLookup::branchFrom(row);
        e.companyId = b.companyId;
        e.companyName = b.companyName;
        e.branchId = b.id;
        e.branchName = b.name;
        e.version = int(row.integer("version"_L1));
        e.templateName = row.text("template_name"_L1);
        e.notes = row.text("notes"_L1);
        e.rolloutId = row.integer("rollout_id"_L1);
        result << e;
    }
    return result;
}

// The app's own entries (grants, revokes, refusals), with the names of
// users and branches as they are now.
Result<QList<AuditEntry>> ownEntries(QSqlDatabase &db, const Actor &actor, const Filters &f)
{
    QStringList kinds = f.kinds;
    kinds.removeAll(QStringLiteral("import")); // read with their versions
    if (!f.kinds.isEmpty() && kinds.isEmpty())
        return QList<AuditEntry>();
    const ScopeCondition scope = AccessService::scopeCondition(
        actor, Role::Admin, QStringLiteral("a.company_id"), QStringLiteral("a.branch_id"));
    QString sql =
        QStringLiteral(
            "SELECT a.id AS id, a.created_at AS entry_at, a.kind AS kind, a.user_id AS user_id, "
            "a.user_email AS user_email, u.name AS user_name, a.company_id AS company_id, "
            "a.branch_id AS branch_id, b.name AS branch_name, a.version AS version, "
            "a.subject_email AS subject_email, a.scope AS scope, a.scope_id AS scope_id, "
            "a.role AS role, a.operation AS operation, a.detail AS detail "
            "FROM retell_admin_audit a LEFT JOIN users u ON u.id = a.user_id "
            "LEFT JOIN branches b ON ") +
        SqlDialect::of(db).uuidAsText(QStringLiteral("b.id")) +
        QStringLiteral(" = a.branch_id WHERE a.kind <> 'import'") + scope.sql;
    QVariantList bind = scope.bind;
    filter(sql, bind, f,
           {QStringLiteral("a.company_id"), QStringLiteral("a.branch_id"),
            QStringLiteral("a.user_email"), QStringLiteral("a.created_at")});
    inList(sql, bind, QStringLiteral("a.kind"), kinds);
    sql += QStringLiteral(" ORDER BY a.created_at DESC, a.id DESC LIMIT ?");
    bind << f.limit;
    auto q = Database::exec(db, sql, bind);
    if (!q)
        return q.error();
    QList<AuditEntry> result;
    const RowReader row(q.value());
    while (q->next()) {
        AuditEntry e;
        e.id = row.integer("id"_L1);
        e.at = fromSqlTimestamp(row["entry_at"_L1]);
        e.kind = auditKindFromName(row.text("kind"_L1)).value_or(AuditKind::OperationRefused);
        if (!row.isNull("user_id"_L1))
            e.userId = row.integer("user_id"_L1);
        e.userName = row.text("user_name"_L1);
        e.userEmail = row.text("user_email"_L1);
        e.companyId = row.text("company_id"_L1);
        e.branchId = row.text("branch_id"_L1);
        e.branchName = row.text("branch_name"_L1);
        e.version = int(row.integer("version"_L1));
        e.subjectEmail = row.text("subject_email"_L1);
        const QString scopeText = row.text("scope"_L1);
        for (const GrantScope s : {GrantScope::Global, GrantScope::Company, GrantScope::Branch})
            if (scopeText == scopeName(s))
                e.scope = s;
        e.scopeId = row.text("scope_id"_L1);
        e.role = roleFromName(row.text("role"_L1));
        e.operation = row.text("operation"_L1);
        e.detail = row.text("detail"_L1);
        result << e;
    }
    return result;
}

// Company names for the entries that have only an id.
Result<void> nameCompanies(QSqlDatabase &db, QList<AuditEntry> &entries)
{
    QStringList ids;
    for (const AuditEntry &e : std::as_const(entries))
        if (e.companyName.isEmpty() && !e.companyId.isEmpty() && !ids.contains(e.companyId))
            ids << e.companyId;
    static const QRegularExpression numeric(QStringLiteral("^[1-9][0-9]{0,17}$"));
    QVariantList bind;
    for (const QString &id : std::as_const(ids))
        if (numeric.match(id).hasMatch())
            bind << id.toLongLong();
    if (bind.isEmpty())
        return {};
    auto q = Database::exec(db,
                            QStringLiteral("SELECT id, name FROM companies WHERE id IN (%1)")
                                .arg(placeholders(bind.size())),
                            bind);
    if (!q)
        return q.error();
    QHash<QString, QString> names;
    const RowReader row(q.value());
    while (q->next())
        names.insert(row.text("id"_L1), row.text("name"_L1));
    for (AuditEntry &e : entries)
        if (e.companyName.isEmpty())
            e.companyName = names.value(e.companyId);
    return {};
}

// The ids a company filter names: an id as it is, a name (any case) as the
// ids of the companies called so.
Result<QStringList> companyIds(QSqlDatabase &db, const QString &company)
{
    const QString wanted = company.trimmed();
    static const QRegularExpression numeric(QStringLiteral("^[1-9][0-9]{0,17}$"));
    if (numeric.match(wanted).hasMatch())
        return QStringList{wanted};
    auto q = Database::exec(
        db, QStringLiteral("SELECT id FROM companies WHERE LOWER(name) = LOWER(?)"), {wanted});
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    if (ids.isEmpty())
        return Error::notFound(QStringLiteral("No company \"%1\".").arg(wanted));
    return ids;
}

} // namespace

Result<QList<AuditEntry>> AuditService::entries(const Actor &actor, const AuditQuery &query) const
{
    Filters f;
    f.userEmail = query.userEmail.trimmed();
    for (const AuditKind k : query.kinds)
        f.kinds << auditKindName(k);
    f.since = query.since;
    f.until = query.until;
    f.limit = std::clamp(query.limit, 1, kMaxLimit);
    if (!query.branch.trimmed().isEmpty()) {
        auto branch = BranchService(m_context).resolve(actor, query.branch);
        if (!branch)
            return branch.error();
        f.branchId = branch->id;
    }
    return Database::retryOnce([&]() -> Result<QList<AuditEntry>> {
        auto conn = Database::connection(m_context.spec);
        if (!conn)
            return conn.error();
        QSqlDatabase &db = conn.value();
        auto current = AccessService::refreshed(db, actor);
        if (!current)
            return current.error();
        const bool admin = std::any_of(current->grants.cbegin(), current->grants.cend(),
                                       [](const Grant &g) { return g.role == Role::Admin; });
        if (!admin)
            return Error::permission(
                QStringLiteral("Only admins may read the audit log; %1 is none.")
                    .arg(actor.user.email));
        Filters filters = f;
        if (!query.company.trimmed().isEmpty()) {
            auto ids = companyIds(db, query.company);
            if (!ids)
                return ids.error();
            filters.companyIds = ids.value();
        }
        auto versions = versionEntries(db, current.value(), filters);
        if (!versions)
            return versions.error();
        auto own = ownEntries(db, current.value(), filters);
        if (!own)
            return own.error();
        QList<AuditEntry> merged;
        merged.reserve(versions->size() + own->size());
        std::merge(versions->cbegin(), versions->cend(), own->cbegin(), own->cend(),
                   std::back_inserter(merged),
                   [](const AuditEntry &a, const AuditEntry &b) { return a.at > b.at; });
        if (merged.size() > filters.limit)
            merged.resize(filters.limit);
        if (auto named = nameCompanies(db, merged); !named)
            return named.error();
        return merged;
    });
}

} // namespace retell::core
