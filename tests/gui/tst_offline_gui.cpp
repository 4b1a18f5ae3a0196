// Issue 12 "what it must show", through the real window on MariaDB and
// PostgreSQL: the replica filled on start, the server stopped (a loopback
// proxy in front of it stops listening: connections are refused), the app
// going offline by itself and saying so, deploys to two branches queued
// through the editor and the deploy dialog (keys and clicks), another admin
// deploying to one of them meanwhile, the server back: the app goes online
// and syncs; one operation applied (the next version, the only active one),
// the other a conflict in the outbox, merged in the merge window and
// applied; the outbox empty; a second sync changes nothing. The status
// indicator is read in each state; Work Offline is toggled by keyboard.
#include "CuttingProxy.h"
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/EnglishPlurals.h"
#include "app/MainWindow.h"
#include "app/NotificationBanner.h"
#include "app/OfflineUi.h"
#include "app/Settings.h"
#include "db/Database.h"
#include "editor/AgentEditor.h"
#include "editor/PromptEditor.h"
#include "merge/MergeWindow.h"
#include "offline/OfflineController.h"
#include "offline/OfflineStatusBar.h"
#include "offline/OutboxModel.h"
#include "offline/OutboxPanel.h"
#include "offline/Replica.h"
#include "offline/Sync.h"
#include "panels/AgentPanel.h"
#include "panels/AgentPanelMerge.h"
#include "panels/BranchTreePanel.h"
#include "panels/DeployDialog.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"
#include "services/TemplatesFacade.h"
#include "templates/TemplateService.h"
#include "versions/VersionService.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace retell;
using namespace retell::ui;
using Op = core::QueuedOperation;

namespace {

const QString kMuenchen = test::kSalonMuenchen;
const QString kHamburg = test::kSalonHamburg;
const QStringList kLines = test::salonPromptLines();

} // namespace

class TestOfflineGui final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void queuedOfflineThenSyncedAndMerged();
    void workOfflineByKeyboard();
    void startsOfflineWhenTheServerIsDown();

private:
    std::unique_ptr<MainWindow> openWindow();
    core::AgentConfig config(const QStringList &lines) const;
    core::PromptVersion activeOf(const QString &branchId);
    int versionCount(const QString &branchId);
    int activeCount(const QString &branchId);
    // Replaces a prompt line by typing and deploys through the dialog (Ctrl+Return).
    bool editAndDeploy(MainWindow *window, const QString &branchId, int line, const QString &text,
                       const QString &notes);
    static bool activate(QWidget *window);

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_direct; // another admin's way to the server
    std::unique_ptr<test::CuttingProxy> m_proxy;
    core::ServiceContext m_app; // the app's way: through the proxy
    QTemporaryDir m_dir;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
    QString m_tools;
    EnglishPlurals m_plurals;
    int m_windows = 0;
};

void TestOfflineGui::initTestCase()
{
    QApplication::installTranslator(&m_plurals);
    RETELL_REQUIRE_DB(m_db);
    m_direct.spec = m_db.spec();
    auto prepared = AppStartup::prepareDatabase(m_direct, AppStartup::DemoData::Always);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    m_proxy = std::make_unique<test::CuttingProxy>(m_db.spec());
    QVERIFY(m_proxy->isListening());
    m_app.spec = m_proxy->spec();
    m_settings = std::make_unique<Settings>();
    m_tools = core::TemplateService::builtIns().value(0).config.toolsJson;
    QVERIFY(m_dir.isValid());
}

void TestOfflineGui::init()
{
    // A failed test may have left the server stopped.
    if (!core::Database::connection(m_app.spec))
        QVERIFY(m_proxy->resumeListening());
    core::Database::dropConnection(m_app.spec);
}

void TestOfflineGui::cleanupTestCase()
{
    m_proxy.reset();
}

bool TestOfflineGui::activate(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

core::AgentConfig TestOfflineGui::config(const QStringList &lines) const
{
    return core::AgentConfig{lines.join(QLatin1Char('\n')) + QLatin1Char('\n'), m_tools};
}

core::PromptVersion TestOfflineGui::activeOf(const QString &branchId)
{
    auto actor = test::login(m_direct, core::demo::kSuperAdmin);
    return core::VersionService(m_direct).active(actor.value(), branchId).value();
}

int TestOfflineGui::versionCount(const QString &branchId)
{
    auto db = core::Database::connection(m_direct.spec);
    auto q = core::Database::exec(
        *db, QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE branch_id = ?"),
        {branchId});
    return q && q->next() ? q->value(0).toInt() : -1;
}

int TestOfflineGui::activeCount(const QString &branchId)
{
    auto db = core::Database::connection(m_direct.spec);
    auto q = core::Database::exec(*db,
                                  QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts "
                                                 "WHERE branch_id = ? AND is_active = TRUE"),
                                  {branchId});
    return q && q->next() ? q->value(0).toInt() : -1;
}

