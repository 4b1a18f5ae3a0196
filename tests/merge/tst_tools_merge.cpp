#include "merge/ToolsMerge.h"

#include "diff/ToolsDiff.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace retell::core;

namespace {

// JSON written with single quotes, for readable rows.
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

QString originName(ToolMergeChange::Origin origin)
{
    static const char *const names[] = {"ours", "theirs", "both", "combined"};
    return QLatin1String(names[int(origin)]);
}

QString kindName(ToolMergeChange::Kind kind)
{
    static const char *const names[] = {"added", "removed", "changed"};
    return QLatin1String(names[int(kind)]);
}

// "theirs changed check_availability description" per change.
QStringList describeChanges(const ToolsMerge &merge)
{
    QStringList out;
    for (const ToolMergeChange &c : merge.changes) {
        out << QStringLiteral("%1 %2 %3%4")
                   .arg(originName(c.origin), kindName(c.kind), c.tool,
                        c.path.isEmpty() ? QString() : u' ' + c.path);
    }
    return out;
}

// "tool path: base | ours | theirs" per conflict.
QStringList describeConflicts(const ToolsMerge &merge)
{
    QStringList out;
    for (const ToolConflict &c : merge.conflicts) {
        out << QStringLiteral("%1%2: %3 | %4 | %5")
                   .arg(c.tool, c.path.isEmpty() ? QString() : u' ' + c.path,
                        jsonValueText(c.values[MergeInput::Base]),
                        jsonValueText(c.values[MergeInput::Ours]),
                        jsonValueText(c.values[MergeInput::Theirs]));
    }
    return out;
}

QJsonArray array(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).array();
}

const char *const kTwoTools =
    "[{'name':'check','description':'Check a slot','parameters':{'type':'object',"
    "'properties':{'date':{'type':'string'}},'required':['date']}},"
    "{'name':'book','description':'Book it'}]";

} // namespace

class TestToolsMerge : public QObject
{
    Q_OBJECT

private slots:
    void merge_data();
    void merge();
    void choices_data();
    void choices();
    void outputIsCanonical();
    void errors_data();
    void errors();
};

