#include "app/ConnectionDialog.h"

#include "app/PasswordStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace retell::ui {

ConnectionDialog::ConnectionDialog(Settings *settings, PasswordStore *passwords, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_passwords(passwords),
      m_recent(settings->recentProfiles())
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Connect — Retell Agent Admin"));
    m_local = new QRadioButton(tr("&Local database on this computer"), this);
    m_localPath = new QLabel(core::ConnectionSpec::defaultSqlitePath(), this);
    m_localPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_localPath->setIndent(24);
    m_shared = new QRadioButton(tr("&Shared company database (MariaDB/MySQL)"), this);

    m_sharedBox = new QGroupBox(this);
    m_profiles = new QComboBox(m_sharedBox);
    for (const ConnectionProfile &p : std::as_const(m_recent))
        m_profiles->addItem(p.name);
    m_profiles->addItem(tr("New profile…"));
    m_name = new QLineEdit(m_sharedBox);
    m_host = new QLineEdit(m_sharedBox);
    m_port = new QSpinBox(m_sharedBox);
    m_port->setRange(1, 65535);
    m_port->setValue(3306);
    m_database = new QLineEdit(m_sharedBox);
    m_user = new QLineEdit(m_sharedBox);
    m_password = new QLineEdit(m_sharedBox);
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("Remember in the system &keychain"), m_sharedBox);
    m_remember->setChecked(true);
    m_sslCa = new QLineEdit(m_sharedBox);
    m_sslCert = new QLineEdit(m_sharedBox);
    m_sslKey = new QLineEdit(m_sharedBox);
    m_local->setObjectName(QStringLiteral("localDatabase"));
    m_shared->setObjectName(QStringLiteral("sharedDatabase"));
    m_name->setObjectName(QStringLiteral("profileName"));
    m_host->setObjectName(QStringLiteral("profileHost"));
    m_database->setObjectName(QStringLiteral("profileDatabase"));
    m_user->setObjectName(QStringLiteral("profileUser"));
    m_password->setObjectName(QStringLiteral("profilePassword"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("connectionNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    auto fileRow = [this](QLineEdit *field, const QString &title) {
        auto *row = new QHBoxLayout;
        row->addWidget(field);
        auto *button = new QToolButton(m_sharedBox);
        button->setText(QStringLiteral("…"));
        button->setToolTip(tr("Choose a file"));
        connect(button, &QToolButton::clicked, this,
                [this, field, title] { browse(field, title); });
        row->addWidget(button);
        return row;
    };
    auto *form = new QFormLayout(m_sharedBox);
    form->addRow(tr("&Profile:"), m_profiles);
    form->addRow(tr("&Name:"), m_name);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("Po&rt:"), m_sharedBox);
    portLabel->setBuddy(m_port);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    // A layout row gets no buddy from addRow(QString, QLayout*): give the
    // label one so the mnemonic works and the '&' is not shown.
    auto *hostLabel = new QLabel(tr("&Host:"), m_sharedBox);
    hostLabel->setBuddy(m_host);
    form->addRow(hostLabel, hostRow);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_remember);
    form->addRow(tr("TLS CA:"), fileRow(m_sslCa, tr("TLS certificate authority")));
    form->addRow(tr("TLS certificate:"), fileRow(m_sslCert, tr("TLS client certificate")));
    form->addRow(tr("TLS key:"), fileRow(m_sslKey, tr("TLS client key")));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_local);
    layout->addWidget(m_localPath);
    layout->addWidget(m_shared);
    layout->addWidget(m_sharedBox);
    layout->addWidget(m_notice);
    layout->addWidget(m_buttons);

    connect(m_local, &QRadioButton::toggled, this, [this] {
        readPassword();
        updateState();
    });
    connect(m_profiles, &QComboBox::currentIndexChanged, this, &ConnectionDialog::loadProfile);
    for (QLineEdit *field : {m_name, m_host, m_database, m_user})
        connect(field, &QLineEdit::textChanged, this, &ConnectionDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);

    const QString last = settings->lastProfile();
    int lastIndex = -1;
    for (int i = 0; i < m_recent.size(); ++i) {
        if (m_recent.at(i).name == last)
            lastIndex = i;
    }
    (lastIndex >= 0 ? m_shared : m_local)->setChecked(true);
    m_profiles->setCurrentIndex(lastIndex >= 0 ? lastIndex : 0);
    loadProfile(m_profiles->currentIndex());
    updateState();
}

