// Publishing to Retell (issue 15), against the loopback stand-in for Retell's
// API (tests/support/retell_fake) running in this process on its own thread:
//   raw API: the round trip of each call the publisher and the drift check
//   make, through net/RetellHttpApi (one keep-alive connection), and reads of
//   N LLMs (default 1,000) from 1/4/8/16 threads.
//   deploy with publish: a deploy of a linked branch on SQLite, then its
//   publish (Publisher::publishBranch), the Retell requests counted from the
//   server's log. Target: the publish costs <= 3 API round trips.
//   drift: DriftService::checkMany over N linked branches with 1/4/8/16
//   parallel requests, with its progress, and once cancelled at a quarter.
//   Target: <= 5 s for 1,000 branches.
//   bench_publish [--samples N] [--branches N] [--deploys N]
#include "BenchServers.h"
#include "BenchTable.h"

#include "FakeRetell.h"
#include "RetellHttpApi.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/Migrator.h"
#include "publish/Publishing.h"
#include "versions/VersionService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <stop_token>

using namespace retell;
using namespace retell::bench;

namespace {

struct Options
{
    int samples = 200;
    int branches = 1000;
    int deploys = 20;
};

const QString kKey = QStringLiteral("key_bench_publish_0123456789");

QString seconds(qint64 nsecs)
{
    return QStringLiteral("%1 s").arg(double(nsecs) / 1e9, 0, 'f', 2);
}

// A salon prompt of about 4 KB and two tools, the size of a real branch.
QString salonPrompt(int i)
{
    QString prompt = QStringLiteral("You are the receptionist of Salon %1.\n").arg(i);
    while (prompt.size() < 4000)
        prompt += QStringLiteral("Offer the next free appointment, confirm the name and the "
                                 "number, and never promise a stylist by name.\n");
    return prompt;
}

const QJsonArray kTools{
    QJsonObject{{QStringLiteral("type"), QStringLiteral("end_call")},
                {QStringLiteral("name"), QStringLiteral("end_call")},
                {QStringLiteral("description"), QStringLiteral("Hang up politely.")}},
    QJsonObject{{QStringLiteral("type"), QStringLiteral("custom")},
                {QStringLiteral("name"), QStringLiteral("book")},
                {QStringLiteral("url"), QStringLiteral("https://example.com/book")},
                {QStringLiteral("description"), QStringLiteral("Book an appointment.")}}};

void check(bool ok, const char *what, const core::Error &error)
{
    if (!ok) {
        std::fprintf(stderr, "%s: %s\n", what, qPrintable(error.message));
        std::exit(1);
    }
}

template <typename T> void check(const core::Result<T> &r, const char *what)
{
    check(r.ok(), what, r.ok() ? core::Error{} : r.error());
}

// --- raw API round trips -----------------------------------------------------

QList<QStringList> rawRoundTrips(test::FakeRetellRunner &fake, const Options &o)
{
    const QJsonObject ids =
        fake.model().addAgent({{QStringLiteral("general_prompt"), salonPrompt(0)},
                               {QStringLiteral("general_tools"), kTools}});
    const QString agent = ids.value(QLatin1String("agent_id")).toString();
    const QString llm = ids.value(QLatin1String("llm_id")).toString();
    net::RetellHttpApi api({fake.baseUrl(), kKey});
    const QString prompt = salonPrompt(1);

    QList<QStringList> rows{{QStringLiteral("call"), QStringLiteral("median ms"),
                             QStringLiteral("p95 ms"), QStringLiteral("samples")}};
    const auto add = [&](const QString &what, const Stats &s) {
        rows << QStringList{what, ms(s.medianMs), ms(s.p95Ms), QString::number(s.samples)};
    };
    int draft = 0;
    add(QStringLiteral("POST /create-agent-version"), measure(
                                                          [&] {
                                                              auto d =
                                                                  api.createAgentVersion(agent, 0);
                                                              check(d, "create-agent-version");
                                                              draft = d->version;
                                                          },
                                                          o.samples));
    add(QStringLiteral("PATCH /update-retell-llm (4 KB prompt)"),
        measure([&] { check(api.updateLlm(llm, draft, prompt, kTools), "update-retell-llm"); },
                o.samples));
    add(QStringLiteral("GET /get-retell-llm (latest)"),
        measure([&] { check(api.llm(llm), "get-retell-llm"); }, o.samples));
    const int versions = int(api.agentVersions(agent)->size());
    add(QStringLiteral("GET /get-agent-versions (%1 versions)").arg(versions),
        measure([&] { check(api.agentVersions(agent), "get-agent-versions"); }, o.samples));
    // One publish as the publisher makes it: draft, LLM content, publish.
    int n = 0;
    add(QStringLiteral("publish = create + update + publish (3 calls)"),
        measure(
            [&] {
                auto d = api.createAgentVersion(agent, 0);
                check(d, "create-agent-version");
                check(api.updateLlm(llm, d->version, prompt, kTools), "update-retell-llm");
                check(api.publishAgentVersion(agent, d->version, QStringLiteral("v%1").arg(++n),
                                              QStringLiteral("bench")),
                      "publish-agent-version");
            },
            o.samples));
    return rows;
}

// N reads of N LLMs from `threads` threads, one RetellApi each (the drift
// check's requests without its database side).
qint64 parallelReads(const core::RetellApiFactory &factory, const QStringList &llms, int threads)
{
    std::atomic<int> next = 0;
    std::atomic<int> failed = 0;
    QElapsedTimer timer;
    timer.start();
    QList<QThread *> workers;
    for (int t = 0; t < threads; ++t) {
        workers << QThread::create([&] {
            auto api = factory();
            for (int i = next++; i < llms.size(); i = next++)
                failed += !api->llm(llms[i]).ok();
        });
        workers.last()->start();
    }
    for (QThread *w : std::as_const(workers)) {
        w->wait();
        delete w;
    }
    if (failed)
        std::fprintf(stderr, "parallel reads: %d failed\n", failed.load());
    return timer.nsecsElapsed();
}

QList<QStringList> rawParallelReads(test::FakeRetellRunner &fake, const Options &o)
{
    QStringList llms;
    for (int i = 0; i < o.branches; ++i)
        llms << fake.model()
                    .addAgent({{QStringLiteral("general_prompt"), salonPrompt(i)},
                               {QStringLiteral("general_tools"), kTools}})
                    .value(QLatin1String("llm_id"))
                    .toString();
    const auto factory = net::makeRetellApiFactory({fake.baseUrl(), kKey});
    QList<QStringList> rows{{QStringLiteral("threads"), QStringLiteral("LLMs read"),
                             QStringLiteral("time"), QStringLiteral("per read ms")}};
    for (const int threads : {1, 4, 8, 16}) {
        const qint64 ns = parallelReads(factory, llms, threads);
        rows << QStringList{QString::number(threads), QString::number(llms.size()), seconds(ns),
                            ms(double(ns) / 1e6 / llms.size())};
    }
    return rows;
}

// --- deploy with publish, drift (SQLite) ----------------------------------

using core::Actor;
using core::ConnectionSpec;
using core::Database;
using core::Result;

QString branchId(int i)
{
    return QStringLiteral("b0b11500-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
}

QString toolsJson()
{
    return QString::fromUtf8(QJsonDocument(kTools).toJson(QJsonDocument::Compact));
}

// `n` branches without versions and a global admin, bench@example.com / pw.
bool fillBranches(const ConnectionSpec &spec, int n)
{
    if (auto m = core::Migrator::migrate(spec); !m)
        return fail(QStringLiteral("migrate"), m.error());
    const QString hash = QString::fromLatin1(core::AuthService::hashPassword("pw", 4).value());
    auto written = Database::writeTransaction(spec, [&](QSqlDatabase &db) -> Result<void> {
        auto company =
            core::insertReturningId(db, QStringLiteral("INSERT INTO companies (name) VALUES (?)"),
                                    {QStringLiteral("Salons")});
        auto admin = core::insertReturningId(
            db, QStringLiteral("INSERT INTO users (name, email, password) VALUES (?, ?, ?)"),
            {QStringLiteral("Bench"), QStringLiteral("bench@example.com"), hash});
        if (!company || !admin)
            return company ? admin.error() : company.error();
        auto grant = Database::exec(
            db,
            QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, scope_id, role) "
                           "VALUES (?, 'global', '', 'admin')"),
            {admin.value()});
        if (!grant)
            return grant.error();
        for (int i = 0; i < n; ++i) {
            auto branch = Database::exec(
                db, QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES (?, ?, ?)"),
                {branchId(i), company.value(),
                 QStringLiteral("Salon %1").arg(i, 4, 10, QLatin1Char('0'))});
            if (!branch)
                return branch.error();
        }
        return {};
    });
    if (!written)
        return fail(QStringLiteral("fill"), written.error());
    return true;
}

