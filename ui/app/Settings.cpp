#include "app/Settings.h"

#include "db/ConnectionSpec.h"

#include <QCryptographicHash>

namespace retell::ui {

namespace {
constexpr int kMaxRecentProfiles = 8;

QString keyFor(const QString &databaseKey)
{
    // Database URLs contain '/', which QSettings treats as groups.
    return QString::fromLatin1(
        QCryptographicHash::hash(databaseKey.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}
} // namespace

QString ConnectionProfile::url() const
{
    // One URL writer: core's ConnectionSpec.
    core::ConnectionSpec spec;
    spec.dialect = core::Dialect::MySQL;
    spec.host = host;
    spec.port = port;
    spec.user = user;
    spec.database = database;
    const QPair<const char *, const QString *> tls[] = {
        {"ssl_ca", &sslCa}, {"ssl_cert", &sslCert}, {"ssl_key", &sslKey}};
    for (const auto &[key, value] : tls)
        if (!value->isEmpty())
            spec.options.insert(QString::fromLatin1(key), *value);
    return spec.toUrl();
}

Settings::Settings() = default;

QList<ConnectionProfile> Settings::recentProfiles() const
{
    QList<ConnectionProfile> profiles;
    auto &s = m_settings;
    const int count = s.beginReadArray(QStringLiteral("connections/recent"));
    for (int i = 0; i < count; ++i) {
        s.setArrayIndex(i);
        ConnectionProfile p;
        p.name = s.value(QStringLiteral("name")).toString();
        p.host = s.value(QStringLiteral("host")).toString();
        p.port = s.value(QStringLiteral("port"), 3306).toInt();
        p.database = s.value(QStringLiteral("database")).toString();
        p.user = s.value(QStringLiteral("user")).toString();
        p.sslCa = s.value(QStringLiteral("sslCa")).toString();
        p.sslCert = s.value(QStringLiteral("sslCert")).toString();
        p.sslKey = s.value(QStringLiteral("sslKey")).toString();
        profiles.append(p);
    }
    s.endArray();
    return profiles;
}

void Settings::setRecentProfiles(const QList<ConnectionProfile> &profiles)
{
    m_settings.remove(QStringLiteral("connections/recent"));
    m_settings.beginWriteArray(QStringLiteral("connections/recent"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("name"), p.name);
        m_settings.setValue(QStringLiteral("host"), p.host);
        m_settings.setValue(QStringLiteral("port"), p.port);
        m_settings.setValue(QStringLiteral("database"), p.database);
        m_settings.setValue(QStringLiteral("user"), p.user);
        m_settings.setValue(QStringLiteral("sslCa"), p.sslCa);
        m_settings.setValue(QStringLiteral("sslCert"), p.sslCert);
        m_settings.setValue(QStringLiteral("sslKey"), p.sslKey);
    }
    m_settings.endArray();
}

void Settings::rememberProfile(const ConnectionProfile &profile)
{
    QList<ConnectionProfile> profiles = recentProfiles();
    profiles.removeIf([&](const ConnectionProfile &p) { return p.name == profile.name; });
    profiles.prepend(profile);
    while (profiles.size() > kMaxRecentProfiles)
        profiles.removeLast();
    setRecentProfiles(profiles);
}

QString Settings::lastProfile() const
{
    return m_settings.value(QStringLiteral("connections/last")).toString();
}

bool Settings::hasLastProfile() const
{
    return m_settings.contains(QStringLiteral("connections/last"));
}

std::optional<ConnectionProfile> Settings::recentProfile(const QString &name) const
{
    const QList<ConnectionProfile> profiles = recentProfiles();
    for (const ConnectionProfile &p : profiles) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

void Settings::setLastProfile(const QString &name)
{
    m_settings.setValue(QStringLiteral("connections/last"), name);
}

QString Settings::language() const
{
    return m_settings.value(QStringLiteral("ui/language")).toString();
}

void Settings::setLanguage(const QString &language)
{
    if (language.isEmpty())
        m_settings.remove(QStringLiteral("ui/language"));
    else
        m_settings.setValue(QStringLiteral("ui/language"), language);
}

QString Settings::retellBaseUrl() const
{
    return m_settings.value(QStringLiteral("retell/baseUrl")).toString();
}

void Settings::setRetellBaseUrl(const QString &url)
{
    if (url.isEmpty())
        m_settings.remove(QStringLiteral("retell/baseUrl"));
    else
        m_settings.setValue(QStringLiteral("retell/baseUrl"), url);
}

QString Settings::lastUser() const
{
    return m_settings.value(QStringLiteral("login/lastUser")).toString();
}

void Settings::setLastUser(const QString &email)
{
    m_settings.setValue(QStringLiteral("login/lastUser"), email);
}

QString Settings::lastBranch(const QString &databaseKey) const
{
    return m_settings.value(QStringLiteral("lastBranch/") + keyFor(databaseKey)).toString();
}

void Settings::setLastBranch(const QString &databaseKey, const QString &branchId)
{
    m_settings.setValue(QStringLiteral("lastBranch/") + keyFor(databaseKey), branchId);
}

QDateTime Settings::lastSync(const QString &databaseKey) const
{
    return m_settings.value(QStringLiteral("lastSync/") + keyFor(databaseKey)).toDateTime();
}

void Settings::setLastSync(const QString &databaseKey, const QDateTime &utc)
{
    m_settings.setValue(QStringLiteral("lastSync/") + keyFor(databaseKey), utc);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/state"), state);
}

QByteArray Settings::splitterState(const QString &splitter) const
{
    return m_settings.value(QStringLiteral("splitters/") + splitter).toByteArray();
}

void Settings::setSplitterState(const QString &splitter, const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("splitters/") + splitter, state);
}

QByteArray Settings::headerState(const QString &view) const
{
    return m_settings.value(QStringLiteral("headers/") + view).toByteArray();
}

void Settings::setHeaderState(const QString &view, const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("headers/") + view, state);
}

} // namespace retell::ui
