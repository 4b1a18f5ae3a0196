#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace retell::ui {

class RetellKeyStore;

// Admin › Retell API Key… (issue 15 §1): the key for one company or for
// all (global), kept in the system keychain, and Retell's base URL (a
// setting; RETELL_API_BASE_URL wins and is shown read-only).
class RetellKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetellKeyDialog)

public:
    // companies: (id, name) of the companies the user sees; current: preselected.
    RetellKeyDialog(RetellKeyStore *store, const QList<QPair<QString, QString>> &companies,
                    const QString &currentCompanyId, QWidget *parent = nullptr);
    ~RetellKeyDialog() override;

    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QComboBox *scopeBox() const { return m_scope; }
    QLabel *notice() const { return m_notice; }

signals:
    // Saved or removed, in one sentence for the banner.
    void message(const QString &text);

private:
    void save();
    void removeKey();
    void lookUp();
    void setNotice(const QString &text);

    RetellKeyStore *m_store;
    QComboBox *m_scope = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLabel *m_stored = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace retell::ui
