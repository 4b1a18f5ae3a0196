// The fleet window through its real widgets on a real database (issue 13
// §1-2): opened with its key, every branch the admin may see, sorted by a
// header click, filtered by text, company and drift against a reference
// branch, a draft marker, two rows compared and one row against the
// reference in the diff window, the shown rows exported as CSV through the
// file dialog; a company admin sees their company only.
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/FleetUi.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"
#include "fleet/FleetFilter.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetWindow.h"
#include "panels/BranchTreePanel.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"

#include "app/EnglishPlurals.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace retell;
using namespace retell::ui;

namespace {
const QString kBerlin = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
const QString kHamburg = QStringLiteral("1b4e28ba-2fa1-41d2-883f-0016d3cca427");

QStringList shownBranches(const FleetWindow *fleet)
{
    QStringList names;
    const QAbstractItemModel *model = fleet->view()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->index(r, FleetModel::BranchColumn).data().toString();
    return names;
}

void clickRow(QTableView *view, int row, Qt::KeyboardModifiers modifiers = {})
{
    const QRect rect = view->visualRect(view->model()->index(row, FleetModel::BranchColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, rect.center());
}

QList<DiffWindow *> diffWindows(QWidget *parent)
{
    return parent->findChildren<DiffWindow *>();
}
} // namespace

class TestFleetWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adminWorksTheFleet();
    void companyAdminSeesTheirCompany();

private:
    EnglishPlurals m_plurals;
    FleetWindow *openFleet(MainWindow *window);

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
};

void TestFleetWindow::initTestCase()
{
    const QString failed = test::prepareDemoGui(m_plurals, m_db, m_context, m_settings);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
}

FleetWindow *TestFleetWindow::openFleet(MainWindow *window)
{
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    FleetWindow *fleet = nullptr;
    if (!QTest::qWaitFor([&] { return (fleet = window->fleet()->fleetWindow()) != nullptr; }, 5000))
        return nullptr;
    if (!QTest::qWaitFor([&] { return !fleet->isLoading() && fleet->model()->rowCount() > 0; },
                         20000))
        return nullptr;
    return fleet;
}

