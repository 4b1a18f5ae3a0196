#include "db/ConnectionOptions.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <iterator>

namespace retell::core {

namespace {

enum class OptionKind
{
    Seconds,
    Path,
    Cipher,
    Boolean,
    SslMode
};

// Which URLs take an option.
enum OptionDialects
{
    MySql = 1,
    PgSql = 2,
    Both = MySql | PgSql
};

struct KnownOption
{
    const char *name;
    OptionKind kind;
    int dialects;
    bool tls; // naming it asks for TLS
};

constexpr KnownOption kKnownOptions[] = {
    {"ssl_ca", OptionKind::Path, MySql, true},
    {"ssl_capath", OptionKind::Path, MySql, true},
    {"ssl_cert", OptionKind::Path, MySql, true},
    {"ssl_key", OptionKind::Path, MySql, true},
    {"ssl_cipher", OptionKind::Cipher, MySql, true},
    {"ssl_verify_host", OptionKind::Boolean, MySql, true},
    {"sslmode", OptionKind::SslMode, PgSql, true},
    {"sslrootcert", OptionKind::Path, PgSql, true},
    {"sslcert", OptionKind::Path, PgSql, true},
    {"sslkey", OptionKind::Path, PgSql, true},
    {"connect_timeout", OptionKind::Seconds, Both, false},
    {"read_timeout", OptionKind::Seconds, MySql, false},
    {"write_timeout", OptionKind::Seconds, MySql, false},
};

int dialectBit(const ConnectionSpec &spec)
{
    return spec.dialect == Dialect::PostgreSQL ? PgSql : MySql;
}

QString knownOptionNames(const ConnectionSpec &spec)
{
    QStringList names;
    for (const KnownOption &o : kKnownOptions)
        if (o.dialects & dialectBit(spec))
            names << QString::fromLatin1(o.name);
    return names.join(QStringLiteral(", "));
}

// The driver receives all options as one "A=x;B=y" string without any
// escaping, so a value must never carry a separator or a control character.
Result<void> checkOptionValue(const KnownOption &option, const QString &value)
{
    const QString name = QString::fromLatin1(option.name);
    if (value.isEmpty())
        return Error::usage(QStringLiteral("The database URL option %1 has no value.").arg(name));
    for (const QChar c : value) {
        if (c == QLatin1Char(';') || c.category() == QChar::Other_Control ||
            c.category() == QChar::Other_Format)
            return Error::usage(
                QStringLiteral(
                    "The database URL option %1 contains a \";\" or a control character.")
                    .arg(name));
    }
    switch (option.kind) {
    case OptionKind::Seconds: {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,4}$"));
        const int seconds = value.toInt();
        if (!digits.match(value).hasMatch() || seconds < 1 || seconds > 3600)
            return Error::usage(QStringLiteral("The database URL option %1 takes a number of "
                                               "seconds from 1 to 3600, not \"%2\".")
                                    .arg(name, value));
        break;
    }
    case OptionKind::Cipher: {
        static const QRegularExpression cipher(QStringLiteral("^[A-Za-z0-9_:+!.@-]+$"));
        if (!cipher.match(value).hasMatch())
            return Error::usage(QStringLiteral("The database URL option ssl_cipher takes cipher "
                                               "names separated by \":\", not \"%1\".")
                                    .arg(value));
        break;
    }
    case OptionKind::Boolean:
        if (value != QLatin1String("true") && value != QLatin1String("false"))
            return Error::usage(
                QStringLiteral("The database URL option %1 takes true or false, not \"%2\".")
                    .arg(name, value));
        break;
    case OptionKind::SslMode:
        // TLS or no connection: only the modes that insist on TLS.
        if (value != QLatin1String("verify-full") && value != QLatin1String("verify-ca") &&
            value != QLatin1String("require"))
            return Error::usage(QStringLiteral("The database URL option sslmode takes verify-full, "
                                               "verify-ca or require, not \"%1\".")
                                    .arg(value));
        break;
    case OptionKind::Path:
        // PostgreSQL's conninfo quotes paths with '...': no quote may end it.
        if (value.contains(QLatin1Char('\'')) || value.contains(QLatin1Char('\\')))
            return Error::usage(
                QStringLiteral("The database URL option %1 contains a quote or a backslash.")
                    .arg(name));
        if (value.trimmed() != value)
            return Error::usage(
                QStringLiteral("The database URL option %1 starts or ends with a space.")
                    .arg(name));
        break;
    }
    return {};
}

} // namespace

Result<void> validateConnectionOptions(const ConnectionSpec &spec)
{
    for (auto it = spec.options.cbegin(); it != spec.options.cend(); ++it) {
        const auto known = std::find_if(
            std::begin(kKnownOptions), std::end(kKnownOptions), [&](const KnownOption &o) {
                return (o.dialects & dialectBit(spec)) && it.key() == QLatin1String(o.name);
            });
        if (known == std::end(kKnownOptions))
            return Error::usage(QStringLiteral("Unknown database URL option \"%1\"; known: %2.")
                                    .arg(it.key(), knownOptionNames(spec)));
        if (auto valid = checkOptionValue(*known, it.value()); !valid)
            return valid;
    }
    return {};
}

Result<void> checkOptionFiles(const ConnectionSpec &spec)
{
    for (const KnownOption &o : kKnownOptions) {
        const QString key = QString::fromLatin1(o.name);
        const QString path = spec.options.value(key);
        if (o.kind != OptionKind::Path || !(o.dialects & dialectBit(spec)) || path.isEmpty())
            continue;
        const QFileInfo info(path);
        const bool folder = key == QLatin1String("ssl_capath");
        if (!info.exists() || !info.isReadable() || info.isDir() != folder)
            return Error::usage(
                QStringLiteral("The %1 %2 given as %3 cannot be read.")
                    .arg(folder ? QStringLiteral("folder") : QStringLiteral("file"), path, key));
    }
    return {};
}

bool usesTls(const ConnectionSpec &spec)
{
    for (const KnownOption &o : kKnownOptions)
        if (o.tls && spec.options.contains(QString::fromLatin1(o.name)))
            return true;
    return false;
}

bool verifiesHostName(const ConnectionSpec &spec)
{
    if (spec.dialect == Dialect::PostgreSQL)
        return spec.options.value(QStringLiteral("sslmode"), QStringLiteral("verify-full")) ==
               QLatin1String("verify-full");
    return spec.options.value(QStringLiteral("ssl_verify_host")) != QLatin1String("false");
}

namespace {
std::atomic<bool> g_readOnlyProcess{false};
thread_local int t_createScopes = 0;
} // namespace

void setReadOnlyProcess(bool readOnly)
{
    g_readOnlyProcess = readOnly;
}

bool isReadOnlyProcess()
{
    return g_readOnlyProcess.load();
}

SqliteCreateScope::SqliteCreateScope()
{
    ++t_createScopes;
}

SqliteCreateScope::~SqliteCreateScope()
{
    --t_createScopes;
}

bool SqliteCreateScope::active()
{
    return t_createScopes > 0;
}

} // namespace retell::core
