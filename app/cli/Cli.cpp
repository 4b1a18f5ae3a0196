#include "Cli.h"

#include "access/AuthService.h"
#include "db/Migrator.h"
#include "offline/Replica.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringDecoder>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace retell::cli {

using namespace retell::core;

Result<Args> Args::parse(const QStringList &argv, const QStringList &valued,
                         const QStringList &flags)
{
    Args args;
    for (qsizetype i = 0; i < argv.size(); ++i) {
        const QString &a = argv[i];
        if (a == QLatin1String("--")) {
            args.m_positionals << argv.mid(i + 1);
            break;
        }
        if (a.startsWith(QLatin1String("--")) && a.size() > 2) {
            QString name = a.mid(2);
            QString inlineValue;
            const qsizetype eq = name.indexOf(QLatin1Char('='));
            const bool hasInline = eq > 0;
            if (hasInline) {
                inlineValue = name.mid(eq + 1);
                name = name.left(eq);
            }
            if (valued.contains(name)) {
                if (hasInline) {
                    args.m_values.insert(name, inlineValue);
                } else {
                    if (i + 1 >= argv.size())
                        return Error::usage(QStringLiteral("--%1 needs a value.").arg(name));
                    args.m_values.insert(name, argv[++i]);
                }
            } else if (flags.contains(name) && !hasInline) {
                args.m_flags << name;
            } else {
                return Error::usage(QStringLiteral("Unknown option --%1.").arg(name));
            }
            continue;
        }
        args.m_positionals << a;
    }
    return args;
}

Result<QString> Args::required(const QString &name, const QString &what) const
{
    const QString v = m_values.value(name);
    if (v.isEmpty())
        return Error::usage(QStringLiteral("--%1 is required (%2).").arg(name, what));
    return v;
}

Result<int> Args::integer(const QString &name, int fallback, int min, int max) const
{
    if (!m_values.contains(name))
        return fallback;
    bool ok = false;
    const QString text = m_values.value(name);
    const qlonglong v = text.toLongLong(&ok);
    if (!ok || v < min || v > max) {
        if (min == std::numeric_limits<int>::min() && max == std::numeric_limits<int>::max())
            return Error::usage(
                QStringLiteral("--%1 takes a whole number, not \"%2\".").arg(name, text));
        if (max == std::numeric_limits<int>::max())
            return Error::usage(
                QStringLiteral("--%1 takes a whole number of at least %2, not \"%3\".")
                    .arg(name)
                    .arg(min)
                    .arg(text));
        return Error::usage(QStringLiteral("--%1 takes a whole number from %2 to %3, not \"%4\".")
                                .arg(name)
                                .arg(min)
                                .arg(max)
                                .arg(text));
    }
    return int(v);
}

QString Cli::promptSecret(const QString &question)
{
    if (!isatty(STDIN_FILENO))
        return {};
    std::fprintf(stderr, "%s", qPrintable(question));
    std::fflush(stderr);
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    char buffer[1024] = {};
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fprintf(stderr, "\n");
    if (!read)
        return {};
    QString answer = QString::fromLocal8Bit(buffer);
    while (answer.endsWith(QLatin1Char('\n')) || answer.endsWith(QLatin1Char('\r')))
        answer.chop(1);
    return answer;
}

Result<QString> Cli::secret(const char *variable, const QString &question)
{
    if (qEnvironmentVariableIsSet(variable))
        return qEnvironmentVariable(variable);
    const QString answer = promptSecret(question);
    if (answer.isEmpty() && !isatty(STDIN_FILENO))
        return Error{ErrorKind::Authentication,
                     QStringLiteral("No password: set %1 or run on a terminal.")
                         .arg(QString::fromLatin1(variable)),
                     {}};
    return answer;
}

