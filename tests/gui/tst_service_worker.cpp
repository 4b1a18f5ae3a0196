#include "app/ServiceWorker.h"

#include <QSignalSpy>
#include <QTest>

using retell::ui::ServiceWorker;

class TestServiceWorker final : public QObject
{
    Q_OBJECT

private slots:
    void runsOffTheGuiThreadAndDeliversOnIt();
    void dropsResultsForDestroyedContexts();
    void reportsBusy();
};

void TestServiceWorker::runsOffTheGuiThreadAndDeliversOnIt()
{
    ServiceWorker worker;
    QObject context;
    QThread *jobThread = nullptr;
    QThread *doneThread = nullptr;
    int value = 0;
    worker.run(
        &context,
        [&jobThread] {
            jobThread = QThread::currentThread();
            return 41;
        },
        [&](int result) {
            doneThread = QThread::currentThread();
            value = result + 1;
        });
    QTRY_COMPARE(value, 42);
    QCOMPARE(jobThread, worker.thread());
    QVERIFY(jobThread != QThread::currentThread());
    QCOMPARE(doneThread, QThread::currentThread());
}

void TestServiceWorker::dropsResultsForDestroyedContexts()
{
    ServiceWorker worker;
    bool delivered = false;
    bool ran = false;
    {
        QObject context;
        worker.run(&context, [&ran] { QThread::msleep(50); ran = true; return 1; },
                   [&delivered](int) { delivered = true; });
    }
    QTRY_VERIFY(!worker.isBusy());
    QVERIFY(ran);
    QVERIFY(!delivered);
}

void TestServiceWorker::reportsBusy()
{
    ServiceWorker worker;
    QSignalSpy busy(&worker, &ServiceWorker::busyChanged);
    QObject context;
    int done = 0;
    for (int i = 0; i < 3; ++i)
        worker.run(&context, [] { return 0; }, [&done](int) { ++done; });
    QVERIFY(worker.isBusy());
    QTRY_COMPARE(done, 3);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

QTEST_MAIN(TestServiceWorker)
#include "tst_service_worker.moc"
