#include "access/BranchLookup.h"

#include "access/AccessService.h"
#include "db/Database.h"
#include "db/RowReader.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlRecord>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

// Real Laravel installations soft-delete companies and branches; the minimal
// schema this app creates has the column too, but do not rely on it.
bool hasSoftDeletes(QSqlDatabase &db, const QString &table)
{
    static QMutex mutex;
    static QHash<QString, bool> cache;
    const QString key =
        db.databaseName() + QLatin1Char('|') + db.hostName() + QLatin1Char('|') + table;
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

} // namespace

QString BranchLookup::liveFilter(QSqlDatabase &db)
{
    QString filter;
    if (hasSoftDeletes(db, QStringLiteral("branches")))
        filter += QStringLiteral(" AND b.deleted_at IS NULL");
    if (hasSoftDeletes(db, QStringLiteral("companies")))
        filter += QStringLiteral(" AND c.deleted_at IS NULL");
    return filter;
}

bool BranchLookup::isBranchId(const QString &text)
{
    // Laravel's uuid(): 8-4-4-4-12 hex digits. PostgreSQL refuses anything
    // else bound to its uuid column with an error, so nothing else is sent.
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return uuid.match(text).hasMatch();
}

Result<Branch> BranchLookup::lookup(QSqlDatabase &db, const QString &branchId)
{
    if (!isBranchId(branchId))
        return Error::notFound(QStringLiteral("No branch with id %1.").arg(branchId));
    auto q = Database::exec(db,
                            QStringLiteral("SELECT ") + branchColumns() +
                                QStringLiteral(" FROM branches b JOIN companies c ON c.id = "
                                               "b.company_id WHERE b.id = ?") +
                                liveFilter(db),
                            {branchId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("No branch with id %1.").arg(branchId));
    return branchFrom(RowReader(q.value()));
}

QString BranchLookup::branchColumns()
{
    return QStringLiteral("b.id AS branch_id, b.name AS branch_name, b.company_id AS company_id, "
                          "c.name AS company_name");
}

Branch BranchLookup::branchFrom(const RowReader &row)
{
    Branch b;
    b.id = row.text("branch_id"_L1);
    b.name = row.text("branch_name"_L1);
    b.companyId = row.text("company_id"_L1);
    b.companyName = row.text("company_name"_L1);
    return b;
}

Result<Branch> BranchLookup::lookupForRead(QSqlDatabase &db, const QString &branchId,
                                           const Clock &clock)
{
    constexpr qint64 kFreshForMs = 30000;
    struct Entry
    {
        Branch branch;
        qint64 at = 0;
    };
    static QMutex mutex;
    static QHash<QString, Entry> cache;
    const qint64 now = clock().toMSecsSinceEpoch();
    const QString key = db.hostName() + QLatin1Char(':') + QString::number(db.port()) +
                        QLatin1Char('/') + db.databaseName() + QLatin1Char('|') + branchId;
    {
        QMutexLocker lock(&mutex);
        const auto it = cache.constFind(key);
        if (it != cache.constEnd() && now - it->at >= 0 && now - it->at < kFreshForMs)
            return it->branch;
    }
    auto branch = lookup(db, branchId);
    if (branch) {
        QMutexLocker lock(&mutex);
        if (cache.size() > 10000)
            cache.clear();
        cache.insert(key, Entry{branch.value(), now});
    }
    return branch;
}

Result<QPair<Branch, QList<Grant>>>
BranchLookup::lookupWithGrants(QSqlDatabase &db, const QString &branchId, const User &user)
{
    if (!isBranchId(branchId))
        return Error::notFound(QStringLiteral("No branch with id %1.").arg(branchId));
    // One round trip instead of two: every deploy and rollback asks this.
    auto q = Database::exec(
        db,
        QStringLiteral("SELECT ") + branchColumns() +
            QStringLiteral(
                ", g.id AS grant_id, g.scope AS scope, g.scope_id AS scope_id, g.role AS role "
                "FROM branches b JOIN companies c ON c.id = b.company_id "
                "LEFT JOIN retell_admin_grants g ON g.user_id = ? WHERE b.id = ?") +
            liveFilter(db),
        {user.id, branchId});
    if (!q)
        return q.error();
    Branch b;
    QList<Grant> grants;
    const RowReader row(q.value());
    while (q->next()) {
        if (b.id.isEmpty())
            b = branchFrom(row);
        if (!row.isNull("grant_id"_L1))
            grants << AccessService::grantFromRow(row, user);
    }
    if (b.id.isEmpty())
        return Error::notFound(QStringLiteral("No branch with id %1.").arg(branchId));
    return qMakePair(b, grants);
}

} // namespace retell::core
