#include "services/ServiceWorker.h"

#include "db/Database.h"

namespace retell::ui {

ServiceWorker::ServiceWorker(QObject *parent)
    : TaskRunner(QStringLiteral("retell-service-worker"),
                 {&core::Database::releaseStatements, &core::Database::closeThreadConnections},
                 parent)
{
}

ServiceWorker::~ServiceWorker() = default;

} // namespace retell::ui
