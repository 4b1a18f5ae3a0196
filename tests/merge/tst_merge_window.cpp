// The merge window through its widgets: keys, clicks and combo boxes.
#include "editor/FindingsList.h"
#include "merge/MergeWindow.h"
#include "merge/PromptMergePane.h"
#include "merge/ToolsMergePane.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using namespace retell::core;
using namespace retell::ui;

namespace {

DiffSide side(const char *title, const QByteArray &prompt, const QByteArray &tools = {})
{
    return DiffSide{QLatin1String(title), prompt, QByteArray(tools).replace('\'', '"')};
}

QPushButton *button(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
    }
    qFatal("no button %s", qPrintable(text));
}

int cursorLine(QPlainTextEdit *editor)
{
    return editor->textCursor().blockNumber();
}

// Two conflicts (lines 2 and 6) and one region merged inside a line.
const QByteArray kBase = "Hello\nb\nkeep\nkeep\nkeep\nf\nkeep\nGreet the caller warmly.\n";
const QByteArray kOurs = "Hello\nX\nkeep\nkeep\nkeep\nF1\nkeep\nGreet the guest warmly.\n";
const QByteArray kTheirs = "Hello\nY\nkeep\nkeep\nkeep\nF2\nkeep\nGreet the caller politely.\n";

} // namespace

class TestMergeWindow : public QObject
{
    Q_OBJECT

private slots:
    void conflictsResolvedByClicksAndUndo();
    void f7WalksTheConflicts();
    void handEditResolvesToo();
    void toolConflictsAreChosenPerPath();
    void deployAndClose();
    void invalidInputIsRefused();
    void mergetoolModeSavesTheResult();
};