Result<void> Cli::prepareDatabase()
{
    if (context.spec.dialect == Dialect::SQLite || !context.spec.password.isEmpty())
        return {};
    auto password =
        secret("RETELL_ADMIN_DB_PASSWORD",
               QStringLiteral("Database password for %1: ").arg(context.spec.displayName()));
    if (!password)
        return password.error();
    context.spec.password = password.value();
    return {};
}

QString Cli::replicaLocation() const
{
    return replicaPath.isEmpty() ? defaultReplicaPath(server) : replicaPath;
}

Result<ServiceContext> Cli::openReplica(bool mustExist) const
{
    const QString path = replicaLocation();
    if (mustExist && !QFileInfo::exists(path))
        return Error::notFound(
            QStringLiteral("There is no local replica of %1 at %2 yet; run sync while the server "
                           "is reachable.")
                .arg(server.displayName(), path));
    return core::openReplica(path);
}

Result<Actor> Cli::loginToReplica()
{
    auto replica = openReplica(true);
    if (!replica)
        return replica.error();
    context = replica.value();
    return login();
}

Result<void> Cli::openDatabase()
{
    if (offline) {
        // The replica only: the server is never contacted, not even for a password.
        auto replica = openReplica(true);
        if (!replica)
            return replica.error();
        context = replica.value();
        return {};
    }
    if (auto r = prepareDatabase(); !r)
        return r;
    if (auto version = Migrator::check(context.spec); !version) {
        Error e = version.error();
        if (e.code == QLatin1String("db.unreachable") && QFileInfo::exists(replicaLocation()))
            e.message += QStringLiteral(" To work on the local replica instead, add --offline.");
        return e;
    }
    return {};
}

Result<Actor> Cli::loginTo(const ServiceContext &where) const
{
    if (userEmail.isEmpty())
        return Error{ErrorKind::Authentication,
                     QStringLiteral("Say who you are with --user EMAIL or RETELL_ADMIN_USER."),
                     {}};
    auto password =
        secret("RETELL_ADMIN_PASSWORD", QStringLiteral("Password for %1: ").arg(userEmail));
    if (!password)
        return password.error();
    return AuthService(where).login(userEmail, password.value());
}

Result<Actor> Cli::authenticate()
{
    if (auto r = openDatabase(); !r)
        return r.error();
    return login();
}

int Cli::exitCodeFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage:
        return ExitUsage;
    case ErrorKind::Validation:
        return ExitValidation;
    case ErrorKind::Authentication:
    case ErrorKind::Permission:
        return ExitAuth;
    case ErrorKind::NotFound:
        return ExitNotFound;
    case ErrorKind::Conflict:
        return ExitConflict;
    case ErrorKind::Unchanged:
        return ExitUnchanged;
    case ErrorKind::Database:
        return ExitDatabase;
    case ErrorKind::Io:
        return ExitIo;
    case ErrorKind::Remote:
        return ExitRemote;
    }
    return ExitDatabase;
}

int Cli::fail(const Error &error) const
{
    // The message may quote input (a branch name, a file's text): on a
    // terminal it cannot drive it either.
    const bool terminal = isatty(STDERR_FILENO) == 1;
    std::fprintf(stderr, "retell-admin-cli: %s\n",
                 qPrintable(terminal ? escapeControls(error.message, false) : error.message));
    if (verbose && !error.detail.isEmpty())
        std::fprintf(stderr, "  detail: %s\n", qPrintable(error.detail));
    for (const Finding &f : error.findings) {
        if (f.isError() || verbose)
            std::fprintf(stderr, "  %s\n", qPrintable(formatFinding(f)));
    }
    return exitCodeFor(error.kind);
}

bool Cli::stdoutIsTerminal()
{
    static const bool terminal = isatty(STDOUT_FILENO) == 1;
    return terminal;
}

