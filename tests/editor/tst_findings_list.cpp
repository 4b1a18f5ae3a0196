#include "editor/FindingsList.h"
#include "editor/FindingsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using retell::core::Finding;
using retell::core::FindingTarget;
using retell::core::Severity;
using retell::ui::FindingsList;
using retell::ui::FindingsModel;

namespace {

Finding promptError()
{
    Finding f;
    f.severity = Severity::Error;
    f.code = QStringLiteral("prompt.malformed_variable");
    f.message = QStringLiteral("\"{{two words}}\" is not a valid variable.");
    f.line = 3;
    f.column = 5;
    f.offset = 40;
    f.length = 13;
    return f;
}

Finding toolsWarning()
{
    Finding f;
    f.severity = Severity::Warning;
    f.code = QStringLiteral("tools.unused_tool");
    f.message = QStringLiteral("The prompt never mentions cancel_appointment.");
    f.target = FindingTarget::Tools;
    f.jsonPath = QStringLiteral("$[2].name");
    return f;
}

} // namespace

class TestFindingsList : public QObject
{
    Q_OBJECT

private slots:
    void modelIsConsistent();
    void rowsShowMessageAndLocation_data();
    void rowsShowMessageAndLocation();
    void iconsBySeverity();
    void activationEmitsTheFinding();
};

void TestFindingsList::modelIsConsistent()
{
    FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings({promptError(), toolsWarning()});
    QCOMPARE(model.rowCount(), 2);
    model.setFindings({});
    QCOMPARE(model.rowCount(), 0);
}

void TestFindingsList::rowsShowMessageAndLocation_data()
{
    QTest::addColumn<Finding>("finding");
    QTest::addColumn<QString>("location");
    QTest::newRow("prompt line and column") << promptError() << "Prompt, line 3, col 5";
    QTest::newRow("tools JSON path") << toolsWarning() << "Tools, $[2].name";
    Finding whole;
    whole.message = QStringLiteral("The prompt is empty.");
    QTest::newRow("whole document") << whole << "Prompt";
}

void TestFindingsList::rowsShowMessageAndLocation()
{
    QFETCH(Finding, finding);
    QFETCH(QString, location);
    FindingsModel model;
    model.setFindings({finding});
    QCOMPARE(model.index(0, FindingsModel::MessageColumn).data().toString(), finding.message);
    QCOMPARE(model.index(0, FindingsModel::LocationColumn).data().toString(), location);
}

void TestFindingsList::iconsBySeverity()
{
    FindingsList list;
    list.setFindings({promptError(), toolsWarning()});
    const auto icon = [&](int row) {
        return list.model()
            ->index(row, FindingsModel::MessageColumn)
            .data(Qt::DecorationRole)
            .value<QIcon>();
    };
    QVERIFY(!icon(0).isNull());
    QVERIFY(!icon(1).isNull());
    QVERIFY(icon(0).pixmap(16).toImage() != icon(1).pixmap(16).toImage());
}

void TestFindingsList::activationEmitsTheFinding()
{
    FindingsList list;
    list.setFindings({promptError(), toolsWarning()});
    QSignalSpy spy(&list, &FindingsList::findingActivated);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));

    const QModelIndex second = list.model()->index(1, FindingsModel::MessageColumn);
    const QRect rect = list.view()->visualRect(second);
    QTest::mouseClick(list.view()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<Finding>(), toolsWarning());

    list.activateRow(0);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<Finding>(), promptError());
    QCOMPARE(list.currentRow(), 0);
}

QTEST_MAIN(TestFindingsList)
#include "tst_findings_list.moc"
