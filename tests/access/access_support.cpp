#include "access_support.h"

#include "db/Database.h"
#include "db/Dialect.h"

#include <QDateTime>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>

namespace retell::test {

using namespace retell::core;

QString scalar(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return QStringLiteral("<error: %1>").arg(conn.error().message);
    auto q = Database::exec(conn.value(), sql, bind);
    if (!q)
        return QStringLiteral("<error: %1>").arg(q.error().message);
    if (!q->next())
        return QStringLiteral("<none>");
    return q->value(0).isNull() ? QStringLiteral("<null>") : q->value(0).toString();
}

int count(const ConnectionSpec &spec, const QString &table)
{
    bool ok = false;
    const int n = scalar(spec, QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)).toInt(&ok);
    return ok ? n : -1;
}

namespace {

QString rows(const ConnectionSpec &spec, const QString &sql, int columns)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return QStringLiteral("<error: %1>").arg(conn.error().message);
    auto q = Database::exec(conn.value(), sql);
    if (!q)
        return QStringLiteral("<error: %1>").arg(q.error().message);
    QStringList out;
    while (q->next()) {
        QStringList fields;
        for (int i = 0; i < columns; ++i)
            fields << q->value(i).toString();
        out << fields.join(QLatin1Char('|'));
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace

QString snapshot(const ConnectionSpec &spec)
{
    return QStringLiteral(
               "prompts=%1 grants=%2 templates=%3\n--grants\n%4\n--active\n%5\n--templates\n%6")
        .arg(count(spec, QStringLiteral("retell_agent_prompts")))
        .arg(count(spec, QStringLiteral("retell_admin_grants")))
        .arg(count(spec, QStringLiteral("retell_admin_templates")))
        .arg(rows(spec,
                  QStringLiteral(
                      "SELECT user_id, scope, scope_id, role, granted_by FROM retell_admin_grants "
                      "ORDER BY user_id, scope, scope_id"),
                  5),
             rows(spec,
                  QStringLiteral("SELECT branch_id, version, is_active FROM retell_agent_prompts "
                                 "ORDER BY branch_id, version"),
                  3),
             rows(spec,
                  QStringLiteral("SELECT id, name, company_id, created_by, description, "
                                 "prompt_content, functions_config "
                                 "FROM retell_admin_templates ORDER BY id"),
                  7));
}

QString execute(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return conn.error().message;
    auto q = Database::exec(conn.value(), sql, bind);
    return q ? QString() : q.error().message + QLatin1Char(' ') + q.error().detail;
}

qint64 insertUser(const ConnectionSpec &spec, const QString &email, const QString &name,
                  const QByteArray &passwordHash)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return 0;
    const QString now = toSqlTimestamp(QDateTime::currentDateTimeUtc());
    auto q = insertReturningId(
        conn.value(),
        QStringLiteral("INSERT INTO users (name, email, email_verified_at, password, created_at, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {name, email, now, QString::fromLatin1(passwordHash), now, now});
    if (!q) {
        qWarning("insertUser(%s) failed: %s", qPrintable(email),
                 qPrintable(q.error().message + q.error().detail));
        return 0;
    }
    return q.value();
}

QString companyIdByName(const ConnectionSpec &spec, const QString &name)
{
    return scalar(spec, QStringLiteral("SELECT id FROM companies WHERE name = ?"), {name});
}

QString errorKindName(ErrorKind k)
{
    switch (k) {
    case ErrorKind::Usage:
        return QStringLiteral("Usage");
    case ErrorKind::Validation:
        return QStringLiteral("Validation");
    case ErrorKind::Authentication:
        return QStringLiteral("Authentication");
    case ErrorKind::Permission:
        return QStringLiteral("Permission");
    case ErrorKind::NotFound:
        return QStringLiteral("NotFound");
    case ErrorKind::Conflict:
        return QStringLiteral("Conflict");
    case ErrorKind::Unchanged:
        return QStringLiteral("Unchanged");
    case ErrorKind::Database:
        return QStringLiteral("Database");
    case ErrorKind::Io:
        return QStringLiteral("Io");
    case ErrorKind::Remote:
        return QStringLiteral("Remote");
    }
    return QStringLiteral("?");
}

QString runTool(const QString &program, const QStringList &arguments, QString *error)
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, arguments);
    if (!p.waitForStarted(10000)) {
        *error = QStringLiteral("%1 did not start: %2").arg(program, p.errorString());
        return {};
    }
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 failed (exit %2): %3")
                     .arg(program)
                     .arg(p.exitCode())
                     .arg(QString::fromLocal8Bit(p.readAllStandardError()));
        return {};
    }
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}

} // namespace retell::test
