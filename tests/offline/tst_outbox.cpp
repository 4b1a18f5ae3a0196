// The outbox of a local replica (issue 12 §2), on a real SQLite file migrated
// like any replica: operations queued in order with their idempotency ids,
// kept across a reopen, attempts and refusals recorded, a conflict rebased
// onto a merge, removed when applied or dropped.
#include "db/Database.h"
#include "db/Migrator.h"
#include "offline/Outbox.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace retell::core;

namespace {

const QString kBranch = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
const QDateTime kNow = QDateTime(QDate(2026, 11, 30), QTime(9, 15, 0), Qt::UTC);

QueuedOperation deploy(const QString &prompt, std::optional<int> base)
{
    QueuedOperation op;
    op.branchId = kBranch;
    op.kind = QueuedOperation::Kind::Deploy;
    op.baseVersion = base;
    op.config = {prompt, QStringLiteral("[{\"type\": \"end_call\", \"name\": \"end_call\"}]")};
    op.notes = QStringLiteral("queued on the train");
    op.userId = 7;
    return op;
}

} // namespace

class TestOutbox final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto spec = ConnectionSpec::parse(
            QStringLiteral("sqlite:") +
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + ".db"));
        QVERIFY(spec);
        m_replica = ServiceContext{spec.value(), [] { return kNow; }};
        auto migrated = Migrator::migrate(m_replica.spec);
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
    }

    void cleanup() { Database::dropConnection(m_replica.spec); }

    void queuesInOrderAndKeepsEverythingAcrossAReopen()
    {
        const Outbox outbox(m_replica);
        const QString prompt =
            QStringLiteral("Begrüße den Anrufer \"herzlich\" — {{branch_name}}.\n");
        auto first = outbox.enqueue(deploy(prompt, 4));
        QVERIFY(first);
        QueuedOperation rollback;
        rollback.branchId = kBranch;
        rollback.kind = QueuedOperation::Kind::Rollback;
        rollback.baseVersion = 5;
        rollback.toVersion = 2;
        rollback.userId = 7;
        auto second = outbox.enqueue(rollback);
        QVERIFY(second);
        QueuedOperation fromTemplate = deploy(QStringLiteral("Template text"), std::nullopt);
        fromTemplate.kind = QueuedOperation::Kind::ApplyTemplate;
        fromTemplate.templateName = QStringLiteral("Basic Appointment Booking");
        QVERIFY(outbox.enqueue(fromTemplate));

        QVERIFY(!QUuid::fromString(first->id).isNull());
        QVERIFY(first->id != second->id);
        QCOMPARE(first->createdAt, kNow);

        Database::dropConnection(m_replica.spec); // as after a restart
        auto all = Outbox(m_replica).operations();
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).seq, 1);
        QCOMPARE(all->at(2).seq, 3);
        const QueuedOperation &a = all->at(0);
        QCOMPARE(a.id, first->id);
        QCOMPARE(a.kind, QueuedOperation::Kind::Deploy);
        QCOMPARE(a.baseVersion, std::optional<int>(4));
        QCOMPARE(a.config.prompt, prompt);
        QCOMPARE(a.config.toolsJson, deploy(prompt, 4).config.toolsJson);
        QCOMPARE(a.notes, QStringLiteral("queued on the train"));
        QCOMPARE(a.userId, 7);
        QCOMPARE(a.createdAt, kNow);
        QCOMPARE(a.state, QueuedOperation::State::Pending);
        QCOMPARE(all->at(1).kind, QueuedOperation::Kind::Rollback);
        QCOMPARE(all->at(1).toVersion, 2);
        QCOMPARE(all->at(2).baseVersion, std::nullopt);
        QCOMPARE(all->at(2).templateName, QStringLiteral("Basic Appointment Booking"));
    }

    void attemptsConflictsAndRebases()
    {
        const Outbox outbox(m_replica);
        auto op = outbox.enqueue(deploy(QStringLiteral("Mine"), 3));
        QVERIFY(op);
        QVERIFY(outbox.recordAttempt(op->id, QueuedOperation::State::Pending,
                                     QStringLiteral("connection_lost"),
                                     QStringLiteral("The server went away.")));
        QVERIFY(outbox.recordAttempt(op->id, QueuedOperation::State::Conflict,
                                     QStringLiteral("stale_base"),
                                     QStringLiteral("Version 5 is active now, not 3.")));
        auto stored = outbox.operation(op->id);
        QVERIFY(stored);
        QCOMPARE(stored->attempts, 2);
        QCOMPARE(stored->state, QueuedOperation::State::Conflict);
        QCOMPARE(stored->lastErrorCode, QStringLiteral("stale_base"));
        QCOMPARE(stored->lastErrorMessage, QStringLiteral("Version 5 is active now, not 3."));

        QVERIFY(
            outbox.rebase(op->id, {QStringLiteral("Mine and theirs"), QStringLiteral("[]")}, 5));
        stored = outbox.operation(op->id);
        QVERIFY(stored);
        QCOMPARE(stored->state, QueuedOperation::State::Pending);
        QCOMPARE(stored->baseVersion, std::optional<int>(5));
        QCOMPARE(stored->config.prompt, QStringLiteral("Mine and theirs"));
        QCOMPARE(stored->notes, QStringLiteral("queued on the train")); // kept
        QVERIFY(stored->lastErrorCode.isEmpty());
        QCOMPARE(stored->seq, op->seq); // its place in the order stays
    }

    void removedWhenAppliedOrDropped()
    {
        const Outbox outbox(m_replica);
        auto a = outbox.enqueue(deploy(QStringLiteral("A"), 1));
        auto b = outbox.enqueue(deploy(QStringLiteral("B"), 1));
        QVERIFY(a && b);
        QVERIFY(outbox.remove(a->id));
        auto left = outbox.operations();
        QVERIFY(left);
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->first().id, b->id);
        // A new one still goes last, after the highest order left.
        auto c = outbox.enqueue(deploy(QStringLiteral("C"), 1));
        QVERIFY(c);
        QVERIFY(c->seq > b->seq);

        const auto gone = outbox.remove(a->id);
        QVERIFY(!gone);
        QCOMPARE(gone.error().kind, ErrorKind::NotFound);
        QCOMPARE(outbox.operation(a->id).error().kind, ErrorKind::NotFound);
        QCOMPARE(outbox.recordAttempt(a->id, QueuedOperation::State::Refused, {}, {}).error().kind,
                 ErrorKind::NotFound);
    }

    // The admin's undo of a drop: the operation comes back as it was, in
    // its place in the push order, and only once.
    void droppedOperationIsRestoredAsItWas()
    {
        const Outbox outbox(m_replica);
        auto a = outbox.enqueue(deploy(QStringLiteral("A"), 1));
        auto b = outbox.enqueue(deploy(QStringLiteral("B"), 1));
        QVERIFY(a && b);
        QVERIFY(outbox.recordAttempt(a->id, QueuedOperation::State::Refused,
                                     QStringLiteral("access.denied"), QStringLiteral("No.")));
        const auto dropped = outbox.operation(a->id);
        QVERIFY(dropped);
        QVERIFY(outbox.remove(a->id));
        QVERIFY(outbox.restore(dropped.value()));
        auto all = outbox.operations();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        const QueuedOperation &back = all->first(); // before B again
        QCOMPARE(back.id, a->id);
        QCOMPARE(back.seq, a->seq);
        QCOMPARE(back.state, QueuedOperation::State::Refused);
        QCOMPARE(back.attempts, 1);
        QCOMPARE(back.lastErrorCode, QStringLiteral("access.denied"));
        QCOMPARE(back.config.prompt, a->config.prompt);
        QCOMPARE(back.baseVersion, a->baseVersion);
        QCOMPARE(back.createdAt, a->createdAt);
        const auto twice = outbox.restore(dropped.value());
        QVERIFY(!twice);
        QCOMPARE(twice.error().kind, ErrorKind::Conflict);
        QCOMPARE(outbox.operations()->size(), 2);
    }

    void namesRoundTrip()
    {
        for (auto kind : {QueuedOperation::Kind::Deploy, QueuedOperation::Kind::Rollback,
                          QueuedOperation::Kind::Import, QueuedOperation::Kind::ApplyTemplate})
            QCOMPARE(QueuedOperation::kindFromName(QueuedOperation::kindName(kind)), kind);
        for (auto state : {QueuedOperation::State::Pending, QueuedOperation::State::Conflict,
                           QueuedOperation::State::Refused})
            QCOMPARE(QueuedOperation::stateFromName(QueuedOperation::stateName(state)), state);
        QCOMPARE(QueuedOperation::kindFromName(QStringLiteral("delete")), std::nullopt);
    }

private:
    QTemporaryDir m_dir;
    ServiceContext m_replica;
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
