// Startup and branch-switch times of the desktop app, beside the web admin
// page's 145 ms render. Two databases: the demo data, and 1,000 branches with
// 100,000 versions (Seeder::seedScale). Startup is measured twice: the real
// retell-admin process (--report-startup), and in process from "logged in" to
// "window shown with data". A switch is timed from selecting a branch in the
// tree to editor, findings and history all being filled.
#include "BenchTable.h"

#include "access/AuthService.h"
#include "app/AppStartup.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace retell;

namespace {

constexpr double kWebRenderMs = 145.0;

struct Scenario
{
    QString name;
    core::ServiceContext context;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(p * double(values.size() - 1) + 0.5);
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

// The real executable: process start → window shown → data shown.
QStringList processStartup(const Scenario &scenario, const QString &exe, int runs)
{
    QList<double> login, shown, ready, wall;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RETELL_ADMIN_PASSWORD"),
                   QString::fromLatin1(core::demo::kPassword));
        process.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        process.start(exe, {QStringLiteral("--db"), scenario.context.spec.toUrl(),
                            QStringLiteral("--user"), QString::fromLatin1(core::demo::kSuperAdmin),
                            QStringLiteral("--report-startup")});
        if (!process.waitForFinished(60000))
            return {scenario.name, QStringLiteral("timeout")};
        wall << double(timer.elapsed());
        const QStringList lines =
            QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.size() != 2)
                continue;
            const double value = parts.at(1).toDouble();
            if (parts.at(0) == QLatin1String("login_done_ms"))
                login << value;
            else if (parts.at(0) == QLatin1String("window_shown_ms"))
                shown << value;
            else if (parts.at(0) == QLatin1String("data_ready_ms"))
                ready << value;
        }
    }
    QList<double> afterLogin;
    for (int i = 0; i < std::min(ready.size(), login.size()); ++i)
        afterLogin << ready.at(i) - login.at(i);
    return {scenario.name,
            bench::ms(percentile(login, 0.5)),
            bench::ms(percentile(shown, 0.5)),
            bench::ms(percentile(ready, 0.5)),
            bench::ms(percentile(afterLogin, 0.5)),
            bench::ms(percentile(wall, 0.5))};
}

// In process: MainWindow constructed, shown, branches + templates + the first
// branch's editor and history filled.
struct InProcess
{
    QList<double> startup;
    QList<double> switches;
    QList<double> editorFilled;  // part of a switch: active version in the editor, validated
    QList<double> historyFilled; // part of a switch: first history page in the table
};

