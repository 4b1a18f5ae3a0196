#include "DiffTestSupport.h"
#include "diff/ToolsPatch.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace retell::core;

namespace {

// The edit keeps a hand-made layout, so a copy that rewrote more than its
// one tool would show.
const QString kEdit = QString::fromUtf8(R"([
  {"type": "end_call",   "name": "end_call"},
  {
    "type": "custom",
    "name": "book_appointment",
    "description": "Books a slot, any time",
    "parameters": {"type": "object",
      "properties": {"date": {"type": "string"}, "date of visit": {"type": "string"}},
      "required": ["date", "service", "date of visit"]}
  },
  {"type": "custom", "name": "new_tool", "url": "https://x.test/n"}
])");
const QString kBase = QString::fromUtf8(R"([
  {"type": "end_call", "name": "end_call"},
  {"type": "custom", "name": "book_appointment", "description": "Books a slot",
   "parameters": {"type": "object",
     "properties": {"date": {"type": "string"}, "service": {"type": "string"}},
     "required": ["date", "service"]}},
  {"type": "custom", "name": "list_services", "url": "https://x.test/s"}
])");

QJsonArray parsed(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        qFatal("not a JSON array: %s", qPrintable(json));
    return doc.array();
}

const ToolChange &changeNamed(const ToolsDiff &diff, const QString &name)
{
    const auto it = std::find_if(diff.changes.cbegin(), diff.changes.cend(),
                                 [&](const ToolChange &c) { return c.name == name; });
    if (it == diff.changes.cend())
        qFatal("no change for %s", qPrintable(name));
    return *it;
}

QStringList changeNames(const ToolsDiff &diff)
{
    QStringList names;
    for (const ToolChange &change : diff.changes) {
        if (change.kind != ToolChange::Changed)
            names << change.name;
        for (const PathChange &path : change.paths)
            names << change.name + QStringLiteral(":") + path.path;
    }
    return names;
}

// A random tools array: a few of a small pool of tools, each with random
// members, so pairs of them differ in every way a copy has to handle.
QJsonArray randomTools(QRandomGenerator &random)
{
    QJsonArray tools;
    const QStringList names = {"a", "b", "c", "d", "", "a"};
    for (const QString &name : names) {
        if (random.bounded(3) == 0)
            continue;
        QJsonObject tool;
        if (!name.isEmpty())
            tool.insert("name", name);
        tool.insert("type", random.bounded(2) ? "custom" : "end_call");
        if (random.bounded(2))
            tool.insert("url", QStringLiteral("https://x.test/%1").arg(random.bounded(3)));
        QJsonObject properties;
        QJsonArray required;
        for (const char *p : {"date", "time", "odd key", "x"}) {
            if (random.bounded(2)) {
                properties.insert(p,
                                  QJsonObject{{"type", random.bounded(2) ? "string" : "number"}});
                if (random.bounded(2))
                    required.append(p);
            }
        }
        tool.insert("parameters", QJsonObject{{"properties", properties}, {"required", required}});
        tools.append(tool);
    }
    return tools;
}

const char *const kEndCallAsWritten = R"({"type": "end_call",   "name": "end_call"})";
const char *const kNewToolAsWritten =
    R"({"type": "custom", "name": "new_tool", "url": "https://x.test/n"})";
const char *const kOddKeyPath = R"(parameters.properties["date of visit"])";

QString indented(const QJsonArray &tools)
{
    return QString::fromUtf8(QJsonDocument(tools).toJson(QJsonDocument::Indented));
}

} // namespace

class TestToolsPatch : public QObject
{
    Q_OBJECT

private slots:
    void revertsAChangedToolAndLeavesTheOthersAsWritten()
    {
        const ToolsDiff diff = computeToolsDiff(kBase, kEdit);
        const auto result =
            copyToolChange(kEdit, changeNamed(diff, "book_appointment"), Side::Right);
        QVERIFY(result);
        QCOMPARE(changeNames(computeToolsDiff(kBase, *result)),
                 QStringList({"list_services", "new_tool"}));
        QVERIFY(result->contains(QLatin1String(kEndCallAsWritten)));
        QVERIFY(result->contains(QLatin1String(kNewToolAsWritten)));
        // The copied tool is indented as the one it replaced.
        QVERIFY2(result->contains("\n  {\n      \"description\": \"Books a slot\""),
                 qPrintable(*result));
    }

