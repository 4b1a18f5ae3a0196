// The session's database thread: a TaskRunner thread (tst_task_runner covers
// delivery, cancellation and progress) that keeps one connection per thread,
// reused by every job, and closes it as its last job when it is destroyed.
#include "db/ConnectionSpec.h"
#include "db/Database.h"
#include "services/ServiceWorker.h"

#include <QFile>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace retell;
using retell::ui::ServiceWorker;

class TestServiceWorker final : public QObject
{
    Q_OBJECT

private slots:
    void jobsShareTheThreadsConnectionWhichClosesWithTheWorker();
};

void TestServiceWorker::jobsShareTheThreadsConnectionWhichClosesWithTheWorker()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("worker.db"))); // an empty file is an empty database
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const auto spec =
        core::ConnectionSpec::parse(QStringLiteral("sqlite:%1/worker.db").arg(dir.path()));
    QVERIFY(spec);
    const auto openConnection = [spec = spec.value()] {
        auto db = core::Database::connection(spec);
        return std::pair(db ? db->connectionName() : db.error().message, QThread::currentThread());
    };
    QStringList names;
    QThread *workerThread = nullptr;
    {
        ServiceWorker worker;
        QObject receiver;
        for (int i = 0; i < 2; ++i) {
            worker.run(&receiver, openConnection, [&](std::pair<QString, QThread *> opened) {
                names << opened.first;
                workerThread = opened.second;
            });
        }
        QTRY_COMPARE(names.size(), 2);
        QVERIFY2(names.at(0).startsWith(QLatin1String("retell-")), qPrintable(names.at(0)));
        QCOMPARE(names.at(1), names.at(0)); // one connection for the thread, kept between jobs
        QCOMPARE(workerThread, worker.workerThread());
        QVERIFY(workerThread != QThread::currentThread());
        QVERIFY(QSqlDatabase::connectionNames().contains(names.at(0)));
    }
    // Closed and removed on the worker's thread before it ended.
    QVERIFY(!QSqlDatabase::connectionNames().contains(names.at(0)));
}

QTEST_MAIN(TestServiceWorker)
#include "tst_service_worker.moc"
