#include "access/GrantsDialog.h"
#include "services/DisplayText.h"

#include "access/RoleNames.h"
#include "common/WindowGeometry.h"
#include "panels/StatusIcons.h"
#include "services/AccessFacade.h"
#include "services/BranchesFacade.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>

namespace retell::ui {

namespace {
constexpr int kSearchDelayMs = 150;

QTreeWidget *makeList(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(name);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAllColumnsShowFocus(true);
    list->header()->setStretchLastSection(true);
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    return list;
}
} // namespace

GrantsDialog::GrantsDialog(AccessFacade *access, BranchesFacade *branches, QWidget *parent)
    : QDialog(parent), m_access(access), m_branchesFacade(branches), m_search(new QLineEdit(this)),
      m_users(makeList(this, QStringLiteral("grantUsers"), {tr("Name"), tr("E-mail")})),
      m_grants(makeList(this, QStringLiteral("grantList"), {tr("Role"), tr("Where")})),
      m_scopes(new QTreeWidget(this)), m_role(new QComboBox(this)),
      m_grant(new QPushButton(tr("&Grant"), this)), m_revoke(new QPushButton(tr("&Revoke…"), this)),
      m_grantsTitle(new QLabel(this)), m_error(new QLabel(this)), m_status(new QLabel(this)),
      m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("grantsDialog"));
    setWindowTitle(tr("Manage Access"));
    m_search->setObjectName(QStringLiteral("grantUserSearch"));
    m_search->setPlaceholderText(tr("Search users by name or e-mail"));
    m_search->setClearButtonEnabled(true);
    m_scopes->setObjectName(QStringLiteral("grantScopes"));
    m_scopes->setHeaderHidden(true);
    m_scopes->setUniformRowHeights(true);
    m_role->setObjectName(QStringLiteral("grantRole"));
    for (core::Role role : {core::Role::Viewer, core::Role::Editor, core::Role::Admin})
        m_role->addItem(roleDisplayName(role), int(role));
    m_grant->setObjectName(QStringLiteral("grantButton"));
    m_revoke->setObjectName(QStringLiteral("revokeButton"));
    m_error->setObjectName(QStringLiteral("grantError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d9534f; font-weight: bold;"));
    m_error->hide();
    m_status->setObjectName(QStringLiteral("grantStatus"));
    m_status->setWordWrap(true);
    m_grantsTitle->setWordWrap(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);

    auto *usersBox = new QGroupBox(tr("Users"), this);
    auto *usersLayout = new QVBoxLayout(usersBox);
    usersLayout->addWidget(m_search);
    usersLayout->addWidget(m_users, 1);

    auto *grantsBox = new QGroupBox(tr("Roles"), this);
    auto *grantsLayout = new QVBoxLayout(grantsBox);
    grantsLayout->addWidget(m_grantsTitle);
    grantsLayout->addWidget(m_grants, 1);
    auto *revokeRow = new QHBoxLayout;
    revokeRow->addStretch(1);
    revokeRow->addWidget(m_revoke);
    grantsLayout->addLayout(revokeRow);

    auto *grantBox = new QGroupBox(tr("Grant a role"), this);
    auto *grantLayout = new QGridLayout(grantBox);
    auto *whereLabel = new QLabel(tr("&Where:"), grantBox);
    whereLabel->setBuddy(m_scopes);
    auto *roleLabel = new QLabel(tr("R&ole:"), grantBox);
    roleLabel->setBuddy(m_role);
    grantLayout->addWidget(whereLabel, 0, 0, Qt::AlignTop);
    grantLayout->addWidget(m_scopes, 0, 1, 1, 3);
    grantLayout->addWidget(roleLabel, 1, 0);
    grantLayout->addWidget(m_role, 1, 1);
    grantLayout->setColumnStretch(2, 1);
    grantLayout->addWidget(m_grant, 1, 3);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(grantsBox, 2);
    rightLayout->addWidget(grantBox, 3);
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("grantsSplitter"));
    splitter->addWidget(usersBox);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &GrantsDialog::searchUsers);
    connect(m_users, &QTreeWidget::currentItemChanged, this,
            &GrantsDialog::showGrantsOfCurrentUser);
    connect(m_grants, &QTreeWidget::currentItemChanged, this, &GrantsDialog::updateButtons);
    connect(m_scopes, &QTreeWidget::currentItemChanged, this, &GrantsDialog::updateButtons);
    connect(m_grant, &QPushButton::clicked, this, &GrantsDialog::grantRole);
    connect(m_revoke, &QPushButton::clicked, this, &GrantsDialog::confirmRevoke);

    windowGeometry::place(this, QSize(960, 640), {});
    showGrantsOfCurrentUser();
}

