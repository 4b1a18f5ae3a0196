// The app's offline work in a process of its own, for tst_offline_kill to
// kill with SIGKILL at random moments:
//   offline_worker queue REPLICA_PATH COUNT TAG BRANCH_ID...
//     queues COUNT deploys on the replica's outbox, round robin over the
//     branches, printing "queued ID" once each is stored;
//   offline_worker sync URL REPLICA_PATH [hold]   (DB password: RETELL_ADMIN_DB_PASSWORD)
//     logs in as user 1, prints "ready", waits for a line on stdin, pushes
//     the outbox and prints "pushed N in MS ms". With "hold" it stops at the
//     first commit on the replica during the push (the server has applied an
//     operation, the outbox does not know yet), prints "holding" and waits
//     to be killed.
// Both print "ready" when their connections are open.
#include "OfflineQueue.h"
#include "SqliteCommitHook.h"

#include "access/AuthService.h"
#include "offline/OutboxPush.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

using namespace retell::core;

namespace {

Result<ServiceContext> replicaAt(const QString &path)
{
    auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") + path);
    if (!spec)
        return spec.error();
    return ServiceContext{spec.value()};
}

bool g_holding = false;

int holdAtCommit(void *)
{
    if (g_holding) {
        std::printf("holding\n");
        std::fflush(stdout);
        for (;;)
            pause(); // until SIGKILL
    }
    return 0;
}

void ready()
{
    std::printf("ready\n");
    std::fflush(stdout);
}

int queue(const QStringList &args)
{
    auto replica = replicaAt(args[2]);
    if (!replica || !Database::connection(replica->spec))
        return 2;
    const int count = args[3].toInt();
    const QStringList branches = args.mid(5);
    ready();
    for (int i = 0; i < count; ++i) {
        const QString notes = QStringLiteral("%1-%2").arg(args[4]).arg(i);
        auto queued = retell::test::queueOnReplica(
            replica.value(), retell::test::offlineDeploy(branches[i % branches.size()], notes), 1);
        if (!queued) {
            std::printf("failed %s: %s\n", qPrintable(notes), qPrintable(queued.error().message));
            return 1;
        }
        std::printf("queued %s\n", qPrintable(queued->id));
        std::fflush(stdout);
    }
    return 0;
}

int sync(const QStringList &args)
{
    auto spec = ConnectionSpec::parse(args[2]);
    auto replica = replicaAt(args[3]);
    if (!spec || !replica)
        return 2;
    spec->password = qEnvironmentVariable("RETELL_ADMIN_DB_PASSWORD");
    const ServiceContext server{spec.value()};
    auto actor = AuthService(server).reload(
        User{1, QStringLiteral("Ann Admin"), QStringLiteral("ann@example.com")});
    if (!actor || !retell::test::installSqliteCommitHook(replica->spec, &holdAtCommit)) {
        std::fprintf(stderr, "%s\n", actor ? "no replica" : qPrintable(actor.error().message));
        return 2;
    }
    ready();
    std::string go;
    std::getline(std::cin, go);
    g_holding = args.size() == 5 && args[4] == QLatin1String("hold");
    QElapsedTimer timer;
    timer.start();
    auto pushed = OutboxPush(server, replica.value()).push(actor.value());
    if (!pushed) {
        std::printf("failed: %s\n", qPrintable(pushed.error().message));
        return 1;
    }
    std::printf("pushed %d in %lld ms\n", pushed->applied + pushed->replayed,
                qint64(timer.elapsed()));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 6 && args[1] == QLatin1String("queue"))
        return queue(args);
    if ((args.size() == 4 || args.size() == 5) && args[1] == QLatin1String("sync"))
        return sync(args);
    std::fprintf(stderr, "usage: offline_worker queue REPLICA COUNT TAG BRANCH... | "
                         "offline_worker sync URL REPLICA [hold]\n");
    return 2;
}
