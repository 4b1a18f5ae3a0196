#include "panels/StatusIcons.h"

#include <QCoreApplication>
#include <QHash>

namespace retell::ui {

QIcon themeIcon(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
    return *it;
}

QIcon statusIcon(core::ValidationStatus status)
{
    switch (status) {
    case core::ValidationStatus::Valid:
        return themeIcon(QStringLiteral("status-valid"));
    case core::ValidationStatus::Invalid:
        return themeIcon(QStringLiteral("status-invalid"));
    case core::ValidationStatus::Pending:
        break;
    }
    return themeIcon(QStringLiteral("status-pending"));
}

QIcon activeIcon()
{
    return themeIcon(QStringLiteral("active"));
}

QIcon draftIcon()
{
    return themeIcon(QStringLiteral("draft"));
}

QString statusText(core::ValidationStatus status)
{
    switch (status) {
    case core::ValidationStatus::Valid:
        return QCoreApplication::translate("retell", "valid");
    case core::ValidationStatus::Invalid:
        return QCoreApplication::translate("retell", "invalid");
    case core::ValidationStatus::Pending:
        break;
    }
    return QCoreApplication::translate("retell", "pending");
}

} // namespace retell::ui
