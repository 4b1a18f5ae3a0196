#pragma once

#include "publish/LiveBadge.h"

#include <QJsonObject>
#include <QString>

namespace retell::ui {
class MainWindow;
}

namespace retell::test {

class FakeRetellModel;

// The GUI steps of issue 15's tests, through the real widgets.
inline constexpr int kPublishWaitMs = 20000;

// Admin › Retell API Key…: key typed for the scope named scope ("Salon
// Aurora only"; empty: the global key), saved; false when the dialog does
// not close or the key shows up in the settings file.
bool setRetellKey(ui::MainWindow *window, const QString &key, const QString &scope = {});
// Agent › Link to Retell Agent… on branchId with the ids of a stand-in agent
// (FakeRetellModel::addAgent's answer), checked and saved.
bool linkBranch(ui::MainWindow *window, const QString &branchId, const QJsonObject &agent);
// A line appended to the prompt, deployed through the deploy dialog.
bool deployLine(ui::MainWindow *window, const QString &line, const QString &notes);
// Waits until the badge says `kind` and nothing runs on Retell's thread;
// on a time-out it logs what the badge says (and the stand-in's log).
bool waitForBadge(ui::MainWindow *window, ui::LiveBadge::Kind kind,
                  FakeRetellModel *fake = nullptr);

} // namespace retell::test
