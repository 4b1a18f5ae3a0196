#include "domain/ToolsView.h"
#include "io/AgentConfigCodec.h"
#include "validation/Validator.h"

#include <QTest>

using namespace retell::core;

class TestAgentConfigCodec final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void exportKeepsVersionFacts();
    void refusals_data();
    void refusals();
    void compareReadsOtherTextAsPrompt_data();
    void compareReadsOtherTextAsPrompt();
    void compareShowsAnUnresolvedMerge();
    void duplicateAndDepthRulesStayEnforced();
    void shapeNames_data();
    void shapeNames();
    void toolsView();
    void toolsViewProblems_data();
    void toolsViewProblems();
};

namespace {

const char *const kTools = R"([
  {"type": "custom", "name": "book_appointment", "description": "Books a slot",
   "url": "https://api.example.test/book",
   "parameters": {"type": "object",
     "properties": {"date": {"type": "string", "description": "ISO date"},
                    "party": {"type": ["integer", "null"]}},
     "required": ["date"]}},
  {"type": "end_call", "name": "end_call"}
])";

AgentConfig config(const QString &prompt, const char *tools)
{
    // The stored form: what the codec writes for an array.
    return {prompt,
            AgentConfigCodec::toolsText(AgentConfigCodec::toolsArray(QString::fromUtf8(tools)))};
}

QString nested(int depth)
{
    QString inner = QStringLiteral("1");
    for (int i = 0; i < depth; ++i)
        inner = QLatin1Char('[') + inner + QLatin1Char(']');
    return inner;
}

} // namespace

void TestAgentConfigCodec::roundTrip_data()
{
    QTest::addColumn<int>("shape");
    QTest::addColumn<AgentConfig>("config");
    const AgentConfig booking =
        config(QStringLiteral("Hello {{customer_name}}.\nBook it."), kTools);
    const AgentConfig noTools = config(QStringLiteral("Answer questions only."), "[]");
    const AgentConfig unicode =
        config(QStringLiteral("Grüß Gott, 東京 👋\n\"quoted\" \\ back"), "[]");
    for (const auto &[name, shape] :
         {std::pair{"native", ConfigShape::Native}, std::pair{"retell", ConfigShape::Retell}}) {
        QTest::addRow("%s: prompt and tools", name) << int(shape) << booking;
        QTest::addRow("%s: no tools", name) << int(shape) << noTools;
        QTest::addRow("%s: unicode and escapes", name) << int(shape) << unicode;
    }
    QTest::addRow("plain text") << int(ConfigShape::PlainText)
                                << AgentConfig{QStringLiteral("Just a prompt.\n"), QString()};
}

void TestAgentConfigCodec::roundTrip()
{
    QFETCH(int, shape);
    QFETCH(AgentConfig, config);
    const auto s = ConfigShape(shape);
    const QByteArray bytes = AgentConfigCodec::encode(config, s);
    const auto purpose =
        s == ConfigShape::PlainText ? DecodePurpose::Compare : DecodePurpose::Import;
    const auto decoded = AgentConfigCodec::decode(bytes, purpose);
    QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().message));
    QCOMPARE(int(decoded->shape), shape);
    QCOMPARE(decoded->config.prompt, config.prompt);
    QCOMPARE(decoded->config.toolsJson, config.toolsJson);
    QCOMPARE(decoded->hasTools, s != ConfigShape::PlainText);
}

void TestAgentConfigCodec::exportKeepsVersionFacts()
{
    Branch branch;
    branch.id = QStringLiteral("00000000-0000-4000-8000-000000000007");
    branch.name = QStringLiteral("Berlin Mitte");
    PromptVersion version;
    version.version = 4;
    version.templateName = QStringLiteral("Information Only");
    version.config = config(QStringLiteral("Hi."), kTools);
    const auto native = AgentConfigCodec::decode(
        AgentConfigCodec::exportVersion(branch, version, ConfigShape::Native));
    QVERIFY(native);
    QCOMPARE(native->config, version.config);
    QCOMPARE(native->templateName, version.templateName);
    QCOMPARE(native->sourceDescription(), QStringLiteral("retell-admin export of Berlin Mitte v4"));
    const auto retell = AgentConfigCodec::decode(
        AgentConfigCodec::exportVersion(branch, version, ConfigShape::Retell));
    QVERIFY(retell);
    QCOMPARE(retell->config, version.config);
    QVERIFY(retell->templateName.isEmpty());
    QCOMPARE(retell->sourceDescription(), QStringLiteral("Retell payload"));
}

