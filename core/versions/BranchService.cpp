#include "versions/BranchService.h"

#include "access/AccessService.h"
#include "db/Database.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlRecord>

namespace retell::core {

namespace {

// Real Laravel installations soft-delete companies and branches; the minimal
// schema this app creates has the column too, but do not rely on it.
bool hasSoftDeletes(QSqlDatabase &db, const QString &table)
{
    static QMutex mutex;
    static QHash<QString, bool> cache;
    const QString key = db.databaseName() + QLatin1Char('|') + db.hostName() + QLatin1Char('|') + table;
    {
        QMutexLocker lock(&mutex);
        if (auto it = cache.constFind(key); it != cache.constEnd())
            return *it;
    }
    const bool has = db.record(table).contains(QStringLiteral("deleted_at"));
    QMutexLocker lock(&mutex);
    cache.insert(key, has);
    return has;
}

QString liveFilter(QSqlDatabase &db)
{
    QString filter;
    if (hasSoftDeletes(db, QStringLiteral("branches")))
        filter += QStringLiteral(" AND b.deleted_at IS NULL");
    if (hasSoftDeletes(db, QStringLiteral("companies")))
        filter += QStringLiteral(" AND c.deleted_at IS NULL");
    return filter;
}

} // namespace

const QSet<QString> &BranchService::branchVariables()
{
    static const QSet<QString> vars = {
        QStringLiteral("company_name"), QStringLiteral("branch_name"), QStringLiteral("branch_address"),
        QStringLiteral("branch_phone"), QStringLiteral("opening_hours"), QStringLiteral("customer_name"),
    };
    return vars;
}

bool BranchService::isBranchId(const QString &text)
{
    // Laravel's uuid(): 8-4-4-4-12 hex digits. PostgreSQL refuses anything
    // else bound to its uuid column with an error, so nothing else is sent.
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

Result<Branch> BranchService::lookup(QSqlDatabase &db, const QString &branchId)
{
    if (!isBranchId(branchId))
        return Error::notFound(QStringLiteral("No branch with id %1.").arg(branchId));
    auto q = Database::exec(db, QStringLiteral("SELECT b.id, b.name, b.company_id, c.name FROM branches b "
                                               "JOIN companies c ON c.id = b.company_id WHERE b.id = ?")
                                    + liveFilter(db),
                            {branchId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("No branch with id %1.").arg(branchId));
    Branch b;
    b.id = q->value(0).toString();
    b.name = q->value(1).toString();
    b.companyId = q->value(2).toString();
    b.companyName = q->value(3).toString();
    return b;
}

Result<Branch> BranchService::lookupForRead(QSqlDatabase &db, const QString &branchId)
{
    constexpr qint64 kFreshForMs = 30000;
    struct Entry
    {
        Branch branch;
        qint64 at = 0;
    };
    static QMutex mutex;
    static QHash<QString, Entry> cache;
    static QElapsedTimer clock = [] { QElapsedTimer t; t.start(); return t; }();
    const QString key = db.hostName() + QLatin1Char(':') + QString::number(db.port()) + QLatin1Char('/')
                      + db.databaseName() + QLatin1Char('|') + branchId;
    {
        QMutexLocker lock(&mutex);
        const auto it = cache.constFind(key);
        if (it != cache.constEnd() && clock.elapsed() - it->at < kFreshForMs)
            return it->branch;
    }
    auto branch = lookup(db, branchId);
    if (branch) {
        QMutexLocker lock(&mutex);
        if (cache.size() > 10000)
            cache.clear();
        cache.insert(key, Entry{branch.value(), clock.elapsed()});
    }
    return branch;
}

Result<QPair<Branch, QList<Grant>>> BranchService::lookupWithGrants(QSqlDatabase &db, const QString &branchId,
                                                                    const User &user)
{
    if (!isBranchId(branchId))
        return Error::notFound(QStringLiteral("No branch with id %1.").arg(branchId));
    // One round trip instead of two: every deploy and rollback asks this.
    auto q = Database::exec(db, QStringLiteral("SELECT b.id, b.name, b.company_id, c.name, g.id, g.scope, g.scope_id, g.role "
                                               "FROM branches b JOIN companies c ON c.id = b.company_id "
                                               "LEFT JOIN retell_admin_grants g ON g.user_id = ? WHERE b.id = ?")
                                    + liveFilter(db),
                            {user.id, branchId});
    if (!q)
        return q.error();
    Branch b;
    QList<Grant> grants;
    while (q->next()) {
        if (b.id.isEmpty()) {
            b.id = q->value(0).toString();
            b.name = q->value(1).toString();
            b.companyId = q->value(2).toString();
            b.companyName = q->value(3).toString();
        }
        if (!q->value(4).isNull())
            grants << AccessService::grantFromRow(q.value(), 4, user);
    }
    if (b.id.isEmpty())
        return Error::notFound(QStringLiteral("No branch with id %1.").arg(branchId));
    return qMakePair(b, grants);
}

Result<QList<Branch>> BranchService::branches(const Actor &actor) const
{
    return Database::retryOnce([&] { return branchesOnce(actor); });
}

Result<QList<Branch>> BranchService::branchesOnce(const Actor &actor) const
{
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    auto q = Database::exec(
        conn.value(),
        QStringLiteral("SELECT b.id, b.name, b.company_id, c.name, p.version, p.validation_status "
                       "FROM branches b JOIN companies c ON c.id = b.company_id "
                       "LEFT JOIN retell_agent_prompts p ON p.branch_id = b.id AND p.is_active = "
                       "TRUE AND p.is_template = FALSE "
                       "WHERE 1 = 1") +
            liveFilter(conn.value()) + QStringLiteral(" ORDER BY c.name, c.id, b.name, b.id"));
    if (!q)
        return q.error();
    QList<Branch> result;
    QString lastId;
    while (q->next()) {
        Branch b;
        b.id = q->value(0).toString();
        if (b.id == lastId)
            continue; // a second active row written by another client: show one
        lastId = b.id;
        b.name = q->value(1).toString();
        b.companyId = q->value(2).toString();
        b.companyName = q->value(3).toString();
        if (!q->value(4).isNull()) {
            b.activeVersion = q->value(4).toInt();
            b.activeStatus = validationStatusFromName(q->value(5).toString());
        }
        if (actor.roleFor(b.companyId, b.id))
            result << b;
    }
    return result;
}

Result<Branch> BranchService::resolve(const Actor &actor, const QString &idOrName) const
{
    auto all = branches(actor);
    if (!all)
        return all.error();
    const QString wanted = idOrName.trimmed();
    QList<Branch> byName;
    for (const Branch &b : std::as_const(*all)) {
        if (b.id.compare(wanted, Qt::CaseInsensitive) == 0)
            return b;
        if (b.name.compare(wanted, Qt::CaseInsensitive) == 0
            || (b.companyName + QLatin1Char('/') + b.name).compare(wanted, Qt::CaseInsensitive) == 0)
            byName << b;
    }
    if (byName.size() == 1)
        return byName.first();
    if (byName.size() > 1) {
        QStringList ids;
        for (const Branch &b : std::as_const(byName))
            ids << QStringLiteral("%1 (%2/%3)").arg(b.id, b.companyName, b.name);
        return Error::usage(QStringLiteral("\"%1\" names %2 branches; use an id or COMPANY/BRANCH: %3.")
                                .arg(wanted).arg(byName.size()).arg(ids.join(QStringLiteral(", "))));
    }
    return Error::notFound(QStringLiteral("No branch \"%1\" that %2 may see.").arg(wanted, actor.user.email));
}

} // namespace retell::core