void TestMergeWindow::conflictsResolvedByClicksAndUndo()
{
    MergeWindow window;
    QVERIFY(window.setInputs(side("v3", kBase), side("edit", kOurs), side("v4", kTheirs)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QPlainTextEdit *result = window.promptPane()->resultEditor();
    QCOMPARE(window.conflictsLeft(), 2);
    QVERIFY(window.summaryLabel()->text().contains(QLatin1String("2 conflict")));
    QVERIFY(window.summaryLabel()->text().contains(QLatin1String("merged inside a line")));
    QVERIFY(!window.deployButton()->isEnabled());
    QCOMPARE(cursorLine(result), 1); // on the first conflict

    QTest::mouseClick(button(&window, QStringLiteral("Take theirs")), Qt::LeftButton);
    QCOMPARE(window.conflictsLeft(), 1);
    QTest::mouseClick(button(&window, QStringLiteral("Both, ours first")), Qt::LeftButton);
    QCOMPARE(window.conflictsLeft(), 0);
    QCOMPARE(
        result->toPlainText(),
        QStringLiteral("Hello\nY\nkeep\nkeep\nkeep\nF1\nF2\nkeep\nGreet the guest politely.\n"));
    QVERIFY(window.summaryLabel()->text().startsWith(QLatin1String("No conflicts left.")));
    QVERIFY(window.deployButton()->isEnabled());

    // Each choice is one step of the result's undo stack.
    result->setFocus();
    QTest::keyClick(result, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window.conflictsLeft(), 1);
    QVERIFY(!window.deployButton()->isEnabled());
}

void TestMergeWindow::f7WalksTheConflicts()
{
    MergeWindow window;
    QVERIFY(window.setInputs(side("v3", kBase), side("edit", kOurs), side("v4", kTheirs)));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QPlainTextEdit *result = window.promptPane()->resultEditor();
    result->setFocus();
    QCOMPARE(cursorLine(result), 1);
    QTest::keyClick(result, Qt::Key_F7);
    const int second = cursorLine(result);
    QVERIFY2(second > 5, qPrintable(QString::number(second)));
    QVERIFY(result->textCursor().block().text().startsWith(QLatin1String("<<<<<<<")));
    QTest::keyClick(result, Qt::Key_F7); // no further conflict: stays
    QCOMPARE(cursorLine(result), second);
    QTest::keyClick(result, Qt::Key_F7, Qt::ShiftModifier);
    QCOMPARE(cursorLine(result), 1);
    // The inputs follow: theirs shows its side of the conflict.
    QCOMPARE(window.promptPane()->editor(MergeInput::Theirs)->textCursor().block().text(),
             QStringLiteral("Y"));
}

void TestMergeWindow::handEditResolvesToo()
{
    MergeWindow window;
    QVERIFY(window.setInputs(side("v3", "a\nb\nc\n"), side("edit", "a\nX\nc\n"),
                             side("v4", "a\nY\nc\n")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QPlainTextEdit *result = window.promptPane()->resultEditor();
    result->setFocus();
    result->selectAll();
    for (const char *line : {"a", "X and Y", "c"}) {
        QTest::keyClicks(result, QLatin1String(line));
        QTest::keyClick(result, Qt::Key_Return);
    }
    QCOMPARE(window.conflictsLeft(), 0);
    QCOMPARE(window.result().prompt, QStringLiteral("a\nX and Y\nc\n"));
    QVERIFY(window.deployButton()->isEnabled());
}

void TestMergeWindow::toolConflictsAreChosenPerPath()
{
    MergeWindow window;
    const QByteArray prompt = "Use check when asked.\n";
    QVERIFY(window.setInputs(
        side("v3", prompt, "[{'name':'check','description':'x','type':'custom'},{'name':'old'}]"),
        side("edit", prompt, "[{'name':'check','description':'y','type':'custom'},{'name':'old'}]"),
        side("v4", prompt, "[{'name':'check','description':'z','type':'custom'}]")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.conflictsLeft(), 1);
    QTreeWidget *conflicts = window.toolsPane()->conflictTree();
    QCOMPARE(conflicts->topLevelItemCount(), 1);
    QCOMPARE(conflicts->topLevelItem(0)->text(1), QStringLiteral("description"));
    QTreeWidget *changes = window.toolsPane()->changeTree();
    QCOMPARE(changes->topLevelItemCount(), 1);
    QCOMPARE(changes->topLevelItem(0)->text(0), QStringLiteral("old"));
    QCOMPARE(changes->topLevelItem(0)->text(2), QStringLiteral("theirs"));

    auto *box = qobject_cast<QComboBox *>(conflicts->itemWidget(conflicts->topLevelItem(0), 5));
    QVERIFY(box);
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down); // Unresolved -> Take theirs
    QCOMPARE(box->currentText(), QStringLiteral("Take theirs"));
    QCOMPARE(window.conflictsLeft(), 0);
    const QJsonArray tools = QJsonDocument::fromJson(window.result().toolsJson.toUtf8()).array();
    QCOMPARE(tools.size(), 1);
    QCOMPARE(tools.first().toObject().value(QStringLiteral("description")).toString(),
             QStringLiteral("z"));
}

void TestMergeWindow::deployAndClose()
{
    {
        MergeWindow window;
        QVERIFY(window.setInputs(side("v3", "a\nb\nc\n"), side("edit", "A\nb\nc\n"),
                                 side("v4", "a\nb\nC\n")));
        QSignalSpy deployed(&window, &MergeWindow::deployRequested);
        QSignalSpy closed(&window, &MergeWindow::closedWithoutDeploy);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.deployButton()->isEnabled());
        QTest::mouseClick(window.deployButton(), Qt::LeftButton);
        QCOMPARE(deployed.size(), 1);
        QCOMPARE(deployed.first().first().value<AgentConfig>().prompt, QStringLiteral("A\nb\nC\n"));
        window.close();
        QCOMPARE(closed.size(), 0);
    }
    MergeWindow window;
    QVERIFY(window.setInputs(side("v3", "a\n"), side("edit", "b\n"), side("v4", "c\n")));
    QSignalSpy closed(&window, &MergeWindow::closedWithoutDeploy);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.close();
    QCOMPARE(closed.size(), 1); // the owner keeps the edit as a draft
    QVERIFY(closed.first().first().value<AgentConfig>().prompt.contains(QLatin1String("<<<<<<<")));
}

void TestMergeWindow::invalidInputIsRefused()
{
    MergeWindow window;
    QVERIFY(!window.setInputs(side("v3", "a\n"), side("edit", "b\xff\n"), side("v4", "c\n")));
    QCOMPARE(window.errorString(),
             QStringLiteral("The prompt of your edit (edit) is not valid UTF-8 text."));
    QCOMPARE(window.summaryLabel()->text(), window.errorString());
    QVERIFY(!window.deployButton()->isEnabled());
}

void TestMergeWindow::mergetoolModeSavesTheResult()
{
    QTemporaryDir dir;
    const auto write = [&](const char *name, const QByteArray &text) {
        QFile file(dir.filePath(QLatin1String(name)));
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", name);
        return file.fileName();
    };
    const QString output = dir.filePath(QStringLiteral("MERGED"));
    MergeWindow window;
    QVERIFY(window.openFiles(write("LOCAL", "a\nX\nc\n"), write("BASE", "a\nb\nc\n"),
                             write("REMOTE", "a\nY\nc\n"), output));
    QSignalSpy saved(&window, &MergeWindow::saved);
    QSignalSpy closed(&window, &MergeWindow::closedWithoutDeploy);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.deployButton()->text(), QStringLiteral("Save and close"));
    QTest::mouseClick(button(&window, QStringLiteral("Take ours")), Qt::LeftButton);
    QTest::mouseClick(window.deployButton(), Qt::LeftButton);
    QCOMPARE(saved.size(), 1);
    QVERIFY(!window.isVisible());
    QCOMPARE(closed.size(), 0);
    QFile merged(output);
    QVERIFY(merged.open(QIODevice::ReadOnly));
    QCOMPARE(merged.readAll(), QByteArray("a\nX\nc\n"));

    MergeWindow missing;
    QVERIFY(!missing.openFiles(dir.filePath(QStringLiteral("nope")), output, output, output));
    QVERIFY(missing.errorString().contains(QLatin1String("nope")));
}

QTEST_MAIN(TestMergeWindow)
#include "tst_merge_window.moc"
