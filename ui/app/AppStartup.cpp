#include "app/AppStartup.h"

#include "access/AuthService.h"
#include "app/ConnectionDialog.h"
#include "app/LoginDialog.h"
#include "app/PasswordStore.h"
#include "app/Settings.h"
#include "db/Database.h"
#include "offline/Replica.h"
#include "seed/Seeder.h"
#include "services/DisplayText.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QInputDialog>
#include <QLockFile>
#include <QMessageBox>
#include <QProgressDialog>

namespace retell::ui {

namespace {
// Waits for a worker job while the GUI thread keeps processing events.
template <typename Job> auto await(ServiceWorker *worker, Job job)
{
    using R = std::invoke_result_t<Job &>;
    std::optional<R> out;
    QEventLoop loop;
    QObject context;
    worker->run(&context, std::move(job), [&](R result) {
        out.emplace(std::move(result));
        loop.quit();
    });
    loop.exec();
    return std::move(*out);
}
} // namespace

AppStartup::AppStartup(Settings *settings, ServiceWorker *worker, PasswordStore *passwords,
                       QObject *parent)
    : QObject(parent), m_settings(settings), m_worker(worker), m_passwords(passwords)
{
}

AppStartup::~AppStartup() = default;

core::Result<PreparedDatabase> AppStartup::prepareDatabase(const core::ServiceContext &context,
                                                           DemoData demo)
{
    // Several instances may start on the same new local database at once:
    // the first creates and seeds it while the others wait, then find it
    // complete. Without the lock they saw a file still being seeded, took it
    // for an existing database and failed to log in. A directory where no
    // lock can be made (read-only) has no second writer to wait for.
    const core::ConnectionSpec &spec = context.spec;
    const bool localFile =
        spec.dialect == core::Dialect::SQLite && spec.path != QLatin1String(":memory:");
    std::optional<QLockFile> lock;
    if (localFile) {
        lock.emplace(spec.path + QLatin1String(".lock"));
        lock->setStaleLockTime(0); // a crashed holder is detected by its pid, not by age
        if (!lock->tryLock(kPrepareLockWaitMs) && lock->error() == QLockFile::LockFailedError)
            return core::Error{
                core::ErrorKind::Database,
                tr("Another instance is still preparing %1.").arg(databaseTitle(spec)),
                {}};
    }
    const bool created = localFile && !QFileInfo::exists(spec.path);
    const bool seedDemo = demo == DemoData::Always || (demo == DemoData::IfCreated && created);

    PreparedDatabase prepared;
    auto migrated = core::Migrator::migrate(spec);
    if (!migrated)
        return migrated.error();
    prepared.migration = migrated.value();
    // Seeds are idempotent but write; an unchanged schema already has them.
    if (!seedDemo && prepared.migration.applied.isEmpty())
        return prepared;
    auto seeded = seedDemo ? core::Seeder::seedDemo(context) : core::Seeder::seedTemplates(context);
    if (!seeded)
        return seeded.error();
    prepared.seededDemo = seedDemo;
    return prepared;
}

std::optional<core::ConnectionSpec> AppStartup::chooseDatabase(const Options &options,
                                                               bool askAgain)
{
    if (!options.databaseUrl.isEmpty() && !askAgain) {
        auto spec = core::ConnectionSpec::parse(options.databaseUrl);
        if (!spec) {
            m_error = errorText(spec.error());
            return std::nullopt;
        }
        if (spec->dialect != core::Dialect::SQLite) {
            spec->password = qEnvironmentVariable("RETELL_ADMIN_DB_PASSWORD");
            if (spec->password.isEmpty() && options.interactive) {
                bool ok = false;
                spec->password = QInputDialog::getText(
                    nullptr, tr("Database Password"),
                    tr("Password of %1:").arg(databaseTitle(*spec)), QLineEdit::Password, {}, &ok);
                if (!ok)
                    return std::nullopt;
            }
        }
        return spec.value();
    }
    if (!options.interactive) {
        m_error = tr("No database was given.");
        return std::nullopt;
    }
    if (!askAgain && !options.chooseConnection) {
        if (auto last = lastConnection())
            return last;
    }
    ConnectionDialog dialog(m_settings, m_passwords);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.spec();
}

std::optional<core::ConnectionSpec> AppStartup::lastConnection()
{
    if (!m_settings->hasLastProfile())
        return std::nullopt;
    const QString name = m_settings->lastProfile();
    if (name.isEmpty())
        return core::ConnectionSpec::defaultLocal();
    const auto profile = m_settings->recentProfile(name);
    if (!profile)
        return std::nullopt;
    auto spec = core::ConnectionSpec::parse(profile->url());
    if (!spec)
        return std::nullopt;
    spec->password = qEnvironmentVariable("RETELL_ADMIN_DB_PASSWORD");
    if (spec->password.isEmpty()) {
        std::optional<PasswordStore::Answer> answer;
        QEventLoop loop;
        m_passwords->read(profile->keychainKey(), [&](const PasswordStore::Answer &a) {
            answer = a;
            loop.quit();
        });
        if (!answer)
            loop.exec();
        if (answer->outcome != PasswordStore::Outcome::Ok || answer->password.isEmpty())
            return std::nullopt;
        spec->password = answer->password;
    }
    return spec.value();
}

std::optional<PreparedDatabase> AppStartup::prepare(const core::ServiceContext &context,
                                                    bool interactive)
{
    const core::ConnectionSpec &spec = context.spec;
    const bool newLocal = spec.dialect == core::Dialect::SQLite &&
                          spec.path != QLatin1String(":memory:") && !QFileInfo::exists(spec.path);
    std::unique_ptr<QProgressDialog> progress;
    if (interactive) {
        progress = std::make_unique<QProgressDialog>(
            newLocal ? tr("Creating the local database with demo data…")
                     : tr("Opening %1…").arg(databaseTitle(spec)),
            QString(), 0, 0);
        progress->setWindowTitle(tr("Retell Agent Admin"));
        progress->setMinimumDuration(400);
    }
    auto prepared = await(m_worker, [context] { return prepareDatabase(context); });
    progress.reset();
    m_serverUnreachable = false;
    if (!prepared) {
        m_error = errorText(prepared.error());
        // With a replica the app can start offline instead (run() decides).
        m_serverUnreachable = core::isServerLost(prepared.error()) &&
                              spec.dialect != core::Dialect::SQLite &&
                              QFileInfo::exists(core::defaultReplicaPath(spec));
        if (interactive && !m_serverUnreachable)
            QMessageBox::warning(nullptr, tr("Cannot Open the Database"), m_error);
        return std::nullopt;
    }
    return prepared.value();
}

std::shared_ptr<Session> AppStartup::makeSession(const core::ServiceContext &context,
                                                 const core::Actor &actor)
{
    auto session = std::make_shared<Session>(context, actor, m_worker);
    if (context.spec.dialect == core::Dialect::SQLite)
        return session;
    const QString path = core::defaultReplicaPath(context.spec);
    auto replica = await(m_worker, [path] { return core::openReplica(path); });
    // Without a replica the app still works online; it cannot go offline.
    if (replica)
        session->setReplica(replica.value());
    else
        qWarning("No local replica (%s): %s", qPrintable(path),
                 qPrintable(replica.error().message));
    return session;
}

std::shared_ptr<Session> AppStartup::offlineSession(const core::ServiceContext &context,
                                                    const Options &options)
{
    const QString path = core::defaultReplicaPath(context.spec);
    auto replica = await(m_worker, [path] { return core::openReplica(path); });
    if (!replica) {
        m_error = errorText(replica.error());
        return nullptr;
    }
    const auto startOffline = [&](const core::Actor &actor) {
        auto session = std::make_shared<Session>(context, actor, m_worker);
        session->setReplica(replica.value());
        session->setOffline(true);
        return session;
    };
    if (!options.user.isEmpty() && !options.password.isEmpty()) {
        auto actor = await(m_worker, [replica = replica.value(), options] {
            return core::loginOffline(replica, options.user, options.password);
        });
        if (actor)
            return startOffline(actor.value());
        m_error = errorText(actor.error());
        if (!options.interactive)
            return nullptr;
    }
    if (!options.interactive)
        return nullptr;
    LoginDialog login(replica.value(), m_worker);
    login.setOffline(true);
    login.setEmail(options.user.isEmpty() ? m_settings->lastUser() : options.user);
    login.setHint(tr("%1 cannot be reached. Sign in to work offline on your local copy; "
                     "deploys wait in the outbox until the server is back.")
                      .arg(databaseTitle(context.spec)));
    if (login.exec() != QDialog::Accepted)
        return nullptr;
    return startOffline(login.actor());
}

std::shared_ptr<Session> AppStartup::run(const Options &options)
{
    m_error.clear();
    bool askAgain = false;
    for (;;) {
        const auto spec = chooseDatabase(options, askAgain);
        if (!spec)
            return nullptr;
        const core::ServiceContext context{*spec};
        const auto prepared = prepare(context, options.interactive);
        if (!prepared && m_serverUnreachable)
            return offlineSession(context, options);
        if (!prepared) {
            if (!options.interactive)
                return nullptr;
            askAgain = true; // back to the connection dialog
            continue;
        }

        QString loginProblem;
        if (!options.user.isEmpty() && !options.password.isEmpty()) {
            auto actor = await(m_worker, [context, options] {
                return core::AuthService(context).login(options.user, options.password);
            });
            if (actor) {
                m_settings->setLastUser(options.user);
                return makeSession(context, actor.value());
            }
            loginProblem = errorText(actor.error());
            if (!options.interactive) {
                m_error = loginProblem;
                return nullptr;
            }
        } else if (!options.interactive) {
            m_error = tr("No user was given; use --user with RETELL_ADMIN_PASSWORD.");
            return nullptr;
        }

        LoginDialog login(context, m_worker);
        login.setEmail(options.user.isEmpty() ? m_settings->lastUser() : options.user);
        if (prepared->seededDemo)
            login.setHint(tr("A new local database was created with demo companies and users. "
                             "Sign in as <b>%1</b>; the demo accounts' password is in the README "
                             "(<i>%2</i>).")
                              .arg(QString::fromLatin1(core::demo::kSuperAdmin),
                                   QString::fromLatin1(core::demo::kPassword)));
        if (!loginProblem.isEmpty())
            login.setHint(loginProblem);
        if (login.exec() != QDialog::Accepted) {
            if (options.databaseUrl.isEmpty()) {
                askAgain = true; // cancel goes back one step
                continue;
            }
            return nullptr;
        }
        m_settings->setLastUser(login.actor().user.email);
        return makeSession(context, login.actor());
    }
}

} // namespace retell::ui
