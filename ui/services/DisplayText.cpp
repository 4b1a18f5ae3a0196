#include "DisplayText.h"

#include <QCoreApplication>

namespace retell::ui {

namespace {

// Free functions have no tr(); this gives them one under the context "DisplayText".
struct DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)
};

QString arg(const core::Error &error, qsizetype i)
{
    return i < error.args.size() ? error.args.at(i) : QString();
}

} // namespace

QString roleTitle(core::Role role)
{
    switch (role) {
    case core::Role::Viewer:
        return DisplayText::tr("viewer");
    case core::Role::Editor:
        return DisplayText::tr("editor");
    case core::Role::Admin:
        break;
    }
    return DisplayText::tr("admin");
}

QString roleTitle(const QString &roleName)
{
    const auto role = core::roleFromName(roleName);
    return role ? roleTitle(*role) : roleName;
}

QString scopeTitle(core::GrantScope scope)
{
    switch (scope) {
    case core::GrantScope::Company:
        return DisplayText::tr("company");
    case core::GrantScope::Branch:
        return DisplayText::tr("branch");
    case core::GrantScope::Global:
        break;
    }
    return DisplayText::tr("global");
}

QString databaseTitle(const core::ConnectionSpec &spec)
{
    if (spec.dialect == core::Dialect::SQLite)
        return DisplayText::tr("local database (%1)").arg(spec.path);
    return spec.displayName();
}

QString errorText(const core::Error &error)
{
    const QString &code = error.code;
    if (code == QLatin1String("auth.refused"))
        return DisplayText::tr("Unknown e-mail address or wrong password.");
    if (code == QLatin1String("auth.email_missing"))
        return DisplayText::tr("Enter the e-mail address you use in the web admin.");
    if (code == QLatin1String("db.unreachable"))
        return DisplayText::tr(
                   "Cannot reach the database server at %1; check host, port and network.")
            .arg(arg(error, 0));
    if (code == QLatin1String("db.connection_lost"))
        return DisplayText::tr("The connection to the database was lost.");
    if (code == QLatin1String("access.no_access"))
        return DisplayText::tr("%1 has no access to this branch.").arg(arg(error, 0));
    if (code == QLatin1String("access.role_too_low"))
        return DisplayText::tr("%1 is a %2 here; this needs the %3 role.")
            .arg(arg(error, 0), roleTitle(arg(error, 1)), roleTitle(arg(error, 2)));
    if (code == QLatin1String("template.name_taken"))
        return DisplayText::tr("A template named \"%1\" already exists.").arg(arg(error, 0));
    if (code == QLatin1String("version.unchanged") ||
        code == QLatin1String("offline.unchanged_active"))
        return DisplayText::tr("Nothing changed since version %1.").arg(arg(error, 0));
    if (code == QLatin1String("version.unchanged_rollback"))
        return DisplayText::tr("Nothing changed since version %1: version %2 has the same content.")
            .arg(arg(error, 0), arg(error, 1));
    if (code == QLatin1String("offline.unchanged_queued"))
        return DisplayText::tr("Nothing changed since the operation queued before it.");
    if (code == QLatin1String("offline.rollback_conflict"))
        return DisplayText::tr("The operation %1 is a rollback made on an older version: drop "
                               "it, and roll back again if that is still what you want.")
            .arg(arg(error, 0));
    if (code == QLatin1String("version.stale"))
        return DisplayText::tr("Version %1 was deployed by %2 while you were editing version %3; "
                               "compare and deploy again.")
            .arg(arg(error, 0),
                 arg(error, 1).isEmpty() ? DisplayText::tr("someone else") : arg(error, 1),
                 arg(error, 2));
    if (code == QLatin1String("version.notes_required"))
        return DisplayText::tr("Say in the notes why this version is deployed.");
    if (code == QLatin1String("version.none_active"))
        return DisplayText::tr("%1 has no deployed version yet.").arg(arg(error, 0));
    if (code == QLatin1String("version.missing"))
        return DisplayText::tr("The branch has no version %1.").arg(arg(error, 0));
    if (code == QLatin1String("template.read_only_web"))
        return DisplayText::tr("The web-app template \"%1\" is read-only; save a copy as a new "
                               "template instead.")
            .arg(arg(error, 0));
    if (code == QLatin1String("template.read_only_builtin"))
        return DisplayText::tr("The built-in template \"%1\" is read-only; save a copy as a new "
                               "template instead.")
            .arg(arg(error, 0));
    if (code == QLatin1String("template.gone"))
        return DisplayText::tr("The template no longer exists.");
    if (code == QLatin1String("template.may_not_change"))
        return DisplayText::tr("%1 may not change the template \"%2\": that needs an admin of its "
                               "company, a global admin or whoever saved it.")
            .arg(arg(error, 0), arg(error, 1));
    if (code == QLatin1String("template.other_company"))
        return DisplayText::tr("The template \"%1\" belongs to %2; it can only be applied to that "
                               "company's branches.")
            .arg(arg(error, 0), arg(error, 1));
    if (code == QLatin1String("draft.folder"))
        return DisplayText::tr("The drafts folder %1 cannot be created.").arg(arg(error, 0));
    if (code == QLatin1String("draft.write"))
        return DisplayText::tr("The draft cannot be written: %1.").arg(arg(error, 0));
    if (code.startsWith(QLatin1String("retell.")))
        return retellErrorText(error);
    return error.message;
}