GrantsDialog::~GrantsDialog() = default;

void GrantsDialog::reload()
{
    searchUsers();
    loadGrants();
    loadBranches();
}

bool GrantsDialog::isLoading() const
{
    return m_pendingLoads > 0 || m_searchTimer->isActive();
}

void GrantsDialog::finishLoad()
{
    m_pendingLoads = std::max(0, m_pendingLoads - 1);
}

void GrantsDialog::searchUsers()
{
    m_searchTimer->stop();
    const quint64 generation = ++m_searchGeneration;
    ++m_pendingLoads;
    m_access->users(this, m_search->text().trimmed(),
                    [this, generation](core::Result<QList<core::User>> users) {
                        finishLoad();
                        if (generation != m_searchGeneration)
                            return; // the admin typed on
                        if (!users) {
                            showError(errorText(users.error()));
                            return;
                        }
                        setUsers(users.value());
                    });
}

void GrantsDialog::loadGrants()
{
    ++m_pendingLoads;
    m_access->grants(this, [this](core::Result<QList<core::Grant>> grants) {
        finishLoad();
        if (!grants) {
            showError(errorText(grants.error()));
            return;
        }
        m_allGrants = grants.value();
        showGrantsOfCurrentUser();
    });
}

void GrantsDialog::loadBranches()
{
    ++m_pendingLoads;
    m_branchesFacade->branches(this, [this](core::Result<QList<core::Branch>> branches) {
        finishLoad();
        if (!branches) {
            showError(errorText(branches.error()));
            return;
        }
        setBranches(branches.value());
        showGrantsOfCurrentUser();
    });
}

void GrantsDialog::setUsers(const QList<core::User> &users)
{
    const auto current = currentUser();
    m_userRows = users;
    m_users->clear();
    QTreeWidgetItem *keep = nullptr;
    for (const core::User &user : users) {
        auto *item = new QTreeWidgetItem(m_users, {user.name, user.email});
        item->setData(0, UserIdRole, user.id);
        if (current && current->id == user.id)
            keep = item;
    }
    if (!keep && m_users->topLevelItemCount() == 1)
        keep = m_users->topLevelItem(0); // the one match of a search
    m_users->setCurrentItem(keep);
    showGrantsOfCurrentUser();
}

void GrantsDialog::setBranches(const QList<core::Branch> &branches)
{
    const auto current = m_scopes->currentItem();
    const int scope = current ? current->data(0, ScopeRole).toInt() : -1;
    const QString scopeId = current ? current->data(0, ScopeIdRole).toString() : QString();
    m_companyNames.clear();
    m_branchById.clear();
    m_scopes->clear();
    auto *global = new QTreeWidgetItem(m_scopes, {tr("Everything (global)")});
    global->setData(0, ScopeRole, int(core::GrantScope::Global));
    global->setIcon(0, themeIcon(QStringLiteral("app")));
    QHash<QString, QTreeWidgetItem *> companies;
    for (const core::Branch &b : branches) {
        m_branchById.insert(b.id, b);
        QTreeWidgetItem *company = companies.value(b.companyId);
        if (!company) {
            m_companyNames.insert(b.companyId, b.companyName);
            company = new QTreeWidgetItem(global, {b.companyName});
            company->setData(0, ScopeRole, int(core::GrantScope::Company));
            company->setData(0, ScopeIdRole, b.companyId);
            companies.insert(b.companyId, company);
        }
        auto *item = new QTreeWidgetItem(company, {b.name});
        item->setData(0, ScopeRole, int(core::GrantScope::Branch));
        item->setData(0, ScopeIdRole, b.id);
    }
    m_scopes->expandAll();
    if (scope < 0 || !selectScope(core::GrantScope(scope), scopeId))
        m_scopes->setCurrentItem(global);
}

