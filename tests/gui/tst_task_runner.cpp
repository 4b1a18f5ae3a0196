// The UI's one async primitive (ui/async): results on the GUI thread, never
// to a destroyed receiver, cooperative cancellation, progress in order, and
// the thread runner's hooks, on both kinds of runner.
#include "async/TaskRunner.h"

#include <QEventLoop>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <memory>

using retell::ui::TaskControl;
using retell::ui::TaskHandle;
using retell::ui::TaskProgress;
using retell::ui::TaskRunner;

namespace {
enum class Kind
{
    CpuPool,
    OwnThread
};

std::unique_ptr<TaskRunner> makeRunner(Kind kind, TaskRunner::ThreadHooks hooks = {})
{
    if (kind == Kind::CpuPool)
        return std::make_unique<TaskRunner>(2);
    return std::make_unique<TaskRunner>(QStringLiteral("test-runner"), std::move(hooks));
}
} // namespace

Q_DECLARE_METATYPE(Kind)

class TestTaskRunner final : public QObject
{
    Q_OBJECT

private slots:
    void deliversOnTheGuiThread_data();
    void deliversOnTheGuiThread();
    void dropsTheResultWhenTheReceiverDied_data();
    void dropsTheResultWhenTheReceiverDied();
    void cancelStopsALongJob_data();
    void cancelStopsALongJob();
    void progressArrivesInOrder_data();
    void progressArrivesInOrder();
    void cancelWinsOverAResultNotYetDelivered();
    void jobCancelledWhileQueuedNeverStarts();
    void threadHooksRunOnTheWorkerThread();
    void aJobsOwnEventLoopRunsNothingElse();
    void reportsBusy();

private:
    void addKinds();
};

void TestTaskRunner::addKinds()
{
    QTest::addColumn<Kind>("kind");
    QTest::newRow("cpu pool") << Kind::CpuPool;
    QTest::newRow("own thread") << Kind::OwnThread;
}

void TestTaskRunner::deliversOnTheGuiThread_data()
{
    addKinds();
}

void TestTaskRunner::deliversOnTheGuiThread()
{
    QFETCH(Kind, kind);
    const auto runner = makeRunner(kind);
    QObject receiver;
    std::atomic<QThread *> jobThread = nullptr;
    QThread *doneThread = nullptr;
    int value = 0;
    const TaskHandle task = runner->run(
        &receiver,
        [&jobThread] {
            jobThread = QThread::currentThread();
            return 41;
        },
        [&](int result) {
            doneThread = QThread::currentThread();
            value = result + 1;
        });
    QVERIFY(task.isRunning());
    QTRY_COMPARE(value, 42);
    QVERIFY(jobThread.load() != QThread::currentThread());
    if (kind == Kind::OwnThread)
        QCOMPARE(jobThread.load(), runner->workerThread());
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(task.isFinished());
    QVERIFY(!task.wasCancelled());
}

void TestTaskRunner::dropsTheResultWhenTheReceiverDied_data()
{
    addKinds();
}

void TestTaskRunner::dropsTheResultWhenTheReceiverDied()
{
    QFETCH(Kind, kind);
    const auto runner = makeRunner(kind);
    std::atomic<bool> release = false;
    std::atomic<bool> ran = false;
    bool delivered = false;
    bool toldCancelled = false;
    TaskHandle task;
    {
        QObject receiver;
        task = runner->run(
            &receiver,
            [&] {
                while (!release)
                    QThread::yieldCurrentThread();
                ran = true;
                return 1;
            },
            [&delivered](int) { delivered = true; });
        task.onCancelled([&toldCancelled] { toldCancelled = true; });
    } // the receiver dies while the job runs
    release = true;
    QTRY_VERIFY(!runner->isBusy());
    QVERIFY(ran);
    QVERIFY(!delivered);
    QVERIFY(!toldCancelled); // nobody is left to tell
}

void TestTaskRunner::cancelStopsALongJob_data()
{
    addKinds();
}

void TestTaskRunner::cancelStopsALongJob()
{
    QFETCH(Kind, kind);
    const auto runner = makeRunner(kind);
    QObject receiver;
    std::atomic<bool> stoppedByCancel = false;
    bool delivered = false;
    bool cancelled = false;
    bool started = false;
    // Without cancellation this job would run for ten minutes.
    const TaskHandle task = runner->run(
        &receiver,
        [&stoppedByCancel](const TaskControl &control) {
            const std::function<bool()> isCancelled = control.cancelCheck();
            for (int step = 0; step < 600000; ++step) {
                control.setProgress(step, 0, QStringLiteral("working"));
                if (isCancelled()) {
                    stoppedByCancel = true;
                    return step;
                }
                QThread::msleep(1);
            }
            return -1;
        },
        [&delivered](int) { delivered = true; });
    task.onProgress([&started](const TaskProgress &) { started = true; });
    task.onCancelled([&cancelled] { cancelled = true; });
    QTRY_VERIFY(started);
    task.cancel();
    QVERIFY(task.isCancelRequested());
    QTRY_VERIFY(cancelled);
    QVERIFY(stoppedByCancel);
    QVERIFY(!delivered);
    QVERIFY(task.wasCancelled());
    QVERIFY(!task.isFinished());
    QVERIFY(!runner->isBusy());
}

void TestTaskRunner::progressArrivesInOrder_data()
{
    addKinds();
}

