#include "app/AutomationHooks.h"

#include "app/MainWindow.h"
#include "editor/AgentEditor.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"

#include <QApplication>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPixmap>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace retell::ui {

namespace {
constexpr int kSettleMs = 600; // validation debounce and lazy styling settle

// The deploy dialog as an admin meets it: two variables nothing defines
// (warnings) and a tool listed twice (an error that blocks the deploy).
void openDeployWithFindings(MainWindow *window)
{
    AgentEditor *editor = window->agentPanel()->editor();
    core::AgentConfig config = editor->config();
    config.prompt += QStringLiteral("\n\nGreet regulars by their {{loyalty_tier}} and tell them "
                                    "their {{points_balance}} points.\n");
    QJsonArray tools = QJsonDocument::fromJson(config.toolsJson.toUtf8()).array();
    if (!tools.isEmpty())
        tools.append(tools.first());
    config.toolsJson = QString::fromUtf8(QJsonDocument(tools).toJson());
    editor->setConfig(config);
    window->agentPanel()->deploy();
}
} // namespace

void runAutomation(MainWindow *window, const AutomationOptions &options,
                   const QElapsedTimer &sinceStart, qint64 loginDoneMs)
{
    if (options.reportStartup) {
        const qint64 shownMs = sinceStart.elapsed();
        QObject::connect(window, &MainWindow::ready, window, [=, &sinceStart] {
            QTextStream out(stdout);
            out << "login_done_ms " << loginDoneMs << '\n'
                << "window_shown_ms " << shownMs << '\n'
                << "data_ready_ms " << sinceStart.elapsed() << '\n';
            out.flush();
            QTimer::singleShot(0, qApp, &QApplication::quit);
        });
    }
    if (options.quitAfterMs >= 0) {
        // What Ctrl+Q does, for the quit test (tests/crash/tst_app_quit).
        QTimer::singleShot(options.quitAfterMs, window,
                           [window] { window->action(QStringLiteral("quitAction"))->trigger(); });
    }
    if (options.screenshotPath.isEmpty())
        return;
    auto grab = [window, options] {
        if (options.raiseDock == QLatin1String("history")) {
            window->historyDock()->raise();
            QTableView *view = window->historyPanel()->view();
            if (view->model()->rowCount() > 2)
                view->selectRow(1);
        } else if (options.raiseDock == QLatin1String("templates")) {
            window->templatesDock()->raise();
        } else if (options.raiseDock == QLatin1String("deploy")) {
            openDeployWithFindings(window);
        }
        QTimer::singleShot(kSettleMs, window, [window, options] {
            QWidget *shown = window;
            if (options.raiseDock == QLatin1String("deploy") &&
                window->agentPanel()->deployDialog())
                shown = window->agentPanel()->deployDialog();
            const bool saved = shown->grab().save(options.screenshotPath, "PNG");
            QTextStream(stderr) << (saved ? "saved " : "could not save ") << options.screenshotPath
                                << '\n';
            QApplication::exit(saved ? 0 : 1);
        });
    };
    QObject::connect(window, &MainWindow::ready, window, [window, options, grab] {
        const QList<core::Branch> branches = window->branchTree()->branches();
        const auto wanted =
            std::find_if(branches.cbegin(), branches.cend(),
                         [&](const core::Branch &b) { return b.name == options.branchName; });
        const auto current = window->branchTree()->currentBranch();
        if (wanted == branches.cend() || (current && current->id == wanted->id)) {
            grab();
            return;
        }
        QObject::connect(window, &MainWindow::branchShown, window, grab, Qt::SingleShotConnection);
        window->branchTree()->selectBranch(wanted->id);
    });
}

} // namespace retell::ui