std::unique_ptr<MainWindow> TestOfflineGui::openWindow()
{
    auto actor = test::login(m_app, core::demo::kSuperAdmin);
    if (!actor) {
        qWarning("login: %s", qPrintable(actor.error().message));
        return nullptr;
    }
    auto session = std::make_shared<Session>(m_app, actor.value(), &m_worker);
    // Each window its own replica: one test's outbox is not the next one's.
    auto replica = core::openReplica(m_dir.filePath(
        QStringLiteral("%1-%2").arg(++m_windows).arg(core::replicaFileName(m_app.spec))));
    if (!replica)
        return nullptr;
    session->setReplica(replica.value());
    auto window = std::make_unique<MainWindow>(session, m_settings.get(), m_env.draftRoot());
    window->resize(1366, 768);
    window->show();
    window->offline()->controller()->setProbeIntervals(300, 300);
    window->start();
    if (!activate(window.get()) || !QTest::qWaitFor([&] { return window->isReady(); }, 20000))
        return nullptr;
    return window;
}

bool TestOfflineGui::editAndDeploy(MainWindow *window, const QString &branchId, int line,
                                   const QString &text, const QString &notes)
{
    if (!test::showBranch(window, branchId)) {
        qWarning("branch %s not shown", qPrintable(branchId));
        return false;
    }
    AgentPanel *agent = window->agentPanel();
    PromptEditor *prompt = agent->editor()->promptEditor();
    prompt->setFocus();
    prompt->setCursorPosition(line, 0);
    QTest::keyClick(prompt, Qt::Key_End, Qt::ShiftModifier); // select the line
    QTest::keyClicks(prompt, text);
    if (!activate(window))
        return false;
    QTest::keyClick(prompt, Qt::Key_Return, Qt::ControlModifier); // Deploy…
    if (!QTest::qWaitFor([&] { return agent->deployDialog() != nullptr; }, 5000)) {
        qWarning("no deploy dialog: %s", qPrintable(window->banner()->text()));
        return false;
    }
    DeployDialog *dialog = agent->deployDialog();
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("deployNotes")), notes);
    if (!dialog->deployButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->deployButton(), Qt::LeftButton);
    if (QTest::qWaitFor([&] { return !agent->deployDialog(); }, 10000))
        return true;
    qWarning("not queued: %s", qPrintable(window->banner()->text()));
    return false;
}

