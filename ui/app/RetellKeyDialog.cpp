#include "app/RetellKeyDialog.h"

#include "app/RetellKeyStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
// The scope box's data: a company id, or empty for the global key.
RetellKeyStore::Scope scopeOf(const QString &companyId)
{
    return companyId.isEmpty() ? RetellKeyStore::Scope::Global : RetellKeyStore::Scope::Company;
}
} // namespace

RetellKeyDialog::RetellKeyDialog(RetellKeyStore *store,
                                 const QList<QPair<QString, QString>> &companies,
                                 const QString &currentCompanyId, QWidget *parent)
    : QDialog(parent), m_store(store), m_scope(new QComboBox(this)), m_key(new QLineEdit(this)),
      m_baseUrl(new QLineEdit(this)), m_stored(new QLabel(this)), m_notice(new QLabel(this))
{
    setObjectName(QStringLiteral("retellKeyDialog"));
    setWindowTitle(tr("Retell API Key"));
    m_scope->setObjectName(QStringLiteral("retellKeyScope"));
    for (const auto &[id, name] : companies)
        m_scope->addItem(tr("%1 only").arg(name), id);
    m_scope->addItem(tr("Every company (global key)"), QString());
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(currentCompanyId)));

    m_key->setObjectName(QStringLiteral("retellKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Paste the key from Retell's dashboard"));
    m_stored->setObjectName(QStringLiteral("retellKeyStored"));
    m_baseUrl->setObjectName(QStringLiteral("retellBaseUrl"));
    m_baseUrl->setPlaceholderText(QString::fromLatin1(RetellKeyStore::kDefaultBaseUrl));
    if (m_store->baseUrlFromEnvironment()) {
        m_baseUrl->setText(m_store->baseUrl());
        m_baseUrl->setReadOnly(true);
        m_baseUrl->setToolTip(tr("Set by the environment variable RETELL_API_BASE_URL."));
    } else {
        m_baseUrl->setText(m_store->savedBaseUrl());
    }
    m_notice->setObjectName(QStringLiteral("retellKeyNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    auto *intro = new QLabel(tr("The key is kept in the system keychain, never in a settings "
                                "file; a company's own key comes before the global one."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&For:"), m_scope);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(QString(), m_stored);
    form->addRow(tr("&Base URL:"), m_baseUrl);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("retellKeySave"));
    m_remove = buttons->addButton(tr("&Remove Key"), QDialogButtonBox::DestructiveRole);
    m_remove->setObjectName(QStringLiteral("retellKeyRemove"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_save, &QPushButton::clicked, this, &RetellKeyDialog::save);
    connect(m_remove, &QPushButton::clicked, this, &RetellKeyDialog::removeKey);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &RetellKeyDialog::lookUp);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_notice);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
    lookUp();
}

RetellKeyDialog::~RetellKeyDialog() = default;

void RetellKeyDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void RetellKeyDialog::lookUp()
{
    const QString companyId = m_scope->currentData().toString();
    m_stored->setText(tr("Looking in the keychain…"));
    m_remove->setEnabled(false);
    const QPointer<RetellKeyDialog> self(this);
    m_store->find(companyId, [self, companyId](const RetellKeyStore::Lookup &found) {
        if (!self || self->m_scope->currentData().toString() != companyId)
            return;
        // A company without a key of its own falls back to the global one.
        const bool own = !found.key.isEmpty() && (found.scope == scopeOf(companyId));
        self->m_stored->setText(own ? tr("A key is stored; a new one replaces it.")
                                : found.key.isEmpty() ? tr("No key is stored.")
                                                      : tr("No key of its own: the global key is "
                                                           "used."));
        self->m_remove->setEnabled(own);
        self->setNotice(found.problem);
    });
}

void RetellKeyDialog::save()
{
    const QString key = m_key->text().trimmed();
    const QString url = m_baseUrl->text().trimmed();
    if (!m_store->baseUrlFromEnvironment() && !url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || !parsed.scheme().startsWith(QLatin1String("http")) ||
            parsed.host().isEmpty()) {
            setNotice(tr("The base URL must look like https://api.retellai.com."));
            m_baseUrl->setFocus();
            return;
        }
    }
    if (!m_store->baseUrlFromEnvironment())
        m_store->setSavedBaseUrl(url);
    if (key.isEmpty()) { // only the base URL changed
        emit message(tr("Retell's base URL saved."));
        accept();
        return;
    }
    const QString companyId = m_scope->currentData().toString();
    const QString scopeName = m_scope->currentText();
    m_save->setEnabled(false);
    const QPointer<RetellKeyDialog> self(this);
    m_store->save(
        scopeOf(companyId), companyId, key, [self, scopeName](const RetellKeyStore::Saved &saved) {
            if (!self)
                return;
            self->m_save->setEnabled(true);
            self->m_key->clear();
            emit self->message(saved.sessionOnly ? saved.problem
                                                 : tr("Retell API key saved in the system keychain "
                                                      "(%1).")
                                                       .arg(scopeName));
            self->accept();
        });
}

void RetellKeyDialog::removeKey()
{
    const QString companyId = m_scope->currentData().toString();
    const QPointer<RetellKeyDialog> self(this);
    m_store->remove(scopeOf(companyId), companyId, [self](const RetellKeyStore::Saved &removed) {
        if (!self)
            return;
        if (!removed.ok) {
            self->setNotice(removed.problem);
            return;
        }
        emit self->message(tr("Retell API key removed."));
        self->lookUp();
    });
}

} // namespace retell::ui