std::optional<core::User> GrantsDialog::currentUser() const
{
    const QTreeWidgetItem *item = m_users->currentItem();
    if (!item)
        return std::nullopt;
    const auto id = item->data(0, UserIdRole).toLongLong();
    const auto it = std::find_if(m_userRows.cbegin(), m_userRows.cend(),
                                 [id](const core::User &u) { return u.id == id; });
    return it == m_userRows.cend() ? std::nullopt : std::optional(*it);
}

bool GrantsDialog::selectUser(const QString &email)
{
    for (int i = 0; i < m_users->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_users->topLevelItem(i);
        if (item->text(1).compare(email, Qt::CaseInsensitive) == 0) {
            m_users->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

bool GrantsDialog::selectScope(core::GrantScope scope, const QString &scopeId)
{
    for (QTreeWidgetItemIterator it(m_scopes); *it; ++it) {
        if ((*it)->data(0, ScopeRole).toInt() == int(scope) &&
            (*it)->data(0, ScopeIdRole).toString() == scopeId) {
            m_scopes->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

QString GrantsDialog::scopeText(core::GrantScope scope, const QString &scopeId) const
{
    switch (scope) {
    case core::GrantScope::Global:
        return tr("Everything (global)");
    case core::GrantScope::Company:
        return m_companyNames.value(scopeId, tr("a company you cannot see"));
    case core::GrantScope::Branch:
        if (const auto it = m_branchById.constFind(scopeId); it != m_branchById.cend())
            return tr("%1 › %2").arg(it->companyName, it->name);
        return tr("a branch you cannot see");
    }
    return {};
}

void GrantsDialog::showGrantsOfCurrentUser()
{
    const auto user = currentUser();
    const auto keepId =
        m_grants->currentItem() ? m_grants->currentItem()->data(0, GrantIdRole) : QVariant();
    m_grants->clear();
    if (!user) {
        m_grantsTitle->setText(tr("Choose a user to see and change their roles."));
        updateButtons();
        return;
    }
    int count = 0;
    for (const core::Grant &g : std::as_const(m_allGrants)) {
        if (g.userId != user->id)
            continue;
        auto *item =
            new QTreeWidgetItem(m_grants, {roleDisplayName(g.role), scopeText(g.scope, g.scopeId)});
        item->setData(0, GrantIdRole, g.id);
        if (g.id == keepId.toLongLong())
            m_grants->setCurrentItem(item);
        ++count;
    }
    m_grantsTitle->setText(
        count == 0 ? tr("%1 (%2) has no role you can see.").arg(user->name, user->email)
                   : tr("%1 (%2) holds %n role(s):", nullptr, count).arg(user->name, user->email));
    updateButtons();
}

std::optional<core::Grant> GrantsDialog::currentGrant() const
{
    const QTreeWidgetItem *item = m_grants->currentItem();
    if (!item)
        return std::nullopt;
    const qint64 id = item->data(0, GrantIdRole).toLongLong();
    const auto it = std::find_if(m_allGrants.cbegin(), m_allGrants.cend(),
                                 [id](const core::Grant &g) { return g.id == id; });
    return it == m_allGrants.cend() ? std::nullopt : std::optional(*it);
}

bool GrantsDialog::administers(core::GrantScope scope, const QString &scopeId) const
{
    const core::Actor &actor = m_access->actor();
    switch (scope) {
    case core::GrantScope::Global:
        return actor.isGlobalAdmin();
    case core::GrantScope::Company:
        return actor.roleForCompany(scopeId) == core::Role::Admin;
    case core::GrantScope::Branch: {
        const auto it = m_branchById.constFind(scopeId);
        return it != m_branchById.cend() &&
               actor.roleFor(it->companyId, scopeId) == core::Role::Admin;
    }
    }
    return false;
}

void GrantsDialog::updateButtons()
{
    const bool idle = !m_writing && !m_confirmation;
    const QTreeWidgetItem *scope = m_scopes->currentItem();
    const bool mayGrant = scope && administers(core::GrantScope(scope->data(0, ScopeRole).toInt()),
                                               scope->data(0, ScopeIdRole).toString());
    m_grant->setEnabled(idle && currentUser().has_value() && mayGrant);
    m_grant->setToolTip(
        scope && !mayGrant ? tr("Only an admin of this scope can grant roles in it.") : QString());
    const auto grant = currentGrant();
    m_revoke->setEnabled(idle && grant && administers(grant->scope, grant->scopeId));
}

void GrantsDialog::showError(const QString &sentence)
{
    m_status->clear();
    m_error->setText(sentence);
    m_error->setVisible(!sentence.isEmpty());
}

void GrantsDialog::grantRole()
{
    const auto user = currentUser();
    const QTreeWidgetItem *scopeItem = m_scopes->currentItem();
    if (!user || !scopeItem)
        return;
    const auto scope = core::GrantScope(scopeItem->data(0, ScopeRole).toInt());
    const QString scopeId = scopeItem->data(0, ScopeIdRole).toString();
    const auto role = core::Role(m_role->currentData().toInt());
    showError({});
    m_writing = true;
    updateButtons();
    m_access->grant(this, user->email, role, scope, scopeId,
                    [this, user = *user, role, scope, scopeId](core::Result<core::Grant> granted) {
                        m_writing = false;
                        if (!granted) {
                            showError(errorText(granted.error()));
                            updateButtons();
                            return;
                        }
                        m_status->setText(
                            tr("%1 is now %2 of %3.")
                                .arg(user.name, roleDisplayName(role), scopeText(scope, scopeId)));
                        loadGrants();
                        emit grantsChanged();
                    });
}

void GrantsDialog::confirmRevoke()
{
    const auto user = currentUser();
    const auto grant = currentGrant();
    if (!user || !grant || m_confirmation)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Revoke Role"),
        tr("Revoke the %1 role of %2 on %3? They lose that access at once.")
            .arg(roleDisplayName(grant->role), user->name, scopeText(grant->scope, grant->scopeId)),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("revokeConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("&Revoke"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, revoked = *grant] {
        const bool confirmed = box->clickedButton() == confirm;
        m_confirmation = nullptr;
        updateButtons();
        if (confirmed)
            revokeGrant(revoked);
    });
    updateButtons();
    box->open();
}

void GrantsDialog::revokeGrant(const core::Grant &grant)
{
    showError({});
    m_writing = true;
    updateButtons();
    m_access->revoke(this, grant.userEmail, grant.scope, grant.scopeId,
                     [this, grant](core::Result<int> removed) {
                         m_writing = false;
                         if (!removed) {
                             showError(errorText(removed.error()));
                             updateButtons();
                             return;
                         }
                         m_status->setText(tr("Revoked the %1 role of %2 on %3.")
                                               .arg(roleDisplayName(grant.role), grant.userEmail,
                                                    scopeText(grant.scope, grant.scopeId)));
                         loadGrants();
                         emit grantsChanged();
                     });
}

} // namespace retell::ui
