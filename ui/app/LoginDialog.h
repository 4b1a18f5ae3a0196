#pragma once

#include "access/Actor.h"
#include "db/ServiceContext.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace retell::ui {

class ServiceWorker;

// E-mail and password, checked by AuthService on the worker thread; a wrong
// password shows a plain message and the dialog stays open.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    LoginDialog(core::ServiceContext context, ServiceWorker *worker, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setEmail(const QString &email);
    void setHint(const QString &text);
    // Checks the login against a local replica (core::loginOffline) instead
    // of the server: the app starts offline.
    void setOffline(bool offline) { m_offline = offline; }
    QLineEdit *emailField() const { return m_email; }
    QLineEdit *passwordField() const { return m_password; }
    QString errorText() const;
    bool isBusy() const { return m_busy; }
    const core::Actor &actor() const { return m_actor; }

public slots:
    void signIn();

private:
    void updateState();
    void setBusy(bool busy);

    core::ServiceContext m_context;
    ServiceWorker *m_worker;
    core::Actor m_actor;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
    bool m_offline = false;
};

} // namespace retell::ui
