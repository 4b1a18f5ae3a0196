// Logins against real bcrypt hashes made by other implementations, and the
// rule that only the very first global admin may be granted without an actor.
#include "tst_access.h"

#include "access_support.h"

#include "access/AccessService.h"
#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <latch>
#include <optional>

using namespace retell::core;
using namespace retell::test;

namespace {
const QString kOtherPassword = QStringLiteral("an0ther-Secret");
} // namespace

void TestAccess::bcryptHashes_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments"); // prints the hash (htpasswd: "user:hash")
    QTest::addColumn<QString>("loginPassword");
    QTest::addColumn<bool>("accepted");
    const QString htpasswd = QStringLiteral("/usr/bin/htpasswd");
    const QString pw = QStringLiteral("s3cret-Ünïcode-✓");
    const QStringList bcrypt{QStringLiteral("-nbB"), QStringLiteral("-C"), QStringLiteral("10"),
                             QStringLiteral("user"), pw};
    QTest::newRow("htpasswd $2y$ cost 10, right password") << htpasswd << bcrypt << pw << true;
    QTest::newRow("htpasswd $2y$ cost 10, wrong password")
        << htpasswd << bcrypt << kOtherPassword << false;
    QTest::newRow("htpasswd $2y$ cost 10, password in upper case")
        << htpasswd << bcrypt << pw.toUpper() << false;
    QTest::newRow("htpasswd $2y$ cost 10, empty password")
        << htpasswd << bcrypt << QString() << false;
    QTest::newRow("SHA-512 crypt $6$ of the right password")
        << QStringLiteral("openssl")
        << QStringList{QStringLiteral("passwd"), QStringLiteral("-6"), pw} << pw << false;
    QTest::newRow("MD5 crypt $1$ of the right password")
        << QStringLiteral("openssl")
        << QStringList{QStringLiteral("passwd"), QStringLiteral("-1"), pw} << pw << false;
    QTest::newRow("htpasswd apr1 of the right password")
        << htpasswd << QStringList{QStringLiteral("-nbm"), QStringLiteral("user"), pw} << pw
        << false;
    QTest::newRow("htpasswd {SHA} of the right password")
        << htpasswd << QStringList{QStringLiteral("-nbs"), QStringLiteral("user"), pw} << pw
        << false;
    QTest::newRow("plain text password in the column")
        << QString() << QStringList{pw} << pw << false;
    QTest::newRow("empty password column")
        << QString() << QStringList{QString()} << QString() << false;
}

void TestAccess::bcryptHashes()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, loginPassword);
    QFETCH(bool, accepted);
    QString hash;
    if (program.isEmpty()) {
        hash = arguments.value(0);
    } else {
        QString error;
        hash = runTool(program, arguments, &error);
        QVERIFY2(!hash.isEmpty(), qPrintable(error));
        if (hash.startsWith(QLatin1String("user:")))
            hash = hash.mid(5);
        if (arguments.contains(QStringLiteral("-nbB")))
            QVERIFY2(hash.startsWith(QLatin1String("$2y$10$")) && hash.size() == 60,
                     qPrintable(hash));
    }
    static int serial = 0;
    const QString email = QStringLiteral("bcrypt-%1@example.test").arg(++serial);
    const qint64 id = insertUser(m_ctx.spec, email, QStringLiteral("Hash Test"), hash.toUtf8());
    QVERIFY(id > 0);
    auto actor = AuthService(m_ctx).login(email, loginPassword);
    if (accepted) {
        QVERIFY2(actor, qPrintable(actor ? QString() : actor.error().message));
        QCOMPARE(actor->user.id, id);
        QVERIFY(actor->grants.isEmpty());
        QVERIFY(!actor->canSeeAnything());
    } else {
        QVERIFY2(!actor, qPrintable(QStringLiteral("accepted the hash %1").arg(hash)));
        QCOMPARE(errorKindName(actor.error().kind), errorKindName(ErrorKind::Authentication));
    }
}

