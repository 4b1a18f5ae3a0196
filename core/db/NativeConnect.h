#pragma once

#include <QByteArray>

namespace retell::core::nativeconnect {

// Qt 6.4's QMYSQL driver passes no option that makes libmariadb insist on
// TLS or verify the server's name, and it creates its MYSQL handle inside
// QSqlDatabase::open(). This file defines mysql_real_connect in the
// executable (exported with --export-dynamic-symbol, so the driver plugin
// binds to it) and sets the native options on the handle before the real
// libmariadb call sends anything: TLS required and verified in the handshake,
// before the password leaves, and no authentication plugin that would send
// the password readable.
struct Policy
{
    bool requireTls = false;    // fail unless the session is TLS
    bool verifyHostName = true; // with requireTls: the certificate names the host
};

// The policy for the mysql_real_connect calls the calling thread makes while
// the object lives (one QSqlDatabase::open()).
class ScopedPolicy final
{
public:
    explicit ScopedPolicy(const Policy &policy);
    ~ScopedPolicy();
    ScopedPolicy(const ScopedPolicy &) = delete;
    ScopedPolicy &operator=(const ScopedPolicy &) = delete;

    // False when the driver did not go through the hook (the executable does
    // not export it): then nothing was enforced and the caller must refuse.
    bool applied() const;
};

// The authentication plugins the client accepts: never one that sends the
// password itself (mysql_clear_password, dialog).
QByteArray allowedAuthPlugins();

} // namespace retell::core::nativeconnect
