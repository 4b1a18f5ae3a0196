// The offline pieces of the window without a server (issue 12 §6): the
// outbox model under QAbstractItemModelTester, the outbox panel's buttons
// and its drop confirmation through the real widgets, the history's pending
// rows above the versions, and the status indicator's text in every state.
#include "app/EnglishPlurals.h"
#include "offline/OfflineStatusBar.h"
#include "offline/OutboxModel.h"
#include "offline/OutboxPanel.h"
#include "panels/HistoryModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace retell;
using namespace retell::ui;
using Op = core::QueuedOperation;

Q_DECLARE_METATYPE(retell::ui::OfflineStatus)

namespace {

const QString kBranchA = QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
const QString kBranchB = QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3302");

Op operation(const QString &id, const QString &branch, Op::State state, int base,
             const QString &code = {})
{
    Op op;
    op.id = id;
    op.branchId = branch;
    op.baseVersion = base;
    op.state = state;
    op.config = core::AgentConfig{QStringLiteral("prompt of %1").arg(id), QStringLiteral("[]")};
    op.notes = QStringLiteral("notes of %1").arg(id);
    op.createdAt = QDateTime(QDate(2026, 11, 30), QTime(8, 15), Qt::UTC);
    op.lastErrorCode = code;
    op.lastErrorMessage = code.isEmpty() ? QString() : QStringLiteral("English: %1").arg(code);
    op.attempts = code.isEmpty() ? 0 : 1;
    return op;
}

OfflineStatus status(OfflineStatus::Mode mode, int pending, int conflicts, bool chosen = false,
                     qint64 syncedSecondsAgo = -1)
{
    OfflineStatus s;
    s.mode = mode;
    s.chosen = chosen;
    s.hasReplica = true;
    s.pending = pending;
    s.conflicts = conflicts;
    if (syncedSecondsAgo >= 0)
        s.lastSync =
            QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC).addSecs(-syncedSecondsAgo);
    return s;
}

} // namespace

class TestOfflinePanels final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void outboxModelKeepsItsContract();
    void outboxPanelRetriesRefusedAndMergesConflicts();
    void dropAsksFirst();
    void historyShowsQueuedOperationsAsPendingRows();
    void statusTextInEveryState_data();
    void statusTextInEveryState();
    void statusWidgetOffersCancelWhileSyncing();

private:
    EnglishPlurals m_plurals;
};

void TestOfflinePanels::initTestCase()
{
    QApplication::installTranslator(&m_plurals);
}