void TestToolsMerge::merge_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QByteArray>("ours");
    QTest::addColumn<QByteArray>("theirs");
    QTest::addColumn<QByteArray>("expected"); // merged, conflicts keeping ours
    QTest::addColumn<QStringList>("changes");
    QTest::addColumn<QStringList>("conflicts");

    const QByteArray two = json(kTwoTools);
    QTest::newRow("nothing changed") << two << two << two << two << QStringList() << QStringList();
    QTest::newRow("all empty") << QByteArray() << QByteArray("[]") << QByteArray("  ")
                               << QByteArray("[]") << QStringList() << QStringList();
    QTest::newRow("tool added on our side")
        << json("[{'name':'a'}]") << json("[{'name':'a'},{'name':'b'}]") << json("[{'name':'a'}]")
        << json("[{'name':'a'},{'name':'b'}]") << QStringList{"ours added b"} << QStringList();
    QTest::newRow("tool added on their side goes after its predecessor")
        << json("[{'name':'a'},{'name':'c'}]") << json("[{'name':'c'},{'name':'a'}]")
        << json("[{'name':'a'},{'name':'b'},{'name':'c'}]")
        << json("[{'name':'c'},{'name':'a'},{'name':'b'}]") << QStringList{"theirs added b"}
        << QStringList();
    QTest::newRow("tool removed on their side")
        << json("[{'name':'a'},{'name':'b'}]") << json("[{'name':'a'},{'name':'b'}]")
        << json("[{'name':'a'}]") << json("[{'name':'a'}]") << QStringList{"theirs removed b"}
        << QStringList();
    QTest::newRow("reordering is not a change")
        << json("[{'name':'a','description':'x'},{'name':'b'}]")
        << json("[{'name':'b'},{'name':'a','description':'x'}]")
        << json("[{'name':'a','description':'y'},{'name':'b'}]")
        << json("[{'name':'b'},{'name':'a','description':'y'}]")
        << QStringList{"theirs changed a description"} << QStringList();
    QTest::newRow("different fields of one tool merge")
        << two
        << json("[{'name':'check','description':'Check a free slot','parameters':{'type':'object',"
                "'properties':{'date':{'type':'string'}},'required':['date']}},{'name':'book','"
                "description':'Book it'}]")
        << json("[{'name':'check','description':'Check a slot','parameters':{'type':'object',"
                "'properties':{'date':{'type':'string','format':'date'}},'required':['date']}},"
                "{'name':'book','description':'Book it'}]")
        << json("[{'name':'check','description':'Check a free slot','parameters':{'type':'object',"
                "'properties':{'date':{'type':'string','format':'date'}},'required':['date']}},"
                "{'name':'book','description':'Book it'}]")
        << QStringList{"ours changed check description",
                       "theirs added check parameters.properties.date.format"}
        << QStringList();
    QTest::newRow("the same field changed identically")
        << json("[{'name':'a','description':'x'}]") << json("[{'name':'a','description':'y'}]")
        << json("[{'name':'a','description':'y'}]") << json("[{'name':'a','description':'y'}]")
        << QStringList{"both changed a description"} << QStringList();
    QTest::newRow("the same field changed differently")
        << json("[{'name':'a','description':'x','speak':true}]")
        << json("[{'name':'a','description':'y','speak':true}]")
        << json("[{'name':'a','description':'z','speak':false}]")
        << json("[{'name':'a','description':'y','speak':false}]")
        << QStringList{"theirs changed a speak"}
        << QStringList{"a description: \"x\" | \"y\" | \"z\""};
    QTest::newRow("field removed on one side, changed on the other")
        << json("[{'name':'a','description':'x'}]") << json("[{'name':'a'}]")
        << json("[{'name':'a','description':'z'}]") << json("[{'name':'a'}]") << QStringList()
        << QStringList{"a description: \"x\" | (absent) | \"z\""};
    QTest::newRow("tool changed on one side, removed on the other")
        << json("[{'name':'a','description':'x'},{'name':'b'}]")
        << json("[{'name':'a','description':'y'},{'name':'b'}]") << json("[{'name':'b'}]")
        << json("[{'name':'a','description':'y'},{'name':'b'}]") << QStringList()
        << QStringList{"a: {\"description\":\"x\",\"name\":\"a\"} | "
                       "{\"description\":\"y\",\"name\":\"a\"} | (absent)"};
    QTest::newRow("tool removed on both sides")
        << json("[{'name':'a'},{'name':'b'}]") << json("[{'name':'b'}]") << json("[{'name':'b'}]")
        << json("[{'name':'b'}]") << QStringList{"both removed a"} << QStringList();
    QTest::newRow("tool added differently on both sides")
        << json("[]") << json("[{'name':'a','description':'x'}]")
        << json("[{'name':'a','description':'y'}]") << json("[{'name':'a','description':'x'}]")
        << QStringList()
        << QStringList{"a: (absent) | {\"description\":\"x\",\"name\":\"a\"} | "
                       "{\"description\":\"y\",\"name\":\"a\"}"};
    QTest::newRow("required lists combine both sides")
        << json("[{'name':'a','required':['date','time']}]")
        << json("[{'name':'a','required':['date','time','name']}]")
        << json("[{'name':'a','required':['date','phone']}]")
        << json("[{'name':'a','required':['date','name','phone']}]")
        << QStringList{"combined changed a required"} << QStringList();
    QTest::newRow("lists of objects are single values")
        << json("[{'name':'a','x':[{'k':1}]}]") << json("[{'name':'a','x':[{'k':2}]}]")
        << json("[{'name':'a','x':[{'k':3}]}]") << json("[{'name':'a','x':[{'k':2}]}]")
        << QStringList() << QStringList{"a x: [{\"k\":1}] | [{\"k\":2}] | [{\"k\":3}]"};
    QTest::newRow("tools without a name are keyed by position")
        << json("[{'description':'x'}]") << json("[{'description':'y'}]")
        << json("[{'description':'x'}]") << json("[{'description':'y'}]")
        << QStringList{"ours changed #1 description"} << QStringList();
}