// Links branch i to a new agent of the fake whose version 0 is the
// branch's active content; its LLM's id ("" when the link failed).
QString linkBranch(test::FakeRetellRunner &fake, const core::LinkService &links, const Actor &admin,
                   int i)
{
    const QJsonObject ids =
        fake.model().addAgent({{QStringLiteral("general_prompt"), salonPrompt(i)},
                               {QStringLiteral("general_tools"), kTools}});
    auto linked = links.link(admin, branchId(i), ids.value(QLatin1String("agent_id")).toString(),
                             ids.value(QLatin1String("llm_id")).toString());
    if (!linked) {
        fail(QStringLiteral("link"), linked.error());
        return {};
    }
    return linked->llmId;
}

struct PublishRun
{
    double deployMs = 0;
    double publishMs = 0;
    qsizetype requests = 0;
    bool live = false;
};

// Deploys a change to branch i and publishes it; the requests are those the
// server logged meanwhile.
std::optional<PublishRun> deployAndPublish(test::FakeRetellRunner &fake,
                                           const core::ServiceContext &context,
                                           const core::RetellApiFactory &factory,
                                           const Actor &admin, int i, int k)
{
    core::DeployRequest request;
    request.config = {salonPrompt(i) + QStringLiteral("Change %1.\n").arg(k), toolsJson()};
    request.notes = QStringLiteral("bench change %1").arg(k);
    fake.model().clearLog();
    QElapsedTimer timer;
    timer.start();
    auto deployed = core::VersionService(context).deploy(admin, branchId(i), request);
    PublishRun run;
    run.deployMs = timer.nsecsElapsed() / 1e6;
    if (!deployed) {
        fail(QStringLiteral("deploy"), deployed.error());
        return std::nullopt;
    }
    timer.restart();
    auto published = core::Publisher(context, factory).publishBranch(admin, branchId(i));
    run.publishMs = timer.nsecsElapsed() / 1e6;
    if (!published) {
        fail(QStringLiteral("publish"), published.error());
        return std::nullopt;
    }
    run.live = published->isLive();
    if (!run.live)
        std::fprintf(stderr, "publish: not live: %s\n", qPrintable(published->errorMessage));
    run.requests = fake.model().log().size();
    return run;
}

