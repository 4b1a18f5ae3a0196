// Core service benchmark: median and p95 of template lookup, a full deploy,
// validation and the first history page, on SQLite, MariaDB and PostgreSQL,
// beside the web implementation's figures and a bare one-row insert
// transaction on the same server (floor).
//   bench_core [--mysql URL] [--pgsql URL] [--samples N]
//   (server passwords: RETELL_ADMIN_DB_PASSWORD, or RETELL_BENCH_PGSQL_PASSWORD for --pgsql)
// scripts/dev.sh bench starts throwaway servers and runs this.
#include "BenchServers.h"
#include "BenchTable.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QTemporaryDir>

#include <cstdio>

using namespace retell::core;
using namespace retell::bench;

namespace {

const QString kBranch = QStringLiteral("b0000000-0000-4000-8000-000000000001");
const QString kHistoryBranch = QStringLiteral("b0000000-0000-4000-8000-000000000002");

struct Row
{
    QString operation;
    Stats stats;
    QString web;
    QString target;
};

bool run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        std::fprintf(stderr, "setup failed: %s: %s\n", qPrintable(sql),
                     qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

QList<Row> measureBackend(const ConnectionSpec &spec, int samples, const QString &deployTarget)
{
    QList<Row> rows;
    if (auto m = Migrator::migrate(spec); !m) {
        std::fprintf(stderr, "%s\n", qPrintable(m.error().message));
        return rows;
    }
    ServiceContext ctx{spec};
    if (auto s = Seeder::seedTemplates(ctx); !s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
        return rows;
    }
    QSqlDatabase db = Database::connection(spec).value();
    const QByteArray hash = AuthService::hashPassword("pw", 4).value();
    run(db, QStringLiteral("INSERT INTO companies (name) VALUES ('Bench Co')"));
    run(db, QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES ('%1', 1, "
                           "'Deploys'), ('%2', 1, 'History')")
                .arg(kBranch, kHistoryBranch));
    run(db, QStringLiteral("INSERT INTO users (name, email, password) VALUES ('Bench', "
                           "'bench@example.com', '%1')")
                .arg(QString::fromLatin1(hash)));
    run(db, QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, role) "
                           "VALUES (1, 'global', '', 'admin')"));
    // The floor tables: an auto-increment key and a text column, per backend.
    const QStringList floorTypes =
        spec.dialect == Dialect::MySQL
            ? QStringList{QStringLiteral("INTEGER PRIMARY KEY AUTO_INCREMENT"),
                          QStringLiteral("LONGTEXT")}
        : spec.dialect == Dialect::PostgreSQL
            ? QStringList{QStringLiteral("bigserial PRIMARY KEY"), QStringLiteral("text")}
            : QStringList{QStringLiteral("INTEGER PRIMARY KEY"), QStringLiteral("TEXT")};
    run(db,
        QStringLiteral("CREATE TABLE bench_floor (id %1, note VARCHAR(255))").arg(floorTypes[0]));
    run(db, QStringLiteral("CREATE TABLE bench_floor_text (id %1, body %2)")
                .arg(floorTypes[0], floorTypes[1]));
    const Actor actor =
        AuthService(ctx)
            .reload(User{1, QStringLiteral("Bench"), QStringLiteral("bench@example.com")})
            .value();

    TemplateService templates(ctx);
    const Template tmpl =
        templates.find(actor, QStringLiteral("Dynamic Service Selection")).value(); // first load
    rows << Row{QStringLiteral("template lookup (warm)"),
                measure(
                    [&] {
                        auto t = templates.find(actor, QStringLiteral("Basic Appointment Booking"));
                        Q_UNUSED(t);
                    },
                    samples * 10),
                QStringLiteral("2.1"), QStringLiteral("≤ 0.02")};

    // A realistic ~8 KB prompt with the template's 4 tools.
    AgentConfig config = tmpl.config;
    while (config.prompt.toUtf8().size() < 8 * 1024)
        config.prompt +=
            QStringLiteral("\n\n## Notes\nKeep answers short; confirm the date and time with the "
                           "caller before calling collect_appointment_data.");
    const ValidationContext vctx = BranchService::validationContext();
    rows << Row{QStringLiteral("validation (8 KB prompt, 4 tools)"),
                measure(
                    [&] {
                        auto r = Validator::validate(config, vctx);
                        Q_UNUSED(r);
                    },
                    samples * 10),
                QStringLiteral("0.8"), QStringLiteral("≤ 0.05")};

