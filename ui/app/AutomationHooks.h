#pragma once

#include <QElapsedTimer>
#include <QString>

namespace retell::ui {

class MainWindow;

// Hidden command-line modes for the screenshot script and the startup
// benchmark: act once the window shows its data, then quit.
struct AutomationOptions
{
    QString screenshotPath;     // grab the window to this PNG
    QString raiseDock;          // "history" or "templates" before grabbing; "deploy":
                                // grab the deploy dialog with an error and warnings
    QString branchName;         // open this branch before grabbing
    bool reportStartup = false; // print timings to stdout
    int quitAfterMs = -1; // >= 0: trigger File › Quit (Ctrl+Q) this long after the window shows
};

void runAutomation(MainWindow *window, const AutomationOptions &options,
                   const QElapsedTimer &sinceStart, qint64 loginDoneMs);

} // namespace retell::ui