void TestOfflineGui::queuedOfflineThenSyncedAndMerged()
{
    const int muenchenBase =
        test::deployAs(m_direct, core::demo::kSuperAdmin, kMuenchen, config(kLines), {});
    const int hamburgBase =
        test::deployAs(m_direct, core::demo::kSuperAdmin, kHamburg, config(kLines), {});
    QVERIFY(muenchenBase > 0 && hamburgBase > 0);

    auto window = openWindow();
    QVERIFY(window);
    OfflineUi *offline = window->offline();
    OfflineController *controller = offline->controller();
    OfflineStatusBar *indicator = offline->statusWidget();
    // The replica's first fill ran on start.
    QTRY_VERIFY_WITH_TIMEOUT(controller->status().lastSync.isValid(), 30000);
    QCOMPARE(controller->status().mode, OfflineStatus::Mode::Online);
    QCOMPARE(indicator->text(), QStringLiteral("Online · last sync just now"));

    // The server stops: the probe notices, the app goes offline and says so.
    m_proxy->stopListening();
    QTRY_VERIFY_WITH_TIMEOUT(controller->status().isOffline(), 20000);
    QVERIFY(window->session()->isOffline());
    QVERIFY2(window->banner()->text().contains(QLatin1String("working offline")),
             qPrintable(window->banner()->text()));
    QCOMPARE(indicator->text(), QStringLiteral("Offline: server unreachable · last sync just now"));

    // Two deploys queued offline, through the editor and the deploy dialog.
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    QVERIFY(editAndDeploy(window.get(), kMuenchen, 5, QStringLiteral("We open at 8:00."),
                          QStringLiteral("Earlier in Munich")));
    QVERIFY(editAndDeploy(window.get(), kHamburg, 5, QStringLiteral("We open at 10:00."),
                          QStringLiteral("Later in Hamburg")));
    QTRY_COMPARE_WITH_TIMEOUT(controller->operations().size(), 2, 10000);
    QCOMPARE(indicator->text(),
             QStringLiteral("Offline: server unreachable · 2 pending · last sync just now"));
    QCOMPARE(versionCount(kMuenchen), 1); // nothing reached the server
    OutboxPanel *outbox = offline->outboxPanel();
    QCOMPARE(outbox->model()->rowCount(), 2);
    QCOMPARE(outbox->model()->index(0, OutboxModel::BaseColumn).data().toString(),
             QStringLiteral("v%1").arg(muenchenBase));
    QCOMPARE(window->branchTree()->queuedCount(kHamburg), 1);
    HistoryModel *history = window->historyPanel()->model();
    QTRY_VERIFY(history->branchId() == kHamburg && history->pendingCount() == 1);
    QVERIFY(history->index(0, 0).data(HistoryModel::PendingRole).toBool());

    // Meanwhile another admin deploys to Hamburg (another line).
    QStringList theirs = kLines;
    theirs[1] = QStringLiteral("You are the friendly receptionist of {{branch_name}}.");
    const int other =
        test::deployAs(m_direct, core::demo::kCompanyAdmin, kHamburg, config(theirs), hamburgBase);
    QCOMPARE(other, hamburgBase + 1);

    // The server is back: online, the outbox goes out; Munich applies, Hamburg conflicts.
    QSignalSpy states(controller, &OfflineController::statusChanged);
    QVERIFY(m_proxy->resumeListening());
    QTRY_VERIFY_WITH_TIMEOUT(controller->status().mode == OfflineStatus::Mode::Online &&
                                 controller->status().conflicts == 1 &&
                                 controller->status().pending == 0,
                             30000);
    QCOMPARE(indicator->text(), QStringLiteral("Online · 1 conflict · last sync just now"));
    const auto sawSyncing = [&states] {
        return std::any_of(states.cbegin(), states.cend(), [](const QVariantList &a) {
            return a.at(0).value<OfflineStatus>().mode == OfflineStatus::Mode::Syncing;
        });
    };
    QVERIFY(sawSyncing()); // the indicator said "Syncing…" in between
    const core::PromptVersion munich = activeOf(kMuenchen);
    QCOMPARE(munich.version, muenchenBase + 1);
    QVERIFY(munich.config.prompt.contains(QLatin1String("We open at 8:00.")));
    QCOMPARE(activeCount(kMuenchen), 1);
    QCOMPARE(activeOf(kHamburg).version, other); // not overwritten

    // The conflict in the outbox: shown, and merged in the merge window.
    QVERIFY(activate(window.get()));
    QTest::mouseClick(indicator->button(), Qt::LeftButton); // opens the outbox
    QTRY_VERIFY(offline->outboxDock()->isVisible());
    QCOMPARE(outbox->model()->rowCount(), 1);
    QCOMPARE(outbox->model()->index(0, OutboxModel::StateColumn).data().toString(),
             QStringLiteral("conflict"));
    QCOMPARE(outbox->model()->index(0, OutboxModel::ErrorColumn).data().toString(),
             QStringLiteral("Another version became active since this edit; open the merge."));
    QVERIFY(outbox->selectOperation(controller->operations().constFirst().id));
    QTRY_VERIFY(outbox->mergeButton()->isEnabled());
    QTest::mouseClick(outbox->mergeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(offline->merge()->window(), 10000);
    MergeWindow *merge = offline->merge()->window();
    QVERIFY(QTest::qWaitForWindowExposed(merge));
    QCOMPARE(merge->conflictsLeft(), 0); // a clean merge, still shown first
    QVERIFY(merge->result().prompt.contains(QLatin1String("friendly receptionist")));
    QVERIFY(merge->result().prompt.contains(QLatin1String("We open at 10:00.")));
    QTRY_VERIFY(merge->deployButton()->isEnabled());
    QTest::mouseClick(merge->deployButton(), Qt::LeftButton);

    // Rebased on theirs and pushed: applied, the outbox empty.
    QTRY_VERIFY_WITH_TIMEOUT(controller->operations().isEmpty() && !controller->isSyncing(), 30000);
    const core::PromptVersion hamburg = activeOf(kHamburg);
    QCOMPARE(hamburg.version, other + 1);
    QVERIFY(hamburg.config.prompt.contains(QLatin1String("friendly receptionist")));
    QVERIFY(hamburg.config.prompt.contains(QLatin1String("We open at 10:00.")));
    QCOMPARE(activeCount(kHamburg), 1);
    QCOMPARE(indicator->text(), QStringLiteral("Online · last sync just now"));
    QCOMPARE(window->branchTree()->queuedCount(kHamburg), 0);

    // A second sync (F9) changes nothing.
    const int munichVersions = versionCount(kMuenchen);
    const int hamburgVersions = versionCount(kHamburg);
    QVERIFY(activate(window.get()));
    QTest::keyClick(window.get(), Qt::Key_F9);
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isSyncing(), 30000);
    QCOMPARE(versionCount(kMuenchen), munichVersions);
    QCOMPARE(versionCount(kHamburg), hamburgVersions);
    QVERIFY(controller->operations().isEmpty());
}

