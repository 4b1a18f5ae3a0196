// Publishing to Retell (issue 15), against the loopback stand-in for Retell's
// API (tests/support/retell_fake) running in this process on its own thread:
//   raw API: the round trip of each call the publisher and the drift check
//   make, through net/RetellHttpApi (one keep-alive connection), and reads of
//   N LLMs (default 1,000) from 1/4/8/16 threads.
//   bench_publish [--samples N] [--branches N]
#include "BenchTable.h"

#include "FakeRetell.h"
#include "RetellHttpApi.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <atomic>
#include <cstdio>

using namespace retell;
using namespace retell::bench;

namespace {

struct Options
{
    int samples = 200;
    int branches = 1000;
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
    return 0;
}
