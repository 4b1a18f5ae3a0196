#include "gui_support.h"

#include "TestDatabase.h"
#include "access/AuthService.h"
#include "app/AppStartup.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "seed/Seeder.h"
#include "services/Session.h"
#include "versions/VersionService.h"

#include <QApplication>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

namespace retell::test {

GuiEnvironment::GuiEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("retell-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("retell-admin-gui-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir());
}

QStringList salonPromptLines()
{
    return {
        QStringLiteral("## Role"),
        QStringLiteral("You are the receptionist of {{branch_name}}."),
        QStringLiteral("Answer in short sentences."),
        QStringLiteral("## Hours"),
        QStringLiteral("Say where the salon is."),
        QStringLiteral("We open at 9:00."),
        QStringLiteral("Say when the salon closes."),
        QStringLiteral("## Closing"),
        QStringLiteral("Ask whether anything else is needed."),
        QStringLiteral("Say goodbye politely."),
    };
}

core::Result<core::Actor> login(const core::ServiceContext &context, const char *email)
{
    return core::AuthService(context).login(QString::fromLatin1(email),
                                            QString::fromLatin1(core::demo::kPassword));
}

QString prepareDemoGui(QTranslator &plurals, TestDatabase &db, core::ServiceContext &context,
                       std::unique_ptr<ui::Settings> &settings)
{
    QApplication::installTranslator(&plurals);
    if (!db.isValid())
        return QStringLiteral("test database unavailable: ") + db.error();
    context.spec = db.spec();
    auto prepared = ui::AppStartup::prepareDatabase(context, ui::AppStartup::DemoData::Always);
    if (!prepared)
        return prepared.error().message;
    settings = std::make_unique<ui::Settings>();
    return {};
}

std::unique_ptr<ui::MainWindow> openMainWindow(const core::ServiceContext &context,
                                               const char *email, ui::ServiceWorker *worker,
                                               ui::Settings *settings, const GuiEnvironment &env,
                                               WindowWait wait)
{
    auto actor = login(context, email);
    if (!actor)
        return nullptr;
    auto session = std::make_shared<ui::Session>(context, actor.value(), worker);
    auto window = std::make_unique<ui::MainWindow>(session, settings, env.draftRoot());
    window->show();
    window->activateWindow(); // shortcuts, F2 and Del need the focus
    window->start();
    if (wait == WindowWait::Ready && (!QTest::qWaitForWindowActive(window.get()) ||
                                      !QTest::qWaitFor([&] { return window->isReady(); }, 10000)))
        return nullptr;
    return window;
}

bool showBranch(ui::MainWindow *window, const QString &branchId)
{
    ui::AgentPanel *agent = window->agentPanel();
    if (!agent->branch() || agent->branch()->id != branchId)
        window->branchTree()->selectBranch(branchId);
    return QTest::qWaitFor(
        [&] {
            return agent->branch() && agent->branch()->id == branchId && !agent->isLoading() &&
                   window->historyPanel()->model()->branchId() == branchId;
        },
        10000);
}

int deployAs(const core::ServiceContext &context, const char *email, const QString &branchId,
             const core::AgentConfig &config, std::optional<int> base)
{
    auto actor = login(context, email);
    if (!actor)
        return -1;
    core::DeployRequest request{config, QString(), QStringLiteral("deployed by the test"), base};
    auto out = core::VersionService(context).deploy(actor.value(), branchId, request);
    if (!out)
        qWarning("deploy failed: %s", qPrintable(out.error().message));
    return out ? out->version.version : -1;
}

} // namespace retell::test
