// The loopback stand-in for Retell (tests/support/retell_fake) itself: its
// control endpoints over HTTP (agents, dashboard edits, faults, state, log)
// and the retell-fake-server process the CLI suites start, stopped by
// SIGTERM or by closing its stdin.
#include "FakeRetell.h"
#include "RetellHttpApi.h"
#include "retell_test_data.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace retell;
using core::Error;
using core::Result;
using net::RetellHttpApi;
using test::FakeRetellRunner;
using test::kKey;
using test::kTools;
using test::kWrongKey;

class TestRetellFake final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeRetellRunner> m_fake;

    template <typename T> Error failure(const Result<T> &result)
    {
        if (result.ok()) {
            QTest::qFail("the call succeeded", __FILE__, __LINE__);
            return {};
        }
        const Error &e = result.error();
        if (e.message.contains(kKey) || e.detail.contains(kKey))
            QTest::qFail("the error carries the key", __FILE__, __LINE__);
        return e;
    }

private slots:
    void init()
    {
        m_fake = std::make_unique<FakeRetellRunner>(kKey);
        QVERIFY(m_fake->isListening());
    }
    void cleanup() { m_fake.reset(); }

    void theControlEndpointsWorkOverHttp()
    {
        QNetworkAccessManager network;
        const auto send = [&](const QByteArray &verb, const QString &path,
                              const QJsonObject &body) {
            QNetworkRequest r(m_fake->baseUrl().resolved(QUrl(path)));
            r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(
                r, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson()));
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            if (!reply->isFinished())
                finished.wait(20000);
            return std::pair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                             QJsonDocument::fromJson(reply->readAll()));
        };
        auto [status, made] = send("POST", "/_fake/agents",
                                   {{"agent_id", "agent_http"},
                                    {"llm_id", "llm_http"},
                                    {"general_prompt", "Hello."},
                                    {"general_tools", kTools}});
        QCOMPARE(status, 200);
        QCOMPARE(made.object().value("agent_id").toString(), QStringLiteral("agent_http"));
        auto [editStatus, edit] = send("POST", "/_fake/dashboard-edit",
                                       {{"llm_id", "llm_http"},
                                        {"general_prompt", "Edited in the dashboard."},
                                        {"publish", true}});
        QCOMPARE(editStatus, 200);
        QCOMPARE(edit.object().value("version").toInt(), 1);
        auto latest = RetellHttpApi({m_fake->baseUrl(), kKey}).llm("llm_http");
        QVERIFY(latest);
        QCOMPARE(latest->generalPrompt, QStringLiteral("Edited in the dashboard."));
        QVERIFY(latest->isPublished);
        QCOMPARE(latest->generalTools, kTools);

        QCOMPARE(send("POST", "/_fake/fault",
                      {{"path_prefix", "/get-retell-llm/"},
                       {"mode", "status"},
                       {"status", 429},
                       {"retry_after", 9}})
                     .first,
                 200);
        QCOMPARE(failure(RetellHttpApi({m_fake->baseUrl(), kKey}).llm("llm_http")).args,
                 QStringList{"9"});
        QCOMPARE(send("POST", "/_fake/fault", {{"mode", "explode"}}).first, 400);

        auto [stateStatus, state] = send("GET", "/_fake/state/agent_http", {});
        QCOMPARE(stateStatus, 200);
        QCOMPARE(state.object().value("versions").toArray().size(), 2);
        QCOMPARE(send("GET", "/_fake/state/agent_nope", {}).first, 404);

        auto [logStatus, log] = send("GET", "/_fake/log", {});
        QCOMPARE(logStatus, 200);
        QCOMPARE(log.array().size(), 2); // the two GETs; control requests are not logged
        QCOMPARE(log.array().at(1).toObject().value("status").toInt(), 429);
        QCOMPARE(log.array().at(1).toObject().value("fault").toString(), QStringLiteral("status"));
        QCOMPARE(send("DELETE", "/_fake/log", {}).first, 200);
        QVERIFY(m_fake->model().log().isEmpty());
    }

    void theServerRunsAsAProcess()
    {
        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RETELL_API_KEY"), kKey); // not in its arguments
        server.setProcessEnvironment(env);
        server.start(QStringLiteral(RETELL_FAKE_SERVER_PATH), {QStringLiteral("--port"), "0"});
        QVERIFY(server.waitForStarted());
        QVERIFY(server.waitForReadyRead(20000));
        const QByteArray line = server.readLine().trimmed();
        QVERIFY2(line.startsWith("PORT "), line.constData());
        QUrl url = m_fake->baseUrl();
        url.setPort(line.mid(5).toInt());
        RetellHttpApi client({url, kKey});
        // A fresh server knows no agent yet.
        QCOMPARE(failure(client.agentVersions(QStringLiteral("agent_unknown"))).code,
                 QStringLiteral("retell.not_found"));
        QCOMPARE(failure(RetellHttpApi({url, kWrongKey}).llm("x")).code,
                 QStringLiteral("retell.unauthorized"));
        server.terminate(); // SIGTERM
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);

        // Closing its stdin stops it too.
        server.start(QStringLiteral(RETELL_FAKE_SERVER_PATH), {QStringLiteral("--port"), "0"});
        QVERIFY(server.waitForReadyRead(20000));
        server.closeWriteChannel();
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRetellFake)
#include "tst_retell_fake.moc"