void TestToolsMerge::merge()
{
    QFETCH(QByteArray, base);
    QFETCH(QByteArray, ours);
    QFETCH(QByteArray, theirs);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, changes);
    QFETCH(QStringList, conflicts);

    const ToolsMerge merge = mergeTools(base, ours, theirs);
    QVERIFY(merge.ok());
    QCOMPARE(describeChanges(merge), changes);
    QCOMPARE(describeConflicts(merge), conflicts);
    QCOMPARE(merge.clean(), conflicts.isEmpty());
    QCOMPARE(mergedToolsArray(merge), array(expected));

    // Swapping the sides swaps the origins and conflict values, not the outcome.
    const ToolsMerge swapped = mergeTools(base, theirs, ours);
    QCOMPARE(swapped.conflicts.size(), merge.conflicts.size());
    for (qsizetype i = 0; i < merge.conflicts.size(); ++i) {
        QCOMPARE(swapped.conflicts[i].values[MergeInput::Ours],
                 merge.conflicts[i].values[MergeInput::Theirs]);
        QCOMPARE(swapped.conflicts[i].path, merge.conflicts[i].path);
    }
}

void TestToolsMerge::choices_data()
{
    QTest::addColumn<ConflictChoice>("choice");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("unresolved keeps ours")
        << ConflictChoice::Unresolved << json("[{'name':'a','description':'y'}]");
    QTest::newRow("ours") << ConflictChoice::Ours << json("[{'name':'a','description':'y'}]");
    QTest::newRow("theirs removes the field") << ConflictChoice::Theirs << json("[{'name':'a'}]");
    QTest::newRow("base restores the field and the tool")
        << ConflictChoice::Base
        << json("[{'name':'a','description':'x'},{'name':'b','description':'old'}]");
}

void TestToolsMerge::choices()
{
    QFETCH(ConflictChoice, choice);
    QFETCH(QByteArray, expected);
    // a.description: changed by ours, removed by theirs; b: removed by ours, changed by theirs.
    const ToolsMerge merge =
        mergeTools(json("[{'name':'a','description':'x'},{'name':'b','description':'old'}]"),
                   json("[{'name':'a','description':'y'}]"),
                   json("[{'name':'a'},{'name':'b','description':'new'}]"));
    QCOMPARE(merge.conflicts.size(), 2);
    QCOMPARE(merge.conflicts[0].path, QStringLiteral("description"));
    QCOMPARE(merge.conflicts[1].tool, QStringLiteral("b"));
    QList<ConflictChoice> choices{choice, choice};
    if (choice == ConflictChoice::Theirs)
        choices[1] = ConflictChoice::Ours; // keep b removed
    QCOMPARE(mergedToolsArray(merge, choices), array(expected));
}

void TestToolsMerge::outputIsCanonical()
{
    // The canonical form is indented JSON with sorted keys, as exports write.
    const QByteArray canonical =
        QJsonDocument(array(json(kTwoTools))).toJson(QJsonDocument::Indented);
    const ToolsMerge merge = mergeTools(json(kTwoTools), canonical, json(kTwoTools));
    QCOMPARE(mergedToolsJson(merge), canonical);
    QVERIFY(computeToolsDiff(mergedToolsJson(merge), json(kTwoTools)).identical());
}

void TestToolsMerge::errors_data()
{
    QTest::addColumn<MergeInput>("input");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("offset");
    QTest::newRow("base not JSON")
        << MergeInput::Base << QByteArray("[{\"name\": }]") << int(ToolsMergeError::NotJson) << 11;
    QTest::newRow("ours not an array") << MergeInput::Ours << QByteArray("{\"name\":\"a\"}")
                                       << int(ToolsMergeError::NotArray) << -1;
    QTest::newRow("theirs not JSON")
        << MergeInput::Theirs << QByteArray("[") << int(ToolsMergeError::NotJson) << 1;
}

void TestToolsMerge::errors()
{
    QFETCH(MergeInput, input);
    QFETCH(QByteArray, text);
    QFETCH(int, kind);
    QFETCH(int, offset);
    PerInput<QByteArray> json{{"[]", "[]", "[]"}};
    json[input] = text;
    const ToolsMerge merge =
        mergeTools(json[MergeInput::Base], json[MergeInput::Ours], json[MergeInput::Theirs]);
    QVERIFY(!merge.ok());
    QCOMPARE(merge.error->input, input);
    QCOMPARE(int(merge.error->kind), kind);
    QCOMPARE(merge.error->offset, offset);
    QVERIFY(merge.changes.isEmpty() && merge.conflicts.isEmpty());
}

QTEST_APPLESS_MAIN(TestToolsMerge)
#include "tst_tools_merge.moc"
