// Fleet benchmark (issue 13) on SQLite and on the servers given:
//   fleet view: N branches (default 1,000) filled for a global admin (rows
//   with their active content, tokens and drift against each branch's
//   template), the same without drift, the drift pass alone, and a company
//   admin's ten branches. Targets: <= 100 ms on SQLite, <= 300 ms on MariaDB.
//   rollout: the preview and the apply of one change (a line of a ~4 KB
//   prompt) to N branches (default 500), each of which customised another
//   line, with their progress; then its undo. Targets on MariaDB loopback:
//   preview <= 2 s, apply <= 10 s.
//   bench_fleet [--mysql URL] [--pgsql URL] [--branches N] [--samples N] [--rollout-branches N]
//   (server passwords: RETELL_ADMIN_DB_PASSWORD, or RETELL_BENCH_PGSQL_PASSWORD for --pgsql)
#include "BenchServers.h"
#include "BenchTable.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/Migrator.h"
#include "fleet/FleetService.h"
#include "rollout/Rollout.h"
#include "templates/TemplateService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace retell::core;
using namespace retell::bench;

namespace {

struct Options
{
    int branches = 1000; // fleet view
    int samples = 20;
    int rolloutBranches = 500;
};

const QString kTools =
    QStringLiteral(R"([{"type":"end_call","name":"end_call","description":"Hang up politely."}])");

QString seconds(qint64 nsecs)
{
    return QStringLiteral("%1 s").arg(double(nsecs) / 1e9, 0, 'f', 2);
}

// --- fleet view ------------------------------------------------------------

QString fleetBranchId(int i)
{
    return QStringLiteral("f1ee7000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

// A branch's own version of its template: its name in the greeting, a
// paragraph of its own, and every fifth branch a tool of its own.
AgentConfig customised(const Template &t, int i)
{
    AgentConfig c = t.config;
    c.prompt.replace(QStringLiteral("{{branch_name}}"), QStringLiteral("Salon %1").arg(i));
    c.prompt += QStringLiteral("\n## Local notes\nParking behind the building; the lift is on "
                               "the left. Branch %1 closes early on Fridays.\n")
                    .arg(i);
    if (i % 5 == 0)
        c.toolsJson.replace(QStringLiteral("\"end_call\""),
                            QStringLiteral("\"end_call_%1\"").arg(i));
    return c;
}

// `branches` branches in companies of ten, each with two versions (the
// second active, deployed from a built-in template and customised), a
// global admin and an admin of the first company.
bool fillFleet(const ConnectionSpec &spec, const Options &o)
{
    if (auto m = Migrator::migrate(spec); !m)
        return fail(QStringLiteral("migrate"), m.error());
    auto conn = Database::connection(spec);
    if (!conn)
        return fail(QStringLiteral("connect"), conn.error());
    auto existing = Database::exec(
        conn.value(), QStringLiteral("SELECT COUNT(*) FROM branches WHERE id LIKE 'f1ee7000-%'"));
    if (existing && existing->next() && existing->value(0).toInt() >= o.branches)
        return true;
    const QList<Template> templates = TemplateService::builtIns();
    const QString hash = QString::fromLatin1(AuthService::hashPassword("pw", 4).value());
    const QString stamp = QStringLiteral("2026-11-01 10:00:00");
    auto written = Database::writeTransaction(spec, [&](QSqlDatabase &db) -> Result<void> {
        QList<qint64> companies;
        for (int c = 0; c * 10 < o.branches; ++c) {
            auto company = insertReturningId(
                db, QStringLiteral("INSERT INTO companies (name) VALUES (?)"),
                {QStringLiteral("Fleet Co %1").arg(c + 1, 3, 10, QLatin1Char('0'))});
            if (!company)
                return company.error();
            companies << company.value();
        }
        const QString userSql =
            QStringLiteral("INSERT INTO users (name, email, password) VALUES (?, ?, ?)");
        auto bench = insertReturningId(
            db, userSql, {QStringLiteral("Bench"), QStringLiteral("bench@example.com"), hash});
        auto owner = insertReturningId(
            db, userSql, {QStringLiteral("Owner"), QStringLiteral("owner@example.com"), hash});
        if (!bench || !owner)
            return bench ? owner.error() : bench.error();
        auto grants = Database::exec(
            db,
            QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, role) "
                           "VALUES (?, 'global', '', 'admin'), (?, 'company', ?, 'admin')"),
            {bench.value(), owner.value(), QString::number(companies.first())});
        if (!grants)
            return grants.error();
        for (int i = 0; i < o.branches; ++i) {
            auto branch = Database::exec(
                db, QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES (?, ?, ?)"),
                {fleetBranchId(i), companies.at(i / 10),
                 QStringLiteral("Salon %1").arg(i, 4, 10, QLatin1Char('0'))});
            if (!branch)
                return branch.error();
            const Template &t = templates[i % templates.size()];
            for (int v = 1; v <= 2; ++v) {
                const AgentConfig c = v == 2 ? customised(t, i) : t.config;
                auto version = Database::exec(
                    db,
                    QStringLiteral(
                        "INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                        "functions_config, is_active, is_template, template_name, deployed_at, "
                        "deployed_by, validation_status, deployment_notes, created_at, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?, 'valid', 'bench', ?, "
                        "?)"),
                    {fleetBranchId(i), v, c.prompt, c.toolsJson, v == 2, t.name, stamp,
                     bench.value(), stamp, stamp});
                if (!version)
                    return version.error();
            }
        }
        return {};
    });
    if (!written)
        return fail(QStringLiteral("fill"), written.error());
    return true;
}

void fleetRows(QList<QStringList> &table, const QString &backend, const ConnectionSpec &spec,
               const Options &o)
{
    QElapsedTimer timer;
    timer.start();
    if (!fillFleet(spec, o))
        return;
    std::fprintf(stderr, "  %s: %d branches filled in %.1f s\n", qPrintable(backend), o.branches,
                 timer.elapsed() / 1000.0);
    const ServiceContext context{spec};
    auto admin =
        AuthService(context).login(QStringLiteral("bench@example.com"), QStringLiteral("pw"));
    auto owner =
        AuthService(context).login(QStringLiteral("owner@example.com"), QStringLiteral("pw"));
    if (!admin || !owner) {
        fail(QStringLiteral("login"), admin ? owner.error() : admin.error());
        return;
    }
    const FleetService fleet(context);
    const auto add = [&](const QString &what, const Stats &s, const QString &target) {
        table << QStringList{what, backend, ms(s.medianMs), ms(s.p95Ms), target};
    };
    int rowCount = 0;
    int drifted = 0;
    const auto fillOnce = [&](const Actor &actor, bool withDrift) {
        FleetQuery query;
        query.withDrift = withDrift;
        auto rows = fleet.rows(actor, query);
        if (!rows) {
            fail(QStringLiteral("fleet"), rows.error());
            return QList<FleetRow>();
        }
        rowCount = int(rows->size());
        drifted = int(std::count_if(rows->cbegin(), rows->cend(),
                                    [](const FleetRow &r) { return !r.drift.none(); }));
        return rows.value();
    };
    const QString target =
        spec.dialect == Dialect::SQLite ? QStringLiteral("≤ 100") : QStringLiteral("≤ 300");
    add(QStringLiteral("fleet of %1 branches, with drift vs template").arg(o.branches),
        measure([&] { fillOnce(admin.value(), true); }, o.samples), target);
    std::fprintf(stderr, "  %s: %d rows, %d drifted\n", qPrintable(backend), rowCount, drifted);
    add(QStringLiteral("fleet of %1 branches, rows only").arg(o.branches),
        measure([&] { fillOnce(admin.value(), false); }, o.samples), QStringLiteral("-"));
    const QList<FleetRow> rows = fillOnce(admin.value(), false);
    add(QStringLiteral("drift pass alone (%1 rows)").arg(rows.size()),
        measure(
            [&] {
                QList<FleetRow> copy = rows;
                FleetService::computeDrift(copy);
            },
            o.samples),
        QStringLiteral("-"));
    add(QStringLiteral("company admin's fleet (10 of %1 branches)").arg(o.branches),
        measure([&] { fillOnce(owner.value(), true); }, o.samples), QStringLiteral("-"));
}

// --- rollout ---------------------------------------------------------------

QString rolloutBranchId(int i)
{
    return QStringLiteral("e0000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

// A ~4 KB salon prompt: the greeting is what each branch customised, the
// offer what the rollout changes.
QString salonPrompt(const QString &greeting, const QString &offer)
{
    static const QString middle = [] {
        QString text;
        for (int i = 1; text.size() < 4 * 1024; ++i)
            text += QStringLiteral("\n## Rule %1\nConfirm the date and time with the caller and "
                                   "repeat the service they asked for.\n")
                        .arg(i);
        return text;
    }();
    return QStringLiteral("## Role\nYou are the receptionist of {{branch_name}}.\n") + greeting +
           middle + QStringLiteral("\n## Offer\n") + offer +
           QStringLiteral("\n## End\nFinish with end_call when the caller is done.\n");
}

const QString kGreeting = QStringLiteral("Greet the caller warmly.\n");
const QString kOffer = QStringLiteral("Offer the next free appointment.\n");
const QString kTwoOffers = QStringLiteral("Offer the next two free appointments.\n");

// Company "Rollout Co" with n branches, each with one version whose greeting
// is its own, and a global admin; kept when an earlier run made it.
bool fillRollout(const ConnectionSpec &spec, int n)
{
    if (auto m = Migrator::migrate(spec); !m)
        return fail(QStringLiteral("migrate"), m.error());
    auto conn = Database::connection(spec);
    if (!conn)
        return fail(QStringLiteral("connect"), conn.error());
    auto existing = Database::exec(
        conn.value(), QStringLiteral("SELECT COUNT(*) FROM branches WHERE id LIKE 'e0000000-%'"));
    if (existing && existing->next() && existing->value(0).toInt() >= n)
        return true;
    const QString hash = QString::fromLatin1(AuthService::hashPassword("pw", 4).value());
    auto setup = Database::writeTransaction(spec, [&](QSqlDatabase &db) -> Result<void> {
        for (const auto &[sql, bind] : QList<QPair<QString, QVariantList>>{
                 {QStringLiteral("INSERT INTO companies (name) VALUES ('Rollout Co')"), {}},
                 {QStringLiteral("INSERT INTO users (name, email, password) VALUES ('Rollout "
                                 "Bench', 'rollout-bench@example.com', ?)"),
                  {hash}}}) {
            if (auto q = Database::exec(db, sql, bind); !q)
                return q.error();
        }
        auto user = Database::exec(
            db, QStringLiteral("SELECT id FROM users WHERE email = 'rollout-bench@example.com'"));
        if (!user)
            return user.error();
        user->next();
        const qint64 userId = user->value(0).toLongLong();
        auto grant = Database::exec(db,
                                    QStringLiteral("INSERT INTO retell_admin_grants (user_id, "
                                                   "scope, scope_id, role) VALUES (?, 'global', "
                                                   "'', 'admin')"),
                                    {userId});
        if (!grant)
            return grant.error();
        return {};
    });
    if (!setup)
        return fail(QStringLiteral("setup"), setup.error());
    auto company = Database::exec(
        conn.value(), QStringLiteral("SELECT MAX(id) FROM companies WHERE name = 'Rollout Co'"));
    if (!company || !company->next())
        return fail(QStringLiteral("company"), company ? Error{} : company.error());
    const qint64 companyId = company->value(0).toLongLong();
    for (int first = 0; first < n; first += 50) {
        auto written = Database::writeTransaction(spec, [&](QSqlDatabase &db) -> Result<void> {
            for (int i = first; i < std::min(first + 50, n); ++i) {
                auto branch = Database::exec(
                    db,
                    QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES (?, ?, ?)"),
                    {rolloutBranchId(i), companyId, QStringLiteral("Rollout salon %1").arg(i)});
                if (!branch)
                    return branch.error();
                auto version = Database::exec(
                    db,
                    QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, "
                                   "prompt_content, functions_config, is_active, is_template, "
                                   "deployment_notes, validation_status, deployed_at, created_at, "
                                   "updated_at) VALUES (?, 1, ?, ?, TRUE, FALSE, 'bench', 'valid', "
                                   "'2026-01-01 10:00:00', '2026-01-01 10:00:00', "
                                   "'2026-01-01 10:00:00')"),
                    {rolloutBranchId(i),
                     salonPrompt(QStringLiteral("Greet the caller warmly from salon %1.\n").arg(i),
                                 kOffer),
                     kTools});
                if (!version)
                    return version.error();
            }
            return {};
        });
        if (!written)
            return fail(QStringLiteral("fill"), written.error());
        progressBar("rollout fill", std::min(first + 50, n), n);
    }
    return true;
}

QList<QStringList> measureRollout(const QString &backend, const ConnectionSpec &spec,
                                  const Options &o, bool targets)
{
    QList<QStringList> rows;
    const int n = o.rolloutBranches;
    if (!fillRollout(spec, n))
        return rows;
    const ServiceContext context{spec};
    auto actor = AuthService(context).login(QStringLiteral("rollout-bench@example.com"),
                                            QStringLiteral("pw"));
    if (!actor) {
        fail(QStringLiteral("login"), actor.error());
        return rows;
    }
    QStringList ids;
    for (int i = 0; i < n; ++i)
        ids << rolloutBranchId(i);
    const RolloutChange change = RolloutChange::difference(
        {salonPrompt(kGreeting, kOffer), kTools}, {salonPrompt(kGreeting, kTwoOffers), kTools},
        QStringLiteral("bench: two appointments"));
    const RolloutService service(context);
    const auto add = [&](const QString &what, qint64 nsecs, const QString &outcome,
                         const QString &target) {
        rows << QStringList{what,           backend, QString::number(n),
                            seconds(nsecs), outcome, targets ? target : QStringLiteral("-")};
    };

    QElapsedTimer timer;
    timer.start();
    auto preview = service.preview(actor.value(), change, ids, [](int done, int total) {
        progressBar("preview     ", done, total);
    });
    const qint64 previewNs = timer.nsecsElapsed();
    if (!preview) {
        fail(QStringLiteral("preview"), preview.error());
        return rows;
    }
    const int clean = preview->count(RolloutPreviewOutcome::Clean);
    add(QStringLiteral("rollout preview"), previewNs, QStringLiteral("%1 clean").arg(clean),
        QStringLiteral("<= 2 s"));

    timer.restart();
    auto applied =
        service.apply(actor.value(), change, preview->items, QStringLiteral("bench"),
                      [](int done, int total) { progressBar("apply       ", done, total); });
    const qint64 applyNs = timer.nsecsElapsed();
    if (!applied) {
        fail(QStringLiteral("apply"), applied.error());
        return rows;
    }
    add(QStringLiteral("rollout apply"), applyNs,
        QStringLiteral("%1 applied").arg(applied->count(RolloutOutcome::Applied)),
        QStringLiteral("<= 10 s"));

    timer.restart();
    auto undone = service.undo(actor.value(), applied->id);
    const qint64 undoNs = timer.nsecsElapsed();
    if (!undone) {
        fail(QStringLiteral("undo"), undone.error());
        return rows;
    }
    const auto undoneCount =
        std::count_if(undone->branches.begin(), undone->branches.end(),
                      [](const RolloutBranch &b) { return b.undo == RolloutUndoOutcome::Undone; });
    add(QStringLiteral("rollout undo"), undoNs, QStringLiteral("%1 undone").arg(undoneCount),
        QStringLiteral("-"));
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
            o.branches = std::max(10, args[++i].toInt());
        else if (args[i] == QLatin1String("--samples"))
            o.samples = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--rollout-branches"))
            o.rolloutBranches = std::max(1, args[++i].toInt());
    }
    const auto servers = benchServers(mysqlUrl, pgsqlUrl);
    if (!servers)
        return 2;
    QTemporaryDir dir;
    ConnectionSpec sqlite;
    sqlite.dialect = Dialect::SQLite;
    sqlite.path = dir.filePath(QStringLiteral("fleet.sqlite"));
    QList<BenchServer> backends{{QStringLiteral("SQLite"), sqlite}};
    backends << *servers;

    QList<QStringList> fleet{{QStringLiteral("operation"), QStringLiteral("backend"),
                              QStringLiteral("median ms"), QStringLiteral("p95 ms"),
                              QStringLiteral("target ms")}};
    for (const BenchServer &backend : backends)
        fleetRows(fleet, backend.name, backend.spec, o);
    printTable(QStringLiteral("Fleet view (%1 samples per row)").arg(o.samples), fleet);

    QList<QStringList> rollout{{QStringLiteral("operation"), QStringLiteral("backend"),
                                QStringLiteral("branches"), QStringLiteral("time"),
                                QStringLiteral("outcome"), QStringLiteral("target")}};
    for (const BenchServer &backend : backends) {
        std::fprintf(stderr, "%s:\n", qPrintable(backend.name));
        rollout << measureRollout(backend.name, backend.spec, o,
                                  backend.name == QLatin1String("MariaDB"));
    }
    printTable(QStringLiteral("Rollout of one change to %1 branches (preview, apply, undo)")
                   .arg(o.rolloutBranches),
               rollout);
    return 0;
}
