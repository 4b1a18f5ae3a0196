#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/Migrator.h"
#include "db/ServiceContext.h"

#include <QObject>

#include <memory>

namespace retell::ui {

class PasswordStore;
class ServiceWorker;
class Session;
class Settings;

struct PreparedDatabase
{
    core::MigrationReport migration;
    bool seededDemo = false;
};

// The way in: where (--db, else the last connection, else the connection
// dialog), schema and seeds, who (login dialog or --user with
// RETELL_ADMIN_PASSWORD). Dialogs are modal but every
// database call runs on the worker while the event loop keeps painting.
class AppStartup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppStartup)

public:
    struct Options
    {
        QString databaseUrl;           // empty: the last connection, or ask on a first start
        bool chooseConnection = false; // ask even when a last connection is known
        QString user;                  // with password: no login dialog unless it fails
        QString password;
        bool interactive = true; // false: never show a dialog, fail instead
    };

    AppStartup(Settings *settings, ServiceWorker *worker, PasswordStore *passwords,
               QObject *parent = nullptr);
    ~AppStartup() override;

    // The logged-in session, or null when the user cancelled or (non-
    // interactive) something failed; error() says what.
    std::shared_ptr<Session> run(const Options &options);
    QString error() const { return m_error; }

    enum class DemoData
    {
        IfCreated, // on a local database this run creates
        Always,
    };
    // Runs on the worker: migrate, seed the templates, and demo data as
    // `demo` says. A local database is prepared by one process at a time.
    static core::Result<PreparedDatabase> prepareDatabase(const core::ServiceContext &context,
                                                          DemoData demo = DemoData::IfCreated);
    static constexpr int kPrepareLockWaitMs = 120000;

private:
    // The logged-in session; on a shared database with its local replica
    // (issue 12), opened or created on the worker.
    std::shared_ptr<Session> makeSession(const core::ServiceContext &context,
                                         const core::Actor &actor);
    // The server cannot be reached but its replica exists: log in against the
    // replica and start offline (null: cancelled or refused).
    std::shared_ptr<Session> offlineSession(const core::ServiceContext &context,
                                            const Options &options);
    std::optional<core::ConnectionSpec> chooseDatabase(const Options &options, bool askAgain);
    // The connection chosen last time, password included; nothing when there
    // is none or its password is not at hand (then the dialog asks).
    std::optional<core::ConnectionSpec> lastConnection();
    std::optional<PreparedDatabase> prepare(const core::ServiceContext &context, bool interactive);

    Settings *m_settings;
    ServiceWorker *m_worker;
    PasswordStore *m_passwords;
    QString m_error;
    bool m_serverUnreachable = false; // the last prepare() could not reach the server
};

} // namespace retell::ui
