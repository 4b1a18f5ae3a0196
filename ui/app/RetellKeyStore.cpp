#include "app/RetellKeyStore.h"

#include "app/PasswordStore.h"
#include "app/Settings.h"

#include <algorithm>

namespace retell::ui {

namespace {
QString noKeychainSentence()
{
    return RetellKeyStore::tr("No system keychain is running, so the Retell API key is kept "
                              "only until the app closes.");
}
} // namespace

RetellKeyStore::RetellKeyStore(PasswordStore *passwords, Settings *settings, QObject *parent)
    : QObject(parent), m_passwords(passwords), m_settings(settings)
{
}

RetellKeyStore::~RetellKeyStore() = default;

QString RetellKeyStore::entryName(Scope scope, const QString &companyId)
{
    return scope == Scope::Company ? QStringLiteral("retell-api-key/company/") + companyId
                                   : QStringLiteral("retell-api-key/global");
}

QString RetellKeyStore::cachedKey(const QString &companyId) const
{
    const QString own = m_memory.value(entryName(Scope::Company, companyId));
    return own.isEmpty() ? m_memory.value(entryName(Scope::Global, {})) : own;
}

bool RetellKeyStore::hasAnyKey() const
{
    return std::any_of(m_memory.cbegin(), m_memory.cend(),
                       [](const QString &key) { return !key.isEmpty(); });
}

void RetellKeyStore::read(const QString &entry,
                          std::function<void(const QString &, const QString &)> done)
{
    if (const auto known = m_memory.constFind(entry); known != m_memory.cend()) {
        done(*known, QString());
        return;
    }
    if (!m_keychainAvailable) {
        done(QString(), noKeychainSentence());
        return;
    }
    m_passwords->read(entry, [this, entry, done](const PasswordStore::Answer &answer) {
        switch (answer.outcome) {
        case PasswordStore::Outcome::Ok:
            m_memory.insert(entry, answer.password);
            done(answer.password, QString());
            return;
        case PasswordStore::Outcome::NotFound:
            done(QString(), QString());
            return;
        case PasswordStore::Outcome::NoBackend:
        case PasswordStore::Outcome::Failed:
            m_keychainAvailable = false;
            done(QString(), noKeychainSentence());
            return;
        }
    });
}

void RetellKeyStore::find(const QString &companyId, std::function<void(const Lookup &)> done)
{
    if (companyId.isEmpty()) {
        read(entryName(Scope::Global, {}), [done](const QString &key, const QString &problem) {
            done(Lookup{key, Scope::Global, problem});
        });
        return;
    }
    read(entryName(Scope::Company, companyId),
         [this, done](const QString &own, const QString &problem) {
             if (!own.isEmpty()) {
                 done(Lookup{own, Scope::Company, QString()});
                 return;
             }
             read(entryName(Scope::Global, {}),
                  [done, problem](const QString &global, const QString &globalProblem) {
                      done(Lookup{global, Scope::Global,
                                  global.isEmpty() ? (problem.isEmpty() ? globalProblem : problem)
                                                   : QString()});
                  });
         });
}

void RetellKeyStore::save(Scope scope, const QString &companyId, const QString &key,
                          std::function<void(const Saved &)> done)
{
    const QString entry = entryName(scope, companyId);
    // Kept for this run at once: publishing goes on whatever the keychain says.
    m_memory.insert(entry, key);
    emit keysChanged();
    if (!m_keychainAvailable) {
        done(Saved{true, true, noKeychainSentence()});
        return;
    }
    m_passwords->write(entry, key, [this, done](const PasswordStore::Answer &answer) {
        if (answer.outcome == PasswordStore::Outcome::Ok) {
            done(Saved{true, false, QString()});
            return;
        }
        m_keychainAvailable = false;
        done(Saved{true, true, noKeychainSentence()});
    });
}

void RetellKeyStore::remove(Scope scope, const QString &companyId,
                            std::function<void(const Saved &)> done)
{
    const QString entry = entryName(scope, companyId);
    m_memory.remove(entry);
    emit keysChanged();
    if (!m_keychainAvailable) {
        done(Saved{true, true, QString()});
        return;
    }
    m_passwords->remove(entry, [done](const PasswordStore::Answer &answer) {
        const bool gone = answer.outcome == PasswordStore::Outcome::Ok ||
                          answer.outcome == PasswordStore::Outcome::NotFound;
        done(Saved{gone, false,
                   gone ? QString()
                        : RetellKeyStore::tr("The system keychain did not answer, so the key "
                                             "stays stored there.")});
    });
}

QString RetellKeyStore::baseUrl() const
{
    if (baseUrlFromEnvironment())
        return qEnvironmentVariable("RETELL_API_BASE_URL");
    const QString saved = savedBaseUrl();
    return saved.isEmpty() ? QString::fromLatin1(kDefaultBaseUrl) : saved;
}

bool RetellKeyStore::baseUrlFromEnvironment() const
{
    return !qEnvironmentVariable("RETELL_API_BASE_URL").isEmpty();
}

QString RetellKeyStore::savedBaseUrl() const
{
    return m_settings->retellBaseUrl();
}

void RetellKeyStore::setSavedBaseUrl(const QString &url)
{
    m_settings->setRetellBaseUrl(url.trimmed());
}

} // namespace retell::ui
