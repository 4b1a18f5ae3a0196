#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "common/ServiceContext.h"

#include <QTemporaryDir>

#include <memory>

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

} // namespace retell::test
