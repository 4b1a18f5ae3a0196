#pragma once

// A loopback stand-in for Retell's API (issue 15): HTTP/1.1 with
// Content-Length bodies and keep-alive on 127.0.0.1, serving the endpoints of
// core/publish/RetellApi.h and the /_fake/ control endpoints (README,
// "Publishing to Retell — what was verified against the contract"):
//   POST   /_fake/agents          {agent_id?, llm_id?, general_prompt, general_tools}
//   POST   /_fake/dashboard-edit  {llm_id, general_prompt?, general_tools?, publish}
//   POST   /_fake/fault           {path_prefix, mode, status, message, retry_after,
//                                  delay_ms, count}; DELETE clears them
//   GET    /_fake/log             [{method, path, time, status, fault?}]; DELETE clears it
//   GET    /_fake/state/{agent_id}
// Tests run it in-process with FakeRetellRunner; the CLI tests and
// bench_publish start the executable retell-fake-server.
#include "FakeRetellModel.h"

#include <QObject>
#include <QThread>
#include <QUrl>

#include <memory>

class QTcpServer;
class QTcpSocket;

namespace retell::test {

// The server; it lives on one thread (the runner's, or the executable's main
// thread) and keeps its state in a shared, thread-safe model.
class FakeRetell final : public QObject
{
    Q_OBJECT
public:
    explicit FakeRetell(std::shared_ptr<FakeRetellModel> model, QObject *parent = nullptr);
    ~FakeRetell() override;

    // Listens on 127.0.0.1:port (0: any free port).
    bool listen(quint16 port = 0);
    quint16 port() const;
    FakeRetellModel &model() { return *m_model; }

private:
    struct Connection
    {
        QByteArray buffer; // received, not yet served
        bool busy = false; // a request is being served (slow faults answer later)
        bool closeAfter = false;
    };
    void accept();
    void readFrom(QTcpSocket *socket);
    void serve(QTcpSocket *socket, const FakeRequest &request);
    void answer(QTcpSocket *socket, const FakeResponse &response, bool close = false);

    std::shared_ptr<FakeRetellModel> m_model;
    QTcpServer *m_server;
    QHash<QTcpSocket *, Connection> m_connections;
};

// Runs a FakeRetell on a thread of its own for as long as it lives.
class FakeRetellRunner final
{
public:
    explicit FakeRetellRunner(QString apiKey = QStringLiteral("key_fake_0123456789abcdef"),
                              quint16 port = 0);
    ~FakeRetellRunner();
    Q_DISABLE_COPY_MOVE(FakeRetellRunner)

    bool isListening() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    // http://127.0.0.1:<port>
    QUrl baseUrl() const;
    QString apiKey() const { return m_model->apiKey(); }
    // Agents, faults, the log and the state, straight from the test's thread.
    FakeRetellModel &model() { return *m_model; }

private:
    std::shared_ptr<FakeRetellModel> m_model;
    QThread m_thread;
    FakeRetell *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace retell::test
