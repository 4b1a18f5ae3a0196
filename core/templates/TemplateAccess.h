#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

#include <QHash>

class QSqlDatabase;

namespace retell::core {

// Where an actor's grants reach, per company: the rules of TemplateService
// (see there) as pure functions over it, so the service and its tests share
// one definition.
struct TemplateReach
{
    UserId user = 0;
    std::optional<Role> global;
    QHash<QString, Role> companyGrants; // company-scope grants only
    QHash<QString, Role> anyGrants;     // company- or branch-scope grants, per company

    // Branch grants are mapped to their companies through the branches table:
    // read fresh for writes (readCache null), or through the lookup cache
    // that readCache's clock ages.
    static Result<TemplateReach> of(QSqlDatabase &db, const Actor &actor, const Clock *readCache);

    std::optional<Role> roleIn(const QString &companyId) const;
    bool mayDeploySomewhere() const;
    bool sees(const Template &tmpl) const;
    bool maySaveFor(const QString &companyId) const; // empty: shared with every company
    bool mayChange(const Template &tmpl) const;
};

} // namespace retell::core
