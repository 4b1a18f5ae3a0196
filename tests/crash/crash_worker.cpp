// A deploying process for the crash tests (tst_crash_kill, tst_server_kill):
//   crash_worker URL BRANCH_ID COUNT PAUSE_AT TAG   (DB password: RETELL_ADMIN_DB_PASSWORD)
// Deploys COUNT times to one branch as user 1 and prints "ok TAG-i vN" once
// a deploy is acknowledged, "failed TAG-i: ..." when it is refused. Deploy
// number PAUSE_AT (>= 0) stops inside its transaction at the moment it would
// commit (all its rows written; on SQLite holding the write lock, on MariaDB
// and PostgreSQL holding its row locks), prints "holding TAG-i" and waits to be killed.
//
// The pause is found without touching the product's code: SQLite's commit
// hook on the connection's handle, and on MariaDB this executable defines
// mysql_query/mysql_real_query (exported, so they take precedence over the
// client library's) and stops at "COMMIT" before passing it on; likewise
// libpq's PQexec/PQsendQuery on PostgreSQL.
#include "DeployWorker.h"
#include "SqliteCommitHook.h"
#include "db/Database.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <strings.h>
#include <unistd.h>

using namespace retell::core;

namespace {

int g_pauseAt = -1;
int g_deploying = -1; // number of the deploy in progress, -1 between deploys
QByteArray g_holdingLine;

void pauseIfArmed()
{
    if (g_pauseAt < 0 || g_deploying != g_pauseAt)
        return;
    std::fwrite(g_holdingLine.constData(), 1, size_t(g_holdingLine.size()), stdout);
    std::fflush(stdout);
    for (;;)
        pause(); // until SIGKILL
}

int onSqliteCommit(void *)
{
    pauseIfArmed();
    return 0; // 0: let the commit proceed
}

void *mariadbSymbol(const char *name)
{
    static void *library = dlopen("libmariadb.so.3", RTLD_NOW | RTLD_NOLOAD);
    if (!library)
        library = dlopen("libmariadb.so.3", RTLD_NOW);
    return library ? dlsym(library, name) : nullptr;
}

void *libpqSymbol(const char *name)
{
    static void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
    if (!library)
        library = dlopen("libpq.so.5", RTLD_NOW);
    return library ? dlsym(library, name) : nullptr;
}

bool isCommit(const char *query, unsigned long length)
{
    return query && length >= 6 && strncasecmp(query, "COMMIT", 6) == 0;
}

} // namespace

extern "C" int mysql_query(void *mysql, const char *query)
{
    if (isCommit(query, query ? std::strlen(query) : 0))
        pauseIfArmed();
    static auto real =
        reinterpret_cast<int (*)(void *, const char *)>(mariadbSymbol("mysql_query"));
    return real(mysql, query);
}

extern "C" int mysql_real_query(void *mysql, const char *query, unsigned long length)
{
    if (isCommit(query, length))
        pauseIfArmed();
    static auto real = reinterpret_cast<int (*)(void *, const char *, unsigned long)>(
        mariadbSymbol("mysql_real_query"));
    return real(mysql, query, length);
}

// PostgreSQL (QPSQL runs COMMIT through libpq's PQexec or PQsendQuery).
extern "C" void *PQexec(void *conn, const char *query)
{
    if (isCommit(query, query ? std::strlen(query) : 0))
        pauseIfArmed();
    static auto real = reinterpret_cast<void *(*)(void *, const char *)>(libpqSymbol("PQexec"));
    return real(conn, query);
}

extern "C" int PQsendQuery(void *conn, const char *query)
{
    if (isCommit(query, query ? std::strlen(query) : 0))
        pauseIfArmed();
    static auto real = reinterpret_cast<int (*)(void *, const char *)>(libpqSymbol("PQsendQuery"));
    return real(conn, query);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto worker =
        retell::test::startWorker(args, 6, "crash_worker URL BRANCH_ID COUNT PAUSE_AT TAG");
    if (!worker)
        return 2;
    const ConnectionSpec &spec = worker->context.spec;
    const int count = args[3].toInt();
    g_pauseAt = args[4].toInt();
    if (g_pauseAt >= 0 && spec.dialect == Dialect::SQLite &&
        !retell::test::installSqliteCommitHook(spec, &onSqliteCommit)) {
        std::fprintf(stderr, "cannot install the SQLite commit hook\n");
        return 2;
    }
    VersionService versions(worker->context);
    std::printf("ready\n");
    std::fflush(stdout);
    for (int i = 0; i < count; ++i) {
        const QString note = QStringLiteral("%1-%2").arg(args[5]).arg(i);
        g_holdingLine = QStringLiteral("holding %1\n").arg(note).toUtf8();
        g_deploying = i;
        auto out = versions.deploy(worker->actor, args[2], retell::test::workerDeployRequest(note));
        g_deploying = -1;
        if (out) {
            std::printf("ok %s v%d\n", qPrintable(note), out->version.version);
        } else {
            std::printf("failed %s: %s\n", qPrintable(note), qPrintable(out.error().message));
            QThread::msleep(50); // the server may be restarting
        }
        std::fflush(stdout);
    }
    return 0;
}
