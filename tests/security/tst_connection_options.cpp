// The database URL's options reach the MySQL driver as one "A=x;B=y" string
// without escaping: every value is validated so that none can add options of
// its own, and unknown options are refused with a sentence naming them.
#include "db/ConnectionOptions.h"

#include <QTest>

using namespace retell::core;

class TestConnectionOptions final : public QObject
{
    Q_OBJECT

private slots:
    void refused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("said"); // part of the sentence
        const QString base = QStringLiteral("mysql://app@db.internal:3306/laravel?");
        QTest::newRow("';' (encoded) injects a socket path")
            << base + QStringLiteral("ssl_ca=/etc/ca.pem%3BUNIX_SOCKET%3D/tmp/evil.sock")
            << QStringLiteral("ssl_ca");
        QTest::newRow("';' (encoded) injects auto-reconnect")
            << base + QStringLiteral("connect_timeout=5%3BMYSQL_OPT_RECONNECT%3D1")
            << QStringLiteral("connect_timeout");
        QTest::newRow("';' in the cipher list")
            << base + QStringLiteral("ssl_cipher=AES256%3BCLIENT_COMPRESS")
            << QStringLiteral("ssl_cipher");
        QTest::newRow("connect_timeout=abc")
            << base + QStringLiteral("connect_timeout=abc") << QStringLiteral("connect_timeout");
        QTest::newRow("connect_timeout=-1")
            << base + QStringLiteral("connect_timeout=-1") << QStringLiteral("1 to 3600");
        QTest::newRow("connect_timeout=0")
            << base + QStringLiteral("connect_timeout=0") << QStringLiteral("1 to 3600");
        QTest::newRow("read_timeout too large")
            << base + QStringLiteral("read_timeout=99999") << QStringLiteral("read_timeout");
        QTest::newRow("write_timeout with a space")
            << base + QStringLiteral("write_timeout=%205") << QStringLiteral("write_timeout");
        QTest::newRow("empty ssl_ca")
            << base + QStringLiteral("ssl_ca=") << QStringLiteral("no value");
        QTest::newRow("newline in a path")
            << base + QStringLiteral("ssl_key=/a%0Ab") << QStringLiteral("control character");
        QTest::newRow("ssl_verify_host=no")
            << base + QStringLiteral("ssl_verify_host=no") << QStringLiteral("true or false");
        QTest::newRow("option given twice")
            << base + QStringLiteral("ssl_ca=/a&ssl_ca=/b") << QStringLiteral("twice");
        QTest::newRow("unknown option")
            << base + QStringLiteral("sslmode=on")
            << QStringLiteral("Unknown database URL option \"sslmode\"");
        QTest::newRow("driver option spelled directly")
            << base + QStringLiteral("UNIX_SOCKET=/tmp/x") << QStringLiteral("Unknown");
        // Found by fuzz_connection_url: the cleaned path kept the "\r" and
        // its printed URL (trimmed when parsed) named another file.
        QTest::newRow("SQLite path ending in a line break")
            << QStringLiteral("sqlite:/tmp/x\r/") << QStringLiteral("ends in a space");
        QTest::newRow("SQLite path ending in a space")
            << QStringLiteral("sqlite:/tmp/x /") << QStringLiteral("ends in a space");
        // Found by fuzz_connection_url: QUrl prints a noncharacter in a form
        // it reads back as something else, so the URL named another file,
        // user or database.
        QTest::newRow("noncharacter in a path option")
            << base + QStringLiteral("ssl_ca=/etc/x") + QString::fromUcs4(U"\U0007FFFF")
            << QStringLiteral("U+7FFFF");
        QTest::newRow("noncharacter in the user name")
            << QStringLiteral("mysql://a\uFDD0@db/laravel") << QStringLiteral("U+FDD0");
        QTest::newRow("noncharacter in the database name")
            << QStringLiteral("pgsql://app@db/laravel\uFFFE") << QStringLiteral("U+FFFE");
    }

    void refused()
    {
        QFETCH(QString, url);
        QFETCH(QString, said);
        const auto spec = ConnectionSpec::parse(url);
        QVERIFY2(!spec, qPrintable(QStringLiteral("accepted: ") + url));
        QCOMPARE(int(spec.error().kind), int(ErrorKind::Usage));
        QVERIFY2(spec.error().message.contains(said), qPrintable(spec.error().message));
        QVERIFY2(!spec.error().message.contains(QLatin1Char('\n')),
                 qPrintable(spec.error().message));
    }

    void accepted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<bool>("verifyHost");
        const QString base = QStringLiteral("mysql://app@db.internal:3306/laravel");
        QTest::newRow("no options") << base << false << true;
        QTest::newRow("timeouts")
            << base + QStringLiteral("?connect_timeout=2&read_timeout=3600&write_timeout=30")
            << false << true;
        QTest::newRow("CA with '=' in the path")
            << base + QStringLiteral("?ssl_ca=/etc/a=b/ca.pem") << true << true;
        QTest::newRow("client certificate")
            << base + QStringLiteral("?ssl_cert=/c.pem&ssl_key=/k.pem") << true << true;
        QTest::newRow("cipher list")
            << base + QStringLiteral(
                          "?ssl_ca=/"
                          "ca.pem&ssl_cipher=ECDHE-RSA-AES256-GCM-SHA384:TLS_AES_256_GCM_SHA384")
            << true << true;
        QTest::newRow("host check relaxed")
            << base + QStringLiteral("?ssl_ca=/ca.pem&ssl_verify_host=false") << true << false;
    }

    void accepted()
    {
        QFETCH(QString, url);
        QFETCH(bool, tls);
        QFETCH(bool, verifyHost);
        const auto spec = ConnectionSpec::parse(url);
        QVERIFY2(spec, qPrintable(spec ? QString() : spec.error().message));
        QCOMPARE(usesTls(spec.value()), tls);
        QCOMPARE(verifiesHostName(spec.value()), verifyHost);
        // What toUrl() writes parses back to the same options.
        const auto again = ConnectionSpec::parse(spec->toUrl());
        QVERIFY2(again, qPrintable(spec->toUrl()));
        QCOMPARE(again->options, spec->options);
    }

    // A spec built in code (not parsed) is checked again before connecting.
    void builtSpecIsValidated()
    {
        ConnectionSpec spec;
        spec.dialect = Dialect::MySQL;
        spec.host = QStringLiteral("127.0.0.1");
        spec.database = QStringLiteral("d");
        spec.options.insert(QStringLiteral("ssl_ca"), QStringLiteral("/ca.pem;UNIX_SOCKET=/tmp/x"));
        QVERIFY(!validateConnectionOptions(spec));
        spec.options.clear();
        spec.options.insert(QStringLiteral("bogus"), QStringLiteral("1"));
        QVERIFY(!validateConnectionOptions(spec));
    }
};

QTEST_GUILESS_MAIN(TestConnectionOptions)
#include "tst_connection_options.moc"
