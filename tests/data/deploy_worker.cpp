// Deploys COUNT times to one branch as user 1, from its own process and
// connection; prints one line per deploy. Used by tst_concurrency.
//   deploy_worker URL BRANCH_ID COUNT TAG     (DB password: RETELL_ADMIN_DB_PASSWORD)
#include "DeployWorker.h"

#include <QCoreApplication>

#include <cstdio>

using namespace retell::core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto worker = retell::test::startWorker(args, 5, "deploy_worker URL BRANCH_ID COUNT TAG");
    if (!worker)
        return 2;
    const Actor &actor = worker->actor;
    VersionService versions(worker->context);
    // Connected and ready: wait for the go line so all workers start together.
    std::printf("ready\n");
    std::fflush(stdout);
    char go[16];
    if (!std::fgets(go, sizeof go, stdin))
        return 2;
    const int count = args[3].toInt();
    int failures = 0;
    for (int i = 0; i < count; ++i) {
        const QString note = QStringLiteral("%1-%2").arg(args[4]).arg(i);
        auto out = versions.deploy(actor, args[2], retell::test::workerDeployRequest(note));
        if (out) {
            std::printf("ok %s v%d\n", qPrintable(note), out->version.version);
        } else {
            ++failures;
            std::printf("failed %s: %s %s\n", qPrintable(note), qPrintable(out.error().message),
                        qPrintable(out.error().detail));
        }
        std::fflush(stdout);
    }
    return failures == 0 ? 0 : 1;
}
