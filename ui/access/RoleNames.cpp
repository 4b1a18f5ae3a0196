#include "access/RoleNames.h"

#include <QCoreApplication>

namespace retell::ui {

QString roleDisplayName(core::Role role)
{
    switch (role) {
    case core::Role::Viewer:
        return QCoreApplication::translate("retell::ui::RoleNames", "Viewer");
    case core::Role::Editor:
        return QCoreApplication::translate("retell::ui::RoleNames", "Editor");
    case core::Role::Admin:
        return QCoreApplication::translate("retell::ui::RoleNames", "Admin");
    }
    return {};
}

} // namespace retell::ui
