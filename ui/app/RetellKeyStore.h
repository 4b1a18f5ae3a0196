#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace retell::ui {

class PasswordStore;
class Settings;

// Where the GUI finds Retell (issue 15 §1): the API key in the system
// keychain, one entry per company ("retell-api-key/company/<id>") with a
// global fallback ("retell-api-key/global"), never in a settings file; the
// base URL from RETELL_API_BASE_URL, else the setting, else Retell's own.
// Without a keychain, a key entered in this run is kept in memory until the
// app closes (the dialog says so).
class RetellKeyStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetellKeyStore)

public:
    enum class Scope
    {
        Company,
        Global
    };
    struct Lookup
    {
        QString key; // empty: none found
        Scope scope = Scope::Global;
        QString problem; // one sentence when the keychain could not be asked
    };
    struct Saved
    {
        bool ok = false;
        bool sessionOnly = false; // no keychain: kept until the app closes
        QString problem;          // one sentence
    };

    static constexpr const char *kDefaultBaseUrl = "https://api.retellai.com";

    RetellKeyStore(PasswordStore *passwords, Settings *settings, QObject *parent = nullptr);
    ~RetellKeyStore() override;

    static QString entryName(Scope scope, const QString &companyId);

    // The company's key, else the global one; answered on the GUI thread.
    void find(const QString &companyId, std::function<void(const Lookup &)> done);
    // What find() answered last for the company (no keychain round trip).
    QString cachedKey(const QString &companyId) const;
    // Any key known in this run (read from the keychain or entered).
    bool hasAnyKey() const;
    void save(Scope scope, const QString &companyId, const QString &key,
              std::function<void(const Saved &)> done);
    void remove(Scope scope, const QString &companyId, std::function<void(const Saved &)> done);

    // RETELL_API_BASE_URL, else the setting retell/baseUrl, else Retell's.
    QString baseUrl() const;
    bool baseUrlFromEnvironment() const;
    // The setting (empty: Retell's own).
    QString savedBaseUrl() const;
    void setSavedBaseUrl(const QString &url);
    // False once the keychain said it has no backend (or did not answer).
    bool keychainAvailable() const { return m_keychainAvailable; }

signals:
    // A key was saved or removed: what was found before may no longer hold.
    void keysChanged();

private:
    void read(const QString &entry,
              std::function<void(const QString &key, const QString &problem)> done);

    PasswordStore *m_passwords;
    Settings *m_settings;
    QHash<QString, QString> m_memory; // entry -> key read or kept for this run
    bool m_keychainAvailable = true;
};

} // namespace retell::ui