void TestFleetWindow::adminWorksTheFleet()
{
    auto window = test::openMainWindow(m_context, core::demo::kSuperAdmin, &m_worker,
                                       m_settings.get(), m_env, test::WindowWait::Ready);
    QVERIFY(window);
    window->branchTree()->setHasDraft(kHamburg, true);
    FleetWindow *fleet = openFleet(window.get());
    QVERIFY(fleet);
    QVERIFY(fleet->isVisible());
    QCOMPARE(fleet->model()->rowCount(), 7); // three companies, seven branches

    // A click on the Branch header sorts by branch name.
    QHeaderView *header = fleet->view()->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(FleetModel::BranchColumn) + 8,
                             header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(FleetModel::BranchColumn));
    QStringList sorted = shownBranches(fleet);
    QCOMPARE(sorted.constFirst(), QStringLiteral("Berlin Mitte"));
    QStringList expected = sorted;
    std::sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    QCOMPARE(sorted, expected);

    // The draft marker, and the columns an admin reads.
    const int hamburg = fleet->model()->rowOfBranch(kHamburg);
    QCOMPARE(fleet->model()->index(hamburg, FleetModel::LocalColumn).data().toString(),
             QStringLiteral("draft"));
    QCOMPARE(fleet->model()->index(hamburg, FleetModel::CompanyColumn).data().toString(),
             QStringLiteral("Salon Aurora"));
    QVERIFY(fleet->model()->index(hamburg, FleetModel::TokensColumn).data().toString() != "0");

    // Text filter, typed.
    fleet->searchEdit()->setFocus();
    QTest::keyClicks(fleet->searchEdit(), QStringLiteral("aurora"));
    QTRY_COMPARE(shownBranches(fleet).size(), 3);
    QVERIFY(fleet->countLabel()->text().startsWith(QStringLiteral("3 branches shown of 7")));
    QTest::keyClick(fleet->searchEdit(), Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(fleet->searchEdit(), Qt::Key_Delete);
    QTRY_COMPARE(shownBranches(fleet).size(), 7);

    // Company filter.
    fleet->companyBox()->setCurrentIndex(
        fleet->companyBox()->findText(QStringLiteral("Praxis Nordlicht")));
    QCOMPARE(shownBranches(fleet).size(), 2);
    fleet->companyBox()->setCurrentIndex(0);

    // Berlin Mitte as the reference: it is the same as itself, Hamburg drifts.
    QComboBox *reference = fleet->referenceBox();
    const int berlinRef = reference->findData(kBerlin);
    QVERIFY(berlinRef > 0);
    reference->setCurrentIndex(berlinRef);
    QTRY_VERIFY(!fleet->isLoading());
    QTRY_COMPARE(fleet->reference(), kBerlin);
    const int berlin = fleet->model()->rowOfBranch(kBerlin);
    QTRY_COMPARE(fleet->model()->index(berlin, FleetModel::DriftColumn).data().toString(),
                 QStringLiteral("same"));
    QVERIFY(fleet->model()
                ->index(fleet->model()->rowOfBranch(kHamburg), FleetModel::DriftColumn)
                .data(FleetModel::DriftRole)
                .toInt() > 0);
    fleet->driftBox()->setCurrentIndex(fleet->driftBox()->findData(int(FleetFilter::Drift::Same)));
    QCOMPARE(shownBranches(fleet), QStringList{QStringLiteral("Berlin Mitte")});
    fleet->driftBox()->setCurrentIndex(0);

    // Two rows compared: ctrl+click, then the Compare button.
    const int before = int(diffWindows(window.get()).size());
    const QStringList rows = shownBranches(fleet);
    clickRow(fleet->view(), int(rows.indexOf(QStringLiteral("Berlin Mitte"))));
    clickRow(fleet->view(), int(rows.indexOf(QStringLiteral("Hamburg Altona"))),
             Qt::ControlModifier);
    QCOMPARE(fleet->selectedRows().size(), 2);
    QVERIFY(fleet->compareButton()->isEnabled());
    QTest::mouseClick(fleet->compareButton(), Qt::LeftButton);
    QTRY_COMPARE(int(diffWindows(window.get()).size()), before + 1);
    DiffWindow *pair = diffWindows(window.get()).constLast();
    QVERIFY(pair->view()->side(core::Side::Left).title.contains(QStringLiteral("Berlin Mitte")));
    QVERIFY(pair->view()->side(core::Side::Right).title.contains(QStringLiteral("Hamburg Altona")));
    pair->close();

    // One row against the reference (Berlin), by Ctrl+D.
    clickRow(fleet->view(), int(rows.indexOf(QStringLiteral("Hamburg Altona"))));
    QCOMPARE(fleet->selectedRows().size(), 1);
    const int open = int(diffWindows(window.get()).size());
    QTest::keyClick(fleet->view(), Qt::Key_D, Qt::ControlModifier);
    QTRY_COMPARE(int(diffWindows(window.get()).size()), open + 1);
    DiffWindow *single = diffWindows(window.get()).constLast();
    QVERIFY(single->view()->side(core::Side::Left).title.contains(QStringLiteral("Berlin Mitte")));
    QVERIFY(
        single->view()->side(core::Side::Right).title.contains(QStringLiteral("Hamburg Altona")));
    QVERIFY(single->view()->changeCount() > 0);
    single->close();

    // Export: the rows shown, through the file dialog.
    fleet->searchEdit()->setText(QStringLiteral("salon aurora"));
    QTRY_COMPARE(shownBranches(fleet).size(), 3);
    QTest::mouseClick(fleet->exportButton(), Qt::LeftButton);
    QFileDialog *dialog = fleet->openFileDialog();
    QVERIFY(dialog);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fleet.csv"));
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
    QTRY_VERIFY(QFile::exists(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.constFirst().startsWith(QStringLiteral("company_id,company,branch_id,branch,")));
    for (const QString &line : lines.mid(1))
        QVERIFY2(line.section(QLatin1Char(','), 1, 1) == QStringLiteral("Salon Aurora"),
                 qPrintable(line));
    fleet->close();
    QTRY_VERIFY(!window->fleet()->fleetWindow());
}

void TestFleetWindow::companyAdminSeesTheirCompany()
{
    auto window = test::openMainWindow(m_context, core::demo::kCompanyAdmin, &m_worker,
                                       m_settings.get(), m_env, test::WindowWait::Ready);
    QVERIFY(window);
    FleetWindow *fleet = openFleet(window.get());
    QVERIFY(fleet);
    QCOMPARE(fleet->model()->rowCount(), 3);
    for (const core::FleetRow &row : fleet->model()->rows())
        QCOMPARE(row.branch.companyName, QStringLiteral("Salon Aurora"));
    // The reference list offers only what the admin may see.
    for (int i = 0; i < fleet->referenceBox()->count(); ++i)
        QVERIFY(!fleet->referenceBox()->itemText(i).contains(QStringLiteral("Nordlicht")));
    fleet->close();
}

QTEST_MAIN(TestFleetWindow)
#include "tst_fleet_window.moc"
