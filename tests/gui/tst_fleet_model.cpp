// The fleet's model and filter without a database (issue 13 §1): the model
// passes QAbstractItemModelTester through resets and marker changes; sort
// keys order versions, tokens and drift as numbers; the filter narrows by
// text, company, template, status and drift; an export replaces its file whole.
#include "app/EnglishPlurals.h"
#include "common/TableExport.h"
#include "fleet/FleetFilter.h"
#include "fleet/FleetModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace retell;
using namespace retell::ui;

namespace {

core::FleetRow row(const QString &company, const QString &branch, std::optional<int> version,
                   const QString &templ, int tokens, std::optional<core::FleetDrift> drift,
                   core::ValidationStatus status = core::ValidationStatus::Valid)
{
    core::FleetRow r;
    r.branch.id = branch.toLower();
    r.branch.companyId = company.toLower();
    r.branch.companyName = company;
    r.branch.name = branch;
    r.branch.activeVersion = version;
    r.branch.activeStatus = status;
    r.templateName = templ;
    r.estimatedTokens = tokens;
    r.deployedAt = QDateTime(QDate(2026, 11, 2), QTime(9, 30), Qt::UTC);
    r.deployedByName = QStringLiteral("Olivia Owner");
    if (drift) {
        r.drift = *drift;
        r.referenceLabel = QStringLiteral("template Salon");
        r.referenceConfig = core::AgentConfig{QStringLiteral("x"), QStringLiteral("[]")};
    }
    return r;
}

core::FleetDrift drift(int added, int removed, int tools)
{
    core::FleetDrift d;
    d.computed = true;
    d.linesAdded = added;
    d.linesRemoved = removed;
    d.toolsChanged = tools;
    return d;
}

QList<core::FleetRow> fleet()
{
    return {
        row(QStringLiteral("Salon Aurora"), QStringLiteral("Berlin"), 12, QStringLiteral("Salon"),
            900, drift(0, 0, 0)),
        row(QStringLiteral("Salon Aurora"), QStringLiteral("Hamburg"), 3, QStringLiteral("Salon"),
            1100, drift(4, 1, 1)),
        row(QStringLiteral("Salon Aurora"), QStringLiteral("Munich"), std::nullopt, QString(), 0,
            std::nullopt, core::ValidationStatus::Pending),
        row(QStringLiteral("Praxis"), QStringLiteral("Kiel"), 2, QStringLiteral("Practice"), 700,
            drift(30, 2, 0), core::ValidationStatus::Invalid),
    };
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList texts;
    for (int r = 0; r < model.rowCount(); ++r)
        texts << model.index(r, column).data().toString();
    return texts;
}

} // namespace

class TestFleetModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::installTranslator(&m_plurals); }
    void passesTheModelTester();
    void sortsNumbersAsNumbers_data();
    void sortsNumbersAsNumbers();
    void filters();
    void markersShowDraftsAndQueued();
    void exportWritesAtomically();

private:
    EnglishPlurals m_plurals;
};

void TestFleetModel::passesTheModelTester()
{
    FleetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    FleetFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(fleet());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(FleetModel::ColumnCount));
    model.setDraftBranches({QStringLiteral("berlin")});
    model.setQueuedCounts({{QStringLiteral("kiel"), 2}});
    filter.setText(QStringLiteral("aurora"));
    filter.sort(FleetModel::DriftColumn, Qt::DescendingOrder);
    model.setRows(fleet().mid(1));
    model.setRows({});
    QCOMPARE(filter.rowCount(), 0);
}

void TestFleetModel::sortsNumbersAsNumbers_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("branches");
    QTest::newRow("version: v12 after v3")
        << int(FleetModel::VersionColumn) << QStringList{"Munich", "Kiel", "Hamburg", "Berlin"};
    QTest::newRow("tokens: 700 before 1100")
        << int(FleetModel::TokensColumn) << QStringList{"Munich", "Kiel", "Berlin", "Hamburg"};
    QTest::newRow("drift: none, same, 6, 32")
        << int(FleetModel::DriftColumn) << QStringList{"Munich", "Berlin", "Hamburg", "Kiel"};
}