void TestOfflineGui::workOfflineByKeyboard()
{
    auto window = openWindow();
    QVERIFY(window);
    OfflineController *controller = window->offline()->controller();
    OfflineStatusBar *indicator = window->offline()->statusWidget();
    QTRY_VERIFY_WITH_TIMEOUT(controller->status().lastSync.isValid() && !controller->isSyncing(),
                             30000);
    QAction *workOffline = window->action(QStringLiteral("workOfflineAction"));
    QVERIFY(workOffline->isCheckable());
    QVERIFY(!workOffline->isChecked());

    QTest::keyClick(window.get(), Qt::Key_O, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(workOffline->isChecked());
    QVERIFY(window->session()->isOffline());
    QCOMPARE(indicator->text().left(15), QStringLiteral("Working offline"));
    QVERIFY(!window->action(QStringLiteral("syncNowAction"))->isEnabled());

    // Templates are read from the replica but not changed there (never pushed).
    std::optional<core::Result<core::Template>> saved;
    TemplatesFacade(window->session())
        .save(window.get(), QString(), QStringLiteral("Offline template"), QString(),
              config(kLines), [&saved](core::Result<core::Template> r) { saved = std::move(r); });
    QTRY_VERIFY(saved.has_value());
    QVERIFY(!saved->ok());
    QVERIFY2(saved->error().message.startsWith(
                 QLatin1String("Templates cannot be changed while offline")),
             qPrintable(saved->error().message));

    // Chosen offline: no probe brings it back by itself.
    QTest::qWait(1000);
    QVERIFY(controller->status().isOffline());

    QTest::keyClick(window.get(), Qt::Key_O, Qt::ControlModifier | Qt::AltModifier);
    QVERIFY(!workOffline->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(controller->status().mode == OfflineStatus::Mode::Online &&
                                 !controller->isSyncing(),
                             20000);
    QVERIFY(!window->session()->isOffline());
    QCOMPARE(indicator->text(), QStringLiteral("Online · last sync just now"));
}

// The server down at start: a user who synced before signs in against the
// replica and works offline; anyone else is refused; the app goes online by
// itself once the server is back.
void TestOfflineGui::startsOfflineWhenTheServerIsDown()
{
    qputenv("RETELL_ADMIN_DB_PASSWORD", m_app.spec.password.toUtf8());
    AppStartup startup(m_settings.get(), &m_worker, nullptr);
    AppStartup::Options options;
    options.databaseUrl = m_app.spec.toUrl();
    options.user = QString::fromLatin1(core::demo::kSuperAdmin);
    options.password = QString::fromLatin1(core::demo::kPassword);
    options.interactive = false;
    auto online = startup.run(options);
    QVERIFY2(online, qPrintable(startup.error()));
    QVERIFY(online->hasReplica());
    QVERIFY(!online->isOffline());
    // What the window's first sync does: the replica holds this login.
    QVERIFY(core::Sync(online->serverContext(), online->replicaContext()).run(online->actor()));

    m_proxy->stopListening();
    AppStartup::Options stranger = options;
    stranger.user = QString::fromLatin1(core::demo::kCompanyAdmin);
    QVERIFY(!startup.run(stranger));
    QCOMPARE(startup.error(), QStringLiteral("Unknown e-mail address or wrong password."));
    auto session = startup.run(options);
    QVERIFY2(session, qPrintable(startup.error()));
    QVERIFY(session->isOffline());
    QCOMPARE(session->actor().user.email, options.user);

    MainWindow window(session, m_settings.get(), m_env.draftRoot());
    window.show();
    window.offline()->controller()->setProbeIntervals(300, 300);
    window.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.isReady(), 20000);
    QCOMPARE(window.offline()->statusWidget()->text().left(27),
             QStringLiteral("Offline: server unreachable"));
    QVERIFY(m_proxy->resumeListening());
    QTRY_VERIFY_WITH_TIMEOUT(
        window.offline()->controller()->status().mode == OfflineStatus::Mode::Online, 20000);
    QVERIFY(!session->isOffline());
}

QTEST_MAIN(TestOfflineGui)
#include "tst_offline_gui.moc"
