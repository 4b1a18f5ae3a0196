#pragma once

#include "access/Actor.h"
#include "db/ConnectionSpec.h"

#include <QString>
#include <QVariantList>

namespace retell::test {

// The smallest world to deploy in: migrated schema, company 1 "Acme Salons"
// with branches Alpha and Beta, user 1 "Ann Admin" <ann@example.com>
// (password "pw") holding a global admin grant.
struct TestWorld
{
    static inline const QString kBranchA = QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    static inline const QString kBranchB = QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3302");
    static inline const QString kTools = QStringLiteral(
        R"([{"type":"end_call","name":"end_call","description":"Hang up politely."}])");

    static core::Actor create(const core::ConnectionSpec &spec);
    // First column of the first row, as text ("<none>" when empty).
    static QString scalar(const core::ConnectionSpec &spec, const QString &sql,
                          const QVariantList &bind = {});
    static int promptRows(const core::ConnectionSpec &spec,
                          const QString &where = QStringLiteral("1 = 1"));
};

} // namespace retell::test