ConnectionDialog::~ConnectionDialog() = default;

bool ConnectionDialog::isLocal() const
{
    return m_local->isChecked();
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.database = m_database->text().trimmed();
    p.user = m_user->text().trimmed();
    p.sslCa = m_sslCa->text().trimmed();
    p.sslCert = m_sslCert->text().trimmed();
    p.sslKey = m_sslKey->text().trimmed();
    if (p.name.isEmpty())
        p.name = p.keychainKey();
    return p;
}

core::ConnectionSpec ConnectionDialog::spec() const
{
    if (isLocal())
        return core::ConnectionSpec::defaultLocal();
    auto parsed = core::ConnectionSpec::parse(profile().url());
    core::ConnectionSpec spec = parsed ? parsed.value() : core::ConnectionSpec{};
    spec.password = m_password->text();
    return spec;
}

void ConnectionDialog::loadProfile(int index)
{
    const bool known = index >= 0 && index < m_recent.size();
    const ConnectionProfile p = known ? m_recent.at(index) : ConnectionProfile{};
    m_name->setText(p.name);
    m_host->setText(p.host);
    m_port->setValue(p.port);
    m_database->setText(p.database);
    m_user->setText(p.user);
    m_sslCa->setText(p.sslCa);
    m_sslCert->setText(p.sslCert);
    m_sslKey->setText(p.sslKey);
    m_password->clear();
    m_passwordAsked.clear();
    readPassword();
}

void ConnectionDialog::readPassword()
{
    // The keychain is only asked for a shared profile: the local database
    // has no password, and a keychain that does not answer is no news then.
    const QString key = profile().keychainKey();
    if (!m_shared->isChecked() || key == m_passwordAsked)
        return;
    m_passwordAsked = key;
    m_passwords->read(key,
                      [this, guard = QPointer(this), key](const PasswordStore::Answer &answer) {
                          if (!guard)
                              return;
                          if (answer.outcome == PasswordStore::Outcome::Ok) {
                              if (profile().keychainKey() == key && m_password->text().isEmpty())
                                  m_password->setText(answer.password);
                          } else if (!answer.problem.isEmpty()) {
                              m_keychainProblem = answer.problem;
                              m_remember->setChecked(false);
                          }
                          updateState();
                      });
}

void ConnectionDialog::updateState()
{
    const bool shared = m_shared->isChecked();
    m_sharedBox->setEnabled(shared);
    m_localPath->setEnabled(!shared);
    const bool ok = isLocal() || profile().isValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    m_remember->setEnabled(m_passwords->backendAvailable() && m_keychainProblem.isEmpty());
    setNotice(shared ? m_keychainProblem : QString());
}

void ConnectionDialog::browse(QLineEdit *field, const QString &title)
{
    const QString file = QFileDialog::getOpenFileName(this, title, field->text());
    if (!file.isEmpty())
        field->setText(file);
}

void ConnectionDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ConnectionDialog::accept()
{
    if (isLocal()) {
        m_settings->setLastProfile(QString());
        QDialog::accept();
        return;
    }
    const ConnectionProfile p = profile();
    m_settings->rememberProfile(p);
    m_settings->setLastProfile(p.name);
    if (m_remember->isChecked() && m_remember->isEnabled() && !m_password->text().isEmpty()) {
        // The keychain answers later; the dialog's owner (PasswordStore's
        // parent) outlives this dialog, so the answer is only logged.
        m_passwords->write(p.keychainKey(), m_password->text(),
                           [](const PasswordStore::Answer &answer) {
                               if (!answer.problem.isEmpty())
                                   qWarning("%s", qPrintable(answer.problem));
                           });
    }
    QDialog::accept();
}

} // namespace retell::ui
