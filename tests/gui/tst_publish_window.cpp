// Publishing to Retell through the real main window (issue 15), against the
// loopback stand-in for Retell's API on an SQLite database: the API key set
// in its dialog, a branch linked in the link dialog (checked against Retell
// first), a deploy on the linked branch shown live in the badge, the history
// and the fleet; a 422 shown "not live yet" with Retell's message, then
// Publish Now once Retell takes it; an edit made in Retell's dashboard shown
// as drift in the badge and the tree, its diff, its import as a new version,
// and an overwrite after a confirmation.
#include "FakeRetell.h"
#include "TestDatabase.h"
#include "gui_support.h"
#include "publish_support.h"

#include "app/AppStartup.h"
#include "app/EnglishPlurals.h"
#include "app/FleetUi.h"
#include "app/MainWindow.h"
#include "app/NotificationBanner.h"
#include "app/RetellKeyDialog.h"
#include "app/RetellUi.h"
#include "app/Settings.h"
#include "db/Database.h"
#include "diff/DiffWindow.h"
#include "editor/AgentEditor.h"
#include "editor/PromptEditor.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetWindow.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/DeployDialog.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "publish/LinkDialog.h"
#include "publish/LiveBadge.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>

using namespace retell;
using namespace retell::ui;

namespace {
const QString kBerlin = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
const QString kHamburg = QStringLiteral("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
const QString kMuenchen = QStringLiteral("6fa459ea-ee8a-4ca4-894e-db77e160355e");
constexpr int kWaitMs = test::kPublishWaitMs;

QString activeRetellCell(MainWindow *window)
{
    HistoryModel *model = window->historyPanel()->model();
    const auto active = model->activeVersion();
    if (!active)
        return {};
    return model->index(model->rowOfVersion(*active), HistoryModel::RetellColumn).data().toString();
}
} // namespace

class TestPublishWindow final : public test::PublishGuiTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void deployOnLinkedBranchGoesLive();
    void refusedVersionIsPublishedAfterTheFix();
    void dashboardEditIsImportedOrOverwritten();
    void closingDoesNotWaitForRetell();

private:
    // The key typed into Admin › Retell API Key… (kept for the session when
    // the test machine has no keychain).
    bool setKey(MainWindow *window) { return test::setRetellKey(window, m_fake.apiKey()); }
};

