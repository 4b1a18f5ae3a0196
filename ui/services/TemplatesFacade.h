#pragma once

#include "domain/Types.h"
#include "services/SessionFacade.h"
#include "templates/TemplateService.h"

namespace retell::ui {

// The templates the user may see and change, on the session's worker (the
// session's cached TemplateService is thread-safe). Offline they are read
// from the replica and not changed (a change there would never reach the server).
class TemplatesFacade final : public SessionFacade
{
public:
    using SessionFacade::SessionFacade;

    TaskHandle list(QObject *receiver, Done<QList<core::Template>> done) const;
    // companyId empty: shared with every company.
    TaskHandle save(QObject *receiver, const QString &companyId, const QString &name,
                    const QString &description, const core::AgentConfig &content,
                    Done<core::Template> done) const;
    TaskHandle update(QObject *receiver, const core::Template &which,
                      const core::TemplateChange &change, Done<core::Template> done) const;
    // Answers the template as it was stored, for undo.
    TaskHandle remove(QObject *receiver, const core::Template &which,
                      Done<core::Template> done) const;
};

} // namespace retell::ui
