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
};

void runAutomation(MainWindow *window, const AutomationOptions &options,
                   const QElapsedTimer &sinceStart, qint64 loginDoneMs);

} // namespace retell::ui
