#pragma once

#include "common/Result.h"
#include "db/ConnectionSpec.h"

namespace retell::core {

// The options of a mysql:// URL reach the driver as one "A=x;B=y" string
// without any escaping: every option must be known and its value well-formed
// (seconds 1..3600, paths without ';' or control characters, cipher names,
// true/false), so that no value can add driver options of its own.
// ConnectionSpec::parse checks it; the database layer checks again before
// connecting, for specs built in code.
Result<void> validateConnectionOptions(const ConnectionSpec &spec);

// Files named by path options (ssl_ca, sslrootcert, ...) exist before
// anything is sent: a typo is told as such, not as a TLS failure.
Result<void> checkOptionFiles(const ConnectionSpec &spec);

// Any TLS option (ssl_* on MySQL, ssl* on PostgreSQL): TLS with a certificate the CA signed, or no
// connection.
bool usesTls(const ConnectionSpec &spec);
// With TLS: the certificate must name the host, unless ssl_verify_host=false
// (MySQL) or sslmode=verify-ca/require (PostgreSQL) relaxes it.
bool verifiesHostName(const ConnectionSpec &spec);

// A process that only reads (the CLI's read commands) opens every connection
// read-only: SQLite files with SQLITE_OPEN_READONLY, MySQL sessions with
// SET SESSION TRANSACTION READ ONLY. Then not even a bug can write.
void setReadOnlyProcess(bool readOnly);
bool isReadOnlyProcess();

// Opening a SQLite file never creates it (nor its folder): a mistyped path
// is an error, not a new empty database. Only a migration may create one;
// Migrator::migrate holds this while it opens its connection.
class SqliteCreateScope final
{
public:
    SqliteCreateScope();
    ~SqliteCreateScope();
    SqliteCreateScope(const SqliteCreateScope &) = delete;
    SqliteCreateScope &operator=(const SqliteCreateScope &) = delete;
    static bool active(); // on the calling thread
};

} // namespace retell::core