QList<QStringList> deployWithPublish(test::FakeRetellRunner &fake,
                                     const core::ServiceContext &context,
                                     const core::RetellApiFactory &factory, const Actor &admin,
                                     int branch, const Options &o)
{
    QList<QStringList> rows{{QStringLiteral("operation"), QStringLiteral("median ms"),
                             QStringLiteral("p95 ms"), QStringLiteral("Retell requests"),
                             QStringLiteral("live"), QStringLiteral("target")}};
    if (linkBranch(fake, core::LinkService(context), admin, branch).isEmpty())
        return rows;
    // The first publish after linking reads the agent's versions once.
    const auto first = deployAndPublish(fake, context, factory, admin, branch, 0);
    if (!first)
        return rows;
    rows << QStringList{QStringLiteral("first publish after linking"),
                        ms(first->publishMs),
                        QStringLiteral("-"),
                        QString::number(first->requests),
                        first->live ? QStringLiteral("yes") : QStringLiteral("no"),
                        QStringLiteral("-")};
    std::vector<double> deploy, publish, total;
    qsizetype fewest = 1 << 20, most = 0;
    int live = 0;
    for (int k = 1; k <= o.deploys; ++k) {
        const auto run = deployAndPublish(fake, context, factory, admin, branch, k);
        if (!run)
            return rows;
        deploy.push_back(run->deployMs);
        publish.push_back(run->publishMs);
        total.push_back(run->deployMs + run->publishMs);
        fewest = std::min(fewest, run->requests);
        most = std::max(most, run->requests);
        live += run->live;
        progressBar("deploy + publish", k, o.deploys);
    }
    const auto stats = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return std::pair(v[v.size() / 2], v[std::min(v.size() - 1, size_t(v.size() * 0.95))]);
    };
    const QString requests =
        fewest == most ? QString::number(most) : QStringLiteral("%1–%2").arg(fewest).arg(most);
    const QString liveText = QStringLiteral("%1/%2").arg(live).arg(o.deploys);
    const auto add = [&](const QString &what, const std::vector<double> &v, const QString &req,
                         const QString &target) {
        const auto [median, p95] = stats(v);
        rows << QStringList{what, ms(median), ms(p95), req, liveText, target};
    };
    add(QStringLiteral("deploy (database only)"), deploy, QStringLiteral("0"), QStringLiteral("-"));
    add(QStringLiteral("publish after it"), publish, requests, QStringLiteral("≤ 3 round trips"));
    add(QStringLiteral("deploy + publish"), total, requests, QStringLiteral("-"));
    return rows;
}

