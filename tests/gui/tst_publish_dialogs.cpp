// Issue 15's dialogs and background work through the real main window,
// against the loopback stand-in for Retell's API on SQLite: the base URL
// setting (checked; RETELL_API_BASE_URL wins) and the key kept out of the
// settings file; a company's own key before the global one; a server error
// told once, retried in the background until live; a rollback published;
// Unlink asked first; what a viewer may not do.
#include "FakeRetell.h"
#include "TestDatabase.h"
#include "gui_support.h"
#include "publish_support.h"

#include "app/AppStartup.h"
#include "app/EnglishPlurals.h"
#include "app/MainWindow.h"
#include "app/NotificationBanner.h"
#include "app/RetellKeyDialog.h"
#include "app/RetellUi.h"
#include "app/Settings.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "publish/LinkDialog.h"
#include "publish/LiveBadge.h"
#include "publish/Publishing.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace retell;
using namespace retell::ui;

namespace {
const QString kKoeln = QStringLiteral("c56a4180-65aa-42ec-a945-5fd21dec0538");
const QString kBonn = QStringLiteral("9b2f8d1e-5c3a-4e7b-8f6d-2a1c0e9b7d4f");
const QString kBerlin = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
const QString kAutoWerk = QStringLiteral("AutoWerk Schmidt only");
constexpr int kWaitMs = test::kPublishWaitMs;

int publishesOf(const QJsonArray &log)
{
    int n = 0;
    for (const QJsonValue &entry : log)
        n += entry.toObject()
                 .value(QStringLiteral("path"))
                 .toString()
                 .startsWith(QLatin1String("/publish-agent-version/")) &&
             entry.toObject().value(QStringLiteral("status")).toInt() == 200;
    return n;
}

QPushButton *destructiveButton(QMessageBox *box)
{
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::DestructiveRole)
            return qobject_cast<QPushButton *>(b);
    return nullptr;
}
} // namespace

class TestPublishDialogs final : public test::PublishGuiTest
{
    Q_OBJECT

private slots:
    void initTestCase();
    void baseUrlIsCheckedAndTheKeyStaysOutOfSettings();
    void companyKeyComesBeforeTheGlobalOne();
    void withoutAKeyTheVersionWaitsForOne();
    void serverErrorIsRetriedAndRollbackPublished();
    void unlinkAsksFirst();
    void viewerCannotLinkOrPublish();
};

void TestPublishDialogs::initTestCase()
{
    const QString failed = prepare({kKoeln, kBonn, kBerlin});
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

void TestPublishDialogs::baseUrlIsCheckedAndTheKeyStaysOutOfSettings()
{
    auto window = openWindow();
    QVERIFY(window);
    const QByteArray fromEnvironment = qgetenv("RETELL_API_BASE_URL");
    qunsetenv("RETELL_API_BASE_URL");
    window->action(QStringLiteral("retellApiKeyAction"))->trigger();
    RetellKeyDialog *dialog = window->retell()->keyDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->baseUrlEdit()->isReadOnly());
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("retellKeySave"));
    QTest::keyClicks(dialog->baseUrlEdit(), QStringLiteral("not a url"));
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(dialog->notice()->text(),
             QStringLiteral("The base URL must look like https://api.retellai.com."));
    QVERIFY(window->retell()->keyDialog()); // still open, the text kept
    QCOMPARE(dialog->baseUrlEdit()->text(), QStringLiteral("not a url"));
    dialog->baseUrlEdit()->clear();
    QTest::keyClicks(dialog->baseUrlEdit(), QString::fromUtf8(fromEnvironment));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(!window->retell()->keyDialog());
    QCOMPARE(Settings().retellBaseUrl(), QString::fromUtf8(fromEnvironment));
    QCOMPARE(window->banner()->text(), QStringLiteral("Retell's base URL saved."));

    // The environment wins, shown read-only.
    qputenv("RETELL_API_BASE_URL", "http://127.0.0.1:9/");
    window->action(QStringLiteral("retellApiKeyAction"))->trigger();
    dialog = window->retell()->keyDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->baseUrlEdit()->isReadOnly());
    QCOMPARE(dialog->baseUrlEdit()->text(), QStringLiteral("http://127.0.0.1:9/"));
    dialog->close();
    QTRY_VERIFY(!window->retell()->keyDialog());
    qputenv("RETELL_API_BASE_URL", fromEnvironment);

    // A key saved is told in one sentence (keychain or not), never in settings.
    QVERIFY(test::setRetellKey(window.get(), m_fake.apiKey()));
    const QString told = window->banner()->text();
    QVERIFY2(told.endsWith(QLatin1Char('.')) && told.count(QStringLiteral(". ")) == 0,
             qPrintable(told));
    QVERIFY(!told.contains(m_fake.apiKey()));
}

