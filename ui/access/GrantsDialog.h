#pragma once

#include "domain/Types.h"

#include <QDialog>
#include <QHash>
#include <QMessageBox>
#include <QPointer>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace retell::ui {

class AccessFacade;
class BranchesFacade;

// Who may do what, managed in the app (issue 13 §7): the web app's users by
// name and e-mail (search as you type), the roles the chosen user holds,
// and a role to grant on a scope picked from the company → branch tree
// (global at its top). No ids to type. Revoking asks first. Errors are the
// service's one sentence; the services decide who may grant what.
class GrantsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GrantsDialog)

public:
    enum Role
    {
        ScopeRole = Qt::UserRole + 1, // int(core::GrantScope)
        ScopeIdRole,
        UserIdRole,
        GrantIdRole
    };

    GrantsDialog(AccessFacade *access, BranchesFacade *branches, QWidget *parent = nullptr);
    ~GrantsDialog() override;

    // Reads users, grants and branches.
    void reload();
    // Reading, or about to (the search changed a moment ago).
    bool isLoading() const;

    QLineEdit *searchEdit() const { return m_search; }
    QTreeWidget *userList() const { return m_users; }
    QTreeWidget *grantList() const { return m_grants; }
    QTreeWidget *scopeTree() const { return m_scopes; }
    QComboBox *roleBox() const { return m_role; }
    QPushButton *grantButton() const { return m_grant; }
    QPushButton *revokeButton() const { return m_revoke; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *statusLabel() const { return m_status; }
    QMessageBox *openConfirmation() const { return m_confirmation; }

    bool selectUser(const QString &email);
    bool selectScope(core::GrantScope scope, const QString &scopeId);
    std::optional<core::User> currentUser() const;

signals:
    // A grant or revoke was written.
    void grantsChanged();

private:
    void searchUsers();
    void loadGrants();
    void loadBranches();
    void setUsers(const QList<core::User> &users);
    void setBranches(const QList<core::Branch> &branches);
    void showGrantsOfCurrentUser();
    void grantRole();
    void confirmRevoke();
    void revokeGrant(const core::Grant &grant);
    void updateButtons();
    void showError(const QString &sentence);
    void finishLoad();
    QString scopeText(core::GrantScope scope, const QString &scopeId) const;
    std::optional<core::Grant> currentGrant() const;
    bool administers(core::GrantScope scope, const QString &scopeId) const;

    AccessFacade *m_access;
    BranchesFacade *m_branchesFacade;
    QLineEdit *m_search;
    QTreeWidget *m_users;
    QTreeWidget *m_grants;
    QTreeWidget *m_scopes;
    QComboBox *m_role;
    QPushButton *m_grant;
    QPushButton *m_revoke;
    QLabel *m_grantsTitle;
    QLabel *m_error;
    QLabel *m_status;
    QTimer *m_searchTimer;
    QPointer<QMessageBox> m_confirmation;
    QList<core::User> m_userRows;
    QList<core::Grant> m_allGrants;
    QHash<QString, QString> m_companyNames;
    QHash<QString, core::Branch> m_branchById;
    quint64 m_searchGeneration = 0;
    int m_pendingLoads = 0;
    bool m_writing = false;
};

} // namespace retell::ui