void TestAgentConfigCodec::refusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("compare");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("args");
    const auto row = [](const char *name, const QByteArray &bytes, bool compare, const char *code,
                        const QStringList &args = {}) {
        QTest::newRow(name) << bytes << compare << QString::fromLatin1(code) << args;
    };
    row("invalid UTF-8", QByteArray("{\"general_prompt\": \"\xC3\x28\"}"), false,
        configError::kNotUtf8);
    row("malformed JSON", "{\"general_prompt\": \"Hi\",", false, configError::kNotJson,
        {QStringLiteral("1"), QStringLiteral("25")});
    row("error position on line 3", "{\n  \"prompt\": \"x\",\n  oops\n}", false,
        configError::kNotJson, {QStringLiteral("3"), QStringLiteral("3")});
    row("plain text to import", "Hello there.", false, configError::kNotJson,
        {QStringLiteral("1"), QStringLiteral("1")});
    row("JSON array", "[1, 2]", false, configError::kNotObject);
    row("object without a prompt", "{\"name\": \"x\"}", false, configError::kNoPrompt);
    row("general_prompt a number", "{\"general_prompt\": 5}", false, configError::kWrongType,
        {QStringLiteral("general_prompt"), QStringLiteral("string")});
    row("native tools an object", "{\"prompt\": \"x\", \"tools\": {}}", false,
        configError::kWrongType, {QStringLiteral("tools"), QStringLiteral("array")});
    row("retell tools a string", "{\"general_prompt\": \"x\", \"general_tools\": \"[]\"}", true,
        configError::kWrongType, {QStringLiteral("general_tools"), QStringLiteral("array")});
    row("duplicate key in a tool",
        R"({"general_prompt": "x", "general_tools": [{"name": "a", "name": "b"}]})", false,
        configError::kDuplicateKey, {QStringLiteral("$.general_tools[0].name")});
    row("duplicate prompt, also when compared", R"({"prompt": "a", "prompt": "b"})", true,
        configError::kDuplicateKey, {QStringLiteral("$.prompt")});
    row("unresolved merge", R"({"prompt": "x", "tools": [], "conflicts": [{"kind": "prompt"}]})",
        false, configError::kUnresolvedMerge, {QStringLiteral("1")});
    row("conflict markers",
        R"({"prompt": "a\n<<<<<<< ours\nX\n=======\nY\n>>>>>>> theirs\n", "conflicts": []})", false,
        configError::kConflictMarkers, {QStringLiteral("2")});
}

void TestAgentConfigCodec::refusals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, compare);
    QFETCH(QString, code);
    QFETCH(QStringList, args);
    const auto decoded =
        AgentConfigCodec::decode(bytes, compare ? DecodePurpose::Compare : DecodePurpose::Import);
    QVERIFY(!decoded);
    QCOMPARE(decoded.error().code, code);
    QCOMPARE(decoded.error().args, args);
    QCOMPARE(decoded.error().kind, ErrorKind::Usage);
    QVERIFY(!decoded.error().message.isEmpty());
}

void TestAgentConfigCodec::compareReadsOtherTextAsPrompt_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("prompt text") << QByteArray("You are the receptionist.\n");
    QTest::newRow("JSON array") << QByteArray("[1, 2]");
    QTest::newRow("JSON object without a prompt") << QByteArray("{\"name\": \"x\"}");
    QTest::newRow("a prompt that is no string") << QByteArray("{\"prompt\": 5}");
    QTest::newRow("broken JSON") << QByteArray("{ not json");
    QTest::newRow("invalid UTF-8") << QByteArray("{\"prompt\": \"\xFF\"}");
}

void TestAgentConfigCodec::compareReadsOtherTextAsPrompt()
{
    QFETCH(QByteArray, bytes);
    const auto decoded = AgentConfigCodec::decode(bytes, DecodePurpose::Compare);
    QVERIFY(decoded);
    QCOMPARE(decoded->shape, ConfigShape::PlainText);
    QVERIFY(!decoded->hasTools);
    QCOMPARE(decoded->config.prompt, QString::fromUtf8(bytes));
}

void TestAgentConfigCodec::compareShowsAnUnresolvedMerge()
{
    const QByteArray merge = R"({"prompt": "x", "tools": [], "conflicts": [{"kind": "prompt"}]})";
    const auto compared = AgentConfigCodec::decode(merge, DecodePurpose::Compare);
    QVERIFY(compared);
    QCOMPARE(compared->shape, ConfigShape::Native);
    QCOMPARE(compared->config.prompt, QStringLiteral("x"));
}