void TestPublishDialogs::companyKeyComesBeforeTheGlobalOne()
{
    const QJsonObject agent = addAgent();
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(test::setRetellKey(window.get(), m_fake.apiKey()));
    QVERIFY(test::linkBranch(window.get(), kKoeln, agent));
    // AutoWerk's own key is a wrong one: its branches use it, not the global key.
    QVERIFY(test::setRetellKey(window.get(), QStringLiteral("key_wrong_for_autowerk"), kAutoWerk));
    QVERIFY(test::deployLine(window.get(), QStringLiteral("Winter tyres in stock."),
                             QStringLiteral("Tyres")));
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::NotLiveYet));
    LiveBadge *badge = window->retell()->badge();
    QCOMPARE(badge->text(), QStringLiteral("Not live yet: Retell refused the API key; check it "
                                           "under Admin › Retell API Key."));
    QVERIFY(window->banner()->text().contains(QLatin1String("refused the API key")));

    // The right key for AutoWerk, then Publish Now.
    QVERIFY(test::setRetellKey(window.get(), m_fake.apiKey(), kAutoWerk));
    QTRY_VERIFY_WITH_TIMEOUT(
        badge->publishButton()->isVisible() || badge->kind() == LiveBadge::Kind::Live, kWaitMs);
    if (badge->kind() != LiveBadge::Kind::Live)
        QTest::mouseClick(badge->publishButton(), Qt::LeftButton);
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
}

void TestPublishDialogs::withoutAKeyTheVersionWaitsForOne()
{
    // Köln linked to an agent of its own; this window has no key yet.
    const QJsonObject agent = addAgent();
    auto admin = test::login(m_context, core::demo::kSuperAdmin);
    QVERIFY(admin.ok());
    QVERIFY(core::LinkService(m_context)
                .link(admin.value(), kKoeln, agent.value(QStringLiteral("agent_id")).toString(),
                      agent.value(QStringLiteral("llm_id")).toString())
                .ok());
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(test::showBranch(window.get(), kKoeln));
    QVERIFY(window->retell()->isLinked(kKoeln));
    const int publishes = publishesOf(m_fake.model().log());
    QVERIFY(test::deployLine(window.get(), QStringLiteral("Open on Saturdays."),
                             QStringLiteral("Saturdays")));
    const QString why =
        QStringLiteral("No Retell API key is set; add one under Admin › Retell API Key.");
    QTRY_VERIFY2_WITH_TIMEOUT(window->banner()->text().endsWith(why),
                              qPrintable(window->banner()->text()), kWaitMs);
    QCOMPARE(window->retell()->badge()->text(), QStringLiteral("Not live yet: ") + why);
    QCOMPARE(publishesOf(m_fake.model().log()), publishes);

    // Saved: what waited goes out at once.
    QVERIFY(test::setRetellKey(window.get(), m_fake.apiKey()));
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
    QCOMPARE(publishesOf(m_fake.model().log()), publishes + 1);
}

void TestPublishDialogs::serverErrorIsRetriedAndRollbackPublished()
{
    const QJsonObject agent = addAgent();
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(test::setRetellKey(window.get(), m_fake.apiKey()));
    QVERIFY(test::linkBranch(window.get(), kBonn, agent));
    window->retell()->setRetryInterval(200);

    test::FakeFault down;
    down.pathPrefix = QStringLiteral("/create-agent-version");
    down.status = 500;
    down.message = QStringLiteral("Internal server error");
    m_fake.model().addFault(down);
    QVERIFY(test::deployLine(window.get(), QStringLiteral("Loan cars on request."),
                             QStringLiteral("Loan cars")));
    const QString waiting =
        QStringLiteral("Not live yet: Retell had a server error; the app tries again later.");
    QTRY_COMPARE_WITH_TIMEOUT(window->retell()->badge()->text(), waiting, kWaitMs);
    QVERIFY(window->banner()->text().contains(QLatin1String("server error")));

    // The background retry sends it once its backoff is over.
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
    QTRY_VERIFY_WITH_TIMEOUT(window->banner()->text().contains(QLatin1String("is live in Retell")),
                             kWaitMs);
    const int publishes = publishesOf(m_fake.model().log());

    // A rollback is published like a deploy.
    HistoryPanel *history = window->historyPanel();
    const int active = history->model()->activeVersion().value_or(0);
    history->setConfirmation([](const QString &) { return true; });
    history->rollbackTo(active - 1);
    QTRY_COMPARE_WITH_TIMEOUT(history->model()->activeVersion().value_or(0), active + 1, kWaitMs);
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::Live));
    QCOMPARE(publishesOf(m_fake.model().log()), publishes + 1);
}

