#pragma once

#include "common/Result.h"
#include "db/ConnectionSpec.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace retell::core {

// Adds connection `name` to Qt's registry and opens it on the calling
// thread: SQLite (read-only when this process or the file says so, created
// only inside a SqliteCreateScope) or MySQL with its session settings and the
// TLS options enforced. On failure the caller removes `name`.
Result<QSqlDatabase> openConnection(const ConnectionSpec &spec, const QString &name);

// The driver's native error code as a number (0 when it has none).
inline int sqlNativeCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code : 0;
}

} // namespace retell::core
