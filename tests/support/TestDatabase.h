#pragma once

#include "db/ConnectionSpec.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace retell::test {

// A fresh, empty database on the backend the test runs on
// (RETELL_TEST_BACKEND=sqlite|mariadb|pgsql): a new SQLite file in a
// temporary directory, or a new database on the fixture's MariaDB or
// PostgreSQL server. Dropped when the object goes away. A missing server
// fixture is a failure, never a skip.
class TestDatabase final
{
public:
    TestDatabase();
    ~TestDatabase();
    Q_DISABLE_COPY_MOVE(TestDatabase)

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    const core::ConnectionSpec &spec() const { return m_spec; }
    core::Dialect dialect() const { return m_spec.dialect; }
    QString url() const { return m_spec.toUrl(); }

    static QString backend(); // "sqlite", "mariadb" or "pgsql"
    static bool isMariaDb() { return backend() == QLatin1String("mariadb"); }
    static bool isPostgres() { return backend() == QLatin1String("pgsql"); }
    static bool isServer() { return backend() != QLatin1String("sqlite"); }
    // The statements of an SQL file: ';' at the end of a line ends one,
    // lines starting with "--" are comments.
    static QStringList statementsFromFile(const QString &path);
    // Root-level spec of the fixture's server (no database selected).
    static core::ConnectionSpec serverSpec(QString *error = nullptr);

private:
    core::ConnectionSpec m_spec;
    std::unique_ptr<QTemporaryDir> m_dir;
    bool m_valid = false;
    QString m_error;
};

} // namespace retell::test

#define RETELL_REQUIRE_DB(db)                                                                      \
    do {                                                                                           \
        if (!(db).isValid())                                                                       \
            QFAIL(qPrintable(QStringLiteral("test database unavailable: ") + (db).error()));       \
    } while (false)
