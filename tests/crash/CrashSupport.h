#pragma once

// Shared by the crash tests: runs crash_worker and checks a branch's history
// after a kill.
#include "db/ConnectionSpec.h"

#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace retell::test {

// A crash_worker process deploying to one branch; collects what it reports.
class CrashWorker final
{
public:
    CrashWorker(const core::ConnectionSpec &spec, const QString &branchId, int count, int pauseAt,
                const QString &tag);
    // Another worker program (offline_worker), the DB password in its environment.
    CrashWorker(const QString &program, const QStringList &args, const QString &password);
    // Reads output until a line not seen by an earlier call starts with
    // `prefix` (true) or the process ends or timeoutMs pass (false).
    bool waitForLine(const QString &prefix, int timeoutMs);
    void kill();
    void send(const QByteArray &line)
    {
        m_process.write(line);
        m_process.waitForBytesWritten(10000);
    }
    QStringList lines() const { return m_lines; }
    bool waitForExit(int timeoutMs);
    int exitCode() const { return m_process.exitCode(); }
    QSet<QString> acknowledged() const { return m_acknowledged; } // notes of "ok" lines
    int okCount() const { return int(m_acknowledged.size()); }
    QString output() const
    {
        return m_lines.join(QLatin1Char('\n')) +
               QString::fromUtf8(m_process.readAllStandardError());
    }

private:
    void readLines();

    mutable QProcess m_process;
    QStringList m_lines;
    qsizetype m_seen = 0; // lines waitForLine has looked at
    QSet<QString> m_acknowledged;
};

// Checks the branch's versions after a kill: the table passes the
// database's integrity check, versions run 1..N without gaps, exactly one is
// active (the newest), every acknowledged deploy is present and none of
// `neverCommitted` is. Returns an empty string or what is wrong.
QString checkHistory(const core::ConnectionSpec &spec, const QString &branchId,
                     const QSet<QString> &acknowledged, const QSet<QString> &neverCommitted,
                     int *versions = nullptr);

} // namespace retell::test
