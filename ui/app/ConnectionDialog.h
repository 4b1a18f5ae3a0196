#pragma once

#include "app/Settings.h"
#include "db/ConnectionSpec.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace retell::ui {

class PasswordStore;

// Where to work: the local database (default) or a shared MariaDB/MySQL
// profile. Profiles are remembered in Settings; their passwords only in the
// system keychain.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    ConnectionDialog(Settings *settings, PasswordStore *passwords, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    bool isLocal() const;
    ConnectionProfile profile() const;
    // The chosen database, password included for shared profiles.
    core::ConnectionSpec spec() const;

    void accept() override;

private:
    void loadProfile(int index);
    void readPassword();
    void updateState();
    void browse(QLineEdit *field, const QString &title);
    void setNotice(const QString &text);

    Settings *m_settings;
    PasswordStore *m_passwords;
    QList<ConnectionProfile> m_recent;
    QString m_passwordAsked;   // keychain key already asked for
    QString m_keychainProblem; // one sentence, shown for shared profiles only
    QRadioButton *m_local = nullptr;
    QRadioButton *m_shared = nullptr;
    QLabel *m_localPath = nullptr;
    QGroupBox *m_sharedBox = nullptr;
    QComboBox *m_profiles = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLineEdit *m_sslCa = nullptr;
    QLineEdit *m_sslCert = nullptr;
    QLineEdit *m_sslKey = nullptr;
    QLabel *m_notice = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace retell::ui
