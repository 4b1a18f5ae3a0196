#include "app/LoginDialog.h"

#include "access/AuthService.h"
#include "offline/Replica.h"
#include "services/DisplayText.h"
#include "services/ServiceWorker.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace retell::ui {

LoginDialog::LoginDialog(core::ServiceContext context, ServiceWorker *worker, QWidget *parent)
    : QDialog(parent), m_context(std::move(context)), m_worker(worker),
      m_email(new QLineEdit(this)), m_password(new QLineEdit(this)), m_hint(new QLabel(this)),
      m_error(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign In — Retell Agent Admin"));
    m_email->setObjectName(QStringLiteral("loginEmail"));
    m_password->setObjectName(QStringLiteral("loginPassword"));
    m_email->setPlaceholderText(tr("you@company.example"));
    m_password->setEchoMode(QLineEdit::Password);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Use the e-mail and password of the web admin.<br><small>%1</small>")
                        .arg(databaseTitle(m_context.spec).toHtmlEscaped()));
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d9534f; font-weight: bold;"));
    m_error->hide();
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(6);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign In"));

    auto *form = new QFormLayout;
    form->addRow(tr("&E-mail:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_hint);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);

    connect(m_email, &QLineEdit::textChanged, this, &LoginDialog::updateState);
    connect(m_password, &QLineEdit::textChanged, this, &LoginDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    updateState();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setEmail(const QString &email)
{
    m_email->setText(email);
    if (!email.isEmpty())
        m_password->setFocus();
}

void LoginDialog::setHint(const QString &text)
{
    m_hint->setText(text);
}

QString LoginDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void LoginDialog::signIn()
{
    if (m_busy || m_email->text().trimmed().isEmpty() || m_password->text().isEmpty())
        return;
    setBusy(true);
    const QString email = m_email->text().trimmed();
    const QString password = m_password->text();
    const core::ServiceContext context = m_context;
    m_worker->run(
        this,
        [=, offline = m_offline] {
            return offline ? core::loginOffline(context, email, password)
                           : core::AuthService(context).login(email, password);
        },
        [this](core::Result<core::Actor> result) {
            setBusy(false);
            if (!result) {
                m_error->setText(ui::errorText(result.error()));
                m_error->show();
                m_password->clear();
                m_password->setFocus();
                return;
            }
            m_actor = result.value();
            accept();
        });
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    if (busy)
        m_error->hide();
    m_email->setEnabled(!busy);
    m_password->setEnabled(!busy);
    updateState();
}

void LoginDialog::updateState()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && !m_email->text().trimmed().isEmpty() &&
                     !m_password->text().isEmpty());
}

} // namespace retell::ui
