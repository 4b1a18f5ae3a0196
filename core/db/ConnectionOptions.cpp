#include "db/ConnectionOptions.h"

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
    Boolean
};

struct KnownOption
{
    const char *name;
    OptionKind kind;
};

constexpr KnownOption kKnownOptions[] = {
    {"ssl_ca", OptionKind::Path},
    {"ssl_capath", OptionKind::Path},
    {"ssl_cert", OptionKind::Path},
    {"ssl_key", OptionKind::Path},
    {"ssl_cipher", OptionKind::Cipher},
    {"ssl_verify_host", OptionKind::Boolean},
    {"connect_timeout", OptionKind::Seconds},
    {"read_timeout", OptionKind::Seconds},
    {"write_timeout", OptionKind::Seconds},
};

QString knownOptionNames()
{
    QStringList names;
    for (const KnownOption &o : kKnownOptions)
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
    case OptionKind::Path:
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
        const auto known =
            std::find_if(std::begin(kKnownOptions), std::end(kKnownOptions),
                         [&](const KnownOption &o) { return it.key() == QLatin1String(o.name); });
        if (known == std::end(kKnownOptions))
            return Error::usage(QStringLiteral("Unknown database URL option \"%1\"; known: %2.")
                                    .arg(it.key(), knownOptionNames()));
        if (auto valid = checkOptionValue(*known, it.value()); !valid)
            return valid;
    }
    return {};
}

bool usesTls(const ConnectionSpec &spec)
{
    for (const char *name :
         {"ssl_ca", "ssl_capath", "ssl_cert", "ssl_key", "ssl_cipher", "ssl_verify_host"})
        if (spec.options.contains(QString::fromLatin1(name)))
            return true;
    return false;
}

bool verifiesHostName(const ConnectionSpec &spec)
{
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
