#include "domain/Types.h"

namespace retell::core {

QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("viewer");
    case Role::Editor:
        return QStringLiteral("editor");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("viewer"))
        return Role::Viewer;
    if (n == QLatin1String("editor"))
        return Role::Editor;
    if (n == QLatin1String("admin"))
        return Role::Admin;
    return std::nullopt;
}

QString scopeName(GrantScope scope)
{
    switch (scope) {
    case GrantScope::Global:
        return QStringLiteral("global");
    case GrantScope::Company:
        return QStringLiteral("company");
    case GrantScope::Branch:
        return QStringLiteral("branch");
    }
    return {};
}

QString validationStatusName(ValidationStatus status)
{
    switch (status) {
    case ValidationStatus::Pending:
        return QStringLiteral("pending");
    case ValidationStatus::Valid:
        return QStringLiteral("valid");
    case ValidationStatus::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

ValidationStatus validationStatusFromName(const QString &name)
{
    if (name == QLatin1String("valid"))
        return ValidationStatus::Valid;
    if (name == QLatin1String("invalid"))
        return ValidationStatus::Invalid;
    return ValidationStatus::Pending;
}

} // namespace retell::core
