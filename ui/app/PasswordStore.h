#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace retell::ui {

// Database passwords in the system keychain (QtKeychain, service
// "retell-admin"), never in a settings file: the insecure fallback stays off.
// When no keychain backend exists, callers are told so and ask every time.
class PasswordStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordStore)

public:
    enum class Outcome
    {
        Ok,
        NotFound,
        NoBackend,
        Failed
    };
    struct Answer
    {
        Outcome outcome = Outcome::Failed;
        QString password; // for reads that succeeded
        QString problem;  // one sentence for a person
    };
    using Callback = std::function<void(const Answer &answer)>;

    static constexpr const char *kService = "retell-admin";

    explicit PasswordStore(QObject *parent = nullptr);
    ~PasswordStore() override;

    void read(const QString &key, Callback done);
    void write(const QString &key, const QString &password, Callback done);
    void remove(const QString &key, Callback done);
    // False once a job reported that no keychain backend is available.
    bool backendAvailable() const { return m_backendAvailable; }

private:
    bool m_backendAvailable = true;
};

} // namespace retell::ui
