// Renders the main window publishing to Retell (issue 15) for the README
// (scripts/screenshot-retell.sh): Berlin Mitte linked and live in Retell
// (the badge under the header, the history's Retell column), Hamburg with an
// edit made in Retell's dashboard (the tree's drift marker) and München with
// a version Retell refused (not live yet). Not a test: a demo SQLite
// database and the loopback stand-in for Retell's API, in-process.
//   retell-live.png       1366x768
//   retell-live-1600.png  1600x1000
#include "FakeRetell.h"
#include "screenshot_support.h"

#include "app/EnglishPlurals.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/RetellKeyStore.h"
#include "app/RetellUi.h"
#include "app/Settings.h"
#include "panels/BranchTreePanel.h"
#include "publish/LiveBadge.h"
#include "publish/Publishing.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"
#include "versions/VersionService.h"

#include <QApplication>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace retell;
using namespace retell::ui;
using retell::test::fail;

namespace {

const QString kBerlin = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
const QString kHamburg = QStringLiteral("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
const QString kMuenchen = QStringLiteral("6fa459ea-ee8a-4ca4-894e-db77e160355e");

// The branch's active prompt with a line added, deployed as the admin.
core::Result<core::DeployOutcome> deployLine(const core::ServiceContext &context,
                                             const core::Actor &admin, const QString &branchId,
                                             const QString &line, const QString &notes)
{
    const core::VersionService versions(context);
    const auto active = versions.active(admin, branchId);
    core::DeployRequest request;
    request.config = active ? active->config
                            : core::AgentConfig{QStringLiteral("## Role\nYou answer the phone."),
                                                QStringLiteral("[]")};
    request.config.prompt += QLatin1Char('\n') + line;
    request.notes = notes;
    request.baseVersion = active ? active->version : 0;
    return versions.deploy(admin, branchId, request);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // retell_screenshot [OUT_DIR [LANGUAGE]]: German gives retell-live-de.png.
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    const QString language = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("en");
    EnglishPlurals plurals;
    if (language == QLatin1String("en"))
        QApplication::installTranslator(&plurals);
    else if (!Language::install(app, language))
        return fail(QStringLiteral("no translation for ") + language);
    const QString suffix =
        language == QLatin1String("en") ? QString() : QLatin1Char('-') + language;
    const test::ScreenshotStage stage;

    test::FakeRetellRunner retell;
    if (!retell.isListening())
        return fail(QStringLiteral("the Retell stand-in does not listen"));
    qputenv("RETELL_API_BASE_URL", retell.baseUrl().toString().toUtf8());

    const auto demo = stage.demo(QStringLiteral("demo.sqlite"));
    if (!demo)
        return fail(demo.error().message);
    const core::ServiceContext &context = demo->first;
    const core::Actor &admin = demo->second;

    // Three branches linked to their Retell agents; Berlin and Hamburg
    // published, München refused once (a prompt too long for its model).
    const core::LinkService links(context);
    QString hamburgLlm;
    for (const auto &[branch, line, notes] :
         {std::tuple{kBerlin, QStringLiteral("We also sell gift vouchers."),
                     QStringLiteral("Gift vouchers")},
          std::tuple{kHamburg, QStringLiteral("Mention the parking behind the salon."),
                     QStringLiteral("Parking hint")},
          std::tuple{kMuenchen, QStringLiteral("Offer a callback when all slots are taken."),
                     QStringLiteral("Callback offer")}}) {
        if (auto first = deployLine(context, admin, branch, QStringLiteral("Greet warmly."),
                                    QStringLiteral("Start"));
            !first)
            return fail(first.error().message);
        const QJsonObject agent = retell.model().addAgent(
            {{QStringLiteral("general_prompt"), QStringLiteral("Prompt typed in Retell.")},
             {QStringLiteral("general_tools"), QJsonArray()}});
        if (auto linked =
                links.link(admin, branch, agent.value(QStringLiteral("agent_id")).toString(),
                           agent.value(QStringLiteral("llm_id")).toString());
            !linked)
            return fail(linked.error().message);
        if (branch == kHamburg)
            hamburgLlm = agent.value(QStringLiteral("llm_id")).toString();
        if (branch == kMuenchen) {
            test::FakeFault refuse;
            refuse.pathPrefix = QStringLiteral("/update-retell-llm/") +
                                agent.value(QStringLiteral("llm_id")).toString();
            refuse.status = 422;
            refuse.message = QStringLiteral("general_prompt exceeds the token limit of this model");
            refuse.count = 0;
            retell.model().addFault(refuse);
        }
        if (auto deployed = deployLine(context, admin, branch, line, notes); !deployed)
            return fail(deployed.error().message);
    }

    ServiceWorker worker;
    Settings settings;
    auto session = std::make_shared<Session>(context, admin, &worker);
    int status = 0;
    for (const QSize size : {QSize(1366, 768), QSize(1600, 1000)}) {
        MainWindow window(session, &settings, stage.path(QStringLiteral("drafts")));
        window.resize(size);
        window.retell()->keys()->save(RetellKeyStore::Scope::Global, {}, retell.apiKey(),
                                      [](const RetellKeyStore::Saved &) {});
        window.show();
        window.start();
        if (!QTest::qWaitFor([&] { return window.isReady(); }, 20000))
            return fail(QStringLiteral("window not ready"));
        window.branchTree()->selectBranch(kBerlin);
        // The background publish sends the three versions; then Hamburg is
        // edited in Retell's dashboard and the window checks again.
        if (!QTest::qWaitFor(
                [&] {
                    return window.retell()->badge()->kind() == LiveBadge::Kind::Live &&
                           !window.retell()->isBusy();
                },
                20000))
            return fail(QStringLiteral("Berlin not live: ") + window.retell()->badge()->text());
        if (size.width() == 1366) // once: Retell's version history only grows
            retell.model().dashboardEdit(
                {{QStringLiteral("llm_id"), hamburgLlm},
                 {QStringLiteral("general_prompt"), QStringLiteral("Edited in the dashboard.")},
                 {QStringLiteral("publish"), true}});
        window.retell()->checkAll();
        if (!QTest::qWaitFor(
                [&] { return !window.branchTree()->retellMark(kHamburg).text.isEmpty(); }, 20000))
            return fail(QStringLiteral("no drift marker on Hamburg"));
        QTest::qWait(600);
        status |= test::savePng(&window, out, QStringLiteral("retell-live"), size, suffix) ? 0 : 1;
    }
    return status;
}
