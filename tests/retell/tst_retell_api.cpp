// Retell's HTTP API client (net/RetellHttpApi) against the loopback stand-in
// for Retell (tests/support/retell_fake): every call's request and answer,
// the version model, each fault the publisher must survive classified with
// its code, a stop aborting a request in flight, and the API key never in an
// error or the server's log. The stand-in's own controls: tst_retell_fake.
#include "FakeRetell.h"
#include "RetellHttpApi.h"
#include "retell_test_data.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <functional>
#include <stop_token>
#include <thread>

using namespace retell;
using core::Error;
using core::ErrorKind;
using core::Result;
using net::RetellHttpApi;
using test::FakeFault;
using test::FakeRetellRunner;
using test::kKey;
using test::kTools;
using test::kWrongKey;

namespace {

const QString kPrompt = QStringLiteral("You are the receptionist of Salon Mitte.");

enum class Call
{
    Create,
    Update,
    Publish,
};

} // namespace

Q_DECLARE_METATYPE(Call)

class TestRetellApi final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeRetellRunner> m_fake;
    QString m_agent;
    QString m_llm;
    QList<Error> m_errors; // every error a test saw: none may carry a key

    RetellHttpApi api(const QString &key = kKey) { return RetellHttpApi({m_fake->baseUrl(), key}); }
    template <typename T> Error failure(const Result<T> &result)
    {
        if (result.ok()) {
            QTest::qFail("the call succeeded", __FILE__, __LINE__);
            return {};
        }
        m_errors.append(result.error());
        return result.error();
    }
    void fault(const QString &prefix, FakeFault::Mode mode, int count = 1, int delayMs = 0)
    {
        FakeFault f;
        f.pathPrefix = prefix;
        f.mode = mode;
        f.count = count;
        f.delayMs = delayMs;
        m_fake->model().addFault(f);
    }
    QJsonArray versions() { return m_fake->model().state(m_agent).value("versions").toArray(); }
    // The log's requests whose path starts with prefix.
    int requestsTo(const QString &prefix)
    {
        int n = 0;
        for (const QJsonValue &entry : m_fake->model().log())
            n += entry.toObject().value("path").toString().startsWith(prefix);
        return n;
    }

