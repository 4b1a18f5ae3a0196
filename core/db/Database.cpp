#include "db/Database.h"

#include "db/Dialect.h"

#include <QDateTime>
#include <QHash>
#include <QRandomGenerator>
#include <QSqlError>
#include <QThread>

#include <atomic>
#include <chrono>
#include <thread>

namespace retell::core {

namespace {

// Connections opened by this thread (see Database::closeThreadConnections).
struct ThreadConnections
{
    QHash<QString, QString> names; // spec key -> connection name
    // Prepared statements per connection, reused: preparing costs a parse on
    // SQLite and a round trip on MySQL every time.
    QHash<QString, QHash<QString, QSqlQuery>> statements;
    // Connections found dead: closed and forgotten, removed when the thread
    // ends (callers may still hold a handle to them until then).
    QStringList stale;

    void closeAll()
    {
        statements.clear(); // finalizes the statements before their connections close
        for (const QString &name : std::as_const(stale))
            QSqlDatabase::removeDatabase(name);
        stale.clear();
        for (const QString &name : std::as_const(names)) {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        names.clear();
    }
    // A fallback for threads that did not call closeThreadConnections().
    ~ThreadConnections() { closeAll(); }
};

thread_local ThreadConnections t_connections;

bool lost(const QSqlDatabase &db, const QSqlError &error)
{
    auto dialect = SqlDialect::forDriver(db.driverName());
    return dialect && dialect.value()->classify(error) == SqlErrorClass::ConnectionLost;
}
std::atomic<int> g_connectionCounter{0};

Result<QSqlDatabase> open(const ConnectionSpec &spec, const QString &name)
{
    return SqlDialect::forKind(spec.dialect).open(spec, name);
}

} // namespace

Result<QSqlDatabase> Database::connection(const ConnectionSpec &spec)
{
    const QString key = spec.key();
    const auto it = t_connections.names.constFind(key);
    if (it != t_connections.names.constEnd()) {
        QSqlDatabase db = QSqlDatabase::database(*it, false);
        if (db.isOpen())
            return db;
        dropConnection(spec);
    }
    const QString name = QStringLiteral("retell-%1-%2")
                             .arg(quintptr(QThread::currentThreadId()))
                             .arg(g_connectionCounter.fetch_add(1));
    auto db = open(spec, name);
    if (!db) {
        QSqlDatabase::removeDatabase(name);
        return db.error();
    }
    t_connections.names.insert(key, name);
    return db;
}

void Database::forgetConnection(const QSqlDatabase &db)
{
    const QString name = db.connectionName();
    const QString key = t_connections.names.key(name);
    if (key.isEmpty())
        return;
    t_connections.names.remove(key);
    t_connections.statements.remove(name);
    t_connections.stale << name;
}

void Database::dropConnection(const ConnectionSpec &spec)
{
    const QString name = t_connections.names.take(spec.key());
    if (name.isEmpty())
        return;
    t_connections.statements.remove(name);
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void Database::closeThreadConnections()
{
    t_connections.closeAll();
}

void Database::finishStatements(const QSqlDatabase &db)
{
    auto it = t_connections.statements.find(db.connectionName());
    if (it == t_connections.statements.end())
        return;
    for (QSqlQuery &q : *it)
        if (q.isActive())
            q.finish();
}

void Database::releaseStatements()
{
    for (const QString &name : std::as_const(t_connections.names))
        finishStatements(QSqlDatabase::database(name, false));
}

Result<QSqlQuery> Database::exec(QSqlDatabase &db, const QString &sql, const QVariantList &bind,
                                 bool forwardOnly)
{
    auto &cache = t_connections.statements[db.connectionName()];
    auto it = cache.find(sql);
    if (it == cache.end() || it->isForwardOnly() != forwardOnly) {
        QSqlQuery fresh(db);
        fresh.setForwardOnly(forwardOnly);
        if (!fresh.prepare(sql)) {
            // On MySQL preparing is a round trip: it too can find the link dead.
            if (lost(db, fresh.lastError()))
                forgetConnection(db);
            return errorFrom(db, fresh.lastError(), sql);
        }
        it = cache.insert(sql, std::move(fresh));
    }
    // An unfinished SELECT keeps SQLite's read snapshot open, which would
    // hide other connections' commits: finish every other statement first.
    for (auto other = cache.begin(); other != cache.end(); ++other)
        if (other != it && other->isActive())
            other->finish();
    // The copy shares the cached statement (QSqlQuery copies share their
    // result): that is the point of the cache, so Qt's deprecation of
    // copying does not apply here.
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    QSqlQuery q = *it;
    QT_WARNING_POP
    q.finish();
    for (const QVariant &v : bind) {
        // A null QString would bind SQL NULL; NULL is always asked for
        // explicitly with QVariant(), so text binds as text, even when empty.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.addBindValue(QStringLiteral(""));
        else
            q.addBindValue(v);
    }
    if (!q.exec()) {
        Error e = errorFrom(db, q.lastError(), sql);
        if (lost(db, q.lastError()))
            forgetConnection(db);
        return e;
    }
    return q;
}

namespace {

// Runs one transaction-control statement; the error, if any, goes to *error.
bool control(QSqlDatabase &db, const QString &sql, Error *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = Database::errorFrom(db, q.lastError(), sql);
    if (lost(db, q.lastError()))
        Database::forgetConnection(db);
    return false;
}

// Whether a statement on db found the link dead: then it was forgotten, and
// the spec's key names no connection (or a newer one).
bool wasForgotten(const ConnectionSpec &spec, const QSqlDatabase &db)
{
    return t_connections.names.value(spec.key()) != db.connectionName();
}

} // namespace

Result<void> Database::writeTransaction(const ConnectionSpec &spec,
                                        const std::function<Result<void>(QSqlDatabase &)> &body,
                                        int maxAttempts)
{
    Error last = Error::database(QStringLiteral("The transaction did not run."));
    for (int attempt = 1; attempt <= maxAttempts; ++attempt) {
        auto conn = connection(spec);
        if (!conn)
            return conn.error();
        QSqlDatabase &db = conn.value();
        const SqlDialect &dialect = SqlDialect::of(db);
        // A pending SELECT would pin an old snapshot and make BEGIN IMMEDIATE
        // fail with SQLITE_BUSY_SNAPSHOT.
        finishStatements(db);
        if (control(db, dialect.beginWrite(), &last)) {
            Result<void> r = body(db);
            if (r) {
                if (control(db, QStringLiteral("COMMIT"), &last)) {
                    finishStatements(db);
                    return {};
                }
                if (wasForgotten(spec, db)) {
                    // The server may or may not have committed: never guess.
                    dropConnection(spec);
                    last.message =
                        QStringLiteral("The connection to the database was lost while committing; "
                                       "check the history before trying again.");
                    last.transient = false;
                    return last;
                }
            } else {
                last = r.error();
            }
            control(db, QStringLiteral("ROLLBACK"), nullptr);
        }
        if (!last.transient || attempt == maxAttempts)
            break;
        if (wasForgotten(spec, db))
            dropConnection(spec);
        // Back off with jitter so competing writers do not collide again.
        const int delayMs = QRandomGenerator::global()->bounded(1, 4 + attempt * attempt * 3);
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
    }
    if (last.transient)
        last.message =
            QStringLiteral("The database stayed busy after several retries (%1); try again.")
                .arg(last.message);
    return last;
}

Error Database::errorFrom(const QSqlDatabase &db, const QSqlError &error, const QString &context)
{
    auto dialect = SqlDialect::forDriver(db.driverName());
    const SqlErrorClass cls = dialect ? dialect.value()->classify(error) : SqlErrorClass::Other;
    Error e;
    e.kind = ErrorKind::Database;
    e.transient = cls != SqlErrorClass::Other && cls != SqlErrorClass::ForeignKey;
    const QString text = error.text().trimmed();
    e.detail =
        QStringLiteral("[%1] %2 (in: %3)").arg(error.nativeErrorCode(), text, context.left(200));
    switch (cls) {
    case SqlErrorClass::ConnectionLost:
        e.message = QStringLiteral("The connection to the database was lost.");
        e.code = QLatin1String(kConnectionLost);
        break;
    case SqlErrorClass::UniqueViolation:
        e.message = QStringLiteral("A concurrent change wrote the same record first.");
        break;
    case SqlErrorClass::Transient:
        e.message = QStringLiteral("Another writer held the lock too long or the database "
                                   "resolved a deadlock with it.");
        break;
    default:
        e.message = QStringLiteral("The database reported an error: %1")
                        .arg(text.isEmpty() ? QStringLiteral("unknown") : text);
    }
    return e;
}

QString toSqlTimestamp(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil): parsing history rows must not go through QDateTimeParser,
// which costs ~50 µs a call.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// "YYYY-MM-DD HH:MM:SS" (also with 'T'), anything after the seconds ignored.
bool parseTimestamp(QStringView s, QDateTime *out)
{
    if (s.size() < 19)
        return false;
    auto num = [&](int from, int len, int *v) {
        int r = 0;
        for (int i = from; i < from + len; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                return false;
            r = r * 10 + (c - u'0');
        }
        *v = r;
        return true;
    };
    int y, mo, d, h, mi, sec;
    if (!num(0, 4, &y) || !num(5, 2, &mo) || !num(8, 2, &d) || !num(11, 2, &h) ||
        !num(14, 2, &mi) || !num(17, 2, &sec))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return false;
    const qint64 secs = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    *out = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    return true;
}

} // namespace

QDateTime fromSqlTimestamp(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime) {
        const QDateTime dt = value.toDateTime();
        return QDateTime(dt.date(), dt.time(), Qt::UTC);
    }
    QDateTime dt;
    const QString s = value.toString();
    if (parseTimestamp(s, &dt))
        return dt;
    dt = QDateTime::fromString(s, Qt::ISODate);
    if (dt.isValid())
        dt = dt.toUTC();
    return dt;
}

} // namespace retell::core
