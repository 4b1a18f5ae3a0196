// Top-level windows fit the screen they show on: the offscreen platform is
// given a 1366×768 laptop screen (primary) and a 1024×700 one beside it. The
// main window's first start, a restored geometry from a bigger or another
// screen, and a diff window on the small screen all stay inside.
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "common/WindowGeometry.h"
#include "diff/DiffWindow.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <QApplication>
#include <QFile>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>

using namespace retell;
using namespace retell::ui;

namespace {

QString describe(const QRect &r)
{
    return QStringLiteral("%1,%2 %3×%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

#define VERIFY_INSIDE(outer, inner)                                                                \
    QVERIFY2((outer).contains(inner),                                                              \
             qPrintable(describe(inner) + QStringLiteral(" not inside ") + describe(outer)))

} // namespace

class TestWindowGeometry final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void screensAreConfigured();
    void helperFitsAndCentres_data();
    void helperFitsAndCentres();
    void mainWindowFitsTheLaptopScreenOnFirstStart();
    void restoredGeometryIsClampedToTheScreen();
    void diffWindowFitsTheSmallScreen();

private:
    std::unique_ptr<MainWindow> openWindow();

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    Settings m_settings;
};

void TestWindowGeometry::initTestCase()
{
    RETELL_REQUIRE_DB(m_db);
    m_context.spec = m_db.spec();
    auto prepared = AppStartup::prepareDatabase(m_context, AppStartup::DemoData::Always);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
}

void TestWindowGeometry::screensAreConfigured()
{
    QCOMPARE(QGuiApplication::screens().size(), 2);
    QCOMPARE(QGuiApplication::primaryScreen()->availableGeometry(), QRect(0, 0, 1366, 768));
    QCOMPARE(QGuiApplication::screens().at(1)->availableGeometry(), QRect(1366, 0, 1024, 700));
}

void TestWindowGeometry::helperFitsAndCentres_data()
{
    QTest::addColumn<QSize>("preferred");
    QTest::addColumn<QRect>("available");
    QTest::newRow("bigger than a laptop") << QSize(1400, 900) << QRect(0, 0, 1366, 768);
    QTest::newRow("smaller than the screen") << QSize(800, 500) << QRect(0, 0, 1366, 768);
    QTest::newRow("second screen, panel on top") << QSize(1400, 900) << QRect(1366, 32, 1024, 668);
}

void TestWindowGeometry::helperFitsAndCentres()
{
    QFETCH(QSize, preferred);
    QFETCH(QRect, available);
    const QSize frame = windowGeometry::kFrameAllowance;
    const QRect rect = windowGeometry::initial(preferred, available);
    VERIFY_INSIDE(available, rect.adjusted(-frame.width() / 2, frame.width() / 2 - frame.height(),
                                           frame.width() / 2, frame.width() / 2));
    QCOMPARE(rect.size(), preferred.boundedTo(available.size() - frame));
    QVERIFY(std::abs(rect.center().x() - available.center().x()) <= frame.width());
    QVERIFY(std::abs(rect.center().y() - available.center().y()) <= frame.height());
}

std::unique_ptr<MainWindow> TestWindowGeometry::openWindow()
{
    return test::openMainWindow(m_context, core::demo::kSuperAdmin, &m_worker, &m_settings, m_env);
}

void TestWindowGeometry::mainWindowFitsTheLaptopScreenOnFirstStart()
{
    m_settings.setWindowGeometry({});
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    VERIFY_INSIDE(available, window->frameGeometry());
    // Centred, and not shrunk more than the frame needs.
    QVERIFY(std::abs(window->frameGeometry().center().x() - available.center().x()) <= 20);
    QVERIFY(window->width() >= available.width() - 40);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    window->close();
}

void TestWindowGeometry::restoredGeometryIsClampedToTheScreen()
{
    // Saved on a big monitor that is not attached any more.
    {
        QWidget big;
        big.setGeometry(2600, 1400, 1900, 1150);
        m_settings.setWindowGeometry(big.saveGeometry());
    }
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QScreen *screen = window->screen();
    QVERIFY(screen);
    VERIFY_INSIDE(screen->availableGeometry(), window->frameGeometry());
    window->close(); // saves its geometry
    QVERIFY(!m_settings.windowGeometry().isEmpty());
}

void TestWindowGeometry::diffWindowFitsTheSmallScreen()
{
    QScreen *small = QGuiApplication::screens().at(1);
    QWidget owner;
    owner.setScreen(small);
    owner.setGeometry(small->availableGeometry().adjusted(50, 50, -50, -50));
    owner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&owner));
    QCOMPARE(owner.screen(), small);
    auto *diff = new DiffWindow(&owner);
    diff->setAttribute(Qt::WA_DeleteOnClose);
    diff->show();
    QVERIFY(QTest::qWaitForWindowExposed(diff));
    VERIFY_INSIDE(small->availableGeometry(), diff->frameGeometry());
    diff->close();
}

int main(int argc, char **argv)
{
    // Two screens side by side for the offscreen platform.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 2;
    file.write(R"({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768},
        {"name": "small", "x": 1366, "y": 0, "width": 1024, "height": 700}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toUtf8());
    QApplication app(argc, argv);
    TestWindowGeometry test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window_geometry.moc"
