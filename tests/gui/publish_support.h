#pragma once

#include "FakeRetell.h"
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/EnglishPlurals.h"
#include "app/Settings.h"
#include "publish/LiveBadge.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace retell::ui {
class MainWindow;
}

namespace retell::test {

class FakeRetellModel;

// What the publish GUI suites stand on: the loopback stand-in for Retell
// (RETELL_API_BASE_URL points at it), the demo data on SQLite with a first
// version deployed on some branches, and main windows opened on it.
class PublishGuiTest : public QObject
{
protected:
    // For initTestCase: an empty string, or what failed.
    QString prepare(const QStringList &deployedBranches);
    std::unique_ptr<ui::MainWindow> openWindow(const char *email = core::demo::kSuperAdmin);
    // A new agent in the stand-in, its version 0 published with `prompt`.
    QJsonObject addAgent(const QString &prompt = QStringLiteral("x"));
    bool waitForBadge(ui::MainWindow *window, ui::LiveBadge::Kind kind);

    ui::EnglishPlurals m_plurals;
    GuiEnvironment m_env;
    FakeRetellRunner m_fake;
    TestDatabase m_db;
    core::ServiceContext m_context;
    ui::ServiceWorker m_worker;
    std::unique_ptr<ui::Settings> m_settings;
};

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