void TestOfflinePanels::outboxModelKeepsItsContract()
{
    OutboxModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBranchNames({{kBranchA, QStringLiteral("Alpha")}});
    model.setOperations({operation(QStringLiteral("a"), kBranchA, Op::State::Pending, 3),
                         operation(QStringLiteral("b"), kBranchB, Op::State::Conflict, 0,
                                   QStringLiteral("stale_base"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(OutboxModel::ColumnCount));
    const auto text = [&model](int row, OutboxModel::Column column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, OutboxModel::BranchColumn), QStringLiteral("Alpha"));
    QCOMPARE(text(1, OutboxModel::BranchColumn), kBranchB); // not listed: its id
    QCOMPARE(text(0, OutboxModel::KindColumn), QStringLiteral("deploy"));
    QCOMPARE(text(0, OutboxModel::BaseColumn), QStringLiteral("v3"));
    QCOMPARE(text(1, OutboxModel::BaseColumn), QStringLiteral("none"));
    QCOMPARE(text(0, OutboxModel::StateColumn), QStringLiteral("pending"));
    QCOMPARE(text(1, OutboxModel::StateColumn), QStringLiteral("conflict"));
    QCOMPARE(text(0, OutboxModel::ErrorColumn), QString());
    QCOMPARE(text(1, OutboxModel::ErrorColumn),
             QStringLiteral("Another version became active since this edit; open the merge."));
    QCOMPARE(model.index(1, 0).data(OutboxModel::IdRole).toString(), QStringLiteral("b"));
    QCOMPARE(model.count(Op::State::Conflict), 1);

    // A refresh with the same rows changes them in place; another set resets.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto tried = operation(QStringLiteral("a"), kBranchA, Op::State::Refused, 3,
                           QStringLiteral("validation"));
    model.setOperations({tried, operation(QStringLiteral("b"), kBranchB, Op::State::Conflict, 0)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(text(0, OutboxModel::ErrorColumn), QStringLiteral("English: validation"));
    QCOMPARE(text(0, OutboxModel::AttemptsColumn), QStringLiteral("1"));
    model.setOperations({operation(QStringLiteral("c"), kBranchA, Op::State::Pending, 4)});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    model.setOperations({});
    QCOMPARE(model.rowCount(), 0);
}

void TestOfflinePanels::outboxPanelRetriesRefusedAndMergesConflicts()
{
    OutboxPanel panel;
    panel.resize(900, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setSyncAvailable(true);
    panel.setOperations({operation(QStringLiteral("a"), kBranchA, Op::State::Pending, 3),
                         operation(QStringLiteral("b"), kBranchA, Op::State::Refused, 3,
                                   QStringLiteral("permission")),
                         operation(QStringLiteral("c"), kBranchB, Op::State::Conflict, 2,
                                   QStringLiteral("stale_base"))});
    QSignalSpy retry(&panel, &OutboxPanel::retryRequested);
    QSignalSpy merge(&panel, &OutboxPanel::mergeRequested);
    QSignalSpy sync(&panel, &OutboxPanel::syncRequested);
    QTableView *view = panel.view();
    const auto clickRow = [view](int row) {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(row, 0)).center());
    };

    clickRow(0); // pending: nothing to retry or merge yet
    QVERIFY(!panel.retryButton()->isEnabled());
    QVERIFY(!panel.mergeButton()->isEnabled());
    QVERIFY(panel.dropButton()->isEnabled());
    clickRow(1);
    QVERIFY(panel.retryButton()->isEnabled());
    QVERIFY(!panel.mergeButton()->isEnabled());
    QTest::mouseClick(panel.retryButton(), Qt::LeftButton);
    QCOMPARE(retry.count(), 1);
    QCOMPARE(retry.at(0).at(0).toString(), QStringLiteral("b"));
    clickRow(2);
    QVERIFY(panel.mergeButton()->isEnabled());
    QTest::mouseClick(panel.mergeButton(), Qt::LeftButton);
    QCOMPARE(merge.count(), 1);
    QCOMPARE(merge.at(0).at(0).value<Op>().id, QStringLiteral("c"));
    QTest::mouseClick(panel.syncButton(), Qt::LeftButton);
    QCOMPARE(sync.count(), 1);

    // Offline: neither a sync nor a merge (theirs is on the server).
    panel.setSyncAvailable(false);
    QVERIFY(!panel.syncButton()->isEnabled());
    QVERIFY(!panel.mergeButton()->isEnabled());
    // A refresh keeps the selected operation.
    panel.setOperations({operation(QStringLiteral("c"), kBranchB, Op::State::Conflict, 2,
                                   QStringLiteral("stale_base")),
                         operation(QStringLiteral("a"), kBranchA, Op::State::Pending, 3)});
    QCOMPARE(panel.currentOperation()->id, QStringLiteral("c"));
}

void TestOfflinePanels::dropAsksFirst()
{
    OutboxPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setBranchNames({{kBranchA, QStringLiteral("Alpha")}});
    panel.setOperations({operation(QStringLiteral("a"), kBranchA, Op::State::Pending, 3)});
    QSignalSpy drop(&panel, &OutboxPanel::dropRequested);
    QVERIFY(panel.selectOperation(QStringLiteral("a")));

    QTest::mouseClick(panel.dropButton(), Qt::LeftButton);
    QMessageBox *confirm = panel.openConfirmation();
    QVERIFY(confirm);
    QVERIFY2(confirm->text().contains(QLatin1String("deploy of Alpha")),
             qPrintable(confirm->text()));
    QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
    QVERIFY(!panel.dropButton()->isEnabled()); // one question at a time
    QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!panel.openConfirmation());
    QCOMPARE(drop.count(), 0);

    QTest::mouseClick(panel.dropButton(), Qt::LeftButton);
    confirm = panel.openConfirmation();
    QVERIFY(confirm);
    QTest::mouseClick(confirm->findChild<QPushButton *>(QStringLiteral("confirmDropButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(drop.count(), 1);
    QCOMPARE(drop.at(0).at(0).toString(), QStringLiteral("a"));

    // Undone: the dropped operation goes back as it was, once.
    QSignalSpy restore(&panel, &OutboxPanel::restoreRequested);
    panel.setOperations({});
    QVERIFY(panel.undoDropButton()->isVisible());
    QTest::mouseClick(panel.undoDropButton(), Qt::LeftButton);
    QCOMPARE(restore.count(), 1);
    const auto back = restore.at(0).at(0).value<Op>();
    QCOMPARE(back.id, QStringLiteral("a"));
    QCOMPARE(back.baseVersion, std::optional<int>(3));
    QCOMPARE(back.branchId, kBranchA);
    QVERIFY(!panel.undoDropButton()->isVisible());
}

void TestOfflinePanels::historyShowsQueuedOperationsAsPendingRows()
{
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageLoader([](const QString &, int before, HistoryModel::PageCallback done) {
        core::HistoryPage page;
        if (before == 0) {
            for (int v = 3; v >= 1; --v)
                page.rows << core::VersionSummary{
                    v, v == 3, {}, {}, QStringLiteral("Ann"), core::ValidationStatus::Valid, {}};
        }
        page.total = 3;
        // Later, as the worker answers.
        QTimer::singleShot(0, [done, page] { done(page); });
    });
    model.setPendingOperations({operation(QStringLiteral("a"), kBranchA, Op::State::Pending, 3),
                                operation(QStringLiteral("b"), kBranchB, Op::State::Pending, 1)});
    model.setBranch(kBranchA);
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(model.pendingCount(), 1);
    QVERIFY(model.index(0, 0).data(HistoryModel::PendingRole).toBool());
    QCOMPARE(model.index(0, HistoryModel::VersionColumn).data().toString(),
             QStringLiteral("queued"));
    QCOMPARE(model.index(0, HistoryModel::NotesColumn).data().toString(),
             QStringLiteral("Deploy (queued): notes of a"));
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsSelectable)); // no version to act on
    QCOMPARE(model.rowOfVersion(3), 1);
    QCOMPARE(model.summary(1).version, 3);
    QCOMPARE(model.activeVersion(), std::optional<int>(3));

    // A second operation queued, then both applied: rows come and go above the versions.
    auto conflict = operation(QStringLiteral("c"), kBranchA, Op::State::Conflict, 3);
    model.setPendingOperations(
        {operation(QStringLiteral("a"), kBranchA, Op::State::Pending, 3), conflict});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(1, HistoryModel::StatusColumn).data().toString(),
             QStringLiteral("conflict: merge in the outbox"));
    model.setPendingOperations({});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOfVersion(3), 0);
}