InProcess inProcess(const Scenario &scenario, ui::ServiceWorker *worker, ui::Settings *settings,
                    const QString &draftRoot, int startups, int switches)
{
    InProcess result;
    auto actor = core::AuthService(scenario.context)
                     .login(QString::fromLatin1(core::demo::kSuperAdmin),
                            QString::fromLatin1(core::demo::kPassword));
    if (!actor) {
        QTextStream(stderr) << actor.error().message << '\n';
        return result;
    }
    auto session = std::make_shared<ui::Session>(scenario.context, actor.value(), worker);
    for (int i = 0; i < startups; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto window = std::make_unique<ui::MainWindow>(session, settings, draftRoot);
        window->show();
        window->start();
        if (!waitFor([&] { return window->isReady(); }))
            return result;
        result.startup << double(timer.nsecsElapsed()) / 1e6;
        if (i + 1 < startups)
            continue;
        const QList<core::Branch> branches = window->branchTree()->branches();
        QString shownId;
        double shownMs = 0;
        QElapsedTimer switchTimer;
        QObject::connect(window.get(), &ui::MainWindow::branchShown, [&](const QString &id) {
            shownId = id;
            shownMs = double(switchTimer.nsecsElapsed()) / 1e6;
        });
        double editorMs = 0;
        double historyMs = 0;
        QObject::connect(window->agentPanel(), &ui::AgentPanel::branchLoaded,
                         [&] { editorMs = double(switchTimer.nsecsElapsed()) / 1e6; });
        QObject::connect(window->historyPanel()->model(), &ui::HistoryModel::pageLoaded,
                         [&] { historyMs = double(switchTimer.nsecsElapsed()) / 1e6; });
        QRandomGenerator random(42);
        for (int s = 0; s < switches && branches.size() > 1; ++s) {
            const core::Branch &target = branches.at(random.bounded(int(branches.size())));
            if (window->branchTree()->currentBranch() &&
                window->branchTree()->currentBranch()->id == target.id)
                continue;
            shownId.clear();
            switchTimer.start();
            window->branchTree()->selectBranch(target.id);
            if (!waitFor([&] { return shownId == target.id; }))
                break;
            result.switches << shownMs;
            // Let painting and the editor's validation settle, so each switch starts idle.
            QElapsedTimer settle;
            settle.start();
            waitFor([&] { return settle.elapsed() > 30; });
            result.editorFilled << editorMs;
            result.historyFilled << historyMs;
        }
    }
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       dir.path() + QStringLiteral("/settings"));
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int scaleBranches = quick ? 100 : 1000;
    const int scaleVersions = 100;

    QList<Scenario> scenarios;
    QElapsedTimer setup;
    setup.start();
    for (const QString &name :
         {QStringLiteral("demo data"), QStringLiteral("%1 branches, %2 versions")
                                           .arg(scaleBranches)
                                           .arg(scaleBranches * scaleVersions)}) {
        Scenario s{name, {}};
        s.context.spec.dialect = core::Dialect::SQLite;
        s.context.spec.path = dir.path() + QStringLiteral("/%1.sqlite").arg(scenarios.size());
        auto prepared =
            ui::AppStartup::prepareDatabase(s.context, ui::AppStartup::DemoData::Always);
        if (!prepared) {
            QTextStream(stderr) << prepared.error().message << '\n';
            return 1;
        }
        if (scenarios.size() == 1) {
            auto scaled = core::Seeder::seedScale(s.context, scaleBranches, scaleVersions);
            if (!scaled) {
                QTextStream(stderr) << scaled.error().message << '\n';
                return 1;
            }
        }
        scenarios << s;
    }
    QTextStream(stdout) << "databases ready in " << setup.elapsed() << " ms\n";

    const QString exe =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../app/retell-admin");
    if (QFileInfo(exe).isExecutable()) {
        QList<QStringList> rows = {{QStringLiteral("database"), QStringLiteral("login done"),
                                    QStringLiteral("window shown"), QStringLiteral("data shown"),
                                    QStringLiteral("data shown after login"),
                                    QStringLiteral("process wall")}};
        for (const Scenario &s : std::as_const(scenarios))
            rows << processStartup(s, exe, quick ? 3 : 7);
        bench::printTable(QStringLiteral("retell-admin process, median ms from process start "
                                         "(login = bcrypt cost 12, by design)"),
                          rows);
    } else {
        QTextStream(stdout) << "(retell-admin not built beside the benchmark: " << exe
                            << "; process timings skipped)\n";
    }

    ui::Settings settings;
    ui::ServiceWorker worker;
    QList<QStringList> rows = {{QStringLiteral("database"), QStringLiteral("window + data, median"),
                                QStringLiteral("p95"), QStringLiteral("web page"),
                                QStringLiteral("target"), QStringLiteral("branch switch, median"),
                                QStringLiteral("p95"), QStringLiteral("target"),
                                QStringLiteral("of which editor"), QStringLiteral("history")}};
    for (const Scenario &s : std::as_const(scenarios)) {
        const InProcess r = inProcess(s, &worker, &settings, dir.path() + QStringLiteral("/drafts"),
                                      quick ? 3 : 10, quick ? 20 : 100);
        rows << QStringList{s.name,
                            bench::ms(percentile(r.startup, 0.5)),
                            bench::ms(percentile(r.startup, 0.95)),
                            bench::ms(kWebRenderMs),
                            QStringLiteral("< 150"),
                            bench::ms(percentile(r.switches, 0.5)),
                            bench::ms(percentile(r.switches, 0.95)),
                            QStringLiteral("< 16"),
                            bench::ms(percentile(r.editorFilled, 0.5)),
                            bench::ms(percentile(r.historyFilled, 0.5))};
    }
    bench::printTable(QStringLiteral("In process, logged in: main window shown with its data; "
                                     "switch = tree click to editor, findings and history filled"),
                      rows);
    return 0;
}
