#include "gui_support.h"

#include "app/ConnectionDialog.h"
#include "app/PasswordStore.h"
#include "app/Settings.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTest>

using namespace retell;
using namespace retell::ui;

class TestConnectionDialog final : public QObject
{
    Q_OBJECT

private slots:
    void localDatabaseIsTheDefault();
    void sharedProfileIsRememberedWithoutItsPassword();
    void profileUrlCarriesTls();

private:
    test::GuiEnvironment m_env;
};

void TestConnectionDialog::localDatabaseIsTheDefault()
{
    Settings settings;
    PasswordStore passwords;
    ConnectionDialog dialog(&settings, &passwords);
    QVERIFY(dialog.isLocal());
    QCOMPARE(dialog.spec().dialect, core::Dialect::SQLite);
    QCOMPARE(dialog.spec().path, core::ConnectionSpec::defaultSqlitePath());
}

void TestConnectionDialog::sharedProfileIsRememberedWithoutItsPassword()
{
    const QString secret = QStringLiteral("s3cret-Pa55word");
    {
        Settings settings;
        PasswordStore passwords;
        ConnectionDialog dialog(&settings, &passwords);
        auto field = [&dialog](const char *name) {
            return dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
        };
        dialog.findChild<QRadioButton *>(QStringLiteral("sharedDatabase"))->setChecked(true);
        field("profileName")->setText(QStringLiteral("Head office"));
        field("profileHost")->setText(QStringLiteral("db.example.com"));
        field("profileDatabase")->setText(QStringLiteral("laravel"));
        field("profileUser")->setText(QStringLiteral("admin_app"));
        field("profilePassword")->setText(secret);
        QVERIFY(!dialog.isLocal());
        const core::ConnectionSpec spec = dialog.spec();
        QCOMPARE(spec.dialect, core::Dialect::MySQL);
        QCOMPARE(spec.host, QStringLiteral("db.example.com"));
        QCOMPARE(spec.password, secret);
        dialog.accept();
        QTest::qWait(200); // let the keychain answer (no backend here)
        settings.sync();
    }
    Settings settings;
    QCOMPARE(settings.lastProfile(), QStringLiteral("Head office"));
    QCOMPARE(settings.recentProfiles().size(), 1);
    QCOMPARE(settings.recentProfiles().at(0).user, QStringLiteral("admin_app"));
    QFile file(QSettings().fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(secret.toUtf8()));

    PasswordStore passwords;
    ConnectionDialog again(&settings, &passwords);
    QVERIFY(!again.isLocal());
    QCOMPARE(again.profile().host, QStringLiteral("db.example.com"));
}

void TestConnectionDialog::profileUrlCarriesTls()
{
    ConnectionProfile p;
    p.host = QStringLiteral("db.example.com");
    p.port = 3307;
    p.database = QStringLiteral("laravel");
    p.user = QStringLiteral("app");
    p.sslCa = QStringLiteral("/etc/ssl/ca.pem");
    auto spec = core::ConnectionSpec::parse(p.url());
    QVERIFY(spec.ok());
    QCOMPARE(spec->port, 3307);
    QCOMPARE(spec->options.value(QStringLiteral("ssl_ca")), QStringLiteral("/etc/ssl/ca.pem"));
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connection_dialog.moc"