void TestPublishWindow::initTestCase()
{
    const QString failed = prepare({kBerlin, kHamburg, kMuenchen});
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestPublishWindow::deployOnLinkedBranchGoesLive()
{
    const QJsonObject agent = addAgent(QStringLiteral("Prompt typed in Retell first."));
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(setKey(window.get()));
    QVERIFY(test::showBranch(window.get(), kBerlin));
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::NotLinked));
    QCOMPARE(window->retell()->badge()->text(), QStringLiteral("Not linked to a Retell agent."));

    // A wrong LLM id is refused by Retell, in one sentence; the fields keep it.
    window->action(QStringLiteral("linkRetellAction"))->trigger();
    LinkDialog *dialog = window->retell()->linkDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->agentEdit(), agent.value(QStringLiteral("agent_id")).toString());
    QTest::keyClicks(dialog->llmEdit(), QStringLiteral("llm_nosuchthing"));
    QTest::mouseClick(dialog->linkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->problemLabel()->isVisible(), kWaitMs);
    QVERIFY2(dialog->problemLabel()->text().contains(QLatin1String("does not know")),
             qPrintable(dialog->problemLabel()->text()));
    QCOMPARE(dialog->llmEdit()->text(), QStringLiteral("llm_nosuchthing"));
    QVERIFY(!window->retell()->isLinked(kBerlin));
    dialog->close();
    QTRY_VERIFY(!window->retell()->linkDialog());

    QVERIFY(test::linkBranch(window.get(), kBerlin, agent));
    // Deployed before the link: not live yet.
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::NotLiveYet));

    QVERIFY(test::deployLine(window.get(), QStringLiteral("We also sell gift vouchers."),
                             QStringLiteral("Vouchers")));
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
    const QString badge = window->retell()->badge()->text();
    QVERIFY2(badge.startsWith(QLatin1String("Live in Retell as version ")), qPrintable(badge));
    QTRY_VERIFY_WITH_TIMEOUT(activeRetellCell(window.get()).startsWith(QLatin1String("live v")),
                             kWaitMs);

    // Retell has it, published, under the version's marker.
    const QJsonObject state =
        m_fake.model().state(agent.value(QStringLiteral("agent_id")).toString());
    const QJsonArray versions = state.value(QStringLiteral("versions")).toArray();
    QVERIFY(!versions.isEmpty());
    const QJsonObject latest = versions.last().toObject();
    QVERIFY(latest.value(QStringLiteral("is_published")).toBool());
    QVERIFY(latest.value(QStringLiteral("general_prompt"))
                .toString()
                .contains(QLatin1String("gift vouchers")));

    // The fleet's Retell column says the same.
    window->action(QStringLiteral("showFleetAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        window->fleet()->fleetWindow() && !window->fleet()->fleetWindow()->isLoading(), kWaitMs);
    FleetModel *fleet = window->fleet()->fleetWindow()->model();
    window->action(QStringLiteral("refreshAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(fleet->index(fleet->rowOfBranch(kBerlin), FleetModel::RetellColumn)
                                 .data()
                                 .toString()
                                 .startsWith(QLatin1String("live v")),
                             kWaitMs);
    QCOMPARE(fleet->index(fleet->rowOfBranch(kHamburg), FleetModel::RetellColumn).data().toString(),
             QStringLiteral("not linked"));
}

void TestPublishWindow::refusedVersionIsPublishedAfterTheFix()
{
    const QJsonObject agent = addAgent(QStringLiteral("Hamburg's first prompt."));
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(setKey(window.get()));
    QVERIFY(test::linkBranch(window.get(), kHamburg, agent));

    test::FakeFault refuse;
    refuse.pathPrefix = QStringLiteral("/update-retell-llm");
    refuse.status = 422;
    refuse.message = QStringLiteral("general_prompt exceeds the token limit of this model");
    m_fake.model().addFault(refuse);
    QVERIFY(test::deployLine(window.get(), QStringLiteral("Mention the parking behind the salon."),
                             QStringLiteral("Parking")));
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::NotLiveYet));
    LiveBadge *badge = window->retell()->badge();
    QVERIFY2(badge->text().startsWith(QLatin1String("Not live yet: ")) &&
                 badge->text().contains(refuse.message),
             qPrintable(badge->text()));
    QVERIFY(window->banner()->text().contains(refuse.message));
    QTRY_COMPARE_WITH_TIMEOUT(activeRetellCell(window.get()), QStringLiteral("rejected"), kWaitMs);
    // The edit is a version: nothing was lost.
    QVERIFY(window->agentPanel()->config().prompt.contains(QLatin1String("parking")));

    // Retell takes it now (the fault was one answer): Publish Now.
    QVERIFY(badge->publishButton()->isVisible());
    QTest::mouseClick(badge->publishButton(), Qt::LeftButton);
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
    QTRY_VERIFY_WITH_TIMEOUT(activeRetellCell(window.get()).startsWith(QLatin1String("live v")),
                             kWaitMs);
}

