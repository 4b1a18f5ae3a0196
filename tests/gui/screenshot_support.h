#pragma once

// What the screenshot tools share (not tests: they render the README's PNGs
// under Xvfb): settings and standard paths kept in a temporary folder, a demo
// database there with its global admin logged in, and the PNG files.
#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

#include <QSize>
#include <QString>
#include <QTemporaryDir>

#include <utility>

class QWidget;

namespace retell::test {

class ScreenshotStage final
{
public:
    // Test-mode standard paths; settings as INI files in the stage's folder.
    ScreenshotStage();
    Q_DISABLE_COPY_MOVE(ScreenshotStage)

    // A demo SQLite database named fileName in the stage's folder (migrated
    // and seeded with the demo data), and its global admin logged in.
    core::Result<std::pair<core::ServiceContext, core::Actor>> demo(const QString &fileName) const;
    // The stage's folder: a file or folder named name in it.
    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// Prints what went wrong; the exit code 1.
int fail(const QString &what);

// widget as OUT/NAME.png at 1366x768, OUT/NAME-1600SUFFIX.png at 1600x1000
// (suffix: "-de" for a German run); says which file it wrote.
bool savePng(QWidget *widget, const QString &out, const QString &name, const QSize &size,
             const QString &suffix = {});

} // namespace retell::test
