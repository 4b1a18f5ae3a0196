#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QStringList>

#include <functional>
#include <limits>

namespace retell::cli {

// Documented exit codes (README "Exit codes").
enum ExitCode
{
    ExitOk = 0,
    ExitDifferent = 1, // diff: inputs differ (like GNU diff); merge: conflicts left (like diff3 -m)
    ExitUsage = 2,
    ExitValidation = 3,
    ExitAuth = 4, // authentication or permission
    ExitNotFound = 5,
    ExitConflict = 6,
    ExitDatabase = 7,
    ExitIo = 8,
    ExitUnchanged = 9, // deploy/rollback: content equals the active version
    ExitRemote = 10,   // Retell's API failed or refused (publish, live, link)
};

// Options of one subcommand: positionals plus --name VALUE / --flag.
class Args final
{
public:
    // valued: options taking a value; flags: options without one.
    static core::Result<Args> parse(const QStringList &argv, const QStringList &valued,
                                    const QStringList &flags);
    QString value(const QString &name, const QString &fallback = {}) const
    {
        return m_values.value(name, fallback);
    }
    bool has(const QString &name) const
    {
        return m_values.contains(name) || m_flags.contains(name);
    }
    const QStringList &positionals() const { return m_positionals; }
    core::Result<QString> required(const QString &name, const QString &what) const;
    // --name N within [min, max] (a usage error naming the range otherwise).
    core::Result<int> integer(const QString &name, int fallback,
                              int min = std::numeric_limits<int>::min(),
                              int max = std::numeric_limits<int>::max()) const;

private:
    QMap<QString, QString> m_values;
    QStringList m_flags;
    QStringList m_positionals;
};

// What every command gets: where the data is, who acts, how to print.
class Cli final
{
public:
    core::ServiceContext context;
    QString userEmail;
    bool json = false;
    bool verbose = false;
    // Offline work (issue 12): --offline reads and queues on the local
    // replica only, never contacting the server; --replica PATH says where
    // the replica is (default: defaultReplicaPath(server)).
    bool offline = false;
    QString replicaPath;
    core::ConnectionSpec server; // the shared database (--db), also while context is the replica

    // Where the replica of `server` is.
    QString replicaLocation() const;
    // The replica opened (private, migrated). mustExist: a NotFound saying
    // to sync first when there is none yet, instead of creating an empty one.
    core::Result<core::ServiceContext> openReplica(bool mustExist) const;
    // The replica and its user, logged in offline (no server needed).
    core::Result<core::Actor> loginToReplica();

    // Database spec with the password filled in from the environment or a prompt.
    core::Result<void> prepareDatabase();
    // prepareDatabase, then verifies the schema is migrated and not newer
    // than this build: what every command that reads the database needs.
    core::Result<void> openDatabase();
    // Logs the acting user in (password from RETELL_ADMIN_PASSWORD or a prompt).
    core::Result<core::Actor> login() const { return loginTo(context); }
    // The same against another database (a replica: an offline login).
    core::Result<core::Actor> loginTo(const core::ServiceContext &where) const;
    // openDatabase + login: what most commands start with.
    core::Result<core::Actor> authenticate();

    int fail(const core::Error &error) const;
    // stdout, one line. On a terminal, control characters in it (escape
    // sequences, carriage returns, bidi overrides) are shown escaped, as
    // \x1b or \u202e: database content cannot drive the terminal. Pipes and
    // files get the exact text; so does --json (JSON escapes them itself).
    void print(const QString &text) const;
    // A one-line field inside a printed line (notes, names): on a terminal its
    // line breaks are escaped too, so it cannot fake further lines.
    QString field(const QString &text) const;
    static bool stdoutIsTerminal();
    static QString escapeControls(const QString &text, bool keepLineBreaks);
    void printJson(const QJsonValue &value) const; // stdout
    // CSV records (CRLF-terminated) to stdout as they are; on a terminal one
    // line per record, with control characters escaped as print() does.
    void printCsv(const QString &csv) const;
    // A file, a pipe, a device or standard input ("-"), read up to maxBytes:
    // anything longer is refused with a sentence, never cut or read forever.
    static constexpr qint64 kMaxInputBytes = 16 * 1024 * 1024;
    static core::Result<QByteArray> readFile(const QString &path, qint64 maxBytes = kMaxInputBytes);
    // Replaces path with data or leaves it as it was: a temporary file in
    // the same folder, written, flushed to disk, renamed over path. Refuses a
    // path that exists and is not a regular file (a device, a folder, a pipe).
    static core::Result<void> writeFileAtomically(const QString &path, const QByteArray &data);
    // After the command: what it printed reached standard output (a full
    // disk, a closed pipe), else an error (exit 8).
    static core::Result<void> flushStandardOutput();
    // A text file that must be valid UTF-8 (prompts, tools configs).
    static core::Result<QString> readText(const QString &path, const QString &what);
    static int exitCodeFor(core::ErrorKind kind);
    static QString promptSecret(const QString &question); // empty when no terminal
    // A secret from the environment variable, else from a prompt; an error
    // naming the variable when there is neither.
    static core::Result<QString> secret(const char *variable, const QString &question);
};

// JSON forms of the domain types for --json output.
QJsonObject toJson(const core::Branch &branch);
QJsonObject toJson(const core::VersionSummary &summary);
QJsonObject toJson(const core::PromptVersion &version, bool withContent = true);
QJsonObject toJson(const core::Template &tmpl, bool withContent = false);
QJsonObject toJson(const core::Grant &grant);
QJsonArray findingsToJson(const QList<core::Finding> &findings);
QString formatFinding(const core::Finding &finding);

// Prints a list as a JSON array (the --json form of list commands).
template <typename T> void printJsonList(const Cli &cli, const QList<T> &items)
{
    QJsonArray out;
    for (const T &item : items)
        out << toJson(item);
    cli.printJson(out);
}

using Command = std::function<int(Cli &, const QStringList &)>;

// Registries implemented in the Commands*.cpp files.
void registerDataCommands(QMap<QString, Command> &commands);
void registerBrowseCommands(QMap<QString, Command> &commands);
void registerDeployCommands(QMap<QString, Command> &commands);
void registerAccessCommands(QMap<QString, Command> &commands);
void registerDiffCommands(QMap<QString, Command> &commands);
void registerMergeCommands(QMap<QString, Command> &commands);
void registerSecurityCommands(QMap<QString, Command> &commands);
void registerTemplateCommands(QMap<QString, Command> &commands);
void registerOfflineCommands(QMap<QString, Command> &commands);
void registerRolloutCommands(QMap<QString, Command> &commands);
void registerFleetCommands(QMap<QString, Command> &commands);
void registerAuditCommands(QMap<QString, Command> &commands);
void registerRetellCommands(QMap<QString, Command> &commands);

} // namespace retell::cli
