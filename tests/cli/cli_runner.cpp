#include "cli_runner.h"

#include <QJsonParseError>
#include <QProcess>

namespace retell::test {

QJsonDocument CliResult::json(QString *error) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &parseError);
    if (error)
        *error = parseError.error == QJsonParseError::NoError ? QString() : parseError.errorString();
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

CliResult CliRunner::run(const QStringList &args, const Who &who, const QProcessEnvironment &extra) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"RETELL_ADMIN_DB", "RETELL_ADMIN_DB_PASSWORD", "RETELL_ADMIN_USER", "RETELL_ADMIN_PASSWORD"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("RETELL_ADMIN_DB"), m_spec.toUrl());
    if (m_spec.dialect == core::Dialect::MySQL)
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
    p.start(QStringLiteral(RETELL_CLI_PATH), args);
    CliResult r;
    if (!p.waitForStarted(10000)) {
        r.err = "test harness: the CLI did not start: " + p.errorString().toUtf8();
        return r;
    }
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = "test harness: the CLI did not finish within 240 s";
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace retell::test
