// Grants in the app through the real dialog on a real database (issue 13
// §7): the company admin opens it by its key, finds a user by typing,
// picks a branch from the tree (no ids typed), grants a role, revokes it
// after confirming (Cancel keeps it); a global scope is not offered to a
// company admin; another company's people are found only by their whole
// e-mail address; a refusal by the service is one plain sentence.
#include "TestDatabase.h"
#include "gui_support.h"

#include "access/AccessService.h"
#include "access/GrantsDialog.h"
#include "app/AppStartup.h"
#include "app/FleetUi.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "db/Database.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"

#include "app/EnglishPlurals.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace retell;
using namespace retell::ui;

namespace {
const QString kBerlin = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
const char *kVera = "viewer@salon-aurora.example";

QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>()) {
        if (b->text() == text && b->isVisible())
            return b;
    }
    return nullptr;
}

QStringList column(const QTreeWidget *tree, int column)
{
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        texts << tree->topLevelItem(i)->text(column);
    return texts;
}
} // namespace

class TestGrantsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void companyAdminGrantsAndRevokes();

private:
    EnglishPlurals m_plurals;
    QString grantRole(const QString &email, const QString &scope, const QString &scopeId) const;
    void search(GrantsDialog *dialog, const QString &text);

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
};

void TestGrantsDialog::initTestCase()
{
    const QString failed = test::prepareDemoGui(m_plurals, m_db, m_context, m_settings);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

QString TestGrantsDialog::grantRole(const QString &email, const QString &scope,
                                    const QString &scopeId) const
{
    auto conn = core::Database::connection(m_context.spec);
    if (!conn)
        return QStringLiteral("<error>");
    auto q = core::Database::exec(
        conn.value(),
        QStringLiteral("SELECT g.role FROM retell_admin_grants g JOIN users u ON u.id = g.user_id "
                       "WHERE u.email = ? AND g.scope = ? AND g.scope_id = ?"),
        {email, scope, scopeId});
    if (!q)
        return QStringLiteral("<error>");
    return q->next() ? q->value(0).toString() : QStringLiteral("<none>");
}

void TestGrantsDialog::search(GrantsDialog *dialog, const QString &text)
{
    dialog->searchEdit()->setFocus();
    QTest::keyClick(dialog->searchEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(dialog->searchEdit(), Qt::Key_Delete);
    QTest::keyClicks(dialog->searchEdit(), text);
}

void TestGrantsDialog::companyAdminGrantsAndRevokes()
{
    auto window = test::openMainWindow(m_context, core::demo::kCompanyAdmin, &m_worker,
                                       m_settings.get(), m_env, test::WindowWait::Ready);
    QVERIFY(window);
    QTest::keyClick(window.get(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    GrantsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->fleet()->grantsDialog()));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 10000);

    // The tree: everything at the top, then the admin's company and its branches.
    QTreeWidget *scopes = dialog->scopeTree();
    QCOMPARE(scopes->topLevelItemCount(), 1);
    QCOMPARE(scopes->topLevelItem(0)->childCount(), 1);
    QCOMPARE(scopes->topLevelItem(0)->child(0)->text(0), QStringLiteral("Salon Aurora"));
    QCOMPARE(scopes->topLevelItem(0)->child(0)->childCount(), 3);

    // Search as you type: one match, chosen; their roles listed by name.
    search(dialog, QStringLiteral("vera"));
    QTRY_COMPARE(column(dialog->userList(), 1), QStringList{QString::fromLatin1(kVera)});
    QTRY_VERIFY(dialog->currentUser() && dialog->currentUser()->email == QLatin1String(kVera));
    QTRY_COMPARE(column(dialog->grantList(), 1), QStringList{QStringLiteral("Salon Aurora")});
    QCOMPARE(column(dialog->grantList(), 0), QStringList{QStringLiteral("Viewer")});

    // A company admin grants nothing global.
    scopes->setCurrentItem(scopes->topLevelItem(0));
    QVERIFY(!dialog->grantButton()->isEnabled());
    QVERIFY(!dialog->grantButton()->toolTip().isEmpty());

    // Berlin Mitte clicked in the tree, Editor chosen by keyboard, Grant.
    QTreeWidgetItem *berlin = scopes->topLevelItem(0)->child(0)->child(0);
    QCOMPARE(berlin->text(0), QStringLiteral("Berlin Mitte"));
    scopes->scrollToItem(berlin);
    QTest::mouseClick(scopes->viewport(), Qt::LeftButton, {},
                      scopes->visualItemRect(berlin).center());
    QCOMPARE(scopes->currentItem(), berlin);
    dialog->roleBox()->setFocus();
    QTest::keyClick(dialog->roleBox(), Qt::Key_Down);
    QCOMPARE(dialog->roleBox()->currentText(), QStringLiteral("Editor"));
    QVERIFY(dialog->grantButton()->isEnabled());
    QTest::mouseClick(dialog->grantButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        grantRole(QString::fromLatin1(kVera), QStringLiteral("branch"), kBerlin),
        QStringLiteral("editor"), 10000);
    QTRY_COMPARE(dialog->grantList()->topLevelItemCount(), 2);
    QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("Editor")),
             qPrintable(dialog->statusLabel()->text()));
    QVERIFY(!dialog->errorLabel()->isVisible());

    // Revoke asks first: Cancel keeps the grant, Revoke removes it.
    const auto berlinGrant =
        dialog->grantList()->findItems(QStringLiteral("Berlin Mitte"), Qt::MatchEndsWith, 1);
    QCOMPARE(berlinGrant.size(), 1);
    dialog->grantList()->setCurrentItem(berlinGrant.constFirst());
    QVERIFY(dialog->revokeButton()->isEnabled());
    QTest::mouseClick(dialog->revokeButton(), Qt::LeftButton);
    QMessageBox *confirm = dialog->openConfirmation();
    QVERIFY(confirm);
    QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
    QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!dialog->openConfirmation());
    QCOMPARE(grantRole(QString::fromLatin1(kVera), QStringLiteral("branch"), kBerlin),
             QStringLiteral("editor"));
    QTest::mouseClick(dialog->revokeButton(), Qt::LeftButton);
    confirm = dialog->openConfirmation();
    QVERIFY(confirm);
    QTest::mouseClick(buttonNamed(confirm, QStringLiteral("&Revoke")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        grantRole(QString::fromLatin1(kVera), QStringLiteral("branch"), kBerlin),
        QStringLiteral("<none>"), 10000);
    QTRY_COMPARE(dialog->grantList()->topLevelItemCount(), 1);

    // Another company's people: not by a part of their name, only by their address.
    search(dialog, QStringLiteral("nora"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading() && dialog->userList()->topLevelItemCount() == 0,
                             10000);
    search(dialog, QStringLiteral("owner@praxis-nordlicht.example"));
    QTRY_COMPARE(column(dialog->userList(), 0), QStringList{QStringLiteral("Nora Nordlicht")});

    // The service refuses (the admin lost their role meanwhile): one sentence.
    auto superAdmin = test::login(m_context, core::demo::kSuperAdmin);
    QVERIFY(superAdmin);
    const QString aurora =
        scopes->topLevelItem(0)->child(0)->data(0, GrantsDialog::ScopeIdRole).toString();
    QVERIFY(core::AccessService(m_context)
                .revoke(superAdmin.value(), QString::fromLatin1(core::demo::kCompanyAdmin),
                        core::GrantScope::Company, aurora)
                .ok());
    QTRY_VERIFY(dialog->selectUser(QStringLiteral("owner@praxis-nordlicht.example")));
    QVERIFY(dialog->selectScope(core::GrantScope::Branch, kBerlin));
    QTest::mouseClick(dialog->grantButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorLabel()->isVisible(), 10000);
    const QString error = dialog->errorLabel()->text();
    QVERIFY2(error.endsWith(QLatin1Char('.')) && !error.contains(QLatin1Char('\n')),
             qPrintable(error));
    QCOMPARE(grantRole(QStringLiteral("owner@praxis-nordlicht.example"), QStringLiteral("branch"),
                       kBerlin),
             QStringLiteral("<none>"));
    QVERIFY(core::AccessService(m_context)
                .grant(&superAdmin.value(), QString::fromLatin1(core::demo::kCompanyAdmin),
                       core::Role::Admin, core::GrantScope::Company, aurora)
                .ok());
    dialog->close();
}

QTEST_MAIN(TestGrantsDialog)
#include "tst_grants_dialog.moc"
