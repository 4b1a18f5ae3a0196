#pragma once

#include "db/ConnectionSpec.h"
#include "db/Database.h"

#include <QFile>

// A TLS test server started by a fixture script (mariadb-fixture.sh or
// pgsql-fixture.sh with --tls): its folder holds the files user, port and
// password, and the certificates made for the run under tls/.
namespace retell::test {

class TlsServer final
{
public:
    // scheme: "mysql" or "pgsql"; database: the one to connect to.
    TlsServer(QString dir, QString scheme, QString database)
        : m_dir(std::move(dir)), m_scheme(std::move(scheme)), m_database(std::move(database))
    {
    }

    QString file(const QString &name) const { return m_dir + QStringLiteral("/tls/") + name; }

    // The server's URL with the given query options ("" for none).
    core::ConnectionSpec spec(const QString &options) const
    {
        auto spec = core::ConnectionSpec::parse(
            QStringLiteral("%1://%2@127.0.0.1:%3/%4%5")
                .arg(m_scheme, line(QStringLiteral("user")), line(QStringLiteral("port")),
                     m_database, options.isEmpty() ? QString() : QLatin1Char('?') + options));
        if (!spec)
            qFatal("%s", qPrintable(spec.error().message));
        spec->password = line(QStringLiteral("password"));
        return spec.value();
    }

    // Why a connection to spec was refused; "" when it opened.
    static QString refusal(const core::ConnectionSpec &spec)
    {
        auto conn = core::Database::connection(spec);
        core::Database::dropConnection(spec);
        return conn ? QString() : conn.error().message;
    }

    QString line(const QString &name) const
    {
        QFile f(m_dir + QLatin1Char('/') + name);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
    }

private:
    QString m_dir;
    QString m_scheme;
    QString m_database;
};

} // namespace retell::test
