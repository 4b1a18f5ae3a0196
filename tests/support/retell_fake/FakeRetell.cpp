#include "FakeRetell.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace retell::test {

namespace {

constexpr qsizetype kMaxHeader = 64 * 1024;
constexpr qsizetype kMaxBody = 16 * 1024 * 1024;

const char *reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QString faultName(FakeFault::Mode mode)
{
    switch (mode) {
    case FakeFault::Mode::Status:
        return QStringLiteral("status");
    case FakeFault::Mode::Slow:
        return QStringLiteral("slow");
    case FakeFault::Mode::DropBeforeApply:
        return QStringLiteral("drop_before_apply");
    case FakeFault::Mode::DropAfterApply:
        return QStringLiteral("drop_after_apply");
    }
    return {};
}

struct Parsed
{
    FakeRequest request;
    bool close = false;
};

// One complete request from the front of `buffer` (consumed), nullopt when
// more bytes are needed; `bad` is set for a request that cannot be served.
std::optional<Parsed> takeRequest(QByteArray &buffer, int &bad)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > kMaxHeader)
            bad = 431;
        return std::nullopt;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        bad = 400;
        return std::nullopt;
    }
    Parsed p;
    p.request.method = requestLine[0];
    const QByteArray target = requestLine[1];
    const qsizetype q = target.indexOf('?');
    p.request.path = QUrl::fromPercentEncoding(target.left(q < 0 ? target.size() : q));
    if (q >= 0)
        p.request.query = QUrlQuery(QString::fromLatin1(target.mid(q + 1)));
    p.close = requestLine[2] == "HTTP/1.0";
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            length = value.toLongLong(&ok);
            if (!ok || length < 0 || length > kMaxBody) {
                bad = 413;
                return std::nullopt;
            }
        } else if (name == "transfer-encoding") {
            bad = 411; // the clients send Content-Length
            return std::nullopt;
        } else if (name == "authorization") {
            p.request.authorization = value;
        } else if (name == "connection") {
            p.close = value.toLower() == "close";
        }
    }
    if (buffer.size() < headerEnd + 4 + length)
        return std::nullopt;
    p.request.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, headerEnd + 4 + length);
    return p;
}

} // namespace

FakeRetell::FakeRetell(std::shared_ptr<FakeRetellModel> model, QObject *parent)
    : QObject(parent), m_model(std::move(model)), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeRetell::accept);
}

FakeRetell::~FakeRetell() = default;

bool FakeRetell::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 FakeRetell::port() const
{
    return m_server->serverPort();
}

void FakeRetell::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_connections.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeRetell::readFrom(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer += socket->readAll();
    if (it->busy)
        return;
    int bad = 0;
    auto parsed = takeRequest(it->buffer, bad);
    if (bad) {
        it->busy = true;
        answer(socket, FakeRetellModel::error(bad, QStringLiteral("Malformed request.")), true);
        return;
    }
    if (!parsed)
        return;
    it->busy = true;
    it->closeAfter = parsed->close;
    serve(socket, parsed->request);
}

void FakeRetell::serve(QTcpSocket *socket, const FakeRequest &request)
{
    const auto fault = m_model->takeFault(request.path);
    if (!fault) {
        const FakeResponse response = m_model->handle(request);
        m_model->record(request, response.status);
        answer(socket, response);
        return;
    }
    const QString name = faultName(fault->mode);
    switch (fault->mode) {
    case FakeFault::Mode::Status: {
        FakeResponse response = FakeRetellModel::error(fault->status, fault->message);
        response.retryAfter = fault->retryAfter.toLatin1();
        m_model->record(request, response.status, name);
        answer(socket, response);
        return;
    }
    case FakeFault::Mode::Slow: {
        // Applied when the delay is over, even if the client gave up meanwhile.
        QTimer::singleShot(fault->delayMs, this, [this, socket = QPointer(socket), request, name] {
            const FakeResponse response = m_model->handle(request);
            m_model->record(request, response.status, name);
            if (socket && m_connections.contains(socket.data()))
                answer(socket, response);
        });
        return;
    }
    case FakeFault::Mode::DropBeforeApply:
        m_model->record(request, 0, name);
        m_connections.remove(socket);
        socket->abort();
        socket->deleteLater();
        return;
    case FakeFault::Mode::DropAfterApply: {
        const FakeResponse response = m_model->handle(request);
        m_model->record(request, response.status, name);
        m_connections.remove(socket);
        socket->abort();
        socket->deleteLater();
        return;
    }
    }
}

// Writes the response and serves the next request of the connection.
void FakeRetell::answer(QTcpSocket *socket, const FakeResponse &response, bool close)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    close = close || it->closeAfter;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                      reason(response.status) + "\r\nContent-Type: application/json\r\n" +
                      "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (!response.retryAfter.isEmpty())
        head += "Retry-After: " + response.retryAfter + "\r\n";
    if (close)
        head += "Connection: close\r\n";
    socket->write(head + "\r\n" + response.body);
    if (close) {
        m_connections.remove(socket);
        socket->disconnectFromHost();
        return;
    }
    it->busy = false;
    if (!it->buffer.isEmpty())
        QTimer::singleShot(0, this, [this, socket = QPointer(socket)] {
            if (socket)
                readFrom(socket);
        });
}

FakeRetellRunner::FakeRetellRunner(QString apiKey, quint16 port)
    : m_model(std::make_shared<FakeRetellModel>(std::move(apiKey)))
{
    m_thread.setObjectName(QStringLiteral("FakeRetell"));
    m_server = new FakeRetell(m_model);
    m_server->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    m_thread.start();
    quint16 listening = 0;
    QMetaObject::invokeMethod(
        m_server,
        [this, port, &listening] {
            if (m_server->listen(port))
                listening = m_server->port();
        },
        Qt::BlockingQueuedConnection);
    m_port = listening;
}

FakeRetellRunner::~FakeRetellRunner()
{
    m_thread.quit();
    m_thread.wait();
}

QUrl FakeRetellRunner::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

} // namespace retell::test
