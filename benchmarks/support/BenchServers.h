#pragma once

// The shared-database servers a benchmark runs against, from its --mysql URL
// and --pgsql URL arguments (passwords: RETELL_ADMIN_DB_PASSWORD, and
// RETELL_BENCH_PGSQL_PASSWORD for --pgsql). Header-only: only the benchmarks
// that link retell_core include it.
#include "db/ConnectionSpec.h"

#include <QList>
#include <QString>

#include <cstdio>
#include <optional>

namespace retell::bench {

struct BenchServer
{
    QString name; // "MariaDB", "PostgreSQL"
    core::ConnectionSpec spec;
};

// The servers given (an empty URL: not measured); nothing, after saying
// why, when a URL does not parse.
inline std::optional<QList<BenchServer>> benchServers(const QString &mysqlUrl,
                                                      const QString &pgsqlUrl)
{
    const struct
    {
        QString url;
        const char *passwordVariable;
        QString name;
    } given[] = {{mysqlUrl, "RETELL_ADMIN_DB_PASSWORD", QStringLiteral("MariaDB")},
                 {pgsqlUrl, "RETELL_BENCH_PGSQL_PASSWORD", QStringLiteral("PostgreSQL")}};
    QList<BenchServer> servers;
    for (const auto &server : given) {
        if (server.url.isEmpty())
            continue;
        auto spec = core::ConnectionSpec::parse(server.url);
        if (!spec) {
            std::fprintf(stderr, "%s\n", qPrintable(spec.error().message));
            return std::nullopt;
        }
        spec->password = qEnvironmentVariable(server.passwordVariable);
        servers << BenchServer{server.name, spec.value()};
    }
    return servers;
}

// Says on stderr what failed and why; false, for `return fail(...)`.
inline bool fail(const QString &what, const core::Error &error)
{
    std::fprintf(stderr, "%s: %s %s\n", qPrintable(what), qPrintable(error.message),
                 qPrintable(error.detail));
    return false;
}

} // namespace retell::bench
