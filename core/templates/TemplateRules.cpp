#include "templates/TemplateRules.h"

#include "access/AccessService.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/RowReader.h"
#include "templates/TemplateAccess.h"
#include "templates/TemplateService.h"
#include "validation/Validator.h"
#include "versions/BranchService.h"

#include <QSqlQuery>

namespace retell::core::template_rules {

using namespace Qt::Literals::StringLiterals;

const QString kTemplateColumns = QStringLiteral("id, name, description, ") + configColumns() +
                                 QStringLiteral(", is_builtin, company_id, created_by, language");

// A row of retell_admin_templates read with kTemplateColumns.
Template templateFromRow(const RowReader &row)
{
    Template t;
    t.id = row.integer("id"_L1);
    t.name = row.text("name"_L1);
    t.description = row.text("description"_L1);
    t.config = configFrom(row);
    t.source = row.flag("is_builtin"_L1) ? TemplateSource::BuiltIn : TemplateSource::Custom;
    t.companyId = row.text("company_id"_L1);
    t.language = row.text("language"_L1);
    if (!row.isNull("created_by"_L1))
        t.createdBy = row.integer("created_by"_L1);
    return t;
}

Result<QString> checkedName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 255)
        return Error::usage(QStringLiteral("A template name needs 1 to 255 characters."));
    return trimmed;
}

Result<void> checkDescription(const QString &description)
{
    if (description.toUtf8().size() > kMaxDescriptionBytes)
        return Error::usage(QStringLiteral("A template description may have at most %1 bytes.")
                                .arg(kMaxDescriptionBytes));
    return {};
}

Result<void> checkContent(const AgentConfig &config)
{
    const ValidationResult validation =
        Validator::validate(config, BranchService::validationContext());
    if (!validation.hasErrors())
        return {};
    Error e{ErrorKind::Validation,
            QStringLiteral("The content has %1 error(s); fix them before saving it as a template.")
                .arg(validation.errorCount()),
            {}};
    e.findings = validation.findings;
    return e;
}

// Whether the name is taken where a template of this owner would be seen:
// built-ins and web-app templates everywhere, templates shared with every
// company, the owner's own; a shared template must be unique everywhere.
Result<void> checkNameFree(QSqlDatabase &db, const QList<Template> &known,
                           const QString &ownerCompany, const QString &name, qint64 exceptId)
{
    const Error taken =
        Error::conflict(QStringLiteral("A template named \"%1\" already exists.").arg(name))
            .withCode("template.name_taken", {name});
    for (const Template &t : known)
        if (t.source == TemplateSource::WebApp && t.name.compare(name, Qt::CaseInsensitive) == 0)
            return taken;
    for (const Template &t : TemplateService::builtIns())
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return taken;
    auto q =
        Database::exec(db,
                       QStringLiteral("SELECT company_id, is_builtin FROM retell_admin_templates "
                                      "WHERE LOWER(name) = LOWER(?) AND id <> ?"),
                       {name, exceptId});
    if (!q)
        return q.error();
    const RowReader row(q.value());
    while (q->next()) {
        const QString company = row.text("company_id"_L1);
        if (row.flag("is_builtin"_L1) || ownerCompany.isEmpty() || company.isEmpty() ||
            company == ownerCompany)
            return taken;
    }
    return {};
}

Error readOnly(const Template &t)
{
    return Error::permission(
               QStringLiteral(
                   "The %1 template \"%2\" is read-only; save a copy as a new template instead.")
                   .arg(t.source == TemplateSource::WebApp ? QStringLiteral("web-app")
                                                           : QStringLiteral("built-in"),
                        t.name))
        .withCode(t.source == TemplateSource::WebApp ? "template.read_only_web"
                                                     : "template.read_only_builtin",
                  {t.name});
}

Result<QString> companyName(QSqlDatabase &db, const QString &companyId)
{
    auto company =
        Database::exec(db, QStringLiteral("SELECT name FROM companies WHERE id = ?"), {companyId});
    if (!company)
        return company.error();
    if (!company->next())
        return Error::notFound(QStringLiteral("No company with id %1.").arg(companyId));
    return RowReader(company.value()).text("name"_L1);
}

// The custom template row, locked, as the (re-read) actor may change it.
Result<Template> changeableRow(QSqlDatabase &db, const Actor &actor, const Template &which)
{
    auto current = AccessService::refreshed(db, actor);
    if (!current)
        return current.error();
    auto reach = TemplateReach::of(db, current.value(), nullptr);
    if (!reach)
        return reach.error();
    const Error gone =
        Error::notFound(QStringLiteral("The template no longer exists.")).withCode("template.gone");
    // Another company's template, or one the actor may not see: as if it did not exist.
    if (which.source != TemplateSource::Custom || which.id <= 0)
        return reach->sees(which) ? readOnly(which) : gone;
    auto q = Database::exec(
        db,
        QStringLiteral("SELECT %1 FROM retell_admin_templates WHERE id = ?").arg(kTemplateColumns) +
            rowLock(db),
        {which.id});
    if (!q)
        return q.error();
    if (!q->next())
        return gone;
    const Template t = templateFromRow(RowReader(q.value()));
    if (!reach->sees(t))
        return gone;
    if (t.source != TemplateSource::Custom)
        return readOnly(t);
    if (!reach->mayChange(t))
        return Error::permission(
                   QStringLiteral(
                       "%1 may not change the template \"%2\": that needs an admin of its company, "
                       "a global admin or whoever saved it.")
                       .arg(actor.user.email, t.name))
            .withCode("template.may_not_change", {actor.user.email, t.name});
    return t;
}

// One of the templates by name; with a branch, only those that may go onto it.
Result<Template> pick(const QList<Template> &list, const QString &name, const Branch *branch)
{
    const QString wanted = name.trimmed();
    QList<Template> matches;
    for (const Template &t : list)
        if (t.name.compare(wanted, Qt::CaseInsensitive) == 0)
            matches << t;
    if (matches.isEmpty() && wanted.contains(QLatin1Char('/'))) {
        for (const Template &t : list)
            if (!t.companyName.isEmpty() &&
                (t.companyName + QLatin1Char('/') + t.name).compare(wanted, Qt::CaseInsensitive) ==
                    0)
                matches << t;
    }
    if (matches.isEmpty())
        return Error::notFound(QStringLiteral("No template named \"%1\".").arg(wanted));
    if (branch) {
        const QList<Template> seen = matches;
        matches.clear();
        for (const Template &t : seen)
            if (TemplateService::appliesTo(t, *branch))
                matches << t;
        if (matches.isEmpty())
            return Error::permission(QStringLiteral("The template \"%1\" belongs to %2; it can "
                                                    "only be applied to that company's branches.")
                                         .arg(seen.first().name, seen.first().companyName))
                .withCode("template.other_company", {seen.first().name, seen.first().companyName});
    }
    if (matches.size() == 1)
        return matches.first();
    QStringList owners;
    for (const Template &t : std::as_const(matches))
        owners << (t.companyName.isEmpty() ? QStringLiteral("shared") : t.companyName);
    return Error::usage(
        QStringLiteral("Several templates are named \"%1\" (%2); write COMPANY/NAME to pick one.")
            .arg(wanted, owners.join(QStringLiteral(", "))));
}

} // namespace retell::core::template_rules
