#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "common/ServiceContext.h"

#include <QTemporaryDir>

#include <memory>

namespace retell::ui {
class MainWindow;
class ServiceWorker;
class Settings;
} // namespace retell::ui

namespace retell::test {

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

} // namespace retell::test
