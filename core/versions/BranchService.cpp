#include "versions/BranchService.h"

#include "access/AccessService.h"
#include "access/BranchLookup.h"
#include "db/Database.h"
#include "db/RowReader.h"

#include <QHash>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

const QSet<QString> &BranchService::branchVariables()
{
    static const QSet<QString> vars = {
        QStringLiteral("company_name"),   QStringLiteral("branch_name"),
        QStringLiteral("branch_address"), QStringLiteral("branch_phone"),
        QStringLiteral("opening_hours"),  QStringLiteral("customer_name"),
    };
    return vars;
}

ValidationContext BranchService::validationContext(const Branch &)
{
    ValidationContext context;
    context.knownVariables = branchVariables();
    return context;
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
        QStringLiteral("SELECT ") + BranchLookup::branchColumns() +
            QStringLiteral(
                ", p.version AS version, p.validation_status AS validation_status "
                "FROM branches b JOIN companies c ON c.id = b.company_id "
                "LEFT JOIN retell_agent_prompts p ON p.branch_id = b.id AND p.is_active = "
                "TRUE AND p.is_template = FALSE "
                "WHERE 1 = 1") +
            BranchLookup::liveFilter(conn.value()) +
            QStringLiteral(" ORDER BY c.name, c.id, b.name, b.id"));
    if (!q)
        return q.error();
    QList<Branch> result;
    QString lastId;
    const RowReader row(q.value());
    while (q->next()) {
        Branch b = BranchLookup::branchFrom(row);
        if (b.id == lastId)
            continue; // a second active row written by another client: show one
        lastId = b.id;
        if (!row.isNull("version"_L1)) {
            b.activeVersion = int(row.integer("version"_L1));
            b.activeStatus = validationStatusFromName(row.text("validation_status"_L1));
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
    return resolveIn(all.value(), actor, idOrName);
}

Result<Branch> BranchService::resolveIn(const QList<Branch> &branches, const Actor &actor,
                                        const QString &idOrName)
{
    const QString wanted = idOrName.trimmed();
    QList<Branch> byName;
    for (const Branch &b : branches) {
        if (b.id.compare(wanted, Qt::CaseInsensitive) == 0)
            return b;
        if (b.name.compare(wanted, Qt::CaseInsensitive) == 0 ||
            (b.companyName + QLatin1Char('/') + b.name).compare(wanted, Qt::CaseInsensitive) == 0)
            byName << b;
    }
    if (byName.size() == 1)
        return byName.first();
    if (byName.size() > 1) {
        QStringList ids;
        for (const Branch &b : std::as_const(byName))
            ids << QStringLiteral("%1 (%2/%3)").arg(b.id, b.companyName, b.name);
        return Error::usage(
            QStringLiteral("\"%1\" names %2 branches; use an id or COMPANY/BRANCH: %3.")
                .arg(wanted)
                .arg(byName.size())
                .arg(ids.join(QStringLiteral(", "))));
    }
    return Error::notFound(
        QStringLiteral("No branch \"%1\" that %2 may see.").arg(wanted, actor.user.email));
}

} // namespace retell::core
