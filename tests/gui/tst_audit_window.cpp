// The audit log through its real window on a real database (issue 13 §6):
// opened by its key; the demo's deploys and a grant listed; filtered by
// company, user, kind and dates; an entry's diff (its version against the
// one before) opened by keyboard; exported as CSV and JSON through the file
// dialog; a company admin sees nothing of another company.
#include "TestDatabase.h"
#include "gui_support.h"

#include "access/AccessService.h"
#include "app/AppStartup.h"
#include "app/FleetUi.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "audit/AuditModel.h"
#include "audit/AuditWindow.h"
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"

#include "app/EnglishPlurals.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace retell;
using namespace retell::ui;

namespace {
const QString kBerlin = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");

QStringList column(const AuditWindow *window, int column)
{
    QStringList texts;
    const QAbstractItemModel *model = window->view()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        texts << model->index(r, column).data().toString();
    return texts;
}

QByteArray exportThroughDialog(AuditWindow *window, QPushButton *button, const QString &path)
{
    QTest::mouseClick(button, Qt::LeftButton);
    QFileDialog *dialog = window->openFileDialog();
    if (!dialog)
        return {};
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
    if (!QTest::qWaitFor([&] { return QFile::exists(path); }, 5000))
        return {};
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestAuditWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adminFiltersOpensAndExports();
    void companyAdminSeesTheirCompany();

private:
    EnglishPlurals m_plurals;
    AuditWindow *openAudit(MainWindow *window);
    static bool reloaded(AuditWindow *audit);

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
};

void TestAuditWindow::initTestCase()
{
    const QString failed = test::prepareDemoGui(m_plurals, m_db, m_context, m_settings);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    // A grant to find in the log.
    auto admin = test::login(m_context, core::demo::kSuperAdmin);
    QVERIFY(admin);
    QVERIFY(core::AccessService(m_context)
                .grant(&admin.value(), QStringLiteral("viewer@salon-aurora.example"),
                       core::Role::Editor, core::GrantScope::Branch, kBerlin)
                .ok());
}

AuditWindow *TestAuditWindow::openAudit(MainWindow *window)
{
    QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    AuditWindow *audit = nullptr;
    if (!QTest::qWaitFor([&] { return (audit = window->fleet()->auditWindow()) != nullptr; }, 5000))
        return nullptr;
    return reloaded(audit) ? audit : nullptr;
}

bool TestAuditWindow::reloaded(AuditWindow *audit)
{
    // A changed filter reloads after a short pause: loading until answered.
    return QTest::qWaitFor([&] { return !audit->isLoading(); }, 20000);
}

void TestAuditWindow::adminFiltersOpensAndExports()
{
    auto window = test::openMainWindow(m_context, core::demo::kSuperAdmin, &m_worker,
                                       m_settings.get(), m_env, test::WindowWait::Ready);
    QVERIFY(window);
    AuditWindow *audit = openAudit(window.get());
    QVERIFY(audit);
    const int all = audit->model()->rowCount();
    QVERIFY2(all >= 9, qPrintable(QString::number(all))); // eight demo deploys and the grant
    QVERIFY(column(audit, AuditModel::KindColumn).contains(QStringLiteral("grant")));

    // Company, then user, then kind, then dates.
    audit->companyBox()->setCurrentIndex(
        audit->companyBox()->findText(QStringLiteral("Praxis Nordlicht")));
    QVERIFY(reloaded(audit));
    QCOMPARE(column(audit, AuditModel::CompanyColumn),
             QStringList{QStringLiteral("Praxis Nordlicht")});
    audit->companyBox()->setCurrentIndex(0);
    audit->userEdit()->setFocus();
    QTest::keyClicks(audit->userEdit(), QStringLiteral("editor@salon-aurora.example"));
    QVERIFY(reloaded(audit));
    QCOMPARE(audit->model()->rowCount(), 2); // Emil's two deploys in Berlin Mitte
    for (const QString &who : column(audit, AuditModel::UserColumn))
        QVERIFY(who.contains(QStringLiteral("Emil Editor")));
    audit->userEdit()->clear();
    audit->kindBox()->setCurrentIndex(audit->kindBox()->findText(QStringLiteral("grant")));
    QVERIFY(reloaded(audit));
    QCOMPARE(audit->model()->rowCount(), 1);
    QVERIFY(audit->model()
                ->index(0, AuditModel::DetailsColumn)
                .data()
                .toString()
                .contains(QStringLiteral("viewer@salon-aurora.example")));
    audit->kindBox()->setCurrentIndex(0);
    audit->sinceEdit()->setDate(QDate::currentDate().addDays(-20));
    audit->sinceCheck()->setChecked(true);
    QVERIFY(reloaded(audit));
    const int recent = audit->model()->rowCount();
    QVERIFY(recent > 0 && recent < all); // the demo's history spans 41 days
    audit->sinceCheck()->setChecked(false);
    QVERIFY(reloaded(audit));
    QCOMPARE(audit->model()->rowCount(), all);

    // A deploy's diff, by keyboard: its version against the one before.
    const int row = int(column(audit, AuditModel::DetailsColumn)
                            .indexOf(QStringLiteral("Friendlier greeting for regulars")));
    QVERIFY(row >= 0);
    QVERIFY(audit->selectRow(row));
    QVERIFY(audit->diffButton()->isEnabled());
    const int before = int(window->findChildren<DiffWindow *>().size());
    audit->view()->setFocus();
    QTest::keyClick(audit->view(), Qt::Key_D, Qt::ControlModifier);
    QTRY_COMPARE(int(window->findChildren<DiffWindow *>().size()), before + 1);
    DiffWindow *diff = window->findChildren<DiffWindow *>().constLast();
    QTRY_VERIFY(diff->view()->side(core::Side::Right).prompt.contains("Regular customers"));
    QVERIFY(!diff->view()->side(core::Side::Left).prompt.contains("Regular customers"));
    diff->close();

    // Export: CSV and JSON carry the CLI's columns.
    QTemporaryDir dir;
    const QByteArray csv =
        exportThroughDialog(audit, audit->csvButton(), dir.filePath(QStringLiteral("audit.csv")));
    QCOMPARE(csv.count("\r\n"), all + 1);
    QVERIFY(csv.startsWith("at,kind,user"));
    const QByteArray json =
        exportThroughDialog(audit, audit->jsonButton(), dir.filePath(QStringLiteral("audit.json")));
    const QJsonArray entries = QJsonDocument::fromJson(json).array();
    QCOMPARE(entries.size(), all);
    for (const char *key : {"at", "kind", "user", "company_id", "branch_id", "version", "notes"})
        QVERIFY2(entries.first().toObject().contains(QLatin1String(key)), key);
    audit->close();
}

void TestAuditWindow::companyAdminSeesTheirCompany()
{
    auto window = test::openMainWindow(m_context, core::demo::kCompanyAdmin, &m_worker,
                                       m_settings.get(), m_env, test::WindowWait::Ready);
    QVERIFY(window);
    AuditWindow *audit = openAudit(window.get());
    QVERIFY(audit);
    QVERIFY(audit->model()->rowCount() > 0);
    for (const QString &company : column(audit, AuditModel::CompanyColumn))
        QVERIFY2(company.isEmpty() || company == QLatin1String("Salon Aurora"),
                 qPrintable(company));
    QCOMPARE(audit->companyBox()->findText(QStringLiteral("Praxis Nordlicht")), -1);
    audit->close();
}

QTEST_MAIN(TestAuditWindow)
#include "tst_audit_window.moc"
