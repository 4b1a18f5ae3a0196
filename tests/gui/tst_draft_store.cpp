#include "io/DraftStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace retell::core;

class TestDraftStore final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void separatesDatabasesAndUsers();
    void removeAndList();
    void oddBranchIdsStayInsideTheFolder();
    void damagedFileIsAnError();
};

namespace {
Draft sampleDraft()
{
    Draft draft;
    draft.config = {QStringLiteral("Hallo {{customer_name}} — ä ö ü"), QStringLiteral("[]")};
    draft.templateName = QStringLiteral("Basic Appointment Booking");
    draft.baseVersion = 7;
    draft.savedAt = QDateTime(QDate(2025, 3, 1), QTime(12, 30, 5, 250), QTimeZone::utc());
    return draft;
}
} // namespace

void TestDraftStore::roundTrip()
{
    QTemporaryDir root;
    const DraftStore store(QStringLiteral("sqlite:/tmp/a.db"), 42, root.path());
    const Draft draft = sampleDraft();
    QVERIFY(store.save(QStringLiteral("branch-1"), draft).ok());
    QVERIFY(store.contains(QStringLiteral("branch-1")));
    auto loaded = store.load(QStringLiteral("branch-1"));
    QVERIFY(loaded.ok());
    QVERIFY(loaded.value().has_value());
    const Draft &back = *loaded.value();
    QCOMPARE(back.config, draft.config);
    QCOMPARE(back.templateName, draft.templateName);
    QCOMPARE(back.baseVersion, draft.baseVersion);
    QCOMPARE(back.savedAt, draft.savedAt);
    QVERIFY(!store.load(QStringLiteral("other")).value().has_value());
}

void TestDraftStore::separatesDatabasesAndUsers()
{
    QTemporaryDir root;
    const DraftStore a(QStringLiteral("sqlite:/tmp/a.db"), 1, root.path());
    const DraftStore otherDb(QStringLiteral("sqlite:/tmp/b.db"), 1, root.path());
    const DraftStore otherUser(QStringLiteral("sqlite:/tmp/a.db"), 2, root.path());
    QVERIFY(a.save(QStringLiteral("b"), sampleDraft()).ok());
    QVERIFY(!otherDb.contains(QStringLiteral("b")));
    QVERIFY(!otherUser.contains(QStringLiteral("b")));
    QVERIFY(a.directory().startsWith(root.path()));
}

void TestDraftStore::removeAndList()
{
    QTemporaryDir root;
    const DraftStore store(QStringLiteral("k"), 1, root.path());
    QVERIFY(store.branchesWithDrafts().isEmpty());
    QVERIFY(store.save(QStringLiteral("one"), sampleDraft()).ok());
    QVERIFY(store.save(QStringLiteral("two"), sampleDraft()).ok());
    QCOMPARE(store.branchesWithDrafts(),
             (QSet<QString>{QStringLiteral("one"), QStringLiteral("two")}));
    QVERIFY(store.remove(QStringLiteral("one")).ok());
    QVERIFY(store.remove(QStringLiteral("never-there")).ok());
    QCOMPARE(store.branchesWithDrafts(), QSet<QString>{QStringLiteral("two")});
}

void TestDraftStore::oddBranchIdsStayInsideTheFolder()
{
    QTemporaryDir root;
    const DraftStore store(QStringLiteral("k"), 1, root.path());
    const QString odd = QStringLiteral("../../etc/passwd");
    QVERIFY(store.save(odd, sampleDraft()).ok());
    QVERIFY(store.filePath(odd).startsWith(store.directory() + QLatin1Char('/')));
    QVERIFY(!store.filePath(odd).contains(QLatin1String("..")));
    QCOMPARE(store.branchesWithDrafts(), QSet<QString>{odd});
}

void TestDraftStore::damagedFileIsAnError()
{
    QTemporaryDir root;
    const DraftStore store(QStringLiteral("k"), 1, root.path());
    QVERIFY(store.save(QStringLiteral("b"), sampleDraft()).ok());
    QFile file(store.filePath(QStringLiteral("b")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{not json");
    file.close();
    const auto loaded = store.load(QStringLiteral("b"));
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().kind, ErrorKind::Io);
}

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draft_store.moc"