    void revertsOnePathInsideATool_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("value") << "description";
        QTest::newRow("member removed") << "parameters.properties.service";
        QTest::newRow("member added, odd key") << QString::fromUtf8(kOddKeyPath);
        QTest::newRow("array element") << "parameters.required[2]";
    }

    void revertsOnePathInsideATool()
    {
        QFETCH(QString, path);
        const ToolsDiff before = computeToolsDiff(kBase, kEdit);
        const ToolChange &change = changeNamed(before, "book_appointment");
        QVERIFY2(std::any_of(change.paths.cbegin(), change.paths.cend(),
                             [&](const PathChange &p) { return p.path == path; }),
                 qPrintable(changeNames(before).join(", ")));
        const auto result = copyToolChange(kEdit, change, Side::Right, path);
        QVERIFY(result);
        QStringList expected = changeNames(before);
        expected.removeOne("book_appointment:" + path);
        QCOMPARE(changeNames(computeToolsDiff(kBase, *result)), expected);
    }

    void removesAnAddedToolWhereverItIs_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("expected");
        const QString x = R"({"name": "x"})";
        QTest::newRow("first") << "[\n  " + x + ",\n  {\"name\": \"b\"}\n]"
                               << "[\n  {\"name\": \"b\"}\n]";
        QTest::newRow("middle") << "[{\"name\": \"a\"}, " + x + ", {\"name\": \"b\"}]"
                                << "[{\"name\": \"a\"}, {\"name\": \"b\"}]";
        QTest::newRow("last") << "[{\"name\": \"a\"},\n " + x + "\n]"
                              << "[{\"name\": \"a\"}\n]";
        QTest::newRow("only") << "  [ " + x + " ]\n"
                              << "  []\n";
    }

    void removesAnAddedToolWhereverItIs()
    {
        QFETCH(QString, edit);
        QFETCH(QString, expected);
        QJsonArray other;
        for (const QJsonValue &tool : parsed(edit)) {
            if (tool["name"] != "x")
                other.append(tool);
        }
        const ToolsDiff diff = computeToolsDiff(indented(other), edit);
        const auto result = copyToolChange(edit, changeNamed(diff, "x"), Side::Right);
        QVERIFY(result);
        QCOMPARE(*result, expected);
    }

    void putsARemovedToolBackAfterTheLast()
    {
        const ToolsDiff diff = computeToolsDiff(kBase, kEdit);
        const auto result = copyToolChange(kEdit, changeNamed(diff, "list_services"), Side::Right);
        QVERIFY(result);
        QVERIFY2(result->contains("\"https://x.test/n\"},\n  {\n      \"name\": \"list_services\""),
                 qPrintable(*result));
        const QStringList left = {"book_appointment:description",
                                  "book_appointment:" + QString::fromUtf8(kOddKeyPath),
                                  "book_appointment:parameters.properties.service",
                                  "book_appointment:parameters.required[2]", "new_tool"};
        QCOMPARE(changeNames(computeToolsDiff(kBase, *result)), left);
        // Into an empty edit, too.
        const ToolsDiff fromEmpty = computeToolsDiff(kBase, "");
        const auto filled = copyToolChange("", changeNamed(fromEmpty, "end_call"), Side::Right);
        QVERIFY(filled);
        QCOMPARE(parsed(*filled), QJsonArray({parsed(kBase).at(0)}));
    }

    void theEditMayBeTheLeftSide()
    {
        const ToolsDiff diff = computeToolsDiff(kEdit, kBase);
        const auto result = copyToolChange(kEdit, changeNamed(diff, "new_tool"), Side::Left);
        QVERIFY(result);
        QVERIFY(!result->contains("new_tool"));
        QVERIFY(!copyToolChange(kEdit, changeNamed(diff, "new_tool"), Side::Right));
    }

    void refusesATextTheDiffIsNotOf()
    {
        const ToolsDiff diff = computeToolsDiff(kBase, kEdit);
        const ToolChange &change = changeNamed(diff, "book_appointment");
        QVERIFY(!copyToolChange(kBase, change, Side::Right));
        QVERIFY(!copyToolChange(QStringLiteral("[{\"name\": "), change, Side::Right));
        QVERIFY(!copyToolChange(QStringLiteral("{}"), change, Side::Right));
    }

    // Property: copying every change across, one at a time (whole tools or
    // path by path), always leaves valid JSON and ends where the other side is.
    void copyingEveryChangeReachesTheOtherSide()
    {
        QRandomGenerator random(20261129);
        for (int round = 0; round < 400; ++round) {
            const QJsonArray other = randomTools(random);
            QString edit = indented(randomTools(random));
            const bool byPath = round % 2 == 1;
            for (int step = 0; step < 100; ++step) {
                const ToolsDiff diff = computeToolsDiff(indented(other), edit);
                QVERIFY(diff.ok());
                if (diff.identical())
                    break;
                const ToolChange &change =
                    diff.changes.at(random.bounded(int(diff.changes.size())));
                const QString path =
                    byPath && !change.paths.isEmpty()
                        ? change.paths.at(random.bounded(int(change.paths.size()))).path
                        : QString();
                const auto next = copyToolChange(edit, change, Side::Right, path);
                QVERIFY2(next,
                         qPrintable(QStringLiteral("round %1: %2").arg(round).arg(change.name)));
                QVERIFY2(*next != edit, qPrintable(change.name + QStringLiteral(" ") + path));
                edit = *next;
            }
            QVERIFY2(
                computeToolsDiff(indented(other), edit).identical(),
                qPrintable(QStringLiteral("round %1 did not converge:\n%2").arg(round).arg(edit)));
        }
    }
};

QTEST_GUILESS_MAIN(TestToolsPatch)
#include "tst_tools_patch.moc"
