#include "cli_runner.h"

#include "TestDatabase.h"
#include "db/Migrator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonParseError>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <grp.h>
#include <pty.h>
#include <thread>
#include <unistd.h>

namespace retell::test {

QJsonDocument CliResult::json(QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
    if (error)
        *error =
            parseError.error == QJsonParseError::NoError ? QString() : parseError.errorString();
    return doc;
}

QString CliResult::describe() const
{
    return QStringLiteral("exit %1%2; stderr: %3; stdout: %4")
        .arg(exitCode)
        .arg(crashed ? QStringLiteral(" (crashed)") : QString())
        .arg(QString::fromUtf8(err.left(2000)), QString::fromUtf8(out.left(2000)));
}

Who CliRunner::demoUser(const char *email)
{
    return Who{QString::fromLatin1(email), QStringLiteral("demo-password")};
}

core::Result<core::ConnectionSpec>
CliRunner::leastPrivilegeAccount(const core::ConnectionSpec &admin)
{
    const QString account = QStringLiteral("app_%1").arg(QString::fromLatin1(
        QCryptographicHash::hash(admin.database.toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(12)));
    const QString password =
        QStringLiteral("least-privilege-%1").arg(QRandomGenerator::global()->generate());
    QProcessEnvironment env;
    env.insert(QStringLiteral("RETELL_ADMIN_APP_DB_PASSWORD"), password);
    QStringList args = {QStringLiteral("db-roles"), QStringLiteral("--account"), account,
                        QStringLiteral("--apply")};
    if (admin.dialect == core::Dialect::PostgreSQL)
        args << QStringLiteral("--dialect") << QStringLiteral("pgsql");
    else
        args << QStringLiteral("--dialect") << QStringLiteral("mysql")
             << QStringLiteral("--account-host") << admin.host;
    const CliResult r = CliRunner(admin).run(args, {}, env);
    if (r.exitCode != 0)
        return core::Error::database(QStringLiteral("db-roles --apply failed: ") + r.describe());
    core::ConnectionSpec app = admin;
    app.user = account;
    app.password = password;
    return app;
}

core::Result<core::ConnectionSpec> CliRunner::seededDemo(const core::ConnectionSpec &admin)
{
    if (auto migrated = core::Migrator::migrate(admin); !migrated)
        return migrated.error();
    if (auto seeded = core::Seeder::seedDemo(core::ServiceContext{admin}); !seeded)
        return seeded.error();
    return TestDatabase::isServer() ? leastPrivilegeAccount(admin) : admin;
}

QString writeTestFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The build tree may lie below a folder that nobody may enter (/root, where
// a CI checkout can live): the unprivileged runs execute a copy in /tmp.
static QString cliReachableByAnyone()
{
    static QTemporaryDir dir;
    static const QString path = [] {
        const auto everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                              QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                              QFileDevice::ExeGroup | QFileDevice::ReadOther |
                              QFileDevice::ExeOther;
        const QString copy = dir.filePath(QStringLiteral("retell-admin-cli"));
        if (!dir.isValid() || !QFile::setPermissions(dir.path(), everyone) ||
            !QFile::copy(QStringLiteral(RETELL_CLI_PATH), copy) ||
            !QFile::setPermissions(copy, everyone))
            qFatal("cannot place a copy of retell-admin-cli where nobody can run it");
        return copy;
    }();
    return path;
}

CliResult CliRunner::runWithoutDatabase(const QStringList &args) const
{
    QProcessEnvironment noDatabase;
    noDatabase.insert(QStringLiteral("RETELL_ADMIN_DB"), QStringLiteral("<unset>"));
    return run(args, {}, noDatabase);
}

CliResult CliRunner::run(const QStringList &args, const Who &who, const QProcessEnvironment &extra,
                         const RunOptions &options) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"RETELL_ADMIN_DB", "RETELL_ADMIN_DB_PASSWORD", "RETELL_ADMIN_USER",
                             "RETELL_ADMIN_PASSWORD"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("RETELL_ADMIN_DB"), m_spec.toUrl());
    if (m_spec.dialect != core::Dialect::SQLite)
        env.insert(QStringLiteral("RETELL_ADMIN_DB_PASSWORD"), m_spec.password);
    if (!who.email.isEmpty())
        env.insert(QStringLiteral("RETELL_ADMIN_USER"), who.email);
    if (!who.password.isNull())
        env.insert(QStringLiteral("RETELL_ADMIN_PASSWORD"), who.password);
    const QStringList extraKeys = extra.keys();
    for (const QString &key : extraKeys) {
        if (extra.value(key) == QLatin1String("<unset>"))
            env.remove(key);
        else
            env.insert(key, extra.value(key));
    }

    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    if (!options.stdoutFile.isEmpty())
        p.setStandardOutputFile(options.stdoutFile);
    // A pseudo-terminal as standard output: the child gets the slave side,
    // a thread here drains the master side until the child is gone.
    int master = -1;
    int slave = -1;
    QByteArray terminalBytes;
    std::thread drain;
    if (options.terminal && ::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0)
        qFatal("openpty failed");
    const bool dropRoot = options.unprivileged && ::geteuid() == 0;
    p.setChildProcessModifier([master, slave, dropRoot] {
        if (slave >= 0) {
            ::dup2(slave, STDOUT_FILENO);
            ::close(slave);
            ::close(master);
        }
        if (dropRoot &&
            (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(126);
    });
    QString program = dropRoot ? cliReachableByAnyone() : QStringLiteral(RETELL_CLI_PATH);
    QStringList arguments = args;
    if (!options.shellPrefix.isEmpty()) {
        arguments =
            QStringList{QStringLiteral("-c"),
                        options.shellPrefix + QStringLiteral("; exec \"$0\" \"$@\""), program} +
            args;
        program = QStringLiteral("/bin/sh");
    }
    p.start(program, arguments);
    CliResult r;
    if (options.terminal) {
        ::close(slave);
        drain = std::thread([master, &terminalBytes] {
            char buffer[4096];
            for (;;) {
                const ssize_t n = ::read(master, buffer, sizeof buffer);
                if (n <= 0)
                    break; // EIO once the child has closed the terminal
                terminalBytes.append(buffer, n);
            }
        });
    }
    const auto finish = [&] {
        if (drain.joinable())
            drain.join();
        if (master >= 0)
            ::close(master);
        // The terminal turns each "\n" into "\r\n".
        if (options.terminal)
            r.out = terminalBytes.replace("\r\n", "\n");
    };
    if (!p.waitForStarted(10000)) {
        r.err = "test harness: the CLI did not start: " + p.errorString().toUtf8();
        p.kill();
        finish();
        return r;
    }
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished(5000);
        finish();
        r.err = "test harness: the CLI did not finish within 240 s";
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    finish();
    return r;
}

} // namespace retell::test
