#include "CrashSupport.h"

#include "db/Database.h"

#include <QDeadlineTimer>
#include <QSqlError>
#include <QSqlQuery>

namespace retell::test {

using namespace retell::core;

CrashWorker::CrashWorker(const ConnectionSpec &spec, const QString &branchId, int count,
                         int pauseAt, const QString &tag)
    : CrashWorker(QStringLiteral(CRASH_WORKER_PATH),
                  {spec.toUrl(), branchId, QString::number(count), QString::number(pauseAt), tag},
                  spec.password)
{
}

CrashWorker::CrashWorker(const QString &program, const QStringList &args, const QString &password)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RETELL_ADMIN_DB_PASSWORD"), password);
    m_process.setProcessEnvironment(env);
    m_process.start(program, args);
}

void CrashWorker::readLines()
{
    while (m_process.canReadLine()) {
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        m_lines << line;
        if (line.startsWith(QLatin1String("ok ")))
            m_acknowledged.insert(line.section(QLatin1Char(' '), 1, 1));
    }
}

bool CrashWorker::waitForLine(const QString &prefix, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        readLines();
        // Only lines no earlier call has looked at: an old "ok" line must
        // not answer a wait for the next one.
        while (m_seen < m_lines.size()) {
            if (m_lines.at(m_seen++).startsWith(prefix))
                return true;
        }
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning)
            return false;
        m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
}

void CrashWorker::kill()
{
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(30000);
    readLines();
}

bool CrashWorker::waitForExit(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        m_process.waitForReadyRead(100);
        readLines();
    }
    const bool done = m_process.waitForFinished(0) || m_process.state() == QProcess::NotRunning;
    readLines();
    return done;
}

QString checkHistory(const ConnectionSpec &spec, const QString &branchId,
                     const QSet<QString> &acknowledged, const QSet<QString> &neverCommitted,
                     int *versions)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return conn.error().message;
    QSqlDatabase db = conn.value();
    {
        QSqlQuery check(db);
        // SQLite and MariaDB check the table and its indexes; PostgreSQL has
        // no such statement for an ordinary account (amcheck needs a
        // superuser), so every row of the table is read back instead.
        const bool mysql = spec.dialect == Dialect::MySQL;
        const QString sql = spec.dialect == Dialect::SQLite
                                ? QStringLiteral("PRAGMA integrity_check")
                            : mysql ? QStringLiteral("CHECK TABLE retell_agent_prompts")
                                    : QStringLiteral("SELECT CASE WHEN COUNT(prompt_content) >= 0 "
                                                     "THEN 'ok' END FROM retell_agent_prompts");
        if (!check.exec(sql))
            return QStringLiteral("integrity check failed to run: %1")
                .arg(check.lastError().text());
        QString verdict;
        while (check.next())
            verdict = check.value(mysql ? 3 : 0).toString();
        if (verdict.compare(QLatin1String("ok"), Qt::CaseInsensitive) != 0)
            return QStringLiteral("integrity check says: %1").arg(verdict);
    }
    auto rows = Database::exec(
        db,
        QStringLiteral("SELECT version, is_active, deployment_notes FROM retell_agent_prompts "
                       "WHERE branch_id = ? AND is_template = FALSE ORDER BY version"),
        {branchId});
    if (!rows)
        return rows.error().message;
    int expected = 1;
    int active = 0;
    int activeVersion = -1;
    QSet<QString> notes;
    while (rows->next()) {
        const int version = rows->value(0).toInt();
        if (version != expected)
            return QStringLiteral("version %1 follows %2").arg(version).arg(expected - 1);
        ++expected;
        if (rows->value(1).toInt() == 1) {
            ++active;
            activeVersion = version;
        }
        const QString note = rows->value(2).toString();
        if (notes.contains(note))
            return QStringLiteral("deploy %1 stored twice").arg(note);
        notes.insert(note);
    }
    Database::releaseStatements();
    const int count = expected - 1;
    if (versions)
        *versions = count;
    if (count > 0 && active != 1)
        return QStringLiteral("%1 active versions").arg(active);
    if (count > 0 && activeVersion != count)
        return QStringLiteral("version %1 is active, not the newest (%2)")
            .arg(activeVersion)
            .arg(count);
    for (const QString &note : acknowledged) {
        if (!notes.contains(note))
            return QStringLiteral("acknowledged deploy %1 is missing").arg(note);
    }
    for (const QString &note : neverCommitted) {
        if (notes.contains(note))
            return QStringLiteral("deploy %1 was killed before its commit but is stored").arg(note);
    }
    return {};
}

} // namespace retell::test
