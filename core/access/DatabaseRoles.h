#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace retell::core {

// The least-privilege account the app should connect with. Everyone who runs
// the app holds its database credentials, so the grants checked in the
// client (viewer/editor/admin) bind only the app; what the account may do is
// what anyone with the credentials may do. This account may read users,
// companies and branches, add versions to retell_agent_prompts and switch
// their is_active (and updated_at) flag, and use the app's own
// retell_admin_* tables; it cannot change or delete a version's content,
// nor touch users, companies or branches. Migrations need an administrator.
struct DatabaseRoles final
{
    enum class Dialect
    {
        MySql,
        PostgreSql
    };

    struct Account
    {
        QString name = QStringLiteral("retell_app");
        QString host = QStringLiteral("%"); // MySQL: where it may connect from
        QString database;                   // MySQL schema / PostgreSQL database
    };

    static Result<Dialect> dialectFromName(const QString &name);
    // The statements that create the account (password left to a
    // placeholder, or quoted in when given) and grant exactly that.
    static Result<QStringList> statements(Dialect dialect, const Account &account,
                                          const QString &password = {});
    // The app's own tables, from its migrations (retell_admin_*).
    static QStringList appTables();
};

} // namespace retell::core