QString Cli::escapeControls(const QString &text, bool keepLineBreaks)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool lineBreak = u == u'\n' || u == u'\t';
        const bool control = u < 0x20 || (u >= 0x7f && u <= 0x9f) || (u >= 0x202a && u <= 0x202e) ||
                             (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f ||
                             u == 0x061c;
        if (!control || (keepLineBreaks && lineBreak))
            out += c;
        else if (u < 0x100)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    return out;
}

QString Cli::field(const QString &text) const
{
    return stdoutIsTerminal() ? escapeControls(text, false) : text;
}

void Cli::print(const QString &text) const
{
    const QString shown = stdoutIsTerminal() ? escapeControls(text, true) : text;
    std::fputs(shown.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
}

void Cli::printJson(const QJsonValue &value) const
{
    QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    std::fputs(doc.toJson(QJsonDocument::Indented).constData(), stdout);
}

void Cli::printCsv(const QString &csv) const
{
    if (!stdoutIsTerminal()) {
        std::fputs(csv.toUtf8().constData(), stdout);
        return;
    }
    QString lines = csv;
    lines.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    std::fputs(escapeControls(lines, true).toUtf8().constData(), stdout);
}

Result<QByteArray> Cli::readFile(const QString &path, qint64 maxBytes)
{
    const bool standardInput = path == QLatin1String("-");
    const QString name =
        standardInput ? QStringLiteral("Standard input") : QStringLiteral("The file %1").arg(path);
    QFile file(path);
    if (standardInput) {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return Error::io(QStringLiteral("Cannot read standard input."));
    } else {
        if (!QFileInfo::exists(path))
            return Error::io(QStringLiteral("The file %1 does not exist.").arg(path));
        if (QFileInfo(path).isDir())
            return Error::io(QStringLiteral("%1 is a folder, not a file.").arg(path));
        if (!file.open(QIODevice::ReadOnly))
            return Error::io(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    }
    // Pipes and devices (/dev/zero) report no size: read in bounded steps.
    QByteArray data;
    char chunk[64 * 1024];
    for (;;) {
        const qint64 n = file.read(chunk, sizeof chunk);
        if (n < 0)
            return Error::io(QStringLiteral("Cannot read %1: %2.")
                                 .arg(standardInput ? QStringLiteral("standard input") : path,
                                      file.errorString()));
        if (n == 0)
            break;
        if (data.size() + n > maxBytes)
            return Error::usage(
                QStringLiteral(
                    "%1 is larger than %2 MB, more than any prompt or configuration needs.")
                    .arg(name)
                    .arg(maxBytes / (1024 * 1024)));
        data.append(chunk, n);
    }
    return data;
}

Result<void> Cli::writeFileAtomically(const QString &path, const QByteArray &data)
{
    struct stat info
    {
    };
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &info) == 0 && !S_ISREG(info.st_mode))
        return Error::io(QStringLiteral("%1 is not a regular file; it was left untouched (write to "
                                        "standard output instead).")
                             .arg(path));
    QSaveFile file(path); // commit() fsyncs the temporary file, then renames it
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    errno = 0;
    if (file.write(data) != data.size() || !file.commit()) {
        const int error = errno;
        const QString reason =
            error != 0 ? QString::fromLocal8Bit(std::strerror(error)) : file.errorString();
        file.cancelWriting();
        return Error::io(QStringLiteral("Cannot write %1: %2; the previous file is unchanged.")
                             .arg(path, reason));
    }
    return {};
}

Result<void> Cli::flushStandardOutput()
{
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return {};
    const int error = errno;
    return Error::io(QStringLiteral("Cannot write to standard output: %1.")
                         .arg(error ? QString::fromLocal8Bit(std::strerror(error))
                                    : QStringLiteral("write error")));
}

Result<QString> Cli::readText(const QString &path, const QString &what)
{
    auto bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes.value());
    if (decoder.hasError())
        return Error::usage(
            QStringLiteral("The %1 file %2 is not valid UTF-8 text.").arg(what, path));
    return text;
}

} // namespace retell::cli
