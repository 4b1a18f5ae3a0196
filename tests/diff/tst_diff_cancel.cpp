// A big comparison runs off the GUI thread with a step indicator and a
// Cancel button; Cancel (a real click) leaves the view as it was and says so.
#include "DiffTestSupport.h"
#include "diff/DiffLayout.h"
#include "diff/DiffPane.h"
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"

#include <QCheckBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace retell;
using core::DiffSide;
using core::Side;
using ui::DiffLayout;
using ui::DiffView;
using ui::DiffWindow;

namespace {

DiffSide side(const QString &title, const QByteArray &prompt)
{
    return {title, prompt, QByteArray("[]")};
}

// Over DiffView::kAsyncThreshold for two sides, so it is diffed off the GUI thread.
QByteArray bigPrompt(int changeEvery)
{
    QByteArray out;
    for (int i = 0; i < 6000; ++i) {
        const bool changed = changeEvery && i % changeEvery == changeEvery / 2;
        out += (changed ? QByteArray("changed ") : QByteArray("a fairly long prompt line ")) +
               QByteArray::number(i) + ' ' + QByteArray(i % 7 * 30, 'w') + '\n';
    }
    return out;
}

} // namespace

class TestDiffCancel final : public QObject
{
    Q_OBJECT

private slots:
    void buildStopsWhenCancelled();
    void buildReportsItsStepsInOrder();
    void cancelButtonKeepsThePreviousView();
    void cancelledOptionsGoBackToTheShownResult();
};

void TestDiffCancel::buildStopsWhenCancelled()
{
    int polls = 0;
    const auto layout = DiffLayout::build(side(QStringLiteral("a"), bigPrompt(0)),
                                          side(QStringLiteral("b"), bigPrompt(40)), {},
                                          [&polls] { return ++polls > 1; }, {});
    QVERIFY(!layout.has_value());
}

void TestDiffCancel::buildReportsItsStepsInOrder()
{
    QList<int> steps;
    const auto layout = DiffLayout::build(
        side(QStringLiteral("a"), "one\ntwo\n"), side(QStringLiteral("b"), "one\nthree\n"), {},
        [] { return false; },
        [&steps](int step, int total, const QString &what) {
            QCOMPARE(total, DiffLayout::kBuildSteps);
            QVERIFY(!what.isEmpty());
            steps.append(step);
        });
    QVERIFY(layout.has_value());
    QCOMPARE(steps, (QList<int>{0, 1, 2, 3, 4}));
    QCOMPARE(layout->diff.changed, 1);
}

void TestDiffCancel::cancelButtonKeepsThePreviousView()
{
    DiffWindow window;
    window.resize(1000, 600);
    DiffView *view = window.view();
    window.setSides(side(QStringLiteral("small left"), "one\ntwo\n"),
                    side(QStringLiteral("small right"), "one\nthree\n"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const DiffLayout *shown = view->layout();
    QVERIFY(shown);
    const QString leftText = view->pane(Side::Left)->text();
    QVERIFY(!view->cancelButton()->isVisible());

    QSignalSpy ready(view, &DiffView::diffReady);
    QSignalSpy cancelled(view, &DiffView::comparisonCancelled);
    window.setSides(side(QStringLiteral("big left"), bigPrompt(0)),
                    side(QStringLiteral("big right"), bigPrompt(40)));
    QVERIFY(view->isComputing());
    QVERIFY(view->cancelButton()->isVisible());
    QVERIFY(view->progressBar()->isVisible());
    // No event has been processed since: the result cannot have been shown yet.
    QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
    QVERIFY(cancelled.wait(60000));

    QVERIFY(!view->isComputing());
    QCOMPARE(ready.count(), 0);
    QCOMPARE(view->layout(), shown);
    QCOMPARE(view->pane(Side::Left)->text(), leftText);
    QCOMPARE(view->side(Side::Left).title, QStringLiteral("small left"));
    QVERIFY2(view->summaryText().startsWith(
                 QStringLiteral("Comparison cancelled; the view still shows the previous result.")),
             qPrintable(view->summaryText()));
    QVERIFY(!view->cancelButton()->isVisible());
    QVERIFY(!view->progressBar()->isVisible());

    // The next comparison runs to its end and is shown.
    window.setSides(side(QStringLiteral("big left"), bigPrompt(0)),
                    side(QStringLiteral("big right"), bigPrompt(40)));
    QVERIFY(ready.wait(60000));
    QCOMPARE(view->layout()->diff.changed, 150);
    QCOMPARE(view->side(Side::Left).title, QStringLiteral("big left"));
    QVERIFY(!view->cancelButton()->isVisible());
}

void TestDiffCancel::cancelledOptionsGoBackToTheShownResult()
{
    DiffView view;
    QSignalSpy ready(&view, &DiffView::diffReady);
    view.setSides(side(QStringLiteral("l"), bigPrompt(0)),
                  side(QStringLiteral("r"), bigPrompt(40)));
    QVERIFY(ready.wait(60000));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const DiffLayout *shown = view.layout();
    QCheckBox *box = nullptr;
    for (QCheckBox *candidate : view.findChildren<QCheckBox *>())
        if (candidate->text() == DiffView::tr("Ignore &case"))
            box = candidate;
    QVERIFY(box);
    QSignalSpy cancelled(&view, &DiffView::comparisonCancelled);
    QTest::mouseClick(box, Qt::LeftButton); // starts a new comparison off the GUI thread
    QVERIFY(view.isComputing());
    QVERIFY(view.options().ignoreCase);
    QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
    QVERIFY(cancelled.wait(60000));
    QCOMPARE(view.layout(), shown);
    QVERIFY(!view.options().ignoreCase);
    QVERIFY(!box->isChecked());
}

QTEST_MAIN(TestDiffCancel)
#include "tst_diff_cancel.moc"
