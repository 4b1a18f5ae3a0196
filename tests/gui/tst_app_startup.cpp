// Start-up through the real AppStartup and dialogs on the offscreen platform:
// the first start asks where to work, later starts reopen that database
// without asking, --connect (chooseConnection) asks again, and the local
// database never hears about the system keychain.
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/ConnectionDialog.h"
#include "app/PasswordStore.h"
#include "app/Settings.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace retell;
using namespace retell::ui;

namespace {

// Records every dialog that shows; accepts the connection dialog with a click
// on Connect as a person would, and closes anything else so nothing hangs.
class DialogWatcher final : public QObject
{
public:
    DialogWatcher() { qApp->installEventFilter(this); }
    ~DialogWatcher() override { qApp->removeEventFilter(this); }
    QStringList shown;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *dialog = qobject_cast<QDialog *>(watched);
        if (event->type() != QEvent::Show || !dialog || !dialog->isWindow() ||
            dialog->objectName().isEmpty())
            return false;
        shown << dialog->objectName();
        QTimer::singleShot(0, dialog, [dialog] {
            auto *buttons = dialog->findChild<QDialogButtonBox *>();
            QPushButton *ok = buttons ? buttons->button(QDialogButtonBox::Ok) : nullptr;
            if (dialog->objectName() == QLatin1String("connectionDialog") && ok)
                QTest::mouseClick(ok, Qt::LeftButton);
            else
                dialog->reject();
        });
        return false;
    }
};

bool visibleTextMentionsKeychain(const QWidget *dialog)
{
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->isVisible() &&
            label->text().contains(QLatin1String("keychain"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

class TestAppStartup final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstStartAsksWhereToWork();
    void laterStartsReopenTheLastConnection();
    void connectOptionAsksAgain();
    void localDatabaseHearsNothingAboutTheKeychain();

private:
    std::shared_ptr<Session> start(bool chooseConnection, QStringList *dialogsShown);

    test::GuiEnvironment m_env;
    QTemporaryDir m_data;
};

void TestAppStartup::initTestCase()
{
    QVERIFY(m_data.isValid());
    // The default local database lives in the generic data folder: a folder
    // of this run's own, not the shared ~/.qttest of test mode.
    QStandardPaths::setTestModeEnabled(false);
    qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
    QVERIFY(core::ConnectionSpec::defaultSqlitePath().startsWith(m_data.path()));
}

std::shared_ptr<Session> TestAppStartup::start(bool chooseConnection, QStringList *dialogsShown)
{
    Settings settings;
    ServiceWorker worker;
    PasswordStore passwords;
    AppStartup startup(&settings, &worker, &passwords);
    AppStartup::Options options;
    options.user = QString::fromLatin1(core::demo::kSuperAdmin);
    options.password = QString::fromLatin1(core::demo::kPassword);
    options.chooseConnection = chooseConnection;
    DialogWatcher watcher;
    auto session = startup.run(options);
    settings.sync();
    *dialogsShown = watcher.shown;
    return session;
}

void TestAppStartup::firstStartAsksWhereToWork()
{
    QVERIFY(!Settings().hasLastProfile());
    QStringList shown;
    const auto session = start(false, &shown);
    QVERIFY(session);
    QCOMPARE(shown, QStringList{QStringLiteral("connectionDialog")});
    QCOMPARE(session->context().spec.path, core::ConnectionSpec::defaultSqlitePath());
    QVERIFY(Settings().hasLastProfile());
    QCOMPARE(Settings().lastProfile(), QString()); // the local database
}

void TestAppStartup::laterStartsReopenTheLastConnection()
{
    QStringList shown;
    const auto session = start(false, &shown);
    QVERIFY(session);
    QCOMPARE(shown, QStringList());
    QCOMPARE(session->context().spec.dialect, core::Dialect::SQLite);
    QCOMPARE(session->context().spec.path, core::ConnectionSpec::defaultSqlitePath());
}

void TestAppStartup::connectOptionAsksAgain()
{
    QStringList shown;
    const auto session = start(true, &shown);
    QVERIFY(session);
    QCOMPARE(shown, QStringList{QStringLiteral("connectionDialog")});
}

void TestAppStartup::localDatabaseHearsNothingAboutTheKeychain()
{
    // A shared profile is known, but the local database was chosen last.
    Settings settings;
    ConnectionProfile shared;
    shared.name = QStringLiteral("Head office");
    shared.host = QStringLiteral("db.example.com");
    shared.database = QStringLiteral("laravel");
    shared.user = QStringLiteral("admin_app");
    settings.rememberProfile(shared);
    settings.setLastProfile(QString());

    PasswordStore passwords;
    ConnectionDialog dialog(&settings, &passwords);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.isLocal());
    QTest::qWait(300); // a keychain answer, if one were asked for, arrives
    QVERIFY2(!visibleTextMentionsKeychain(&dialog),
             qPrintable(dialog.findChild<QLabel *>(QStringLiteral("connectionNotice"))->text()));

    // Choosing the shared profile may tell about the keychain, in one plain
    // sentence without the backend's jargon; back on local it says nothing.
    QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("sharedDatabase")),
                      Qt::LeftButton);
    QVERIFY(!dialog.isLocal());
    QTest::qWait(300);
    const QLabel *notice = dialog.findChild<QLabel *>(QStringLiteral("connectionNotice"));
    if (notice->isVisible()) {
        QVERIFY2(!notice->text().contains(QLatin1String("Unknown error")),
                 qPrintable(notice->text()));
        QCOMPARE(notice->text().count(QLatin1Char('.')), 1);
        QVERIFY(notice->text().endsWith(QLatin1Char('.')));
    }
    QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("localDatabase")),
                      Qt::LeftButton);
    QVERIFY(!visibleTextMentionsKeychain(&dialog));
}

QTEST_MAIN(TestAppStartup)
#include "tst_app_startup.moc"
