#include "TestDatabase.h"

#include "db/Database.h"
#include "db/Dialect.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace retell::test {

using namespace retell::core;

namespace {

QString readLine(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

// Runs one statement on the fixture server outside any database.
bool serverExec(const ConnectionSpec &server, const QString &sql, QString *error)
{
    const QString name =
        QStringLiteral("test-admin-%1").arg(QRandomGenerator::global()->generate());
    bool ok = false;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(SqlDialect::forKind(server.dialect).driverName(), name);
        if (server.dialect == Dialect::PostgreSQL)
            db.setDatabaseName(QStringLiteral("postgres"));
        db.setHostName(server.host);
        db.setPort(server.port);
        db.setUserName(server.user);
        db.setPassword(server.password);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok && error)
                *error = q.lastError().text();
        } else if (error) {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

QString TestDatabase::backend()
{
    const QString b =
        qEnvironmentVariable("RETELL_TEST_BACKEND", QStringLiteral("sqlite")).toLower();
    if (b == QLatin1String("mariadb") || b == QLatin1String("mysql"))
        return QStringLiteral("mariadb");
    if (b == QLatin1String("pgsql") || b == QLatin1String("postgresql"))
        return QStringLiteral("pgsql");
    return QStringLiteral("sqlite");
}

QStringList TestDatabase::statementsFromFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QStringList statements;
    QString current;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            statements << current.trimmed().chopped(1);
            current.clear();
        }
    }
    return statements;
}

ConnectionSpec TestDatabase::serverSpec(QString *error)
{
    const bool pgsql = isPostgres();
    const QString dir =
        pgsql ? qEnvironmentVariable("RETELL_TEST_PGSQL_DIR", QStringLiteral(RETELL_PGSQL_DIR))
              : qEnvironmentVariable("RETELL_TEST_MARIADB_DIR", QStringLiteral(RETELL_MARIADB_DIR));
    ConnectionSpec spec;
    spec.dialect = pgsql ? Dialect::PostgreSQL : Dialect::MySQL;
    spec.host = QStringLiteral("127.0.0.1");
    spec.port = readLine(dir + QStringLiteral("/port")).toInt();
    spec.user = readLine(dir + QStringLiteral("/user"));
    spec.password = readLine(dir + QStringLiteral("/password"));
    if (spec.port <= 0 && error)
        *error = QStringLiteral(
                     "the %1 fixture is not running (no %2/port); run the suite through ctest")
                     .arg(pgsql ? QStringLiteral("PostgreSQL") : QStringLiteral("MariaDB"), dir);
    return spec;
}

TestDatabase::TestDatabase()
{
    if (backend() == QLatin1String("sqlite")) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            m_error = QStringLiteral("cannot create a temporary directory");
            return;
        }
        m_spec.dialect = Dialect::SQLite;
        m_spec.path = m_dir->filePath(QStringLiteral("test.sqlite"));
        // An empty file is an empty SQLite database: it exists, like the
        // database created on the server (opening never creates one).
        QFile file(m_spec.path);
        if (!file.open(QIODevice::WriteOnly)) {
            m_error = QStringLiteral("cannot create %1").arg(m_spec.path);
            return;
        }
        m_valid = true;
        return;
    }
    m_spec = serverSpec(&m_error);
    if (m_spec.port <= 0)
        return;
    m_spec.database = QStringLiteral("t_%1_%2")
                          .arg(QCoreApplication::applicationPid())
                          .arg(QRandomGenerator::global()->bounded(1u << 30));
    const QString create =
        m_spec.dialect == Dialect::PostgreSQL
            ? QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8'").arg(m_spec.database)
            : QStringLiteral(
                  "CREATE DATABASE `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
                  .arg(m_spec.database);
    if (!serverExec(m_spec, create, &m_error))
        return;
    m_valid = true;
}

TestDatabase::~TestDatabase()
{
    Database::dropConnection(m_spec);
    if (m_spec.dialect == Dialect::SQLite || !m_valid)
        return;
    // On PostgreSQL, connections other processes of the test left open go too.
    serverExec(m_spec,
               m_spec.dialect == Dialect::PostgreSQL
                   ? QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_spec.database)
                   : QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(m_spec.database),
               nullptr);
}

} // namespace retell::test
