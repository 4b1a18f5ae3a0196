// Offline sync benchmark (issue 12) on MariaDB and PostgreSQL: the first
// fill of a replica from 1,000 branches x 100 versions with 8 KB prompts
// (with its progress bar), an incremental sync when nothing is new, and the
// push of 100 operations queued offline (50 branches, two chained on each).
//   bench_sync [--mysql URL] [--pgsql URL] [--branches N] [--versions N] [--samples N]
//   (server passwords: RETELL_ADMIN_DB_PASSWORD, or RETELL_BENCH_PGSQL_PASSWORD for --pgsql)
// scripts/dev.sh bench starts throwaway servers and runs this.
#include "BenchServers.h"
#include "BenchTable.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "offline/OfflineWork.h"
#include "offline/OutboxPush.h"
#include "offline/Replica.h"
#include "offline/Sync.h"
#include "templates/TemplateService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace retell::core;
using namespace retell::bench;

namespace {

const QString kTools =
    QStringLiteral(R"([{"type":"end_call","name":"end_call","description":"Hang up politely."}])");

struct Options
{
    int branches = 1000;
    int versions = 100;
    int samples = 30;
    int queued = 100;
};

QString branchId(int i)
{
    return QStringLiteral("b0000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

// An ~8 KB prompt, different per tag.
QString prompt(const QString &tag)
{
    static const QString body = [] {
        QString text = QStringLiteral("## Role\nYou are the receptionist of a hair salon.\n");
        while (text.size() < 8 * 1024 - 64)
            text += QStringLiteral("\n## Notes\nKeep answers short; confirm the date and time "
                                   "with the caller, then finish with end_call.");
        return text;
    }();
    return body + QStringLiteral("\n\n(") + tag + QLatin1Char(')');
}

// The shared database: one company, `branches` branches with `versions`
// versions each (the last active), one admin. Multi-row inserts, one
// transaction per 10 branches.
bool fillServer(const ConnectionSpec &spec, const Options &o)
{
    if (auto m = Migrator::migrate(spec); !m)
        return fail(QStringLiteral("migrate"), m.error());
    auto conn = Database::connection(spec);
    if (!conn)
        return fail(QStringLiteral("connect"), conn.error());
    QSqlDatabase &db = conn.value();
    if (spec.dialect == Dialect::MySQL) {
        // A server sized for its data: InnoDB keeps each 8 KB prompt in a
        // 16 KB page of its own, so the table is twice the prompts; the
        // test fixture's 128 MB pool would measure the disk, not the sync.
        const qint64 needed = qint64(o.branches) * o.versions * 24 * 1024;
        QSqlQuery pool(db);
        if (pool.exec(QStringLiteral("SELECT @@innodb_buffer_pool_size")) && pool.next() &&
            pool.value(0).toLongLong() < needed)
            pool.exec(QStringLiteral("SET GLOBAL innodb_buffer_pool_size = %1").arg(needed));
        if (pool.exec(QStringLiteral("SELECT @@innodb_buffer_pool_size")) && pool.next())
            std::fprintf(stderr, "  InnoDB buffer pool: %lld MB\n",
                         pool.value(0).toLongLong() / (1024 * 1024));
    }
    // A database an earlier run filled is used again (the fill takes minutes).
    QSqlQuery filled(db);
    if (filled.exec(QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts")) && filled.next() &&
        filled.value(0).toLongLong() >= qint64(o.branches) * o.versions) {
        std::fprintf(stderr, "  reusing the filled database\n");
        return true;
    }
    filled.finish();
    const QString hash = QString::fromLatin1(AuthService::hashPassword("pw", 4).value());
    for (const auto &[sql, bind] : QList<QPair<QString, QVariantList>>{
             {QStringLiteral("INSERT INTO companies (name) VALUES ('Bench Co')"), {}},
             {QStringLiteral("INSERT INTO users (name, email, password) VALUES ('Bench', "
                             "'bench@example.com', ?)"),
              {hash}},
             {QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, role) "
                             "VALUES (1, 'global', '', 'admin')"),
              {}}}) {
        if (auto q = Database::exec(db, sql, bind); !q)
            return fail(sql, q.error());
    }
    const QString row =
        QStringLiteral("(?, ?, ?, ?, ?, 1, 'bench', 'valid', '2026-01-01 10:00:00', "
                       "'2026-01-01 10:00:00', '2026-01-01 10:00:00')");
    const QString versionsSql =
        QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                       "functions_config, is_active, deployed_by, deployment_notes, "
                       "validation_status, deployed_at, created_at, updated_at) VALUES ") +
        QStringList(o.versions, row).join(QStringLiteral(", "));
    for (int first = 0; first < o.branches; first += 10) {
        auto written = Database::writeTransaction(spec, [&](QSqlDatabase &c) -> Result<void> {
            for (int b = first; b < std::min(first + 10, o.branches); ++b) {
                auto branch = Database::exec(
                    c,
                    QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES (?, 1, ?)"),
                    {branchId(b), QStringLiteral("Salon %1").arg(b)});
                if (!branch)
                    return branch.error();
                QVariantList bind;
                for (int v = 1; v <= o.versions; ++v)
                    bind << branchId(b) << v << prompt(QStringLiteral("%1/%2").arg(b).arg(v))
                         << kTools << (v == o.versions);
                auto versions = Database::exec(c, versionsSql, bind);
                if (!versions)
                    return versions.error();
            }
            return {};
        });
        if (!written)
            return fail(QStringLiteral("fill"), written.error());
        progressBar("server fill ", std::min(first + 10, o.branches), o.branches);
    }
    // Statistics as the server's background analysis would keep them.
    QSqlQuery analyze(db);
    analyze.exec(spec.dialect == Dialect::MySQL
                     ? QStringLiteral("ANALYZE TABLE retell_agent_prompts")
                     : QStringLiteral("ANALYZE retell_agent_prompts"));
    analyze.finish();
    // What the CLI's migrate does on a deployed server: index the web
    // app's template rows (else every template read scans every version).
    if (auto indexed = TemplateService(ServiceContext{spec}).refreshIndex(); !indexed)
        return fail(QStringLiteral("template index"), indexed.error());
    return true;
}

QList<QStringList> measureBackend(const QString &backend, const ConnectionSpec &spec,
                                  const Options &o)
{
    QList<QStringList> rows;
    const auto add = [&](const QString &what, const QString &result, const QString &target) {
        rows << QStringList{what, backend, result, target};
    };
    QElapsedTimer timer;
    timer.start();
    if (!fillServer(spec, o))
        return rows;
    add(QStringLiteral("server filled (setup)"),
        QStringLiteral("%1 s").arg(timer.elapsed() / 1000.0, 0, 'f', 1), QStringLiteral("-"));
    const ServiceContext server{spec};
    auto actor =
        AuthService(server).login(QStringLiteral("bench@example.com"), QStringLiteral("pw"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replica.db"));
    auto replica = openReplica(path);
    if (!actor || !replica) {
        fail(QStringLiteral("login / replica"), actor ? replica.error() : actor.error());
        return rows;
    }
    const Sync sync(server, replica.value());

    // First fill, with its progress bar.
    PullProgress progress;
    progress.report = [](qint64 done, qint64 total) { progressBar("first fill  ", done, total); };
    timer.restart();
    const std::clock_t cpu = std::clock();
    auto first = sync.run(actor.value(), progress);
    const double firstMs = double(timer.nsecsElapsed()) / 1e6;
    const double firstCpuS = double(std::clock() - cpu) / CLOCKS_PER_SEC;
    if (!first) {
        fail(QStringLiteral("first fill"), first.error());
        return rows;
    }
    add(QStringLiteral("first fill: %1 branches x %2 versions (8 KB), %3 MB replica")
            .arg(o.branches)
            .arg(o.versions)
            .arg(QFileInfo(path).size() / (1024 * 1024)),
        QStringLiteral("%1 s (%2 versions; app CPU %3 s)")
            .arg(firstMs / 1000.0, 0, 'f', 2)
            .arg(first->pull.versionsAdded)
            .arg(firstCpuS, 0, 'f', 2),
        QStringLiteral("≤ 10 s"));

    // Nothing new.
    const Stats idle = measure(
        [&] {
            auto again = sync.run(actor.value());
            if (!again || again->pull.versionsAdded != 0)
                std::fprintf(stderr, "incremental sync pulled something\n");
        },
        o.samples);
    add(QStringLiteral("incremental sync, nothing new (median / p95)"),
        QStringLiteral("%1 / %2 ms").arg(ms(idle.medianMs), ms(idle.p95Ms)),
        QStringLiteral("≤ 20 ms"));

    // Operations queued offline: two chained on each of queued/2 branches.
    const OfflineWork work(replica.value());
    for (int i = 0; i < o.queued; ++i) {
        const int b = (i % (o.queued / 2)) * (o.branches / (o.queued / 2));
        DeployRequest request{AgentConfig{prompt(QStringLiteral("offline %1").arg(i)), kTools},
                              QString(), QStringLiteral("offline %1").arg(i)};
        if (auto q = work.deploy(actor.value(), branchId(b), request); !q) {
            fail(QStringLiteral("queue"), q.error());
            return rows;
        }
    }
    timer.restart();
    auto pushed = OutboxPush(server, replica.value()).push(actor.value());
    const double pushMs = double(timer.nsecsElapsed()) / 1e6;
    if (!pushed || pushed->applied != o.queued) {
        std::fprintf(stderr, "push: %d applied\n", pushed ? pushed->applied : -1);
        return rows;
    }
    add(QStringLiteral("push of %1 queued operations").arg(o.queued),
        QStringLiteral("%1 ms").arg(ms(pushMs)), QStringLiteral("≤ 1000 ms"));
    timer.restart();
    auto after = sync.run(actor.value());
    add(QStringLiteral("sync after it (pulls the %1 new versions)").arg(o.queued),
        QStringLiteral("%1 ms").arg(ms(double(timer.nsecsElapsed()) / 1e6)), QStringLiteral("-"));
    if (!after || after->pull.versionsAdded != o.queued)
        std::fprintf(stderr, "the sync after the push pulled %d versions\n",
                     after ? after->pull.versionsAdded : -1);
    Database::closeThreadConnections();
    return rows;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString mysqlUrl, pgsqlUrl;
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--mysql"))
            mysqlUrl = args[++i];
        else if (args[i] == QLatin1String("--pgsql"))
            pgsqlUrl = args[++i];
        else if (args[i] == QLatin1String("--branches"))
            o.branches = std::max(2, args[++i].toInt());
        else if (args[i] == QLatin1String("--versions"))
            o.versions = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--samples"))
            o.samples = std::max(1, args[++i].toInt());
    }
    o.queued = std::min(o.queued, o.branches * 2);
    if (mysqlUrl.isEmpty() && pgsqlUrl.isEmpty()) {
        std::fprintf(stderr, "bench_sync needs --mysql URL and/or --pgsql URL (scripts/dev.sh "
                             "bench starts the servers)\n");
        return 0;
    }
    QList<QStringList> table{{QStringLiteral("operation"), QStringLiteral("backend"),
                              QStringLiteral("measured"), QStringLiteral("target")}};
    const auto servers = benchServers(mysqlUrl, pgsqlUrl);
    if (!servers)
        return 2;
    for (const BenchServer &server : *servers) {
        std::fprintf(stderr, "%s:\n", qPrintable(server.name));
        table << measureBackend(server.name, server.spec, o);
    }
    printTable(QStringLiteral("Offline sync (%1 branches x %2 versions; idle sync %3 samples)")
                   .arg(o.branches)
                   .arg(o.versions)
                   .arg(o.samples),
               table);
    return 0;
}
