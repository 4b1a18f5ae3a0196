#pragma once

#include "domain/Types.h"
#include "services/SessionFacade.h"

namespace retell::ui {

// Grants in the app (issue 13 §7) on the session's worker: the web app's
// users by name or e-mail, the grants the user may see, grant and revoke.
// The services check every call exactly as they do for the CLI.
class AccessFacade final : public SessionFacade
{
public:
    using SessionFacade::SessionFacade;

    // Users whose name or e-mail contains `search` (all when empty).
    TaskHandle users(QObject *receiver, const QString &search, Done<QList<core::User>> done) const;
    TaskHandle grants(QObject *receiver, Done<QList<core::Grant>> done) const;
    // scopeId: the company's or branch's id; empty for a global grant.
    TaskHandle grant(QObject *receiver, const QString &email, core::Role role,
                     core::GrantScope scope, const QString &scopeId, Done<core::Grant> done) const;
    TaskHandle revoke(QObject *receiver, const QString &email, core::GrantScope scope,
                      const QString &scopeId, Done<int> done) const;
};

} // namespace retell::ui