void TestFleetModel::sortsNumbersAsNumbers()
{
    QFETCH(int, column);
    QFETCH(QStringList, branches);
    FleetModel model;
    model.setRows(fleet());
    FleetFilter filter;
    filter.setSourceModel(&model);
    filter.sort(column, Qt::AscendingOrder);
    QCOMPARE(::column(filter, FleetModel::BranchColumn), branches);
}

void TestFleetModel::filters()
{
    FleetModel model;
    model.setRows(fleet());
    FleetFilter filter;
    filter.setSourceModel(&model);
    filter.sort(FleetModel::BranchColumn, Qt::AscendingOrder);
    const auto shown = [&] { return column(filter, FleetModel::BranchColumn); };

    filter.setText(QStringLiteral("olivia"));
    QCOMPARE(shown().size(), 4); // the author is searched too
    filter.setText(QStringLiteral("ham"));
    QCOMPARE(shown(), QStringList{QStringLiteral("Hamburg")});
    filter.setText({});
    filter.setCompanyId(QStringLiteral("praxis"));
    QCOMPARE(shown(), QStringList{QStringLiteral("Kiel")});
    filter.setCompanyId({});
    filter.setTemplateName(QStringLiteral("Salon"));
    QCOMPARE(shown(), (QStringList{QStringLiteral("Berlin"), QStringLiteral("Hamburg")}));
    filter.setTemplateName(QString()); // branches without a template
    QCOMPARE(shown(), QStringList{QStringLiteral("Munich")});
    filter.setTemplateName(std::nullopt);
    filter.setStatus(int(core::ValidationStatus::Invalid));
    QCOMPARE(shown(), QStringList{QStringLiteral("Kiel")});
    filter.setStatus(-1); // nothing deployed
    QCOMPARE(shown(), QStringList{QStringLiteral("Munich")});
    filter.setStatus(std::nullopt);
    filter.setDrift(FleetFilter::Drift::Drifted);
    QCOMPARE(shown(), (QStringList{QStringLiteral("Hamburg"), QStringLiteral("Kiel")}));
    filter.setDrift(FleetFilter::Drift::Same);
    QCOMPARE(shown(), QStringList{QStringLiteral("Berlin")});
}

void TestFleetModel::markersShowDraftsAndQueued()
{
    FleetModel model;
    model.setRows(fleet());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setDraftBranches({QStringLiteral("berlin")});
    model.setQueuedCounts({{QStringLiteral("berlin"), 2}, {QStringLiteral("kiel"), 1}});
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.index(0, FleetModel::LocalColumn).data().toString(),
             QStringLiteral("draft · 2 queued"));
    QVERIFY(model.index(0, 0).data(FleetModel::DraftRole).toBool());
    QCOMPARE(model.index(3, FleetModel::LocalColumn).data().toString(), QStringLiteral("1 queued"));
    QCOMPARE(model.index(1, FleetModel::LocalColumn).data().toString(), QString());
    QCOMPARE(model.index(1, FleetModel::DriftColumn).data().toString(),
             QStringLiteral("5 lines, 1 tool"));
    QCOMPARE(model.index(0, FleetModel::DriftColumn).data().toString(), QStringLiteral("same"));
    QCOMPARE(model.index(2, FleetModel::VersionColumn).data().toString(), QStringLiteral("none"));
}

void TestFleetModel::exportWritesAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fleet.csv"));
    QVERIFY(tableExport::writeAtomically(path, "old").isEmpty());
    QVERIFY(tableExport::writeAtomically(path, "new,rows\r\n").isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("new,rows\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("fleet.csv")});
    const QString error =
        tableExport::writeAtomically(dir.filePath(QStringLiteral("no/such/dir/x.csv")), "x");
    QVERIFY2(error.startsWith(QStringLiteral("Could not write")), qPrintable(error));
}

QTEST_MAIN(TestFleetModel)
#include "tst_fleet_model.moc"