// The other direction: a hash this app writes is one an independent bcrypt
// implementation (Apache's, as PHP's would) accepts.
void TestAccess::ownHashVerifiesWithHtpasswd()
{
    auto hash = AuthService::hashPassword(QByteArrayLiteral("demo-password"), 10);
    QVERIFY(hash);
    QVERIFY2(hash->startsWith("$2y$10$"), hash->constData());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("htpasswd")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("user:" + hash.value() + "\n");
    file.close();
    QString error;
    runTool(QStringLiteral("/usr/bin/htpasswd"),
            {QStringLiteral("-vb"), file.fileName(), QStringLiteral("user"),
             QStringLiteral("demo-password")},
            &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    runTool(
        QStringLiteral("/usr/bin/htpasswd"),
        {QStringLiteral("-vb"), file.fileName(), QStringLiteral("user"), QStringLiteral("wrong")},
        &error);
    QVERIFY2(!error.isEmpty(),
             "htpasswd accepted a wrong password: the check above proves nothing");
}

namespace {

// A fresh database with the schema, the built-in templates, one company with
// one branch and a few users, but no grants at all.
struct EmptyGrantsDb
{
    TestDatabase db;
    ServiceContext ctx;
    QString companyId;
    QString branchId = QStringLiteral("0b6a1c3e-7f0d-4d2a-9c55-3e1f2a4b5c6d");
    QList<qint64> users; // first@, second@, third@ ... bootstrap.test
};

bool prepare(EmptyGrantsDb &e, int userCount, QString *error)
{
    if (!e.db.isValid()) {
        *error = e.db.error();
        return false;
    }
    e.ctx.spec = e.db.spec();
    auto migrated = Migrator::migrate(e.ctx.spec);
    if (!migrated) {
        *error = migrated.error().message + migrated.error().detail;
        return false;
    }
    if (auto s = Seeder::seedTemplates(e.ctx); !s) {
        *error = s.error().message;
        return false;
    }
    auto conn = Database::connection(e.ctx.spec);
    if (!conn) {
        *error = conn.error().message;
        return false;
    }
    auto c =
        insertReturningId(conn.value(), QStringLiteral("INSERT INTO companies (name) VALUES (?)"),
                          {QStringLiteral("Bootstrap GmbH")});
    if (!c) {
        *error = c.error().message + c.error().detail;
        return false;
    }
    e.companyId = QString::number(c.value());
    auto b = Database::exec(
        conn.value(),
        QStringLiteral("INSERT INTO branches (id, company_id, name) VALUES (?, ?, ?)"),
        {e.branchId, e.companyId, QStringLiteral("Hauptstelle")});
    if (!b) {
        *error = b.error().message + b.error().detail;
        return false;
    }
    auto hash = AuthService::hashPassword(QByteArrayLiteral("bootstrap-pw"), 4);
    for (int i = 0; i < userCount && hash; ++i)
        e.users << insertUser(e.ctx.spec, QStringLiteral("user%1@bootstrap.test").arg(i),
                              QStringLiteral("User %1").arg(i), hash.value());
    if (e.users.size() != userCount || e.users.contains(0)) {
        *error = QStringLiteral("could not create the users");
        return false;
    }
    return true;
}

} // namespace

void TestAccess::bootstrap_data()
{
    QTest::addColumn<bool>(
        "asUserWithoutGrants"); // false: no actor at all (database credentials only)
    QTest::addColumn<bool>("firstAdminExists");
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("scope");
    QTest::addColumn<bool>("accepted");
    const int admin = int(Role::Admin), editor = int(Role::Editor), viewer = int(Role::Viewer);
    const int global = int(GrantScope::Global), company = int(GrantScope::Company),
              branch = int(GrantScope::Branch);
    QTest::newRow("no grants yet, no actor: global admin")
        << false << false << admin << global << true;
    QTest::newRow("no grants yet, no actor: global editor")
        << false << false << editor << global << false;
    QTest::newRow("no grants yet, no actor: global viewer")
        << false << false << viewer << global << false;
    QTest::newRow("no grants yet, no actor: company admin")
        << false << false << admin << company << false;
    QTest::newRow("no grants yet, no actor: branch admin")
        << false << false << admin << branch << false;
    QTest::newRow("no grants yet, user without grants: global admin")
        << true << false << admin << global << false;
    QTest::newRow("first admin exists, no actor: global admin")
        << false << true << admin << global << false;
    QTest::newRow("first admin exists, no actor: company viewer")
        << false << true << viewer << company << false;
    QTest::newRow("first admin exists, no actor: branch admin")
        << false << true << admin << branch << false;
    QTest::newRow("first admin exists, user without grants: global admin")
        << true << true << admin << global << false;
}

void TestAccess::bootstrap()
{
    QFETCH(bool, asUserWithoutGrants);
    QFETCH(bool, firstAdminExists);
    QFETCH(int, role);
    QFETCH(int, scope);
    QFETCH(bool, accepted);
    EmptyGrantsDb e;
    QString error;
    QVERIFY2(prepare(e, 3, &error), qPrintable(error));
    AccessService access(e.ctx);
    QCOMPARE(access.hasAnyGrant().value(), false);
    if (firstAdminExists) {
        auto first = access.grant(nullptr, QStringLiteral("user0@bootstrap.test"), Role::Admin,
                                  GrantScope::Global, {});
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(access.hasAnyGrant().value(), true);
    }
    std::optional<Actor> actor;
    if (asUserWithoutGrants) {
        auto loaded = AuthService(e.ctx).login(QStringLiteral("user2@bootstrap.test"),
                                               QStringLiteral("bootstrap-pw"));
        QVERIFY(loaded);
        QVERIFY(loaded->grants.isEmpty());
        actor = loaded.value();
    }
    const GrantScope s = GrantScope(scope);
    const QString scopeId = s == GrantScope::Company  ? e.companyId
                            : s == GrantScope::Branch ? e.branchId
                                                      : QString();
    const QString before = snapshot(e.ctx.spec);
    auto granted = access.grant(actor ? &*actor : nullptr, QStringLiteral("user1@bootstrap.test"),
                                Role(role), s, scopeId);
    if (!accepted) {
        QVERIFY2(!granted, "the bootstrap rule let a grant through");
        QVERIFY2(granted.error().kind != ErrorKind::Database,
                 qPrintable(granted.error().message + granted.error().detail));
        if (firstAdminExists || asUserWithoutGrants)
            QVERIFY2(granted.error().kind == ErrorKind::Authentication ||
                         granted.error().kind == ErrorKind::Permission,
                     qPrintable(errorKindName(granted.error().kind)));
        QVERIFY(!granted.error().message.isEmpty());
        QCOMPARE(snapshot(e.ctx.spec), before);
        QCOMPARE(access.hasAnyGrant().value(), firstAdminExists);
        return;
    }
    QVERIFY2(granted, qPrintable(granted ? QString() : granted.error().message));
    QCOMPARE(count(e.ctx.spec, QStringLiteral("retell_admin_grants")), 1);
    QCOMPARE(scalar(e.ctx.spec, QStringLiteral("SELECT user_id FROM retell_admin_grants WHERE "
                                               "scope = 'global' AND role = 'admin'")),
             QString::number(e.users.value(1)));
    QCOMPARE(scalar(e.ctx.spec, QStringLiteral("SELECT granted_by FROM retell_admin_grants")),
             QStringLiteral("<null>"));
    auto admin = AuthService(e.ctx).login(QStringLiteral("user1@bootstrap.test"),
                                          QStringLiteral("bootstrap-pw"));
    QVERIFY(admin);
    QVERIFY(admin->isGlobalAdmin());
}

// Several holders of the database credentials bootstrap at the same moment:
// still only one first admin.
void TestAccess::bootstrapOnlyOnce()
{
    constexpr int kThreads = 6;
    constexpr int kRounds = 8;
    EmptyGrantsDb e;
    QString error;
    QVERIFY2(prepare(e, kThreads, &error), qPrintable(error));
    for (int round = 0; round < kRounds; ++round) {
        QVERIFY(scalar(e.ctx.spec, QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants")) ==
                QStringLiteral("0"));
        std::latch start(kThreads);
        std::atomic<int> succeeded{0};
        std::atomic<int> databaseErrors{0};
        QList<QThread *> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads << QThread::create([&, i] {
                start.arrive_and_wait();
                auto r = AccessService(e.ctx).grant(nullptr,
                                                    QStringLiteral("user%1@bootstrap.test").arg(i),
                                                    Role::Admin, GrantScope::Global, {});
                if (r)
                    ++succeeded;
                else if (r.error().kind == ErrorKind::Database)
                    ++databaseErrors;
                Database::dropConnection(e.ctx.spec);
            });
            threads.last()->start();
        }
        for (QThread *t : std::as_const(threads)) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        const int rows = count(e.ctx.spec, QStringLiteral("retell_admin_grants"));
        QVERIFY2(rows == 1 && succeeded == 1,
                 qPrintable(QStringLiteral("round %1: %2 concurrent bootstraps succeeded, %3 grant "
                                           "rows, %4 database errors")
                                .arg(round)
                                .arg(succeeded.load())
                                .arg(rows)
                                .arg(databaseErrors.load())));
        auto conn = Database::connection(e.ctx.spec);
        QVERIFY(conn);
        QVERIFY(Database::exec(conn.value(), QStringLiteral("DELETE FROM retell_admin_grants")));
    }
}

// Two global admins each revoke their own global grant at the same moment:
// the "last global admin" guard must still leave one of them.
void TestAccess::lastGlobalAdminSurvivesConcurrentRevokes()
{
    constexpr int kRounds = 8;
    EmptyGrantsDb e;
    QString error;
    QVERIFY2(prepare(e, 2, &error), qPrintable(error));
    AccessService access(e.ctx);
    QVERIFY(access.grant(nullptr, QStringLiteral("user0@bootstrap.test"), Role::Admin,
                         GrantScope::Global, {}));
    for (int round = 0; round < kRounds; ++round) {
        // Both are global admins at the start of every round, granted by whichever survived.
        auto survivor = AuthService(e.ctx).login(QStringLiteral("user0@bootstrap.test"),
                                                 QStringLiteral("bootstrap-pw"));
        QVERIFY(survivor);
        if (!survivor->isGlobalAdmin())
            survivor = AuthService(e.ctx).login(QStringLiteral("user1@bootstrap.test"),
                                                QStringLiteral("bootstrap-pw"));
        QVERIFY(survivor && survivor->isGlobalAdmin());
        for (int i = 0; i < 2; ++i)
            QVERIFY(access.grant(&survivor.value(), QStringLiteral("user%1@bootstrap.test").arg(i),
                                 Role::Admin, GrantScope::Global, {}));
        QCOMPARE(count(e.ctx.spec, QStringLiteral("retell_admin_grants")), 2);
        QList<Actor> admins;
        for (int i = 0; i < 2; ++i) {
            auto a = AuthService(e.ctx).login(QStringLiteral("user%1@bootstrap.test").arg(i),
                                              QStringLiteral("bootstrap-pw"));
            QVERIFY(a && a->isGlobalAdmin());
            admins << a.value();
        }
        std::latch start(2);
        QList<QThread *> threads;
        for (int i = 0; i < 2; ++i) {
            threads << QThread::create([&, i] {
                start.arrive_and_wait();
                (void)AccessService(e.ctx).revoke(admins[i], admins[i].user.email,
                                                  GrantScope::Global, {});
                Database::dropConnection(e.ctx.spec);
            });
            threads.last()->start();
        }
        for (QThread *t : std::as_const(threads)) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        const QString left =
            scalar(e.ctx.spec, QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants WHERE "
                                              "scope = 'global' AND role = 'admin'"));
        QVERIFY2(left == QStringLiteral("1"),
                 qPrintable(QStringLiteral(
                                "round %1: %2 global admin(s) left after both revoked themselves")
                                .arg(round)
                                .arg(left)));
    }
}
