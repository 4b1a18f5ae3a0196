#include "gui_support.h"

#include "access/AuthService.h"
#include "seed/Seeder.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

namespace retell::test {

GuiEnvironment::GuiEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("retell-admin-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("retell-admin-gui-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir());
}

core::Result<core::Actor> login(const core::ServiceContext &context, const char *email)
{
    return core::AuthService(context).login(QString::fromLatin1(email),
                                            QString::fromLatin1(core::demo::kPassword));
}

} // namespace retell::test
