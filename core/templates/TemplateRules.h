#pragma once

#include "access/Actor.h"
#include "common/Result.h"

class QSqlDatabase;

// The checks and row helpers behind TemplateService: what a template name,
// description and content must be, whether a name is free for an owner, and
// which stored row an actor may change. Internal to core/templates.
namespace retell::core {
class RowReader;
}

namespace retell::core::template_rules {

inline constexpr int kMaxDescriptionBytes = 65535; // TEXT on MySQL

// The columns of retell_admin_templates that templateFromRow() reads.
extern const QString kTemplateColumns;
Template templateFromRow(const RowReader &row);

Result<QString> checkedName(const QString &name);
Result<void> checkDescription(const QString &description);
// The content validates without errors against a branch's variables.
Result<void> checkContent(const AgentConfig &config);
Result<void> checkNameFree(QSqlDatabase &db, const QList<Template> &known,
                           const QString &ownerCompany, const QString &name, qint64 exceptId);
Error readOnly(const Template &t);
Result<QString> companyName(QSqlDatabase &db, const QString &companyId);
// The custom template row, locked, as the (re-read) actor may change it.
Result<Template> changeableRow(QSqlDatabase &db, const Actor &actor, const Template &which);
// One of the templates by name; with a branch, only those that may go onto it.
Result<Template> pick(const QList<Template> &list, const QString &name, const Branch *branch);

} // namespace retell::core::template_rules