void TestOfflinePanels::statusTextInEveryState_data()
{
    using Mode = OfflineStatus::Mode;
    QTest::addColumn<OfflineStatus>("status");
    QTest::addColumn<QString>("text");
    QTest::newRow("online, first fill not done")
        << status(Mode::Online, 0, 0) << QStringLiteral("Online · not synced yet");
    QTest::newRow("online, synced just now")
        << status(Mode::Online, 0, 0, false, 20) << QStringLiteral("Online · last sync just now");
    QTest::newRow("online, one minute") << status(Mode::Online, 0, 0, false, 60)
                                        << QStringLiteral("Online · last sync 1 minute ago");
    QTest::newRow("syncing") << status(Mode::Syncing, 2, 0, false, 60)
                             << QStringLiteral("Syncing… · 2 pending");
    QTest::newRow("server lost, one pending")
        << status(Mode::Offline, 1, 0, false, 7200)
        << QStringLiteral("Offline: server unreachable · 1 pending · last sync 2 hours ago");
    QTest::newRow("working offline by choice")
        << status(Mode::Offline, 3, 0, true, 300)
        << QStringLiteral("Working offline · 3 pending · last sync 5 minutes ago");
    QTest::newRow("one conflict") << status(Mode::Online, 0, 1, false, 0)
                                  << QStringLiteral("Online · 1 conflict · last sync just now");
    QTest::newRow("conflicts and pending")
        << status(Mode::Online, 1, 2, false, 0)
        << QStringLiteral("Online · 1 pending · 2 conflicts · last sync just now");
}

void TestOfflinePanels::statusTextInEveryState()
{
    QFETCH(OfflineStatus, status);
    QFETCH(QString, text);
    const QDateTime now(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
    QCOMPARE(OfflineStatusBar::statusText(status, now), text);
}

void TestOfflinePanels::statusWidgetOffersCancelWhileSyncing()
{
    OfflineStatusBar bar;
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QSignalSpy outbox(&bar, &OfflineStatusBar::outboxRequested);
    QSignalSpy cancel(&bar, &OfflineStatusBar::cancelRequested);
    bar.setStatus(status(OfflineStatus::Mode::Syncing, 0, 0));
    QVERIFY(bar.cancelButton()->isVisible());
    QVERIFY(bar.progressBar()->isVisible());
    bar.setProgress(TaskProgress{250, 1000, QString()});
    QCOMPARE(bar.progressBar()->value(), 250);
    QTest::mouseClick(bar.cancelButton(), Qt::LeftButton);
    QCOMPARE(cancel.count(), 1);
    bar.setStatus(status(OfflineStatus::Mode::Offline, 1, 0));
    QVERIFY(!bar.cancelButton()->isVisible());
    QVERIFY(!bar.progressBar()->isVisible());
    QCOMPARE(bar.text().left(27), QStringLiteral("Offline: server unreachable"));
    QTest::mouseClick(bar.button(), Qt::LeftButton);
    QCOMPARE(outbox.count(), 1);
}

QTEST_MAIN(TestOfflinePanels)
#include "tst_offline_panels.moc"
