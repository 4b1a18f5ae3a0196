#include "editor/FindingsList.h"
#include "editor/FindingsModel.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
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
    void longMessagesWrapInsteadOfBeingClipped();
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

void TestFindingsList::longMessagesWrapInsteadOfBeingClipped()
{
    Finding longOne = toolsWarning();
    longOne.message = QStringLiteral(
        "The tools JSON is not valid: an opening bracket is missing before the first tool, so "
        "everything after line 1 cannot be read as a list of tools; add \"[\" at line 1, "
        "column 1 and the rest of the document parses again.");
    FindingsList list;
    list.resize(360, 300);
    list.setFindings({promptError(), longOne});
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QTreeView *view = list.view();
    const auto height = [view](int row) {
        return view->visualRect(view->model()->index(row, FindingsModel::MessageColumn)).height();
    };
    const int lineSpacing = view->fontMetrics().lineSpacing();
    const int messageWidth = view->header()->sectionSize(FindingsModel::MessageColumn);
    const int needed =
        view->fontMetrics()
            .boundingRect(QRect(0, 0, messageWidth, 10000), Qt::TextWordWrap, longOne.message)
            .height();
    QVERIFY2(height(1) >= needed,
             qPrintable(QStringLiteral("row %1 px, text %2 px").arg(height(1)).arg(needed)));
    QVERIFY(height(1) >= 3 * lineSpacing);
    QVERIFY(height(0) < 2 * lineSpacing + 8);
    QVERIFY(view->model()
                ->index(1, FindingsModel::MessageColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("column 1 and the rest of the document parses again")));

    // Wider, the same message needs fewer lines.
    const int narrow = height(1);
    list.resize(1600, 300);
    QTRY_VERIFY(height(1) < narrow);
}

QTEST_MAIN(TestFindingsList)
#include "tst_findings_list.moc"
