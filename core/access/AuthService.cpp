#include "access/AuthService.h"

#include "access/AccessService.h"
#include "audit/AuditLog.h"
#include "db/Database.h"
#include "db/RowReader.h"

#include <crypt.h>

#include <QCryptographicHash>

#include <atomic>
#include <cstring>
#include <memory>

namespace retell::core {

using namespace Qt::Literals::StringLiterals;

namespace {

// Verified when the e-mail is unknown, so that an unknown user costs exactly
// one bcrypt run of the usual cost, like a wrong password: cost 10 is
// Laravel's default (BCRYPT_ROUNDS) and the seeder's. Precomputed (of a
// random password nobody knows): hashing it at run time would cost a second
// bcrypt run per login.
constexpr char kDummyHash[] = "$2y$10$pPXtG2fHaEuhRnOx24jeoO4T023QYt..uDLusNA01uJkAPIH0Lssa";

std::atomic<quint64> g_bcryptRuns{0};

bool constantTimeEquals(const char *a, const char *b)
{
    const size_t la = std::strlen(a);
    const size_t lb = std::strlen(b);
    unsigned char diff = la == lb ? 0 : 1;
    const size_t n = std::min(la, lb);
    for (size_t i = 0; i < n; ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

bool AuthService::verifyPassword(const QByteArray &password, const QByteArray &hash)
{
    if (!hash.startsWith("$2y$") && !hash.startsWith("$2b$") && !hash.startsWith("$2a$"))
        return false;
    auto data = std::make_unique<crypt_data>(); // 32 KB: keep it off the stack
    std::memset(data.get(), 0, sizeof(crypt_data));
    ++g_bcryptRuns;
    const char *result =
        crypt_rn(password.constData(), hash.constData(), data.get(), sizeof(crypt_data));
    if (!result || result[0] == '*')
        return false;
    return constantTimeEquals(result, hash.constData());
}

Result<QByteArray> AuthService::hashPassword(const QByteArray &password, int cost)
{
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2y$", cost, nullptr, 0, salt, sizeof salt))
        return Error{ErrorKind::Authentication,
                     QStringLiteral("The system could not generate a password salt."),
                     {}};
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    ++g_bcryptRuns;
    const char *result = crypt_rn(password.constData(), salt, data.get(), sizeof(crypt_data));
    if (!result || result[0] == '*')
        return Error{ErrorKind::Authentication,
                     QStringLiteral("The system could not hash the password."),
                     {}};
    return QByteArray(result);
}

Result<Actor> AuthService::login(const QString &email, const QString &password) const
{
    const Error refused = Error{
        ErrorKind::Authentication,
        QStringLiteral("Unknown e-mail address or wrong password."),
        {}}.withCode("auth.refused");
    if (email.trimmed().isEmpty())
        return Error{ErrorKind::Authentication,
                     QStringLiteral("Enter the e-mail address you use in the web admin."),
                     {}}
            .withCode("auth.email_missing");
    auto q = Database::retryOnce([&]() -> Result<QSqlQuery> {
        auto conn = Database::connection(m_context.spec);
        if (!conn)
            return conn.error();
        return Database::exec(
            conn.value(),
            QStringLiteral(
                "SELECT id, name, email, password FROM users WHERE LOWER(email) = LOWER(?)"),
            {email.trimmed()});
    });
    if (!q)
        return q.error();
    // Recorded right after the refusal (the e-mail tried, never the password).
    const auto refuse = [&] {
        AuditLog::loginRefused(m_context, email);
        return refused;
    };
    if (!q->next()) {
        verifyPassword(password.toUtf8(),
                       QByteArray::fromRawData(kDummyHash, sizeof kDummyHash - 1));
        return refuse();
    }
    User user;
    const RowReader row(q.value());
    user.id = row.integer("id"_L1);
    user.name = row.text("name"_L1);
    user.email = row.text("email"_L1);
    QByteArray hash = row.text("password"_L1).toLatin1();
    // A user whose column holds no bcrypt hash costs the same run too.
    if (!hash.startsWith("$2y$") && !hash.startsWith("$2b$") && !hash.startsWith("$2a$")) {
        verifyPassword(password.toUtf8(),
                       QByteArray::fromRawData(kDummyHash, sizeof kDummyHash - 1));
        return refuse();
    }
    if (!verifyPassword(password.toUtf8(), hash))
        return refuse();
    return reload(user);
}

quint64 AuthService::bcryptRuns()
{
    return g_bcryptRuns.load();
}

QByteArray AuthService::dummyHash()
{
    return QByteArray(kDummyHash);
}

Result<Actor> AuthService::reload(const User &user) const
{
    auto conn = Database::connection(m_context.spec);
    if (!conn)
        return conn.error();
    auto grants = AccessService::loadGrants(conn.value(), user);
    if (!grants)
        return grants.error();
    return Actor{user, grants.value()};
}

} // namespace retell::core
