// The real retell-admin, started on a demo database and quit with Ctrl+Q
// (File › Quit) as soon as its window shows, or a little later while it is
// still loading: every exit must be clean. It used to abort on quit ("double
// free or corruption") in most runs: the worker thread's connections were
// torn down by its thread_local storage while ~QApplication tore down Qt's
// connection registry, and the agent panel saved its draft through a
// session that MainWindow had already destroyed.
#include "seed/Seeder.h"

#include <QProcess>
#include <QStringList>

#include <QTemporaryDir>
#include <QTest>
#include <array>

using namespace retell;

class TestAppQuit final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void quitsCleanly_data();
    void quitsCleanly();
    // Several instances started at once on one new local database: the
    // first creates and seeds it, the others wait and log in. They used to
    // find a half-seeded file and fail ("Unknown e-mail address").
    void simultaneousFirstStarts();

private:
    QProcessEnvironment environment() const;
    QStringList arguments(const QString &database) const;
    QTemporaryDir m_dir;
};

void TestAppQuit::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestAppQuit::quitsCleanly_data()
{
    QTest::addColumn<int>("quitAfterMs");
    // The first run creates, migrates and seeds the database; most quit as
    // soon as the window shows (while branches and history are loading).
    for (int run = 1; run <= 20; ++run) {
        const int delay = run % 5 == 0 ? 1500 : (run % 5 == 4 ? 200 : 0);
        QTest::addRow("run %d, quit after %d ms", run, delay) << delay;
    }
}

QProcessEnvironment TestAppQuit::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("RETELL_ADMIN_PASSWORD"), QString::fromLatin1(core::demo::kPassword));
    // Settings and drafts in the test's folder, never the user's.
    for (const char *var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        env.insert(QString::fromLatin1(var), m_dir.filePath(QString::fromLatin1(var).toLower()));
    return env;
}

QStringList TestAppQuit::arguments(const QString &database) const
{
    return {QStringLiteral("--db"), QStringLiteral("sqlite:") + m_dir.filePath(database),
            QStringLiteral("--user"), QString::fromLatin1(core::demo::kSuperAdmin)};
}

// Waits for `app` and checks it exited cleanly, with nothing a sanitizer said.
static void verifyCleanExit(QProcess &app)
{
    QVERIFY2(app.waitForFinished(180000), "still running 3 minutes after start");
    const QString errors = QString::fromUtf8(app.readAllStandardError());
    QVERIFY2(app.exitStatus() == QProcess::NormalExit,
             qPrintable(QStringLiteral("crashed; stderr:\n%1").arg(errors)));
    QVERIFY2(
        app.exitCode() == 0,
        qPrintable(QStringLiteral("exit code %1; stderr:\n%2").arg(app.exitCode()).arg(errors)));
    // The sanitizer build reports (and with halt_on_error exits non-zero).
    QVERIFY2(!errors.contains(QLatin1String("AddressSanitizer")) &&
                 !errors.contains(QLatin1String("runtime error:")),
             qPrintable(errors));
}

void TestAppQuit::quitsCleanly()
{
    QFETCH(int, quitAfterMs);
    QProcess app;
    app.setProcessEnvironment(environment());
    app.start(QStringLiteral(RETELL_GUI_PATH), arguments(QStringLiteral("demo.sqlite"))
                                                   << QStringLiteral("--quit-after")
                                                   << QString::number(quitAfterMs));
    QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));
    verifyCleanExit(app);
}

void TestAppQuit::simultaneousFirstStarts()
{
    constexpr int kInstances = 4;
    std::array<QProcess, kInstances> apps;
    for (QProcess &app : apps) {
        app.setProcessEnvironment(environment());
        app.start(QStringLiteral(RETELL_GUI_PATH), arguments(QStringLiteral("shared.sqlite"))
                                                       << QStringLiteral("--report-startup"));
        QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));
    }
    for (QProcess &app : apps) {
        verifyCleanExit(app);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(app.readAllStandardOutput().contains("data_ready_ms"));
    }
}

QTEST_GUILESS_MAIN(TestAppQuit)
#include "tst_app_quit.moc"
