#include "db/ConnectionSpec.h"

#include "db/ConnectionOptions.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace retell::core {

namespace {

// Unicode's noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF) do not survive
// QUrl's percent-encoding round trip: a URL holding one would print as a
// different connection. Returns the first one, or 0.
char32_t firstNonCharacter(const QString &text)
{
    for (const char32_t c : text.toUcs4())
        if (QChar::isNonCharacter(c))
            return c;
    return 0;
}

} // namespace

Result<ConnectionSpec> ConnectionSpec::parse(const QString &text)
{
    const QString url = text.trimmed();
    ConnectionSpec spec;
    if (url.isEmpty())
        return defaultLocal();
    if (url.startsWith(QLatin1String("sqlite:"))) {
        spec.dialect = Dialect::SQLite;
        QString path = url.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty())
            return Error::usage(
                QStringLiteral("The SQLite URL names no file; write sqlite:/path/to/file.db."));
        spec.path = path == QLatin1String(":memory:")
                        ? path
                        : QDir::cleanPath(QDir::current().absoluteFilePath(path));
        // "sqlite:x\r/" cleans to a path ending in "\r", which the URL printed
        // for it cannot keep (parse trims): refused, never a different file.
        if (spec.path.back().isSpace())
            return Error::usage(QStringLiteral("The SQLite path ends in a space or line break; "
                                               "rename the file or leave them out."));
        return spec;
    }
    const bool pgsql =
        url.startsWith(QLatin1String("pgsql://")) || url.startsWith(QLatin1String("postgresql://"));
    if (pgsql || url.startsWith(QLatin1String("mysql://")) ||
        url.startsWith(QLatin1String("mariadb://"))) {
        const QString scheme = url.section(QLatin1Char(':'), 0, 0);
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty())
            return Error::usage(
                QStringLiteral(
                    "The database URL \"%1\" is not of the form %2://user@host:port/dbname.")
                    .arg(url, scheme));
        if (!parsed.password().isEmpty())
            return Error::usage(QStringLiteral("Do not put the password in the database URL; use "
                                               "RETELL_ADMIN_DB_PASSWORD or the prompt."));
        spec.dialect = pgsql ? Dialect::PostgreSQL : Dialect::MySQL;
        spec.host = parsed.host();
        spec.port = parsed.port(pgsql ? 5432 : 3306);
        spec.user = parsed.userName();
        spec.database = parsed.path().mid(1);
        if (spec.database.isEmpty() || spec.database.contains(QLatin1Char('/')))
            return Error::usage(
                QStringLiteral("The database URL \"%1\" names no database after the host.")
                    .arg(url));
        const QUrlQuery query(parsed);
        const auto items = query.queryItems(QUrl::FullyDecoded);
        QStringList parts{spec.user, spec.database};
        for (const auto &[key, value] : items)
            parts << key << value;
        if (const char32_t c = firstNonCharacter(parts.join(QChar())))
            return Error::usage(
                QStringLiteral("The database URL contains U+%1, which is not a character.")
                    .arg(QString::number(quint32(c), 16).toUpper()));
        for (const auto &[key, value] : items) {
            const QString k = key.toLower();
            if (spec.options.contains(k))
                return Error::usage(
                    QStringLiteral("The database URL gives the option %1 twice.").arg(k));
            spec.options.insert(k, value);
        }
        if (auto valid = validateConnectionOptions(spec); !valid)
            return valid.error();
        return spec;
    }
    return Error::usage(
        QStringLiteral(
            "Unsupported database URL \"%1\"; use sqlite:PATH, mysql://user@host:port/dbname or "
            "pgsql://user@host:port/dbname.")
            .arg(url));
}

QString ConnectionSpec::defaultSqlitePath()
{
    // The same file for the GUI and the CLI, whatever their application names.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/retell-admin/retell-admin.sqlite");
}

ConnectionSpec ConnectionSpec::defaultLocal()
{
    ConnectionSpec spec;
    spec.dialect = Dialect::SQLite;
    spec.path = defaultSqlitePath();
    return spec;
}

QString ConnectionSpec::toUrl() const
{
    if (dialect == Dialect::SQLite)
        return QStringLiteral("sqlite:") + path;
    QUrl url;
    url.setScheme(dialect == Dialect::PostgreSQL ? QStringLiteral("pgsql")
                                                 : QStringLiteral("mysql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + database);
    if (!options.isEmpty()) {
        QUrlQuery q;
        for (auto it = options.cbegin(); it != options.cend(); ++it)
            q.addQueryItem(it.key(), it.value());
        url.setQuery(q);
    }
    // Encoded, so that what parse() reads in strict mode (a user name with
    // a space, an IPv6 host) reads back the same.
    return url.toString(QUrl::FullyEncoded);
}

QString ConnectionSpec::displayName() const
{
    if (dialect == Dialect::SQLite)
        return QStringLiteral("local database (%1)").arg(path);
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString ConnectionSpec::key() const
{
    return toUrl();
}

} // namespace retell::core
