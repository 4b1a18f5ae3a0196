#include "editor/JsonEditor.h"
#include "editor/ToolSummary.h"
#include "editor/ToolsEditor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTreeWidget>

using retell::ui::ToolsEditor;

namespace {

const QString kTwoTools = QStringLiteral(
    "[\n"
    "  {\n"
    "    \"type\": \"custom\",\n"
    "    \"name\": \"collect_appointment_data\",\n"
    "    \"description\": \"Book the appointment the caller chose.\",\n"
    "    \"url\": \"https://example.com/book\",\n"
    "    \"parameters\": {\n"
    "      \"type\": \"object\",\n"
    "      \"properties\": {\n"
    "        \"date\": {\"type\": \"string\"},\n"
    "        \"service_id\": {\"type\": \"integer\"}\n"
    "      },\n"
    "      \"required\": [\"date\"]\n"
    "    }\n"
    "  },\n"
    "  {\"type\": \"end_call\", \"name\": \"end_call\", \"description\": \"Hang up politely.\"}\n"
    "]");

QStringList row(const QTreeWidget *list, int i)
{
    QStringList out;
    for (int c = 0; c < ToolsEditor::ColumnCount; ++c)
        out.append(list->topLevelItem(i)->text(c));
    return out;
}

} // namespace

class TestToolsEditor : public QObject
{
    Q_OBJECT

private slots:
    void listsTheTools();
    void invalidJsonKeepsTheLastGoodListGreyed();
    void notAnArrayIsExplained();
    void listFollowsTypingLive();
    void summarizeParameters_data();
    void summarizeParameters();
    void locatesByteOffsets();
};

void TestToolsEditor::listsTheTools()
{
    ToolsEditor tools;
    tools.editor()->setText(kTwoTools);
    tools.refreshToolList();
    QVERIFY(tools.isListCurrent());
    QCOMPARE(tools.toolList()->topLevelItemCount(), 2);
    QCOMPARE(row(tools.toolList(), 0), (QStringList{"collect_appointment_data", "custom",
                                                    "date: string (required), service_id: integer",
                                                    "Book the appointment the caller chose."}));
    QCOMPARE(row(tools.toolList(), 1),
             (QStringList{"end_call", "end_call", "none", "Hang up politely."}));
}

void TestToolsEditor::invalidJsonKeepsTheLastGoodListGreyed()
{
    ToolsEditor tools;
    tools.editor()->setText(kTwoTools);
    tools.refreshToolList();
    QString broken = kTwoTools;
    broken.replace(QStringLiteral("\"url\": \"https://example.com/book\","),
                   QStringLiteral("\"url\": \"https://example.com/book\""));
    tools.editor()->setText(broken);
    tools.refreshToolList();
    QVERIFY(!tools.isListCurrent());
    QVERIFY(!tools.toolList()->isEnabled());
    QCOMPARE(tools.toolList()->topLevelItemCount(), 2);
    QVERIFY2(tools.listProblem().contains(QStringLiteral("line 7")),
             qPrintable(tools.listProblem()));

    tools.editor()->setText(kTwoTools);
    tools.refreshToolList();
    QVERIFY(tools.isListCurrent());
    QVERIFY(tools.toolList()->isEnabled());
}

void TestToolsEditor::notAnArrayIsExplained()
{
    ToolsEditor tools;
    tools.editor()->setText(QStringLiteral("{\"name\": \"x\"}"));
    tools.refreshToolList();
    QVERIFY(!tools.isListCurrent());
    QVERIFY(tools.listProblem().contains(QStringLiteral("array")));
}

void TestToolsEditor::listFollowsTypingLive()
{
    ToolsEditor tools;
    tools.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tools));
    tools.editor()->setText(QStringLiteral("[]"));
    QTRY_COMPARE(tools.toolList()->topLevelItemCount(), 0);
    tools.editor()->setCursorPosition(0, 1);
    tools.editor()->setFocus();
    QTest::keyClicks(
        tools.editor(),
        QStringLiteral("{\"type\": \"end_call\", \"name\": \"bye\", \"description\": \"x\"}"));
    QTRY_COMPARE(tools.toolList()->topLevelItemCount(), 1);
    QCOMPARE(tools.toolList()->topLevelItem(0)->text(ToolsEditor::NameColumn),
             QStringLiteral("bye"));
    QVERIFY(tools.isListCurrent());
}

void TestToolsEditor::summarizeParameters_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("parameters");
    QTest::newRow("no parameters") << "{\"name\": \"a\"}"
                                   << "none";
    QTest::newRow("no properties") << "{\"parameters\": {\"type\": \"object\"}}"
                                   << "none";
    QTest::newRow("required and optional")
        << "{\"parameters\": {\"properties\": {\"b\": {\"type\": \"boolean\"}, \"a\": {\"type\": "
           "\"string\"}},\n"
           "              \"required\": [\"b\"]}}"
        << "a: string, b: boolean (required)";
    QTest::newRow("type union")
        << "{\"parameters\": {\"properties\": {\"x\": {\"type\": [\"string\", \"null\"]}}}}"
        << "x: string|null";
    QTest::newRow("untyped") << "{\"parameters\": {\"properties\": {\"x\": {}}}}"
                             << "x: any";
}

void TestToolsEditor::summarizeParameters()
{
    QFETCH(QString, tool);
    QFETCH(QString, parameters);
    const QJsonArray tools{QJsonDocument::fromJson(tool.toUtf8()).object()};
    QCOMPARE(retell::ui::summarizeTools(tools).value(0).parameters, parameters);
}

void TestToolsEditor::locatesByteOffsets()
{
    const QByteArray text = QStringLiteral("[\n  \"é😀\", x\n]").toUtf8();
    const auto at = retell::ui::locateByteOffset(text, text.indexOf('x'));
    QCOMPARE(at.line, 2);
    QCOMPARE(at.column, 10); // 2 spaces, quote, é, 😀 (2 units), quote, comma, space, then x
    QCOMPARE(retell::ui::locateByteOffset(text, 0).line, 1);
    QCOMPARE(retell::ui::locateByteOffset(text, 0).column, 1);
}

QTEST_MAIN(TestToolsEditor)
#include "tst_tools_editor.moc"
