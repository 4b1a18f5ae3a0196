#include "screenshot_support.h"

#include "access/AuthService.h"
#include "app/AppStartup.h"
#include "seed/Seeder.h"

#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QWidget>

namespace retell::test {

ScreenshotStage::ScreenshotStage()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
}

core::Result<std::pair<core::ServiceContext, core::Actor>>
ScreenshotStage::demo(const QString &fileName) const
{
    auto spec = core::ConnectionSpec::parse(QStringLiteral("sqlite:") + m_dir.filePath(fileName));
    if (!spec)
        return spec.error();
    const core::ServiceContext context{spec.value()};
    if (auto prepared = ui::AppStartup::prepareDatabase(context, ui::AppStartup::DemoData::Always);
        !prepared)
        return prepared.error();
    auto admin = core::AuthService(context).login(QString::fromLatin1(core::demo::kSuperAdmin),
                                                  QString::fromLatin1(core::demo::kPassword));
    if (!admin)
        return admin.error();
    return std::pair(context, admin.value());
}

int fail(const QString &what)
{
    qCritical("%s", qPrintable(what));
    return 1;
}

bool savePng(QWidget *widget, const QString &out, const QString &name, const QSize &size,
             const QString &suffix)
{
    const QString file = out + QLatin1Char('/') + name +
                         (size.width() == 1366 ? QString() : QStringLiteral("-1600")) + suffix +
                         QStringLiteral(".png");
    const bool saved = widget->grab().save(file, "PNG");
    qInfo("%s %s", saved ? "saved" : "could not save", qPrintable(file));
    return saved;
}

} // namespace retell::test