void TestPublishWindow::dashboardEditIsImportedOrOverwritten()
{
    const QJsonObject agent = addAgent(QStringLiteral("Munich's first prompt."));
    const QString llmId = agent.value(QStringLiteral("llm_id")).toString();
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(setKey(window.get()));
    QVERIFY(test::linkBranch(window.get(), kMuenchen, agent));
    QVERIFY(test::deployLine(window.get(), QStringLiteral("Free coffee for every guest."),
                             QStringLiteral("Coffee")));
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
    const int before = window->historyPanel()->model()->activeVersion().value_or(0);

    // Someone edits the prompt in Retell's dashboard and publishes it.
    const QString dashboardPrompt =
        window->agentPanel()->config().prompt + QStringLiteral("\nClosed on public holidays.");
    m_fake.model().dashboardEdit({{QStringLiteral("llm_id"), llmId},
                                  {QStringLiteral("general_prompt"), dashboardPrompt},
                                  {QStringLiteral("publish"), true}});
    // Seen without F5: the background retries read Retell again now and then.
    window->retell()->setRetryInterval(20);
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::DashboardEdit));
    window->retell()->setRetryInterval(60000);
    LiveBadge *badge = window->retell()->badge();
    QCOMPARE(badge->text(), QStringLiteral("Retell has a newer edit made in its dashboard."));
    QTRY_COMPARE_WITH_TIMEOUT(window->branchTree()->retellMark(kMuenchen).text,
                              QStringLiteral("drift"), kWaitMs);

    // Its diff: live against active.
    QTest::mouseClick(badge->diffButton(), Qt::LeftButton);
    QTRY_VERIFY(!window->findChildren<DiffWindow *>().isEmpty());
    DiffWindow *diff = window->findChildren<DiffWindow *>().constLast();
    QVERIFY(diff->windowTitle().contains(QLatin1String("Retell")));
    diff->close();

    // Import: a new version through the normal deploy path, with the notes.
    QTest::mouseClick(badge->importButton(), Qt::LeftButton);
    QInputDialog *import = window->retell()->importDialog();
    QVERIFY(import);
    import->setTextValue(QStringLiteral("holiday hours"));
    import->accept();
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
    QTRY_COMPARE_WITH_TIMEOUT(window->historyPanel()->model()->activeVersion().value_or(0),
                              before + 1, kWaitMs);
    HistoryModel *history = window->historyPanel()->model();
    const int row = history->rowOfVersion(before + 1);
    QVERIFY(history->index(row, HistoryModel::NotesColumn)
                .data()
                .toString()
                .contains(QLatin1String("holiday hours")));
    QTRY_VERIFY_WITH_TIMEOUT(
        window->agentPanel()->config().prompt.contains(QLatin1String("Closed on public holidays.")),
        kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window->branchTree()->retellMark(kMuenchen).text, QString(), kWaitMs);

    // Another dashboard edit, overwritten after the confirmation.
    m_fake.model().dashboardEdit(
        {{QStringLiteral("llm_id"), llmId},
         {QStringLiteral("general_prompt"), QStringLiteral("A prompt nobody here wrote.")},
         {QStringLiteral("publish"), true}});
    window->action(QStringLiteral("refreshAction"))->trigger();
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::DashboardEdit));
    QTest::mouseClick(badge->overwriteButton(), Qt::LeftButton);
    QMessageBox *confirm = window->retell()->overwriteConfirmation();
    QVERIFY(confirm);
    QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
    QPushButton *overwrite = nullptr;
    for (QAbstractButton *b : confirm->buttons())
        if (confirm->buttonRole(b) == QMessageBox::DestructiveRole)
            overwrite = qobject_cast<QPushButton *>(b);
    QVERIFY(overwrite);
    QTest::mouseClick(overwrite, Qt::LeftButton);
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
    const QJsonArray versions = m_fake.model()
                                    .state(agent.value(QStringLiteral("agent_id")).toString())
                                    .value(QStringLiteral("versions"))
                                    .toArray();
    QVERIFY(versions.last()
                .toObject()
                .value(QStringLiteral("general_prompt"))
                .toString()
                .contains(QLatin1String("Closed on public holidays.")));
}

// Retell hangs on a publish while the window closes: the request is aborted
// rather than waited for (20 s, the client's time-out), the version stays
// pending, and the next start publishes it.
void TestPublishWindow::closingDoesNotWaitForRetell()
{
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(setKey(window.get()));
    QVERIFY(window->retell()->isLinked(kHamburg)); // by refusedVersionIsPublishedAfterTheFix
    test::FakeFault hang;
    hang.pathPrefix = QStringLiteral("/create-agent-version");
    hang.mode = test::FakeFault::Mode::Slow;
    hang.delayMs = 120000;
    m_fake.model().addFault(hang);
    QVERIFY(test::showBranch(window.get(), kHamburg));
    QVERIFY(test::deployLine(window.get(),
                             QStringLiteral("Closed on the first Monday of the month."),
                             QStringLiteral("Mondays")));
    QTRY_VERIFY_WITH_TIMEOUT(m_fake.model().pendingFaults() == 0 && window->retell()->isBusy(),
                             kWaitMs);

    QElapsedTimer closing;
    closing.start();
    window.reset();
    QVERIFY2(closing.elapsed() < 10000,
             qPrintable(QStringLiteral("closing took %1 ms").arg(closing.elapsed())));

    auto conn = core::Database::connection(m_context.spec);
    QVERIFY(conn);
    auto q = core::Database::exec(
        conn.value(),
        QStringLiteral("SELECT state, last_error_code FROM retell_admin_publications "
                       "WHERE branch_id = ? ORDER BY version DESC"),
        {kHamburg});
    QVERIFY2(q, qPrintable(q ? QString() : q.error().message));
    QVERIFY(q->next());
    QCOMPARE(q->value(0).toString(), QStringLiteral("pending"));
    QCOMPARE(q->value(1).toString(), QStringLiteral("retell.cancelled"));

    // The next start sends it once its backoff is over.
    window = openWindow();
    QVERIFY(window);
    QVERIFY(setKey(window.get()));
    window->retell()->setRetryInterval(200);
    QVERIFY(test::showBranch(window.get(), kHamburg));
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
    window->retell()->setRetryInterval(60000);
}

QTEST_MAIN(TestPublishWindow)
#include "tst_publish_window.moc"