// The drift check's progress bar, drawn at most 40 times.
void driftProgress(const char *what, int done, int total)
{
    if (done == total || done % std::max(1, total / 40) == 0)
        progressBar(what, done, total);
}

// "37 live, 4 behind"; the first Retell error on stderr.
QString kindCounts(const core::DriftReport &report)
{
    QMap<QString, int> counts;
    bool told = false;
    for (const core::LiveStatus &s : report.statuses) {
        counts[core::LiveStatus::kindName(s.kind)] += 1;
        if (s.error && !told && s.error->code != QLatin1String(core::kRetellCancelled)) {
            std::fprintf(stderr, "  unknown, e.g.: %s\n", qPrintable(s.error->message));
            told = true;
        }
    }
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    return parts.join(QStringLiteral(", "));
}

QList<QStringList> driftOfMany(test::FakeRetellRunner &fake, const core::ServiceContext &context,
                               const core::RetellApiFactory &factory, const Actor &admin,
                               const QStringList &branches)
{
    QList<QStringList> rows{{QStringLiteral("parallel"), QStringLiteral("branches"),
                             QStringLiteral("time"), QStringLiteral("Retell requests"),
                             QStringLiteral("outcome"), QStringLiteral("target")}};
    const core::DriftService drift(context, factory);
    for (const int parallel : {1, 4, 8, 16}) {
        fake.model().clearLog();
        const QByteArray what = QStringLiteral("drift x%1").arg(parallel, 2).toUtf8();
        QElapsedTimer timer;
        timer.start();
        auto report = drift.checkMany(
            admin, branches,
            [&](int done, int total) { driftProgress(what.constData(), done, total); }, {},
            parallel);
        const qint64 ns = timer.nsecsElapsed();
        if (!report) {
            fail(QStringLiteral("drift"), report.error());
            return rows;
        }
        rows << QStringList{QString::number(parallel),
                            QString::number(report->statuses.size()),
                            seconds(ns),
                            QString::number(fake.model().log().size()),
                            kindCounts(*report),
                            QStringLiteral("≤ 5 s")};
    }
    // Cancelled once a quarter is done: how soon it stops, and what it says.
    std::stop_source cancel;
    int doneAtCancel = 0;
    fake.model().clearLog();
    QElapsedTimer timer;
    timer.start();
    qint64 cancelNs = 0;
    auto report = drift.checkMany(
        admin, branches,
        [&](int done, int total) {
            driftProgress("drift cancel", done, total);
            if (!cancel.stop_requested() && done >= total / 4) {
                doneAtCancel = done;
                cancelNs = timer.nsecsElapsed();
                cancel.request_stop();
            }
        },
        cancel.get_token(), 8);
    const qint64 ns = timer.nsecsElapsed();
    if (!report) {
        fail(QStringLiteral("drift"), report.error());
        return rows;
    }
    rows << QStringList{
        QStringLiteral("8, cancelled at %1").arg(doneAtCancel),
        QString::number(report->statuses.size()),
        QStringLiteral("%1 (stopped %2 ms after the cancel)")
            .arg(seconds(ns))
            .arg(QString::number((ns - cancelNs) / 1e6, 'f', 1)),
        QString::number(fake.model().log().size()),
        (report->cancelled ? QStringLiteral("cancelled; ") : QStringLiteral("not cancelled; ")) +
            kindCounts(*report),
        QStringLiteral("-")};
    return rows;
}

