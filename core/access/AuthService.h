#pragma once

#include "access/Actor.h"
#include "common/Result.h"
#include "db/ServiceContext.h"

namespace retell::core {

// Checks e-mail and password against the web application's users table
// (bcrypt $2y$ hashes, verified with libxcrypt) and loads the user's grants.
class AuthService final
{
public:
    explicit AuthService(ServiceContext context) : m_context(std::move(context)) {}

    Result<Actor> login(const QString &email, const QString &password) const;
    // Reloads the grants of an already authenticated user.
    Result<Actor> reload(const User &user) const;

    // Laravel-compatible $2y$ bcrypt hash (cost 12 by default).
    static Result<QByteArray> hashPassword(const QByteArray &password, int cost = 12);
    static bool verifyPassword(const QByteArray &password, const QByteArray &hash);
    // bcrypt computations (hashes and verifications) this process ran: every
    // login path runs exactly one, whether the e-mail is known or not.
    static quint64 bcryptRuns();
    // What an unknown e-mail is checked against (cost 10, Laravel's default).
    static QByteArray dummyHash();

private:
    ServiceContext m_context;
};

} // namespace retell::core
