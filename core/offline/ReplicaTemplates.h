#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

namespace retell::core {

// Templates for offline work (issue 12 §1), refreshed by every pull: the
// custom templates the actor sees (with their owner and its name) and the
// web application's template rows, as TemplateService lists them on the
// server. Custom ones keep their server id; a web-app template is kept as a
// read-only row shared with every company ("Template from the web admin"),
// since the branch whose row it is may be one the actor does not see. What
// the replica had before is replaced in one local transaction; built-ins
// come from the app's resources and are not copied.
class ReplicaTemplates final
{
public:
    ReplicaTemplates(ServiceContext server, ServiceContext replica)
        : m_server(std::move(server)), m_replica(std::move(replica))
    {
    }

    // The number of templates the replica now holds (custom and web-app).
    Result<int> refresh(const Actor &actor) const;

private:
    ServiceContext m_server;
    ServiceContext m_replica;
};

} // namespace retell::core