void TestPublishDialogs::unlinkAsksFirst()
{
    const QJsonObject agent = addAgent();
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(test::setRetellKey(window.get(), m_fake.apiKey()));
    QVERIFY(test::linkBranch(window.get(), kBonn, agent)); // a new agent: re-linked

    // The open branch's context menu in the tree offers the link dialog too.
    QString offered;
    QTimer picker;
    picker.setInterval(10);
    connect(&picker, &QTimer::timeout, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        picker.stop();
        for (QAction *action : menu->actions()) {
            if (action->objectName() == QLatin1String("linkRetellAction")) {
                offered = action->text();
                menu->setActiveAction(action);
                QTest::keyClick(menu, Qt::Key_Return);
                return;
            }
        }
        QTest::keyClick(menu, Qt::Key_Escape);
    });
    picker.start();
    QTreeView *view = window->branchTree()->view();
    const QPoint where = view->visualRect(view->currentIndex()).center();
    QContextMenuEvent menuEvent(QContextMenuEvent::Keyboard, where,
                                view->viewport()->mapToGlobal(where));
    QApplication::sendEvent(view->viewport(), &menuEvent);
    QTRY_COMPARE(offered, QStringLiteral("&Link to Retell Agent…"));
    QTRY_VERIFY(window->retell()->linkDialog());
    LinkDialog *dialog = window->retell()->linkDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->agentEdit()->text(), agent.value(QStringLiteral("agent_id")).toString());
    QTest::mouseClick(dialog->unlinkButton(), Qt::LeftButton);
    QMessageBox *confirm = dialog->openConfirmation();
    QVERIFY(confirm);
    QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
    QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
    QTest::qWait(50);
    QVERIFY(window->retell()->isLinked(kBonn));

    QTest::mouseClick(dialog->unlinkButton(), Qt::LeftButton);
    confirm = dialog->openConfirmation();
    QVERIFY(confirm);
    QTest::mouseClick(destructiveButton(confirm), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window->retell()->linkDialog(), kWaitMs);
    QVERIFY(!window->retell()->isLinked(kBonn));
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::NotLinked));
    QVERIFY(window->retell()->badge()->linkButton()->isVisible());
}

void TestPublishDialogs::viewerCannotLinkOrPublish()
{
    const QJsonObject agent = addAgent();
    auto admin = test::login(m_context, core::demo::kSuperAdmin);
    QVERIFY(admin.ok());
    QVERIFY(core::LinkService(m_context)
                .link(admin.value(), kBerlin, agent.value(QStringLiteral("agent_id")).toString(),
                      agent.value(QStringLiteral("llm_id")).toString())
                .ok());

    auto window = openWindow(core::demo::kViewer);
    QVERIFY(window);
    QVERIFY(test::setRetellKey(window.get(), m_fake.apiKey()));
    QVERIFY(test::showBranch(window.get(), kBerlin));
    QVERIFY(!window->action(QStringLiteral("linkRetellAction"))->isEnabled());
    // Deployed before the link: not live yet, and nothing to press for a viewer.
    QVERIFY(waitForBadge(window.get(), LiveBadge::Kind::NotLiveYet));
    LiveBadge *badge = window->retell()->badge();
    for (QPushButton *button : {badge->publishButton(), badge->importButton(),
                                badge->overwriteButton(), badge->linkButton()})
        QVERIFY2(!button->isVisible(), qPrintable(button->objectName()));
}

QTEST_MAIN(TestPublishDialogs)
#include "tst_publish_dialogs.moc"
