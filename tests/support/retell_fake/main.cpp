// retell-fake-server: the loopback stand-in for Retell's API as a process,
// for the CLI tests and bench_publish.
//   retell-fake-server [--port N] [--api-key KEY]
// Prints "PORT <n>" on stdout once it listens on 127.0.0.1; stops on SIGTERM,
// SIGINT, or when its stdin (a pipe or terminal) is closed. The key defaults
// to RETELL_API_KEY, so that it need not appear in the process arguments.
#include "FakeRetell.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Quits the application on SIGTERM / SIGINT, through a socket pair read by
// the event loop (nothing but write() is safe in a signal handler).
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

// Quits when stdin is a pipe or a terminal and reaches its end (the parent
// went away). /dev/null and files are not watched: they end at once.
void quitOnStdinClose(QCoreApplication &app)
{
    struct stat st = {};
    if (::fstat(STDIN_FILENO, &st) != 0 || !(S_ISFIFO(st.st_mode) || ::isatty(STDIN_FILENO)))
        return;
    auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        char buffer[256];
        const auto n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            notifier->setEnabled(false);
            QCoreApplication::quit();
        }
    });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("retell-fake-server"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A loopback stand-in for Retell's API, for tests and benchmarks."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (0: any free one)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption keyOption(
        QStringLiteral("api-key"),
        QStringLiteral("The API key clients must send (default: RETELL_API_KEY)."),
        QStringLiteral("KEY"));
    parser.addOption(portOption);
    parser.addOption(keyOption);
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        std::fprintf(stderr, "retell-fake-server: --port takes a number from 0 to 65535\n");
        return 2;
    }
    QString key = parser.value(keyOption);
    if (key.isEmpty())
        key = qEnvironmentVariable("RETELL_API_KEY");
    if (key.isEmpty()) {
        std::fprintf(stderr, "retell-fake-server: give --api-key or set RETELL_API_KEY\n");
        return 2;
    }

    retell::test::FakeRetell server(std::make_shared<retell::test::FakeRetellModel>(key));
    if (!server.listen(quint16(port))) {
        std::fprintf(stderr, "retell-fake-server: cannot listen on 127.0.0.1:%u\n", port);
        return 1;
    }
    quitOnSignals(app);
    quitOnStdinClose(app);
    std::printf("PORT %u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
