#include "db/NativeConnect.h"

#include <dlfcn.h>
#include <mysql.h>

namespace retell::core::nativeconnect {

namespace {

struct ThreadState
{
    const Policy *policy = nullptr;
    bool applied = false;
};

thread_local ThreadState t_state;

using RealConnect = MYSQL *(*)(MYSQL *, const char *, const char *, const char *, const char *,
                               unsigned int, const char *, unsigned long);

RealConnect realConnect()
{
    // The driver plugin links the libmysqlclient_18 name of the symbol.
    static const RealConnect real = [] {
        void *f = dlvsym(RTLD_NEXT, "mysql_real_connect", "libmysqlclient_18");
        if (!f)
            f = dlsym(RTLD_NEXT, "mysql_real_connect");
        return reinterpret_cast<RealConnect>(f);
    }();
    return real;
}

bool applyPolicy(MYSQL *mysql, const Policy &policy)
{
    const QByteArray plugins = allowedAuthPlugins();
    if (mysql_optionsv(mysql, MARIADB_OPT_RESTRICTED_AUTH, plugins.constData()) != 0)
        return false;
    if (policy.requireTls && policy.verifyHostName) {
        // libmariadb 3.3: refuses a server without TLS before sending the
        // handshake response, verifies chain and host name right after the
        // TLS handshake, before authentication.
        my_bool on = 1;
        if (mysql_optionsv(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on) != 0)
            return false;
    }
    return true;
}

} // namespace

ScopedPolicy::ScopedPolicy(const Policy &policy)
{
    t_state.policy = &policy;
    t_state.applied = false;
}

ScopedPolicy::~ScopedPolicy()
{
    t_state.policy = nullptr;
}

bool ScopedPolicy::applied() const
{
    return t_state.applied;
}

QByteArray allowedAuthPlugins()
{
    return QByteArrayLiteral("mysql_native_password,client_ed25519");
}

} // namespace retell::core::nativeconnect

using namespace retell::core::nativeconnect;

extern "C" MYSQL *mysql_real_connect(MYSQL *mysql, const char *host, const char *user,
                                     const char *passwd, const char *db, unsigned int port,
                                     const char *unixSocket, unsigned long clientFlags)
{
    const RealConnect real = realConnect();
    if (!real)
        return nullptr;
    if (t_state.policy) {
        if (!applyPolicy(mysql, *t_state.policy))
            return nullptr; // applied stays false: the caller refuses
        t_state.applied = true;
    } else {
        // Connections made outside the app's own open path still never
        // accept a plugin that sends the password readable.
        mysql_optionsv(mysql, MARIADB_OPT_RESTRICTED_AUTH, allowedAuthPlugins().constData());
    }
    return real(mysql, host, user, passwd, db, port, unixSocket, clientFlags);
}