QString retellErrorText(const core::Error &error)
{
    const QString &code = error.code;
    if (code == QLatin1String("retell.unreachable"))
        return DisplayText::tr("Retell could not be reached; check the network and the base URL.");
    if (code == QLatin1String("retell.timeout"))
        return DisplayText::tr("Retell did not answer in time.");
    if (code == QLatin1String("retell.unauthorized"))
        return DisplayText::tr("Retell refused the API key; check it under Admin › Retell API "
                               "Key.");
    if (code == QLatin1String("retell.not_found"))
        return DisplayText::tr("Retell does not know this agent or LLM; check the link.");
    if (code == QLatin1String("retell.rejected"))
        return arg(error, 1).isEmpty()
                   ? DisplayText::tr("Retell refused the configuration.")
                   : DisplayText::tr("Retell refused the configuration: %1").arg(arg(error, 1));
    if (code == QLatin1String("retell.rate_limited"))
        return arg(error, 0).isEmpty()
                   ? DisplayText::tr("Retell asked to slow down; the app tries again later.")
                   : DisplayText::tr("Retell asked to wait %1 seconds; the app tries again then.")
                         .arg(arg(error, 0));
    if (code == QLatin1String("retell.server"))
        return DisplayText::tr("Retell had a server error; the app tries again later.");
    if (code == QLatin1String("retell.protocol"))
        return DisplayText::tr("Retell answered something the app does not understand.");
    if (code == QLatin1String("retell.cancelled"))
        return DisplayText::tr("Cancelled before Retell answered; the app tries again later.");
    if (code == QLatin1String("retell.newer_edit"))
        return DisplayText::tr("Retell has a newer edit made in its dashboard; import or "
                               "overwrite it first.");
    if (code == QLatin1String("retell.llm_mismatch"))
        return DisplayText::tr("The Retell agent %1 answers with the LLM %2, not %3.")
            .arg(arg(error, 0), arg(error, 1), arg(error, 2));
    if (code == QLatin1String("retell.agent_linked"))
        return DisplayText::tr("The Retell agent %1 is already linked to another branch.")
            .arg(arg(error, 0));
    if (code == QLatin1String("retell.not_linked"))
        return DisplayText::tr("This branch is not linked to a Retell agent.");
    if (code == QLatin1String("retell.no_key"))
        return DisplayText::tr("No Retell API key is set; add one under Admin › Retell API Key.");
    return error.message;
}

} // namespace retell::ui
