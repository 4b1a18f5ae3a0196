// Which e-mail addresses exist must not show in how long a login takes: every
// refused login runs exactly one bcrypt verification of the usual cost, the
// same as a wrong password for a known user. Counted, not timed.
#include "TestDatabase.h"
#include "TestWorld.h"

#include "access/AuthService.h"
#include "db/Database.h"

#include <QTest>

using namespace retell::core;
using namespace retell::test;

class TestLoginCost final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RETELL_REQUIRE_DB(m_db);
        TestWorld::create(m_db.spec());
        m_hash = AuthService::hashPassword(QByteArrayLiteral("right-password"), 10).value();
        auto conn = Database::connection(m_db.spec());
        QVERIFY(conn);
        const QStringList users = {
            QStringLiteral("INSERT INTO users (name, email, password) VALUES ('Known', "
                           "'known@example.com', ?)"),
            QStringLiteral("INSERT INTO users (name, email, password) VALUES ('Plain', "
                           "'plain@example.com', 'not-a-hash')"),
        };
        QVERIFY(Database::exec(conn.value(), users[0], {QString::fromLatin1(m_hash)}));
        QVERIFY(Database::exec(conn.value(), users[1]));
    }

    void oneBcryptRunPerLogin_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("unknown e-mail") << "nobody@example.com"
                                        << "right-password" << false;
        QTest::newRow("unknown e-mail again") << "someone-else@example.com"
                                              << "x" << false;
        QTest::newRow("known e-mail, wrong password") << "known@example.com"
                                                      << "wrong-password" << false;
        QTest::newRow("known e-mail, right password") << "known@example.com"
                                                      << "right-password" << true;
        QTest::newRow("known e-mail, no bcrypt hash stored") << "plain@example.com"
                                                             << "not-a-hash" << false;
    }

    void oneBcryptRunPerLogin()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        const quint64 before = AuthService::bcryptRuns();
        const auto actor = AuthService(ServiceContext{m_db.spec()}).login(email, password);
        QCOMPARE(bool(actor), accepted);
        QCOMPARE(AuthService::bcryptRuns() - before, quint64(1));
        if (!accepted)
            QCOMPARE(actor.error().message,
                     QStringLiteral("Unknown e-mail address or wrong password."));
    }

    // The dummy hash an unknown e-mail is checked against has the cost of
    // the hashes the web application writes (Laravel's default, 10).
    void dummyHashHasTheUsualCost()
    {
        QCOMPARE(AuthService::dummyHash().left(7), m_hash.left(7));
        QVERIFY(!AuthService::verifyPassword(QByteArrayLiteral(""), AuthService::dummyHash()));
    }

private:
    TestDatabase m_db;
    QByteArray m_hash;
};

QTEST_GUILESS_MAIN(TestLoginCost)
#include "tst_login_cost.moc"
