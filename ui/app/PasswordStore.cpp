#include "app/PasswordStore.h"

#include <qt6keychain/keychain.h>

namespace retell::ui {

namespace {
template <typename JobType> JobType *makeJob(QObject *parent, const QString &key)
{
    auto *job = new JobType(QString::fromLatin1(PasswordStore::kService), parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}
PasswordStore::Answer answerFor(QKeychain::Job *job)
{
    PasswordStore::Answer answer;
    switch (job->error()) {
    case QKeychain::NoError:
        answer.outcome = PasswordStore::Outcome::Ok;
        break;
    case QKeychain::EntryNotFound:
        answer.outcome = PasswordStore::Outcome::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        answer.outcome = PasswordStore::Outcome::NoBackend;
        answer.problem = PasswordStore::tr("No system keychain (such as GNOME Keyring or KWallet) "
                                           "is running, so the password cannot be remembered and "
                                           "is asked for at each start.");
        break;
    default:
        // QtKeychain's own text ("Unknown error" when no keychain answers on
        // D-Bus) tells a person nothing; it goes to the log only.
        qInfo("keychain: %s", qPrintable(job->errorString()));
        answer.outcome = PasswordStore::Outcome::Failed;
        answer.problem = PasswordStore::tr("The system keychain did not answer, so the password "
                                           "cannot be remembered and is asked for at each start.");
        break;
    }
    return answer;
}
} // namespace

PasswordStore::PasswordStore(QObject *parent) : QObject(parent) {}

PasswordStore::~PasswordStore() = default;

void PasswordStore::read(const QString &key, Callback done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this, key);
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job *finished) {
        Answer answer = answerFor(finished);
        if (answer.outcome == Outcome::NoBackend)
            m_backendAvailable = false;
        if (answer.outcome == Outcome::Ok)
            answer.password = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        done(answer);
    });
    job->start();
}

void PasswordStore::write(const QString &key, const QString &password, Callback done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(this, key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, done](QKeychain::Job *finished) {
        const Answer answer = answerFor(finished);
        if (answer.outcome == Outcome::NoBackend)
            m_backendAvailable = false;
        done(answer);
    });
    job->start();
}

void PasswordStore::remove(const QString &key, Callback done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(this, key);
    connect(job, &QKeychain::Job::finished, this,
            [done](QKeychain::Job *finished) { done(answerFor(finished)); });
    job->start();
}

} // namespace retell::ui
