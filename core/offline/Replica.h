#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

namespace retell::core {

// Where the local replica of a shared database lives (issue 12 §1). A
// replica is a migrated SQLite file readable by its owner only (0600, in a
// 0700 folder), holding what one user may see.
//
// The file name comes from the server's dialect, host, port, database and
// database user, never from a password or the URL's options, sanitised to
// [A-Za-z0-9._-] and made unique by a short hash of the exact values: the
// same server always gives the same name, two servers never share one.
QString replicaFileName(const ConnectionSpec &server);
// <AppDataLocation>/replicas/<replicaFileName>.
QString defaultReplicaPath(const ConnectionSpec &server);

// Opens (creating it if needed) the replica at path: a folder it creates
// made 0700 (an existing folder is left alone), the file created 0600
// before SQLite writes into it (an existing one is set to 0600 again),
// migrated like any SQLite database. ErrorKind::Io when the folder or the
// file cannot be made private.
Result<ServiceContext> openReplica(const QString &path);

// Logs in against a replica, without the server: works for the user whose
// login the last pull stored (someone who logged in online and synced);
// anyone else, and a wrong password, is refused with the same
// ErrorKind::Authentication and sentence as an online login.
Result<Actor> loginOffline(const ServiceContext &replica, const QString &email,
                           const QString &password);

} // namespace retell::core