private slots:
    void init()
    {
        m_fake = std::make_unique<FakeRetellRunner>(kKey);
        QVERIFY(m_fake->isListening());
        const QJsonObject ids = m_fake->model().addAgent(
            {{"general_prompt", QStringLiteral("Version zero.")}, {"general_tools", QJsonArray()}});
        m_agent = ids.value("agent_id").toString();
        m_llm = ids.value("llm_id").toString();
    }
    void cleanup() { m_fake.reset(); }

    void cleanupTestCase()
    {
        for (const Error &e : std::as_const(m_errors)) {
            QCOMPARE(e.kind, ErrorKind::Remote);
            QVERIFY2(!e.code.isEmpty(), qPrintable(e.message));
            const QString text = e.message + e.detail + e.args.join(QLatin1Char(' '));
            QVERIFY2(!text.contains(kKey) && !text.contains(kWrongKey), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("SECRET")), qPrintable(text));
        }
    }

    void aNewAgentHasOnePublishedVersion()
    {
        auto all = api().agentVersions(m_agent);
        QVERIFY2(all, qPrintable(all.ok() ? QString() : all.error().message));
        QCOMPARE(all->size(), 1);
        const auto &v0 = all->first();
        QCOMPARE(v0.agentId, m_agent);
        QCOMPARE(v0.version, 0);
        QVERIFY(v0.isPublished);
        QVERIFY(!v0.baseVersion);
        QCOMPARE(v0.llmId, m_llm);
        QCOMPARE(v0.llmVersion, std::optional<int>(0));
        QVERIFY(v0.lastModificationMs > 0);
    }

    void newDraftsAreNumberedMaxPlusOne()
    {
        auto client = api();
        auto d1 = client.createAgentVersion(m_agent, 0);
        QVERIFY(d1);
        QCOMPARE(d1->version, 1);
        QCOMPARE(d1->baseVersion, std::optional<int>(0));
        QVERIFY(!d1->isPublished);
        QCOMPARE(d1->llmVersion, std::optional<int>(1));
        // Based on 0 again: still the next number, not 1.
        auto d2 = client.createAgentVersion(m_agent, 0);
        QVERIFY(d2);
        QCOMPARE(d2->version, 2);
        auto all = client.agentVersions(m_agent);
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->last().version, 2);
        // A base that does not exist.
        const Error e = failure(client.createAgentVersion(m_agent, 9));
        QCOMPARE(e.code, QStringLiteral("retell.not_found"));
    }

    void updateWritesTheDraftAndPublishFreezesIt()
    {
        auto client = api();
        QVERIFY(client.createAgentVersion(m_agent, 0));
        auto updated = client.updateLlm(m_llm, 1, kPrompt, kTools);
        QVERIFY(updated);
        QCOMPARE(updated->llmId, m_llm);
        QCOMPARE(updated->version, 1);
        QVERIFY(!updated->isPublished);
        QCOMPARE(updated->generalPrompt, kPrompt);
        QCOMPARE(updated->generalTools, kTools);

        // The published version 0 is untouched; the latest is the draft.
        auto v0 = client.llm(m_llm, 0);
        QVERIFY(v0);
        QCOMPARE(v0->generalPrompt, QStringLiteral("Version zero."));
        QVERIFY(v0->isPublished);
        auto latest = client.llm(m_llm);
        QVERIFY(latest);
        QCOMPARE(latest->version, 1);
        QCOMPARE(latest->generalPrompt, kPrompt);

        const QString title = QStringLiteral("v5 · Berlin Mitte");
        const QString description = QStringLiteral("Longer hours.\n\n[retell-admin 42@b1]");
        QVERIFY(client.publishAgentVersion(m_agent, 1, title, description));
        auto all = client.agentVersions(m_agent);
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QVERIFY(all->at(1).isPublished);
        QCOMPARE(all->at(1).versionTitle, title);
        QCOMPARE(all->at(1).versionDescription, description);
        QVERIFY(client.llm(m_llm, 1)->isPublished);

        // Published versions are immutable.
        Error e = failure(client.updateLlm(m_llm, 1, QStringLiteral("Changed."), kTools));
        QCOMPARE(e.code, QStringLiteral("retell.rejected"));
        QCOMPARE(e.args.value(0), QStringLiteral("400"));
        QVERIFY2(e.args.value(1).contains(QLatin1String("immutable")), qPrintable(e.args.value(1)));
        QVERIFY(!e.transient);
        QCOMPARE(client.llm(m_llm, 1)->generalPrompt, kPrompt);
        e = failure(client.publishAgentVersion(m_agent, 1, title, description));
        QCOMPARE(e.code, QStringLiteral("retell.rejected"));
    }

    void theRequestsFollowTheContract()
    {
        auto client = api();
        QVERIFY(client.createAgentVersion(m_agent, 0));
        QVERIFY(client.updateLlm(m_llm, 1, kPrompt, kTools));
        QVERIFY(client.publishAgentVersion(m_agent, 1, "t", "d"));
        QVERIFY(client.llm(m_llm));
        QVERIFY(client.agentVersions(m_agent));
        QStringList seen;
        for (const QJsonValue &entry : m_fake->model().log()) {
            const QJsonObject o = entry.toObject();
            seen << o.value("method").toString() + QLatin1Char(' ') + o.value("path").toString() +
                        QLatin1Char(' ') + QString::number(o.value("status").toInt());
        }
        const QStringList expected{
            "POST /create-agent-version/" + m_agent + " 200",
            "PATCH /update-retell-llm/" + m_llm + "?version=1 200",
            "POST /publish-agent-version/" + m_agent + " 200",
            "GET /get-retell-llm/" + m_llm + " 200",
            "GET /get-agent-versions/" + m_agent + " 200",
        };
        QCOMPARE(seen, expected);
        const QByteArray log = QJsonDocument(m_fake->model().log()).toJson();
        QVERIFY(!log.contains(kKey.toUtf8()));
        QVERIFY(!log.contains("Bearer"));
    }

    void aWrongKeyIsUnauthorized()
    {
        for (const QString &key : {kWrongKey, QString()}) {
            const Error e = failure(api(key).agentVersions(m_agent));
            QCOMPARE(e.code, QStringLiteral("retell.unauthorized"));
            QCOMPARE(e.args, QStringList{QStringLiteral("401")});
            QVERIFY(!e.transient);
        }
        QCOMPARE(versions().size(), 1);
    }

    void aKeyIsTrimmedAndNeverSentBroken()
    {
        // A key pasted with its line end works.
        QVERIFY(api(QStringLiteral("  ") + kKey + QStringLiteral("\n")).agentVersions(m_agent));
        const int sent = m_fake->model().log().size();
        for (const QString &key :
             {kKey + QStringLiteral("\r\nX-Injected: 1"), QStringLiteral("key_\u00e9t\u00e9")}) {
            const Error e = failure(api(key).agentVersions(m_agent));
            QCOMPARE(e.code, QStringLiteral("retell.unauthorized"));
            QCOMPARE(e.args, QStringList{QString()});
            QVERIFY(!e.transient);
        }
        QCOMPARE(m_fake->model().log().size(), sent); // nothing sent
    }

    void unknownIdsAreNotFound()
    {
        auto client = api();
        QCOMPARE(failure(client.agentVersions("agent_nope")).code, "retell.not_found");
        QCOMPARE(failure(client.createAgentVersion("agent_nope", 0)).code, "retell.not_found");
        QCOMPARE(failure(client.llm("llm_nope")).code, "retell.not_found");
        QCOMPARE(failure(client.llm(m_llm, 7)).code, "retell.not_found");
        const Error e = failure(client.updateLlm("llm_nope", 1, kPrompt, kTools));
        QCOMPARE(e.code, "retell.not_found");
        QCOMPARE(e.args, QStringList{QStringLiteral("404")});
        QVERIFY(!e.transient);
    }

    void anOverLongPromptIsRefusedWithRetellsMessage()
    {
        auto client = api();
        QVERIFY(client.createAgentVersion(m_agent, 0));
        // 8,192 tokens at 4 characters each is the limit; one more is too many.
        const QString limit(8192 * 4, QLatin1Char('a'));
        QVERIFY(client.updateLlm(m_llm, 1, limit, kTools));
        const Error e = failure(client.updateLlm(m_llm, 1, limit + "abcd", kTools));
        QCOMPARE(e.code, QStringLiteral("retell.rejected"));
        QCOMPARE(e.args.value(0), QStringLiteral("422"));
        QVERIFY2(e.args.value(1).contains(QLatin1String("8192")), qPrintable(e.args.value(1)));
        QVERIFY(e.message.contains(e.args.value(1)));
        QVERIFY(!e.transient);

        // The same refused at publish when the draft got its prompt elsewhere.
        QVERIFY(m_fake->model()
                    .dashboardEdit(
                        {{"llm_id", m_llm}, {"general_prompt", limit + "abcd"}, {"publish", false}})
                    .status == 200);
        const Error p = failure(client.publishAgentVersion(m_agent, 1, "t", "d"));
        QCOMPARE(p.args.value(0), QStringLiteral("422"));
        QVERIFY(!versions().at(1).toObject().value("is_published").toBool());
    }

    void statusesAreClassified_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("retryAfter");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("transient");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("400") << 400 << ""
                             << "retell.rejected" << false << QStringList{"400", "Bad thing."};
        QTest::newRow("403") << 403 << ""
                             << "retell.unauthorized" << false << QStringList{"403"};
        QTest::newRow("408") << 408 << ""
                             << "retell.timeout" << true << QStringList{};
        QTest::newRow("409") << 409 << ""
                             << "retell.rejected" << false << QStringList{"409", "Bad thing."};
        QTest::newRow("429 seconds") << 429 << "7"
                                     << "retell.rate_limited" << true << QStringList{"7"};
        QTest::newRow("429 fraction rounded up")
            << 429 << "1.2"
            << "retell.rate_limited" << true << QStringList{"2"};
        QTest::newRow("429 in the past") << 429 << "Thu, 01 Jan 1970 00:00:10 GMT"
                                         << "retell.rate_limited" << true << QStringList{"0"};
        QTest::newRow("429 without Retry-After")
            << 429 << ""
            << "retell.rate_limited" << true << QStringList{""};
        QTest::newRow("500") << 500 << ""
                             << "retell.server" << true << QStringList{"500"};
        QTest::newRow("502") << 502 << ""
                             << "retell.server" << true << QStringList{"502"};
        QTest::newRow("503") << 503 << "30"
                             << "retell.server" << true << QStringList{"503"};
        QTest::newRow("302 is not followed") << 302 << ""
                                             << "retell.protocol" << false << QStringList{"302"};
    }
    void statusesAreClassified()
    {
        QFETCH(int, status);
        QFETCH(QString, retryAfter);
        FakeFault f;
        f.pathPrefix = QStringLiteral("/create-agent-version/");
        f.status = status;
        f.message = QStringLiteral("Bad thing.");
        f.retryAfter = retryAfter;
        m_fake->model().addFault(f);
        const Error e = failure(api().createAgentVersion(m_agent, 0));
        QTEST(e.code, "code");
        QTEST(e.transient, "transient");
        QTEST(e.args, "args");
        QCOMPARE(versions().size(), 1); // nothing applied
        // The fault was used once: the same call now works.
        QVERIFY(api().createAgentVersion(m_agent, 0));
    }

    void aRetryAfterDateCountsFromNow()
    {
        FakeFault f;
        f.status = 429;
        f.retryAfter = QLocale::c().toString(QDateTime::currentDateTimeUtc().addDays(1),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        m_fake->model().addFault(f);
        const Error e = failure(api().llm(m_llm));
        QCOMPARE(e.code, QStringLiteral("retell.rate_limited"));
        const qint64 seconds = e.args.value(0).toLongLong();
        QVERIFY2(seconds > 80000 && seconds <= 86400, qPrintable(e.args.value(0)));
    }

    void retryAfterValues_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("seconds"); // -1: none
        QTest::newRow("seconds") << QByteArray("120") << qint64(120);
        QTest::newRow("spaces") << QByteArray(" 3 ") << qint64(3);
        QTest::newRow("fraction") << QByteArray("0.5") << qint64(1);
        QTest::newRow("imf-fixdate") << QByteArray("Mon, 30 Nov 2026 12:01:40 GMT") << qint64(100);
        QTest::newRow("rfc 2822 offset")
            << QByteArray("Mon, 30 Nov 2026 13:02:00 +0100") << qint64(120);
        QTest::newRow("past date") << QByteArray("Mon, 30 Nov 2026 11:00:00 GMT") << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    }
    void retryAfterValues()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, seconds);
        const QDateTime now(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
        QCOMPARE(net::retryAfterSeconds(value, now).value_or(-1), seconds);
    }

    void aSlowAnswerTimesOut()
    {
        fault(QStringLiteral("/get-retell-llm/"), FakeFault::Mode::Slow, 1, 10000);
        auto client = api();
        client.setTimeout(std::chrono::milliseconds(200));
        const Error e = failure(client.llm(m_llm));
        QCOMPARE(e.code, QStringLiteral("retell.timeout"));
        QVERIFY(e.transient);
        QVERIFY(e.args.isEmpty());
        // The same client goes on once the server answers again.
        client.setTimeout(std::chrono::seconds(20));
        QVERIFY(client.llm(m_llm));
    }

    void aStopAbortsTheRequestInFlight()
    {
        fault(QStringLiteral("/get-retell-llm/"), FakeFault::Mode::Slow, 1, 30000);
        std::stop_source stop;
        RetellHttpApi client({m_fake->baseUrl(), kKey}, net::kDefaultRetellTimeout,
                             stop.get_token());
        // Asked from another thread (the GUI's, closing), once the server has it.
        std::jthread closer([&] {
            while (m_fake->model().pendingFaults() > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            stop.request_stop();
        });
        const Error e = failure(client.llm(m_llm));
        QCOMPARE(e.code, QStringLiteral("retell.cancelled"));
        QVERIFY(e.transient); // its outcome is unknown: retried, never recorded as done
        // Every later call fails the same way without a request.
        QCOMPARE(failure(client.agentVersions(m_agent)).code, QStringLiteral("retell.cancelled"));
        QCOMPARE(requestsTo(QStringLiteral("/get-agent-versions/")), 0);
    }

    void droppedConnections_data()
    {
        QTest::addColumn<Call>("call");
        QTest::addColumn<bool>("afterApply");
        for (const bool after : {false, true}) {
            const char *when = after ? "after apply" : "before apply";
            QTest::addRow("create %s", when) << Call::Create << after;
            QTest::addRow("update %s", when) << Call::Update << after;
            QTest::addRow("publish %s", when) << Call::Publish << after;
        }
    }
    void droppedConnections()
    {
        QFETCH(Call, call);
        QFETCH(bool, afterApply);
        auto client = api();
        if (call != Call::Create)
            QVERIFY(client.createAgentVersion(m_agent, 0));
        const QString prefix = call == Call::Create   ? QStringLiteral("/create-agent-version/")
                               : call == Call::Update ? QStringLiteral("/update-retell-llm/")
                                                      : QStringLiteral("/publish-agent-version/");
        fault(prefix,
              afterApply ? FakeFault::Mode::DropAfterApply : FakeFault::Mode::DropBeforeApply);
        Error e;
        switch (call) {
        case Call::Create:
            e = failure(client.createAgentVersion(m_agent, 0));
            break;
        case Call::Update:
            e = failure(client.updateLlm(m_llm, 1, kPrompt, kTools));
            break;
        case Call::Publish:
            e = failure(client.publishAgentVersion(m_agent, 1, "t", "d"));
            break;
        }
        QCOMPARE(e.code, QStringLiteral("retell.unreachable"));
        QVERIFY(e.transient);
        QVERIFY2(e.message.contains(QLatin1String("closed before an answer")),
                 qPrintable(e.message));
        // Sent once: the client never repeats a request by itself.
        QCOMPARE(requestsTo(prefix), 1);
        const QJsonArray all = versions();
        switch (call) {
        case Call::Create:
            QCOMPARE(all.size(), afterApply ? 2 : 1);
            break;
        case Call::Update:
            QCOMPARE(all.at(1).toObject().value("general_prompt").toString() == kPrompt,
                     afterApply);
            break;
        case Call::Publish:
            QCOMPARE(all.at(1).toObject().value("is_published").toBool(), afterApply);
            break;
        }
        // The next request opens a new connection and works.
        QVERIFY(client.agentVersions(m_agent));
    }

    void aDroppedReadIsUnreachable()
    {
        // Qt's network layer resends a GET once on a dropped connection by
        // itself (harmless for a read): every attempt is dropped here.
        fault(QStringLiteral("/get-agent-versions/"), FakeFault::Mode::DropBeforeApply, 0);
        const Error e = failure(api().agentVersions(m_agent));
        QCOMPARE(e.code, QStringLiteral("retell.unreachable"));
        QVERIFY(e.transient);
    }

    void aClosedPortIsUnreachable()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        QUrl url = m_fake->baseUrl();
        url.setPort(probe.serverPort());
        probe.close();
        RetellHttpApi client({url, kKey});
        const Error e = failure(client.llm(m_llm));
        QCOMPARE(e.code, QStringLiteral("retell.unreachable"));
        QVERIFY(e.transient);
        QVERIFY(e.message.contains(QLatin1String("127.0.0.1")));
    }

    void anAnswerOutsideTheContractIsAProtocolError()
    {
        // 200 with an error object where a list of versions is promised.
        FakeFault f;
        f.status = 200;
        f.message = QStringLiteral("surprise");
        f.count = 2;
        m_fake->model().addFault(f);
        QCOMPARE(failure(api().agentVersions(m_agent)).code, QStringLiteral("retell.protocol"));
        QCOMPARE(failure(api().llm(m_llm)).code, QStringLiteral("retell.protocol"));
    }

    void aBaseUrlWithAPathAndASlash()
    {
        // http://127.0.0.1:port/ and http://127.0.0.1:port//: same requests.
        for (const QString &path : {QStringLiteral("/"), QStringLiteral("//")}) {
            QUrl url = m_fake->baseUrl();
            url.setPath(path);
            RetellHttpApi client({url, kKey});
            QVERIFY(client.agentVersions(m_agent));
        }
        QCOMPARE(requestsTo("/get-agent-versions/" + m_agent), 2);
    }

    void theEndpointComesFromTheEnvironment()
    {
        qputenv("RETELL_API_KEY", kKey.toUtf8());
        qunsetenv("RETELL_API_BASE_URL");
        auto endpoint = net::retellEndpointFromEnvironment();
        QCOMPARE(endpoint.apiKey, kKey);
        QCOMPARE(endpoint.baseUrl, QUrl(QStringLiteral("https://api.retellai.com")));
        qputenv("RETELL_API_BASE_URL", m_fake->baseUrl().toString().toUtf8());
        endpoint = net::retellEndpointFromEnvironment();
        QCOMPARE(endpoint.baseUrl, m_fake->baseUrl());
        qunsetenv("RETELL_API_KEY");
        qunsetenv("RETELL_API_BASE_URL");
        QVERIFY(RetellHttpApi(endpoint).agentVersions(m_agent));
    }

    void theFactoryServesManyThreads()
    {
        const auto factory = net::makeRetellApiFactory({m_fake->baseUrl(), kKey});
        QList<QThread *> threads;
        QAtomicInt good = 0;
        for (int i = 0; i < 6; ++i) {
            threads << QThread::create([&] {
                auto client = factory();
                for (int j = 0; j < 5; ++j)
                    good.fetchAndAddRelaxed(client->llm(m_llm).ok());
            });
            threads.last()->start();
        }
        for (QThread *t : std::as_const(threads)) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(good.loadRelaxed(), 30);
    }
};

QTEST_GUILESS_MAIN(TestRetellApi)
#include "tst_retell_api.moc"
