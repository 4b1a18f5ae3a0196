#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"
#include "domain/Types.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class QTranslator;

namespace retell::ui {
class MainWindow;
class ServiceWorker;
class Settings;
} // namespace retell::ui

namespace retell::test {

class TestDatabase;

// Isolates a GUI test: QStandardPaths test mode, QSettings in an INI file
// under a temporary folder, and a folder for drafts.
class GuiEnvironment final
{
public:
    GuiEnvironment();
    QString draftRoot() const { return m_dir.path() + QStringLiteral("/drafts"); }
    QString settingsDir() const { return m_dir.path() + QStringLiteral("/settings"); }

private:
    QTemporaryDir m_dir;
};

// Salon Aurora's branches in the demo data: the global admin and the
// company's owner may both deploy there.
inline const QString kSalonMuenchen = QStringLiteral("6fa459ea-ee8a-4ca4-894e-db77e160355e");
inline const QString kSalonHamburg = QStringLiteral("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
// A short salon prompt, one line each; lines 1, 5 and 9 are far enough apart
// to be separate merge regions.
QStringList salonPromptLines();

// The usual start of a GUI test on demo data (initTestCase): `plurals`
// installed, `db` prepared with the demo companies, users and versions as
// the app prepares a database, `context` on it, `settings` made (after the
// GuiEnvironment, so they go to its INI file). Empty on success, else why not.
QString prepareDemoGui(QTranslator &plurals, TestDatabase &db, core::ServiceContext &context,
                       std::unique_ptr<ui::Settings> &settings);

// Logs in through the real AuthService (on the calling thread; tests only).
core::Result<core::Actor> login(const core::ServiceContext &context, const char *email);

enum class WindowWait
{
    Shown, // shown and started; the first load may still run
    Ready, // active, and its first load finished
};

// The real main window for a demo user, logged in on the context, its
// session on the worker, with the environment's settings and drafts.
// Null when the login fails (or, with WindowWait::Ready, the window never
// becomes active and ready).
std::unique_ptr<ui::MainWindow> openMainWindow(const core::ServiceContext &context,
                                               const char *email, ui::ServiceWorker *worker,
                                               ui::Settings *settings, const GuiEnvironment &env,
                                               WindowWait wait = WindowWait::Shown);

// Shows branchId in window (selects it in the tree when needed) and waits
// until the editor and the history have loaded it.
bool showBranch(ui::MainWindow *window, const QString &branchId);

// Another admin's deploy, straight through the core as the demo user email
// (base: the version it was edited from); the new version number, or -1.
int deployAs(const core::ServiceContext &context, const char *email, const QString &branchId,
             const core::AgentConfig &config, std::optional<int> base = std::nullopt);

} // namespace retell::test
