#pragma once

// Runs the real retell-admin-cli binary (RETELL_CLI_PATH) in a clean
// environment: database from RETELL_ADMIN_DB, its password (MariaDB) from
// RETELL_ADMIN_DB_PASSWORD, the acting user from RETELL_ADMIN_USER and
// RETELL_ADMIN_PASSWORD, standard input from /dev/null (no terminal).

#include "common/Result.h"
#include "db/ConnectionSpec.h"
#include "seed/Seeder.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace retell::test {

struct CliResult
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;

    QString stdoutText() const { return QString::fromUtf8(out); }
    QString stderrText() const { return QString::fromUtf8(err); }
    QString firstErrorLine() const { return stderrText().section(QLatin1Char('\n'), 0, 0); }
    QJsonDocument json(QString *error = nullptr) const;
    // "exit 4; stderr: ...; stdout: ..." for failure messages.
    QString describe() const;
};

// Who acts: no e-mail means RETELL_ADMIN_USER is not set at all; a null
// password means RETELL_ADMIN_PASSWORD is not set at all.
struct Who
{
    QString email;
    QString password;
};

// How the CLI's standard output is connected (a pipe by default).
struct RunOptions
{
    bool terminal = false; // a pseudo-terminal (isatty() is true); its bytes land in CliResult::out
    QString stdoutFile;    // a file or device, e.g. /dev/full
    QString shellPrefix;   // sh commands run before exec'ing the CLI, e.g. "ulimit -f 4"
    bool unprivileged =
        false; // when the tests run as root: the CLI runs as nobody, so file modes bind
};

class CliRunner
{
public:
    CliRunner() = default;
    explicit CliRunner(const core::ConnectionSpec &spec) : m_spec(spec) {}

    void setSpec(const core::ConnectionSpec &spec) { m_spec = spec; }
    CliResult run(const QStringList &args, const Who &who = {},
                  const QProcessEnvironment &extra = {}, const RunOptions &options = {}) const;
    // With no database configured at all (RETELL_ADMIN_DB unset), as for
    // `diff` on two files.
    CliResult runWithoutDatabase(const QStringList &args) const;

    static Who demoUser(const char *email);
    // On MySQL/MariaDB: creates the least-privilege account of
    // `db-roles --apply` for admin's database (with admin's credentials) and
    // returns the spec that connects as it. The CLI suites act through it.
    static core::Result<core::ConnectionSpec>
    leastPrivilegeAccount(const core::ConnectionSpec &admin);
    // Migrates admin's database and seeds the demo data; returns the spec
    // the CLI acts through (the least-privilege account on a server).
    static core::Result<core::ConnectionSpec> seededDemo(const core::ConnectionSpec &admin);

private:
    core::ConnectionSpec m_spec;
};

// Writes `content` to dir/name (a fatal error when it cannot); returns the path.
QString writeTestFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content);

// The demo accounts the suites act as (Seeder's demo data).
inline const Who kAdmin = CliRunner::demoUser(core::demo::kSuperAdmin);
inline const Who kOwner = CliRunner::demoUser(core::demo::kCompanyAdmin);
inline const Who kEditor = CliRunner::demoUser(core::demo::kBranchEditor);
inline const Who kViewer = CliRunner::demoUser(core::demo::kViewer);

} // namespace retell::test

// A failing command must say so on stderr, in a first line of its own that
// names the program, and print nothing on stdout.
#define RETELL_VERIFY_CLEAN_ERROR(result)                                                          \
    do {                                                                                           \
        QVERIFY2(                                                                                  \
            (result).out.isEmpty(),                                                                \
            qPrintable(QStringLiteral("stdout not empty on an error: ") + (result).describe()));   \
        QVERIFY2(!(result).err.trimmed().isEmpty(),                                                \
                 qPrintable(QStringLiteral("no error message: ") + (result).describe()));          \
        QVERIFY2((result).firstErrorLine().startsWith(QLatin1String("retell-admin-cli: ")),        \
                 qPrintable(QStringLiteral("first stderr line: ") + (result).firstErrorLine()));   \
        QVERIFY2((result).firstErrorLine().size() > 24, qPrintable((result).firstErrorLine()));    \
    } while (false)
