// Renders the main window working offline, with the outbox holding a
// pending deploy and a conflict, to PNGs for the README
// (scripts/screenshot-offline.sh). Not a test. The "shared database" is a
// demo SQLite file here; the window and the replica are the real ones.
//   offline-outbox.png       1366x768
//   offline-outbox-1600.png  1600x1000
#include "app/EnglishPlurals.h"
#include "app/MainWindow.h"
#include "app/OfflineUi.h"
#include "app/Settings.h"
#include "offline/OfflineController.h"
#include "offline/OfflineWork.h"
#include "offline/OutboxPanel.h"
#include "offline/Replica.h"
#include "offline/Sync.h"
#include "panels/BranchTreePanel.h"
#include "screenshot_support.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QTest>

using namespace retell;
using namespace retell::ui;
using retell::test::fail;

namespace {

// The active prompt of a branch with one line added: an edit made offline.
core::DeployRequest edited(const core::ServiceContext &context, const core::Actor &actor,
                           const QString &branchId, const QString &line, const QString &notes)
{
    const auto active = core::VersionService(context).active(actor, branchId);
    core::DeployRequest request;
    request.config = active ? active->config : core::AgentConfig{};
    request.config.prompt += QLatin1Char('\n') + line + QLatin1Char('\n');
    request.notes = notes;
    request.baseVersion = active ? active->version : 0;
    return request;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    EnglishPlurals plurals;
    QApplication::installTranslator(&plurals);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    const test::ScreenshotStage stage;
    // The shared database, and the admin who works offline on it.
    const auto demo = stage.demo(QStringLiteral("shared.sqlite"));
    if (!demo)
        return fail(demo.error().message);
    const core::ServiceContext &server = demo->first;
    const core::Actor &actor = demo->second;
    const auto branches = core::BranchService(server).branches(actor);
    if (!branches)
        return fail(branches.error().message);
    QString berlin, second;
    for (const core::Branch &b : *branches) {
        if (b.name == QLatin1String("Berlin Mitte"))
            berlin = b.id;
        else if (second.isEmpty() && b.activeVersion &&
                 b.companyId == branches->constFirst().companyId)
            second = b.id;
    }
    if (berlin.isEmpty() || second.isEmpty())
        return fail(QStringLiteral("demo branches not found"));

    // The replica filled; a deploy queued offline that someone else overtakes
    // (a conflict after the push), then another one that waits.
    auto replica = core::openReplica(stage.path(QStringLiteral("replica.sqlite")));
    if (!replica)
        return fail(replica.error().message);
    const core::OfflineWork offline(*replica);
    const core::Sync sync(server, *replica);
    if (auto r = sync.run(actor); !r)
        return fail(r.error().message);
    if (auto q = offline.deploy(actor, second,
                                edited(*replica, actor, second,
                                       QStringLiteral("Offer a callback when all slots are taken."),
                                       QStringLiteral("Callback offer")));
        !q)
        return fail(q.error().message);
    core::DeployRequest theirs =
        edited(server, actor, second, QStringLiteral("Mention the parking behind the salon."),
               QStringLiteral("Parking hint"));
    if (auto d = core::VersionService(server).deploy(actor, second, theirs); !d)
        return fail(d.error().message);
    if (auto r = sync.run(actor); !r || r->push.conflicts != 1)
        return fail(QStringLiteral("no conflict"));
    if (auto q = offline.deploy(actor, berlin,
                                edited(*replica, actor, berlin,
                                       QStringLiteral("Ask for the stylist the caller prefers."),
                                       QStringLiteral("Preferred stylist")));
        !q)
        return fail(q.error().message);

    ServiceWorker worker;
    Settings settings;
    auto session = std::make_shared<Session>(server, actor, &worker);
    session->setReplica(*replica);
    int status = 0;
    for (const QSize size : {QSize(1366, 768), QSize(1600, 1000)}) {
        MainWindow window(session, &settings, stage.path(QStringLiteral("drafts")));
        window.resize(size);
        window.show();
        window.action(QStringLiteral("workOfflineAction"))->trigger();
        window.offline()->controller()->setLastSync(QDateTime::currentDateTimeUtc().addSecs(-720));
        window.start();
        if (!QTest::qWaitFor([&] { return window.isReady(); }, 20000))
            return fail(QStringLiteral("window not ready"));
        window.branchTree()->selectBranch(berlin);
        if (!QTest::qWaitFor(
                [&] { return window.offline()->controller()->operations().size() == 2; }, 10000))
            return fail(QStringLiteral("outbox not read"));
        window.offline()->showOutbox();
        OutboxPanel *outbox = window.offline()->outboxPanel();
        outbox->selectOperation(window.offline()->controller()->operations().constFirst().id);
        QTest::qWait(600);
        status |= test::savePng(&window, out, QStringLiteral("offline-outbox"), size) ? 0 : 1;
    }
    return status;
}
