#include "app/AutomationHooks.h"

#include "app/MainWindow.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"

#include <QApplication>
#include <QDockWidget>
#include <QPixmap>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace retell::ui {

namespace {
constexpr int kSettleMs = 600; // validation debounce and lazy styling settle
}

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
        }
        QTimer::singleShot(kSettleMs, window, [window, options] {
            const bool saved = window->grab().save(options.screenshotPath, "PNG");
            QTextStream(stderr) << (saved ? "saved " : "could not save ") << options.screenshotPath
                                << '\n';
            QApplication::exit(saved ? 0 : 1);
        });
    };
    QObject::connect(window, &MainWindow::ready, window, [window, options, grab] {
        const QList<core::Branch> branches = window->branchTree()->branches();
        const auto wanted = std::find_if(branches.cbegin(), branches.cend(),
                                         [&](const core::Branch &b) {
                                             return b.name == options.branchName;
                                         });
        const auto current = window->branchTree()->currentBranch();
        if (wanted == branches.cend() || (current && current->id == wanted->id)) {
            grab();
            return;
        }
        QObject::connect(window, &MainWindow::branchShown, window, grab,
                         Qt::SingleShotConnection);
        window->branchTree()->selectBranch(wanted->id);
    });
}

} // namespace retell::ui