void TestTaskRunner::progressArrivesInOrder()
{
    QFETCH(Kind, kind);
    const auto runner = makeRunner(kind);
    QObject receiver;
    QList<TaskProgress> seen;
    bool doneAfterProgress = false;
    const TaskHandle task = runner->run(
        &receiver,
        [](const TaskControl &control) {
            const auto report = control.progressCallback();
            for (int step = 1; step <= 5; ++step)
                report(step, 5, QStringLiteral("step %1").arg(step));
            return 5;
        },
        [&](int) { doneAfterProgress = seen.size() == 5; });
    task.onProgress([&seen](const TaskProgress &progress) { seen.append(progress); });
    QTRY_VERIFY(task.isFinished());
    QVERIFY(doneAfterProgress);
    for (int i = 0; i < seen.size(); ++i) {
        QCOMPARE(seen.at(i).done, i + 1);
        QCOMPARE(seen.at(i).total, 5);
        QCOMPARE(seen.at(i).label, QStringLiteral("step %1").arg(i + 1));
    }
    QCOMPARE(task.progress().fraction(), 1.0);
}

void TestTaskRunner::cancelWinsOverAResultNotYetDelivered()
{
    // A job that ends before it polls: the cancel on the GUI thread still
    // drops its result, so what the person sees never changes after Cancel.
    TaskRunner runner(1);
    QObject receiver;
    std::atomic<bool> ended = false;
    bool delivered = false;
    bool cancelled = false;
    const TaskHandle task = runner.run(
        &receiver,
        [&ended] {
            ended = true;
            return 1;
        },
        [&delivered](int) { delivered = true; });
    task.onCancelled([&cancelled] { cancelled = true; });
    while (!ended)
        QThread::yieldCurrentThread(); // the result is queued, not delivered
    task.cancel();
    QTRY_VERIFY(cancelled);
    QVERIFY(!delivered);
}

void TestTaskRunner::jobCancelledWhileQueuedNeverStarts()
{
    TaskRunner runner(QStringLiteral("test-runner"), {});
    QObject receiver;
    std::atomic<bool> release = false;
    std::atomic<bool> secondRan = false;
    runner.run(
        &receiver,
        [&release] {
            while (!release)
                QThread::yieldCurrentThread();
            return 0;
        },
        [](int) {});
    bool cancelled = false;
    const TaskHandle second = runner.run(
        &receiver,
        [&secondRan] {
            secondRan = true;
            return 0;
        },
        [](int) {});
    second.onCancelled([&cancelled] { cancelled = true; });
    second.cancel();
    release = true;
    QTRY_VERIFY(cancelled);
    QVERIFY(!secondRan);
}

void TestTaskRunner::threadHooksRunOnTheWorkerThread()
{
    std::atomic<int> afterJobs = 0;
    std::atomic<QThread *> hookThread = nullptr;
    std::atomic<QThread *> endThread = nullptr;
    QThread *workerThread = nullptr;
    {
        auto runner =
            makeRunner(Kind::OwnThread, {[&] {
                                             hookThread = QThread::currentThread();
                                             ++afterJobs;
                                         },
                                         [&endThread] { endThread = QThread::currentThread(); }});
        workerThread = runner->workerThread();
        QObject receiver;
        int done = 0;
        for (int i = 0; i < 3; ++i)
            runner->run(
                &receiver, [] { return 0; }, [&done](int) { ++done; });
        QTRY_COMPARE(done, 3);
        QCOMPARE(afterJobs.load(), 3);
        QCOMPARE(hookThread.load(), workerThread);
        QCOMPARE(endThread.load(), nullptr);
    } // the last job, on the thread, before it ends
    QCOMPARE(endThread.load(), workerThread);
}

// A job that waits in an event loop of its own (the Retell client does, for
// its network reply) while the next job is queued and the runner goes: the
// next job and the end hook run after it, never inside it.
void TestTaskRunner::aJobsOwnEventLoopRunsNothingElse()
{
    QMutex mutex;
    QStringList order;
    const auto note = [&](const QString &what) {
        const QMutexLocker lock(&mutex);
        order << what;
    };
    std::atomic<bool> waiting = false;
    const auto waitingJob = [&](const QString &name) {
        return [&, name] {
            note(name + QStringLiteral(" starts"));
            QEventLoop loop;
            QTimer::singleShot(300, &loop, &QEventLoop::quit);
            waiting = true;
            loop.exec();
            note(name + QStringLiteral(" ends"));
            return 0;
        };
    };
    {
        TaskRunner runner(QStringLiteral("test-runner"),
                          {{}, [&] { note(QStringLiteral("end")); }});
        QObject receiver;
        int done = 0;
        runner.run(&receiver, waitingJob(QStringLiteral("A")), [&done](int) { ++done; });
        QTRY_VERIFY(waiting.load());
        runner.run(
            &receiver,
            [&] {
                note(QStringLiteral("B"));
                return 0;
            },
            [&done](int) { ++done; });
        QTRY_COMPARE(done, 2);
        QCOMPARE(order, (QStringList{QStringLiteral("A starts"), QStringLiteral("A ends"),
                                     QStringLiteral("B")}));
        // The runner goes while a job waits: the end hook comes after it.
        waiting = false;
        runner.run(&receiver, waitingJob(QStringLiteral("C")), [](int) {});
        QTRY_VERIFY(waiting.load());
    }
    QCOMPARE(order.mid(3), (QStringList{QStringLiteral("C starts"), QStringLiteral("C ends"),
                                        QStringLiteral("end")}));
}

void TestTaskRunner::reportsBusy()
{
    TaskRunner runner(QStringLiteral("test-runner"), {});
    QSignalSpy busy(&runner, &TaskRunner::busyChanged);
    QObject receiver;
    int done = 0;
    for (int i = 0; i < 3; ++i)
        runner.run(
            &receiver, [] { return 0; }, [&done](int) { ++done; });
    QVERIFY(runner.isBusy());
    QCOMPARE(runner.pendingJobs(), 3);
    QTRY_COMPARE(done, 3);
    QCOMPARE(busy.count(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

QTEST_MAIN(TestTaskRunner)
#include "tst_task_runner.moc"
