#pragma once

#include "domain/Finding.h"

#include <QIcon>
#include <QString>

namespace retell::ui {

// Icons from resources/icons (SVG, scale with the screen) shared by panels.
QIcon themeIcon(const QString &name);
QIcon statusIcon(core::ValidationStatus status);
QIcon activeIcon();
QIcon draftIcon();
QString statusText(core::ValidationStatus status);

} // namespace retell::ui
