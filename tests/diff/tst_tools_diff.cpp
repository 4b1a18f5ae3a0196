#include "DiffTestSupport.h"
#include "diff/ToolsDiff.h"

#include <QTest>

using namespace retell::core;

namespace {

const char *const kBookTool = R"({"type": "custom", "name": "book_appointment",
  "description": "Books a slot",
  "parameters": {"type": "object",
    "properties": {"date": {"type": "string"}, "service": {"type": "string"}},
    "required": ["date", "service"]}})";
const char *const kListTool =
    R"({"type": "custom", "name": "list_services", "url": "https://x.test/s"})";
const char *const kEndCall = R"({"type": "end_call", "name": "end_call"})";

QByteArray tools(std::initializer_list<const char *> items)
{
    QByteArrayList parts;
    for (const char *item : items)
        parts << QByteArray(item);
    return '[' + parts.join(",\n") + ']';
}

// "~name: path old -> new; +name; -name" in report order.
QString summary(const ToolsDiff &diff)
{
    if (!diff.ok())
        return QStringLiteral("error %1: %2")
            .arg(diff.error->side == Side::Left ? "left" : "right", diff.error->message);
    QStringList parts;
    for (const ToolChange &change : diff.changes) {
        switch (change.kind) {
        case ToolChange::Added:
            parts << u'+' + change.name;
            break;
        case ToolChange::Removed:
            parts << u'-' + change.name;
            break;
        case ToolChange::Changed:
            for (const PathChange &path : change.paths) {
                parts << QStringLiteral("~%1: %2 %3 -> %4")
                             .arg(change.name, path.path, jsonValueText(path.oldValue),
                                  jsonValueText(path.newValue));
            }
            break;
        }
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

class TestToolsDiff : public QObject
{
    Q_OBJECT

private slots:
    void changes_data();
    void changes();
    void malformedInputIsAnErrorValue_data();
    void malformedInputIsAnErrorValue();
    void countsByKind();
};

void TestToolsDiff::changes_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<QString>("expected");

    QByteArray retyped = tools({kBookTool});
    retyped.replace(R"("date": {"type": "string"})", R"("date": {"type": "integer"})");
    QByteArray requiredShrunk = tools({kBookTool});
    requiredShrunk.replace(R"(["date", "service"])", R"(["date"])");
    QByteArray weird = tools({kListTool});
    weird.replace(R"("url")", R"("a.b")");

    QTest::newRow("identical") << tools({kBookTool, kEndCall}) << tools({kBookTool, kEndCall})
                               << "";
    QTest::newRow("reordering is not a change")
        << tools({kBookTool, kListTool, kEndCall}) << tools({kEndCall, kBookTool, kListTool}) << "";
    QTest::newRow("reformatting is not a change")
        << tools({kEndCall}) << QByteArray(R"([{"name":"end_call","type":"end_call"}])") << "";
    QTest::newRow("both empty") << QByteArray() << QByteArray("  [ ]\n") << "";
    QTest::newRow("tool added") << tools({kEndCall}) << tools({kEndCall, kListTool})
                                << "+list_services";
    QTest::newRow("tool removed") << tools({kEndCall, kListTool}) << tools({kListTool})
                                  << "-end_call";
    QTest::newRow("parameter type changed")
        << tools({kBookTool}) << retyped
        << R"(~book_appointment: parameters.properties.date.type "string" -> "integer")";
    QTest::newRow("array element removed")
        << tools({kBookTool}) << requiredShrunk
        << R"(~book_appointment: parameters.required[1] "service" -> (absent))";
    QTest::newRow("key with a dot is quoted")
        << tools({kListTool}) << weird
        << R"(~list_services: ["a.b"] (absent) -> "https://x.test/s"; )"
           R"(~list_services: url "https://x.test/s" -> (absent))";
    QTest::newRow("duplicate names are numbered")
        << tools({kEndCall}) << tools({kEndCall, kEndCall}) << "+end_call#2";
    QTest::newRow("unnamed tools by position")
        << QByteArray(R"([{"type":"x"}])") << QByteArray(R"([{"type":"y"}])")
        << R"(~#1: type "x" -> "y")";
}

void TestToolsDiff::changes()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(QString, expected);
    const ToolsDiff diff = computeToolsDiff(left, right);
    QCOMPARE(summary(diff), expected);
    QCOMPARE(diff.identical(), expected.isEmpty());
}

void TestToolsDiff::malformedInputIsAnErrorValue_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QByteArray>("right");
    QTest::addColumn<QString>("side");
    QTest::addColumn<QString>("messageStart");
    QTest::newRow("left truncated") << QByteArray(R"([{"name": "a")") << tools({kEndCall}) << "left"
                                    << "Left tools:";
    QTest::newRow("right not JSON") << tools({kEndCall}) << QByteArray("tools: none") << "right"
                                    << "Right tools:";
    QTest::newRow("right is an object") << tools({kEndCall}) << QByteArray(kEndCall) << "right"
                                        << "Right tools: not a JSON array";
}

void TestToolsDiff::malformedInputIsAnErrorValue()
{
    QFETCH(QByteArray, left);
    QFETCH(QByteArray, right);
    QFETCH(QString, side);
    QFETCH(QString, messageStart);
    const ToolsDiff diff = computeToolsDiff(left, right);
    QVERIFY(!diff.ok());
    QVERIFY(!diff.identical());
    QVERIFY(diff.changes.isEmpty());
    QCOMPARE(diff.error->side, side == QLatin1String("left") ? Side::Left : Side::Right);
    QVERIFY2(diff.error->message.startsWith(messageStart), qPrintable(diff.error->message));
}

void TestToolsDiff::countsByKind()
{
    QByteArray retyped = tools({kBookTool});
    retyped.replace(R"("string")", R"("integer")");
    const ToolsDiff diff =
        computeToolsDiff(tools({kBookTool, kEndCall}), retyped.chopped(1) + ',' + kListTool + ']');
    QCOMPARE(diff.count(ToolChange::Added), 1);
    QCOMPARE(diff.count(ToolChange::Removed), 1);
    QCOMPARE(diff.count(ToolChange::Changed), 1);
    QCOMPARE(diff.changes.at(0).paths.size(), 2);
}

QTEST_GUILESS_MAIN(TestToolsDiff)
#include "tst_tools_diff.moc"
