#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSettings>
#include <QString>

#include <optional>

namespace retell::ui {

// A saved connection to a shared MariaDB/MySQL database. The password is not
// part of it: it lives in the system keychain under keychainKey().
struct ConnectionProfile
{
    QString name;
    QString host;
    int port = 3306;
    QString database;
    QString user;
    QString sslCa;
    QString sslCert;
    QString sslKey;

    QString url() const; // mysql://user@host:port/db?ssl_ca=...
    QString keychainKey() const
    {
        return user + QLatin1Char('@') + host + QLatin1Char(':') + QString::number(port) +
               QLatin1Char('/') + database;
    }
    bool isValid() const { return !host.isEmpty() && !database.isEmpty() && !user.isEmpty(); }
    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

// Typed access to the application's QSettings; no key strings elsewhere.
class Settings final
{
public:
    Settings();

    QList<ConnectionProfile> recentProfiles() const;
    void setRecentProfiles(const QList<ConnectionProfile> &profiles);
    // Moves the profile to the front of the recent list (at most 8 kept).
    void rememberProfile(const ConnectionProfile &profile);

    // Empty means the local database.
    QString lastProfile() const;
    // False until a connection was chosen once: the first start asks.
    bool hasLastProfile() const;
    std::optional<ConnectionProfile> recentProfile(const QString &name) const;
    void setLastProfile(const QString &name);

    // The GUI's language ("en", "de"); empty: follow the system. Applied at
    // the next start (Language::install).
    QString language() const;
    void setLanguage(const QString &language);

    // Retell's API base URL (issue 15); empty: Retell's own. The API key is
    // never here: it lives in the system keychain (RetellKeyStore).
    QString retellBaseUrl() const;
    void setRetellBaseUrl(const QString &url);

    QString lastUser() const;
    void setLastUser(const QString &email);

    QString lastBranch(const QString &databaseKey) const;
    // When the replica of a shared database was last synced (UTC; invalid: never).
    QDateTime lastSync(const QString &databaseKey) const;
    void setLastSync(const QString &databaseKey, const QDateTime &utc);
    void setLastBranch(const QString &databaseKey, const QString &branchId);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState(const QString &splitter) const;
    void setSplitterState(const QString &splitter, const QByteArray &state);
    QByteArray headerState(const QString &view) const;
    void setHeaderState(const QString &view, const QByteArray &state);

    void sync() { m_settings.sync(); }

private:
    mutable QSettings m_settings; // reading arrays needs non-const calls
};

} // namespace retell::ui
