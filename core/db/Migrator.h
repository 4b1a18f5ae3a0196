#pragma once

#include "common/Result.h"
#include "db/ConnectionSpec.h"

#include <QStringList>

namespace retell::core {

struct MigrationReport
{
    QStringList applied;       // names of migrations applied by this run
    QStringList skipped;       // contract migrations skipped: the web app owns those tables
    int schemaVersion = 0;     // highest applied migration afterwards
    bool webAppSchema = false; // Laravel's migrations table lists the contract migration
};

// Applies migrations/<dialect>/NNNN_name.sql in order, each inside a
// transaction where the dialect allows, recorded in retell_admin_migrations.
// Files whose first line is "-- contract" create the web application's tables
// and are skipped when Laravel already created them. A database whose schema
// is newer than this build knows is refused.
class Migrator final
{
public:
    static Result<MigrationReport> migrate(const ConnectionSpec &spec);
    // Same, from another folder of migration files (tests use broken sets).
    static Result<MigrationReport> migrate(const ConnectionSpec &spec, const QString &directory);
    static int latestKnownVersion(Dialect dialect);
    static QString migrationsDirectory(Dialect dialect);
    // The Laravel migration that marks a database set up by the web application.
    static constexpr const char *kWebAppMigration =
        "2025_10_21_131415_create_retell_agent_prompts_table";
    // Verifies an existing schema is usable (migrated, not newer) without changing it.
    static Result<int> check(const ConnectionSpec &spec);
};

} // namespace retell::core