    VersionService versions(ctx);
    int n = 0;
    rows << Row{
        QStringLiteral("full deploy (validate + transaction)"),
        measure(
            [&] {
                // The same content each time: a new version on purpose.
                DeployRequest request{config, tmpl.name, QStringLiteral("bench %1").arg(++n)};
                request.allowUnchanged = true;
                auto out = versions.deploy(actor, kBranch, request);
                if (!out)
                    std::fprintf(stderr, "deploy failed: %s\n", qPrintable(out.error().message));
            },
            samples),
        QStringLiteral("8.3"), deployTarget};
    // A bare one-row insert transaction on the same database.
    auto floor = [&](const QString &sql, const QVariant &value) {
        return measure(
            [&] {
                auto r = Database::writeTransaction(spec, [&](QSqlDatabase &c) -> Result<void> {
                    auto q = Database::exec(c, sql, {value});
                    return q ? Result<void>() : Result<void>(q.error());
                });
                Q_UNUSED(r);
            },
            samples);
    };
    rows << Row{
        QStringLiteral("floor: one-row insert transaction"),
        floor(QStringLiteral("INSERT INTO bench_floor (note) VALUES (?)"), QStringLiteral("x")),
        QStringLiteral("-"), QStringLiteral("-")};
    rows << Row{
        QStringLiteral("floor: one-row insert of the 8 KB prompt"),
        floor(QStringLiteral("INSERT INTO bench_floor_text (body) VALUES (?)"), config.prompt),
        QStringLiteral("-"), QStringLiteral("-")};

    // 1,000 versions on one branch, inserted in bulk.
    db.transaction();
    for (int v = 1; v <= 1000; ++v) {
        auto q = Database::exec(
            db,
            QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                           "functions_config, is_active, deployed_by, deployment_notes, "
                           "validation_status, deployed_at) "
                           "VALUES (?, ?, ?, ?, ?, 1, ?, 'valid', '2026-01-01 10:00:00')"),
            {kHistoryBranch, v, config.prompt, config.toolsJson, v == 1000,
             QStringLiteral("version %1").arg(v)});
        if (!q) {
            std::fprintf(stderr, "%s\n", qPrintable(q.error().message));
            break;
        }
    }
    db.commit();
    // Statistics as the server's own background analysis keeps them on a
    // table that grew to this size (PostgreSQL's autovacuum would have run;
    // without it the planner still thinks the table is empty).
    // (A constant statement PostgreSQL cannot prepare.)
    QSqlQuery analyze(db);
    if (!analyze.exec(db.driverName() == QLatin1String("QMYSQL")
                          ? QStringLiteral("ANALYZE TABLE retell_agent_prompts")
                          : QStringLiteral("ANALYZE retell_agent_prompts")))
        std::fprintf(stderr, "ANALYZE: %s\n", qPrintable(analyze.lastError().text()));
    analyze.finish();
    rows << Row{QStringLiteral("history, first page of 1,000 versions"),
                measure(
                    [&] {
                        auto page = versions.history(actor, kHistoryBranch, 0, 100);
                        Q_UNUSED(page);
                    },
                    samples),
                QStringLiteral("-"), QStringLiteral("≤ 1")};
    return rows;
}

void addRows(QList<QStringList> &table, const QString &backend, const QList<Row> &rows)
{
    for (const Row &r : rows)
        table << QStringList{r.operation,       backend, ms(r.stats.medianMs),
                             ms(r.stats.p95Ms), r.web,   r.target};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString mysqlUrl;
    QString pgsqlUrl;
    int samples = 300;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--mysql") && i + 1 < args.size())
            mysqlUrl = args[++i];
        else if (args[i] == QLatin1String("--pgsql") && i + 1 < args.size())
            pgsqlUrl = args[++i];
        else if (args[i] == QLatin1String("--samples") && i + 1 < args.size())
            samples = args[++i].toInt();
    }
    QList<QStringList> table{{QStringLiteral("operation"), QStringLiteral("backend"),
                              QStringLiteral("median ms"), QStringLiteral("p95 ms"),
                              QStringLiteral("web impl ms"), QStringLiteral("target ms")}};
    QTemporaryDir dir;
    ConnectionSpec sqlite;
    sqlite.path = dir.filePath(QStringLiteral("bench.sqlite"));
    addRows(table, QStringLiteral("SQLite"),
            measureBackend(sqlite, samples, QStringLiteral("≤ 0.8, ≤ 3× floor")));
    const auto servers = benchServers(mysqlUrl, pgsqlUrl);
    if (!servers)
        return 2;
    for (const BenchServer &server : *servers)
        addRows(table, server.name, measureBackend(server.spec, samples, QStringLiteral("≤ 2.5")));
    printTable(QStringLiteral("Core services (%1 samples per row; lookups and validation 10×)")
                   .arg(samples),
               table);
    return 0;
}
