#include "app/AppStartup.h"
#include "app/Appearance.h"
#include "app/AutomationHooks.h"
#include "app/EnglishPlurals.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/PasswordStore.h"
#include "app/Settings.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include "diff/DiffWindow.h"
#include "merge/MergeWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPointer>
#include <QTextStream>

using namespace retell::ui;

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("retell-admin"));
    QApplication::setApplicationName(QStringLiteral("retell-admin"));
    QApplication::setApplicationDisplayName(QStringLiteral("Retell Agent Admin"));
    QApplication::setApplicationVersion(QStringLiteral(RETELL_ADMIN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(RETELL_APP_ID)); // CMakeLists.txt
    EnglishPlurals plurals;                                          // "1 error", "2 errors"
    QApplication::installTranslator(&plurals);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Edit, validate, deploy and roll back Retell AI voice agents per branch."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("Database URL (sqlite:PATH or mysql://user@host/db); "
                       "default: env RETELL_ADMIN_DB or ask."),
        QStringLiteral("url"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("Log in as EMAIL with the password from env "
                                                 "RETELL_ADMIN_PASSWORD."),
                                  QStringLiteral("email"));
    const QCommandLineOption connect(QStringLiteral("connect"),
                                     QStringLiteral("Choose the database in the connection dialog "
                                                    "instead of reopening the last one."));
    const QCommandLineOption diff(QStringLiteral("diff"),
                                  QStringLiteral("Compare two files side by side: --diff A B."));
    const QCommandLineOption merge(
        QStringLiteral("merge"),
        QStringLiteral("Merge two edits of a base: --merge OURS BASE THEIRS "
                       "[--output MERGED] (git mergetool)."));
    const QCommandLineOption mergeOutput(
        QStringLiteral("output"), QStringLiteral("With --merge: where Save writes the result."),
        QStringLiteral("file"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use a dark palette."));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QStringLiteral("Use this language (en, de) instead of the one chosen in the app or the "
                       "system's."),
        QStringLiteral("code"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save a PNG."),
                                  QStringLiteral("file"));
    QCommandLineOption screenshotDock(QStringLiteral("screenshot-dock"),
                                      QStringLiteral("Raise a dock first."),
                                      QStringLiteral("dock"));
    QCommandLineOption screenshotBranch(QStringLiteral("screenshot-branch"),
                                        QStringLiteral("Open a branch first."),
                                        QStringLiteral("name"));
    QCommandLineOption reportStartup(QStringLiteral("report-startup"),
                                     QStringLiteral("Print startup timings and quit."));
    QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                 QStringLiteral("Quit (as Ctrl+Q) MS after the window shows."),
                                 QStringLiteral("ms"));
    for (QCommandLineOption *hidden :
         {&screenshot, &screenshotDock, &screenshotBranch, &reportStartup, &quitAfter})
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({db, user, connect, diff, merge, mergeOutput, dark, language, screenshot,
                       screenshotDock, screenshotBranch, reportStartup, quitAfter});
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QStringLiteral("With --diff: FILE_A FILE_B; with --merge: OURS BASE THEIRS."),
        QStringLiteral("[FILE_A FILE_B]"));
    parser.process(app);
    Language::install(app, Language::resolve(parser.isSet(language) ? parser.value(language)
                                                                    : Settings().language()));

    if (parser.isSet(dark))
        applyDarkPalette(app);

    if (parser.isSet(merge)) {
        const QStringList files = parser.positionalArguments();
        if (files.size() != 3) {
            QTextStream(stderr)
                << "--merge needs three files: --merge OURS BASE THEIRS [--output MERGED]\n";
            return 2;
        }
        MergeWindow window;
        bool saved = false;
        QObject::connect(&window, &MergeWindow::saved, [&saved] { saved = true; });
        if (!window.openFiles(files.at(0), files.at(1), files.at(2), parser.value(mergeOutput))) {
            QTextStream(stderr) << window.errorString() << '\n';
            return 1;
        }
        window.show();
        const int code = app.exec();
        // Like a merge tool: 0 only when the result was saved.
        return code != 0 ? code : (saved || !parser.isSet(mergeOutput) ? 0 : 1);
    }

    if (parser.isSet(diff)) {
        const QStringList files = parser.positionalArguments();
        if (files.size() != 2) {
            QTextStream(stderr) << "--diff needs two files: --diff FILE_A FILE_B\n";
            return 2;
        }
        DiffWindow window;
        if (!window.openFiles(files.at(0), files.at(1))) {
            QTextStream(stderr) << window.errorString() << '\n';
            return 1;
        }
        window.show();
        return app.exec();
    }

    Settings settings;
    ServiceWorker worker;
    PasswordStore passwords;
    AppStartup startup(&settings, &worker, &passwords);
    AutomationOptions automation{parser.value(screenshot), parser.value(screenshotDock),
                                 parser.value(screenshotBranch), parser.isSet(reportStartup),
                                 parser.isSet(quitAfter) ? parser.value(quitAfter).toInt() : -1};
    const bool automated = !automation.screenshotPath.isEmpty() || automation.reportStartup ||
                           automation.quitAfterMs >= 0;

    AppStartup::Options options;
    // --connect asks even when RETELL_ADMIN_DB names a database; --db wins.
    options.databaseUrl = parser.isSet(db)        ? parser.value(db)
                          : parser.isSet(connect) ? QString()
                                                  : qEnvironmentVariable("RETELL_ADMIN_DB");
    options.user = parser.value(user);
    options.password = qEnvironmentVariable("RETELL_ADMIN_PASSWORD");
    options.chooseConnection = parser.isSet(connect);
    options.interactive = !automated;

    QPointer<MainWindow> window;
    std::function<bool(bool)> open = [&](bool again) {
        AppStartup::Options current = options;
        if (again) { // File › Connect: choose anew
            current = AppStartup::Options{};
            current.chooseConnection = true;
        }
        auto session = startup.run(current);
        if (!session) {
            if (!startup.error().isEmpty())
                QTextStream(stderr) << startup.error() << '\n';
            return false;
        }
        const qint64 loginDoneMs = sinceStart.elapsed();
        QPointer<MainWindow> previous = window;
        window = new MainWindow(session, &settings);
        window->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(window, &MainWindow::reconnectRequested, window, [&open] {
            QMetaObject::invokeMethod(
                qApp, [&open] { open(true); }, Qt::QueuedConnection);
        });
        runAutomation(window, automation, sinceStart, loginDoneMs);
        window->show();
        window->start();
        if (previous) // closed only now, so the application never runs out of windows
            previous->close();
        return true;
    };
    if (!open(false))
        return startup.error().isEmpty() ? 0 : 1;
    const int exitCode = app.exec();
    // Shut down in order, before the QApplication goes: the window saves its
    // draft and its panels go while the session is alive; then (locals in
    // reverse order) the worker finishes its queued jobs and closes its
    // connections on its own thread before it is joined.
    delete window.data();
    return exitCode;
}