void TestAgentConfigCodec::duplicateAndDepthRulesStayEnforced()
{
    // A duplicate key would vanish when the tools are written again: refused.
    const auto duplicate = AgentConfigCodec::decode(
        R"({"prompt": "x", "tools": [{"type": "end_call", "type": "custom", "name": "e"}]})");
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().code, QLatin1String(configError::kDuplicateKey));

    // Nesting survives decoding, so the validator's depth rule still blocks it.
    const QString deep = QStringLiteral(R"({"general_prompt": "Hi.", "general_tools": [{"type": )"
                                        R"("end_call", "name": "e", "extra": %1}]})")
                             .arg(nested(40));
    const auto decoded = AgentConfigCodec::decode(deep.toUtf8());
    QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().message));
    const ValidationResult result = Validator::validate(decoded->config);
    QVERIFY(std::any_of(result.findings.cbegin(), result.findings.cend(), [](const Finding &f) {
        return f.code == QLatin1String("tools.too_deep") && f.isError();
    }));
}

void TestAgentConfigCodec::shapeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("shape");
    QTest::newRow("default") << QString() << true << int(ConfigShape::Native);
    QTest::newRow("native") << QStringLiteral("native") << true << int(ConfigShape::Native);
    QTest::newRow("retell") << QStringLiteral("retell") << true << int(ConfigShape::Retell);
    QTest::newRow("unknown") << QStringLiteral("yaml") << false << 0;
}

void TestAgentConfigCodec::shapeNames()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(int, shape);
    const auto s = AgentConfigCodec::shapeFromName(name);
    QCOMPARE(bool(s), known);
    if (known) {
        QCOMPARE(int(s.value()), shape);
    } else {
        QCOMPARE(s.error().code, QLatin1String(configError::kUnknownFormat));
        QCOMPARE(s.error().args, QStringList{name});
    }
}

void TestAgentConfigCodec::toolsView()
{
    const ToolsView view = ToolsView::parse(QString::fromUtf8(kTools));
    QVERIFY(view.ok());
    QCOMPARE(view.names(),
             (QStringList{QStringLiteral("book_appointment"), QStringLiteral("end_call")}));
    const ToolView &book = view.tools().at(0);
    QCOMPARE(book.type, QStringLiteral("custom"));
    QCOMPARE(book.description, QStringLiteral("Books a slot"));
    const QList<ToolParameter> parameters = book.parameterList();
    QCOMPARE(parameters.size(), 2);
    QCOMPARE(parameters.at(0).name, QStringLiteral("date"));
    QCOMPARE(parameters.at(0).type, QStringLiteral("string"));
    QVERIFY(parameters.at(0).required);
    QCOMPARE(parameters.at(0).description, QStringLiteral("ISO date"));
    QCOMPARE(parameters.at(1).type, QStringLiteral("integer|null"));
    QVERIFY(!parameters.at(1).required);
    QVERIFY(view.tools().at(1).parameterList().isEmpty());
    QCOMPARE(view.tools().at(1).index, 1);
}

void TestAgentConfigCodec::toolsViewProblems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("problem");
    QTest::addColumn<int>("count");
    QTest::newRow("blank is no tools") << QByteArray(" \n") << int(ToolsView::Problem::None) << 0;
    QTest::newRow("syntax error") << QByteArray("[{\"name\": ") << int(ToolsView::Problem::NotJson)
                                  << 0;
    QTest::newRow("an object") << QByteArray("{}") << int(ToolsView::Problem::NotArray) << 0;
    QTest::newRow("an entry that is no object")
        << QByteArray("[1, {\"name\": \"a\"}]") << int(ToolsView::Problem::None) << 2;
}

void TestAgentConfigCodec::toolsViewProblems()
{
    QFETCH(QByteArray, json);
    QFETCH(int, problem);
    QFETCH(int, count);
    const ToolsView view = ToolsView::parse(json);
    QCOMPARE(int(view.problem()), problem);
    QCOMPARE(int(view.tools().size()), count);
    if (view.problem() == ToolsView::Problem::NotJson)
        QVERIFY(view.errorOffset() >= 0 && !view.errorString().isEmpty());
    if (count == 2) {
        QVERIFY(!view.tools().at(0).isObject);
        QCOMPARE(view.names(), QStringList{QStringLiteral("a")});
    }
}

QTEST_GUILESS_MAIN(TestAgentConfigCodec)
#include "tst_agent_config_codec.moc"
