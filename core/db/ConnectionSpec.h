#pragma once

#include "common/Result.h"

#include <QMap>
#include <QString>

namespace retell::core {

enum class Dialect
{
    SQLite,
    MySQL,
    PostgreSQL
};

// A database location given as one URL-like string:
//   sqlite:/path/to/file.db        (sqlite::memory: for tests)
//   mysql://user@host:3306/dbname?ssl_ca=/etc/ca.pem&connect_timeout=5
//   pgsql://user@host:5432/dbname?sslrootcert=/etc/ca.pem (also postgresql://)
// The password is never part of the string; it comes from the environment,
// the keychain or a prompt and is set on the spec separately.
struct ConnectionSpec
{
    Dialect dialect = Dialect::SQLite;
    QString path; // SQLite file
    QString host;
    int port = 3306;
    QString database;
    QString user;
    QString password;
    QMap<QString, QString>
        options; // see ConnectionOptions.cpp: ssl_ca ... (MySQL), sslmode ... (PostgreSQL)

    static Result<ConnectionSpec> parse(const QString &url);
    static QString defaultSqlitePath(); // <generic data dir>/retell-admin/retell-admin.sqlite
    static ConnectionSpec defaultLocal();
    QString toUrl() const; // without password
    QString displayName() const;
    // Identifies the database (not the credentials): names per-thread connections.
    QString key() const;
};

} // namespace retell::core