bool publishingTables(test::FakeRetellRunner &fake, const Options &o)
{
    QTemporaryDir dir;
    ConnectionSpec spec;
    spec.dialect = core::Dialect::SQLite;
    spec.path = dir.filePath(QStringLiteral("publish.sqlite"));
    QElapsedTimer timer;
    timer.start();
    // Branches 0..N-1 for the drift check, branch N for the deploys.
    if (!fillBranches(spec, o.branches + 1))
        return false;
    const core::ServiceContext context{spec};
    auto admin =
        core::AuthService(context).login(QStringLiteral("bench@example.com"), QStringLiteral("pw"));
    if (!admin)
        return fail(QStringLiteral("login"), admin.error());
    const auto factory = net::makeRetellApiFactory({fake.baseUrl(), kKey});
    // Each branch's first version through the normal deploy (not linked yet:
    // nothing to publish).
    const core::VersionService versions(context);
    for (int i = 0; i <= o.branches; ++i) {
        core::DeployRequest first;
        first.config = {salonPrompt(i), toolsJson()};
        first.notes = QStringLiteral("bench");
        if (auto deployed = versions.deploy(admin.value(), branchId(i), first); !deployed)
            return fail(QStringLiteral("deploy"), deployed.error());
    }

    printTable(QStringLiteral("Deploy with publish to Retell (SQLite, loopback Retell, %1 deploys)")
                   .arg(o.deploys),
               deployWithPublish(fake, context, factory, admin.value(), o.branches, o));

    const core::LinkService links(context);
    QStringList branches;
    for (int i = 0; i < o.branches; ++i) {
        branches << branchId(i);
        const QString llm = linkBranch(fake, links, admin.value(), i);
        if (llm.isEmpty())
            return false;
        // Every tenth branch edited in Retell's dashboard since.
        if (i % 10 == 5)
            fake.model().dashboardEdit(
                {{QStringLiteral("llm_id"), llm},
                 {QStringLiteral("general_prompt"), salonPrompt(i) + QStringLiteral("Edited.")},
                 {QStringLiteral("publish"), true}});
        if (i % 50 == 49 || i + 1 == o.branches)
            progressBar("link", i + 1, o.branches);
    }
    std::fprintf(stderr, "  %d branches filled and linked in %.1f s\n", o.branches,
                 timer.elapsed() / 1000.0);
    printTable(QStringLiteral("Drift check of %1 linked branches (SQLite, loopback Retell)")
                   .arg(o.branches),
               driftOfMany(fake, context, factory, admin.value(), branches));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--samples"))
            o.samples = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--branches"))
            o.branches = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--deploys"))
            o.deploys = std::max(1, args[++i].toInt());
    }
    test::FakeRetellRunner fake(kKey);
    if (!fake.isListening()) {
        std::fprintf(stderr, "the loopback Retell server does not listen\n");
        return 1;
    }
    printTable(QStringLiteral("Retell API round trips against the loopback server (%1 samples)")
                   .arg(o.samples),
               rawRoundTrips(fake, o));
    printTable(QStringLiteral("Reading %1 Retell LLMs, bounded parallel (API only, no database)")
                   .arg(o.branches),
               rawParallelReads(fake, o));
    return publishingTables(fake, o) ? 0 : 1;
}
