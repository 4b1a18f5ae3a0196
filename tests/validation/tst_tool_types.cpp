// Retell's 13 tool types: a valid tool of each type passes, each required
// field left out is an error at its JSON path, unknown fields are warnings,
// enum values, ranges and the old transfer_call shape.
#include "ValidatorTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

class TestToolTypes final : public QObject
{
    Q_OBJECT

private slots:
    void validToolPasses_data();
    void validToolPasses();
    void missingRequiredField_data();
    void missingRequiredField();
    void invalidValues_data();
    void invalidValues();
    void unknownFieldIsAWarning();
    void oldTransferShape_data();
    void oldTransferShape();
    void namesAreUniqueAcrossTypes();
    void everyTypeIsCovered();
};

namespace {

// The prompt mentions the tool, so no "unused tool" warning gets in the way.
ValidationResult validateTool(const QString &toolJson)
{
    return Validator::validate({QStringLiteral("Call the `my_tool` tool when needed."),
                                QLatin1Char('[') + toolJson + QLatin1Char(']')},
                               branchContext());
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Removes "a.b.c" from a JSON object.
QJsonObject without(QJsonObject object, const QStringList &path)
{
    if (path.size() == 1) {
        object.remove(path.first());
        return object;
    }
    const QJsonObject inner = object.value(path.first()).toObject();
    object.insert(path.first(), without(inner, path.mid(1)));
    return object;
}

const char *const kValidTools[][2] = {
    {"end_call", R"({"type": "end_call", "name": "my_tool", "description": "Hang up.",
        "speak_during_execution": true, "execution_message_description": "Goodbye!",
        "execution_message_type": "static_text"})"},
    {"transfer_call predefined cold",
     R"({"type": "transfer_call", "name": "my_tool", "description": "To the desk.",
        "transfer_destination": {"type": "predefined", "number": "+4930123456", "extension": "12"},
        "transfer_option": {"type": "cold_transfer", "cold_transfer_mode": "sip_invite",
                            "show_transferee_as_caller": true},
        "custom_sip_headers": {"X-Branch": "{{branch_name}}"}, "ignore_e164_validation": false})"},
    {"transfer_call inferred warm",
     R"({"type": "transfer_call", "name": "my_tool",
        "transfer_destination": {"type": "inferred", "prompt": "The branch the caller asks for."},
        "transfer_option": {"type": "warm_transfer", "on_hold_music": "ringtone",
            "agent_detection_timeout_ms": 30000,
            "private_handoff_option": {"type": "prompt", "prompt": "Summarise the call."},
            "public_handoff_option": {"type": "static_message", "message": "Connecting you."}}})"},
    {"transfer_call agentic warm",
     R"({"type": "transfer_call", "name": "my_tool",
        "transfer_destination": {"type": "predefined", "number": "{{desk_number}}"},
        "transfer_option": {"type": "agentic_warm_transfer",
            "agentic_transfer_config": {"action_on_timeout": "cancel_transfer",
                "transfer_timeout_ms": 30000,
                "transfer_agent": {"agent_id": "agent_123", "agent_version": 3}}}})"},
    {"check_availability_cal",
     R"({"type": "check_availability_cal", "name": "my_tool", "cal_api_key": "cal_live_x",
        "event_type_id": 60444, "timezone": "Europe/Berlin"})"},
    {"book_appointment_cal",
     R"({"type": "book_appointment_cal", "name": "my_tool", "cal_api_key": "cal_live_x",
        "event_type_id": "{{event_type}}", "description": "Books."})"},
    {"agent_swap",
     R"({"type": "agent_swap", "name": "my_tool", "agent_id": "agent_456",
        "post_call_analysis_setting": "both_agents", "agent_version": 2,
        "webhook_setting": "only_source_agent", "keep_current_voice": true})"},
    {"press_digit",
     R"({"type": "press_digit", "name": "my_tool", "delay_ms": 0, "description": "IVR."})"},
    {"send_sms predefined",
     R"({"type": "send_sms", "name": "my_tool",
        "sms_content": {"type": "predefined", "text": "Your booking at {{branch_name}}."}})"},
    {"send_sms template",
     R"({"type": "send_sms", "name": "my_tool",
        "sms_content": {"type": "template", "template": "info_collection"}})"},
    {"custom",
     R"({"type": "custom", "name": "my_tool", "description": "Lists.",
        "url": "https://api.example.com/{{branch_name}}/list", "method": "GET",
        "headers": {"Authorization": "Bearer x"}, "query_params": {"q": "1"},
        "parameter_type": "json", "args_at_root": true, "timeout_ms": 120000,
        "response_variables": {"slot": "data.slot"}, "speak_after_execution": true,
        "parameters": {"type": "object", "properties": {"day": {"type": "string"}},
                       "required": ["day"]}})"},
    {"code",
     R"({"type": "code", "name": "my_tool", "code": "return {ok: true};",
        "timeout_ms": 30000, "response_variables": {"ok": "ok"}})"},
    {"extract_dynamic_variable",
     R"({"type": "extract_dynamic_variable", "name": "my_tool", "description": "Extracts.",
        "variables": [
          {"type": "string", "name": "customer_name", "description": "Name.",
           "examples": ["Anna"]},
          {"type": "enum", "name": "service", "description": "Service.",
           "choices": ["cut", "colour"], "required": true},
          {"type": "boolean", "name": "is_new", "description": "New customer?"},
          {"type": "number", "name": "party_size", "description": "People."}]})"},
    {"bridge_transfer",
     R"({"type": "bridge_transfer", "name": "my_tool", "speak_during_execution": false})"},
    {"cancel_transfer",
     R"({"type": "cancel_transfer", "name": "my_tool", "description": "Back to the caller."})"},
    {"mcp",
     R"({"type": "mcp", "name": "my_tool", "description": "Looks up stock.", "mcp_id": "mcp_1",
        "input_schema": {"type": "object"}, "response_variables": {"stock": "count"}})"},
};

} // namespace

void TestToolTypes::validToolPasses_data()
{
    QTest::addColumn<QString>("tool");
    for (const auto &row : kValidTools)
        QTest::newRow(row[0]) << QString::fromUtf8(row[1]);
}

void TestToolTypes::validToolPasses()
{
    QFETCH(QString, tool);
    const ValidationResult result = validateTool(tool);
    QVERIFY2(result.findings.isEmpty(), qPrintable(codes(result)));
}

void TestToolTypes::missingRequiredField_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("field"); // dotted path inside the tool

    auto valid = [](const char *name) {
        for (const auto &row : kValidTools) {
            if (qstrcmp(row[0], name) == 0)
                return QJsonDocument::fromJson(row[1]).object();
        }
        return QJsonObject();
    };
    const struct
    {
        const char *tool;
        const char *fields;
    } required[] = {
        {"end_call", "name"},
        {"transfer_call predefined cold",
         "name transfer_destination transfer_option transfer_destination.number "
         "transfer_destination.type transfer_option.type"},
        {"transfer_call inferred warm", "transfer_destination.prompt"},
        {"transfer_call agentic warm", "transfer_option.agentic_transfer_config "
                                       "transfer_option.agentic_transfer_config.transfer_agent."
                                       "agent_id"},
        {"check_availability_cal", "name cal_api_key event_type_id"},
        {"book_appointment_cal", "name cal_api_key event_type_id"},
        {"agent_swap", "name agent_id post_call_analysis_setting"},
        {"press_digit", "name"},
        {"send_sms predefined", "name sms_content"},
        {"send_sms template", "sms_content.template"},
        {"custom", "name url"},
        {"code", "name code"},
        {"extract_dynamic_variable", "name description variables"},
        {"bridge_transfer", "name"},
        {"cancel_transfer", "name"},
        {"mcp", "name description"},
    };
    for (const auto &row : required) {
        const QJsonObject tool = valid(row.tool);
        QVERIFY2(!tool.isEmpty(), row.tool);
        for (const QString &field : QString::fromLatin1(row.fields).split(QLatin1Char(' '))) {
            QTest::addRow("%s without %s", row.tool, qPrintable(field))
                << compact(without(tool, field.split(QLatin1Char('.')))) << field;
        }
    }
    // A variable of an extract_dynamic_variable tool without its name.
    QJsonObject extract = valid("extract_dynamic_variable");
    QJsonArray variables = extract.value(QLatin1String("variables")).toArray();
    QJsonObject first = variables.first().toObject();
    first.remove(QLatin1String("name"));
    variables.replace(0, first);
    extract.insert(QLatin1String("variables"), variables);
    QTest::newRow("variable without name") << compact(extract) << "variables[0].name";
}

void TestToolTypes::missingRequiredField()
{
    QFETCH(QString, tool);
    QFETCH(QString, field);
    const ValidationResult result = validateTool(tool);
    const QString path = QLatin1String("$[0].") + field;
    const Finding *found = nullptr;
    for (const Finding &f : result.findings) {
        if (f.isError() && f.jsonPath == path)
            found = &f;
    }
    QVERIFY2(found,
             qPrintable(QStringLiteral("no error at %1 among: %2").arg(path, codes(result))));
    QVERIFY(found->code.startsWith(QLatin1String("tools.missing_")));
    QVERIFY2(found->message.contains(field.section(QLatin1Char('.'), -1)),
             qPrintable(found->message));
    // The position is the object the field belongs in, inside the text.
    QVERIFY(found->offset >= 0 && found->line >= 1);
}

void TestToolTypes::invalidValues_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");

    QTest::newRow("execution_message_type")
        << QStringLiteral(
               R"({"type": "end_call", "name": "my_tool", "execution_message_type": "text"})")
        << "tools.invalid_choice"
        << "$[0].execution_message_type";
    QTest::newRow("custom method")
        << QStringLiteral(
               R"({"type": "custom", "name": "my_tool", "description": "d", "url": "https://x.example",
            "method": "FETCH"})")
        << "tools.invalid_choice"
        << "$[0].method";
    QTest::newRow("custom parameter_type")
        << QStringLiteral(
               R"({"type": "custom", "name": "my_tool", "description": "d", "url": "https://x.example",
            "parameter_type": "xml"})")
        << "tools.invalid_choice"
        << "$[0].parameter_type";
    QTest::newRow("transfer option type") << QStringLiteral(
                                                 R"({"type": "transfer_call", "name": "my_tool",
            "transfer_destination": {"type": "predefined", "number": "+4930123"},
            "transfer_option": {"type": "hot_transfer"}})")
                                          << "tools.invalid_choice"
                                          << "$[0].transfer_option.type";
    QTest::newRow("on hold music") << QStringLiteral(
                                          R"({"type": "transfer_call", "name": "my_tool",
            "transfer_destination": {"type": "predefined", "number": "+4930123"},
            "transfer_option": {"type": "warm_transfer", "on_hold_music": "jazz"}})")
                                   << "tools.invalid_choice"
                                   << "$[0].transfer_option.on_hold_music";
    QTest::newRow("post call analysis setting")
        << QStringLiteral(
               R"({"type": "agent_swap", "name": "my_tool", "agent_id": "a",
            "post_call_analysis_setting": "all"})")
        << "tools.invalid_choice"
        << "$[0].post_call_analysis_setting";
    QTest::newRow("sms content type")
        << QStringLiteral(
               R"({"type": "send_sms", "name": "my_tool", "sms_content": {"type": "mms"}})")
        << "tools.invalid_choice"
        << "$[0].sms_content.type";
    QTest::newRow("variable type")
        << QStringLiteral(
               R"({"type": "extract_dynamic_variable", "name": "my_tool", "description": "d",
            "variables": [{"type": "date", "name": "day", "description": "d"}]})")
        << "tools.invalid_choice"
        << "$[0].variables[0].type";
    QTest::newRow("custom timeout above 600000")
        << QStringLiteral(
               R"({"type": "custom", "name": "my_tool", "description": "d", "url": "https://x.example",
            "timeout_ms": 700000})")
        << "tools.value_range"
        << "$[0].timeout_ms";
    QTest::newRow("press_digit delay above 5000")
        << QStringLiteral(R"({"type": "press_digit", "name": "my_tool", "delay_ms": 5001})")
        << "tools.value_range"
        << "$[0].delay_ms";
    QTest::newRow("press_digit delay negative")
        << QStringLiteral(R"({"type": "press_digit", "name": "my_tool", "delay_ms": -1})")
        << "tools.value_range"
        << "$[0].delay_ms";
    QTest::newRow("speak_during_execution as text")
        << QStringLiteral(
               R"({"type": "end_call", "name": "my_tool", "speak_during_execution": "yes"})")
        << "tools.invalid_value"
        << "$[0].speak_during_execution";
    QTest::newRow("headers with a number")
        << QStringLiteral(
               R"({"type": "custom", "name": "my_tool", "description": "d", "url": "https://x.example",
            "headers": {"X-Id": 5}})")
        << "tools.invalid_value"
        << "$[0].headers";
    QTest::newRow("enum choices not a list")
        << QStringLiteral(
               R"({"type": "extract_dynamic_variable", "name": "my_tool", "description": "d",
            "variables": [{"type": "enum", "name": "s", "description": "d", "choices": "a"}]})")
        << "tools.invalid_value"
        << "$[0].variables[0].choices";
    QTest::newRow("name of 65 characters")
        << QStringLiteral(R"({"type": "end_call", "name": "%1"})").arg(QString(65, u'a'))
        << "tools.invalid_name"
        << "$[0].name";
    QTest::newRow("name with a dot") << QStringLiteral(R"({"type": "code", "name": "a.b",
        "code": "1"})") << "tools.invalid_name"
                                     << "$[0].name";
}

void TestToolTypes::invalidValues()
{
    QFETCH(QString, tool);
    QFETCH(QString, code);
    QFETCH(QString, path);
    const ValidationResult result = validateTool(tool);
    const Finding *f = findCode(result, code);
    QVERIFY2(f, qPrintable(QStringLiteral("no %1 among: %2").arg(code, codes(result))));
    QVERIFY(f->isError());
    QCOMPARE(f->jsonPath, path);
}

void TestToolTypes::unknownFieldIsAWarning()
{
    // Retell's exports carry fields its typed schema lacks (tool_id, ...).
    const QString tool = QStringLiteral(
        R"({"type": "end_call", "name": "my_tool", "tool_id": "tool_9",
            "transfer_option": {"type": "cold_transfer"}})");
    const ValidationResult result = validateTool(tool);
    QCOMPARE(result.errorCount(), 0);
    QCOMPARE(result.warningCount(), 2);
    for (const Finding &f : result.findings) {
        QCOMPARE(f.code, QStringLiteral("tools.unknown_field"));
        QCOMPARE(f.severity, Severity::Warning);
    }
    QCOMPARE(result.findings.at(0).jsonPath, QStringLiteral("$[0].tool_id"));
    QVERIFY(result.findings.at(0).message.contains(QLatin1String("\"tool_id\"")));
    // Inside a nested object too.
    const ValidationResult nested = validateTool(QStringLiteral(
        R"({"type": "transfer_call", "name": "my_tool",
            "transfer_destination": {"type": "predefined", "number": "+4930", "label": "Desk"},
            "transfer_option": {"type": "cold_transfer"}})"));
    QCOMPARE(nested.errorCount(), 0);
    const Finding *f = findCode(nested, QStringLiteral("tools.unknown_field"));
    QVERIFY(f);
    QCOMPARE(f->jsonPath, QStringLiteral("$[0].transfer_destination.label"));
}

void TestToolTypes::oldTransferShape_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("path");
    QTest::newRow("top-level number")
        << QStringLiteral(
               R"({"type": "transfer_call", "name": "my_tool", "number": "+4930123456"})")
        << "$[0].number";
    QTest::newRow("destination of an old type")
        << QStringLiteral(
               R"({"type": "transfer_call", "name": "my_tool",
            "transfer_destination": {"type": "number", "number": "+4930123456"},
            "transfer_option": {"type": "cold_transfer"}})")
        << "$[0].transfer_destination.type";
}

void TestToolTypes::oldTransferShape()
{
    QFETCH(QString, tool);
    QFETCH(QString, path);
    const ValidationResult result = validateTool(tool);
    QCOMPARE(result.errorCount(), 1);
    const Finding *f = findCode(result, QStringLiteral("tools.old_transfer_shape"));
    QVERIFY2(f, qPrintable(codes(result)));
    QVERIFY(f->isError());
    QCOMPARE(f->jsonPath, path);
    // The message says how to write it today.
    QVERIFY2(f->message.contains(QLatin1String("\"predefined\"")), qPrintable(f->message));
    QVERIFY(f->message.contains(QLatin1String("\"number\"")));
}

void TestToolTypes::namesAreUniqueAcrossTypes()
{
    const ValidationResult result =
        Validator::validate({QStringLiteral("Use `my_tool`."),
                             QStringLiteral(R"([{"type": "end_call", "name": "my_tool"},
                            {"type": "code", "name": "my_tool", "code": "1"}])")},
                            branchContext());
    const Finding *f = findCode(result, QStringLiteral("tools.duplicate_name"));
    QVERIFY2(f, qPrintable(codes(result)));
    QCOMPARE(f->jsonPath, QStringLiteral("$[1].name"));
}

void TestToolTypes::everyTypeIsCovered()
{
    // The 13 types of Retell's schema are all known, and all tested above.
    const QStringList types = {QStringLiteral("end_call"),
                               QStringLiteral("transfer_call"),
                               QStringLiteral("check_availability_cal"),
                               QStringLiteral("book_appointment_cal"),
                               QStringLiteral("agent_swap"),
                               QStringLiteral("press_digit"),
                               QStringLiteral("send_sms"),
                               QStringLiteral("custom"),
                               QStringLiteral("code"),
                               QStringLiteral("extract_dynamic_variable"),
                               QStringLiteral("bridge_transfer"),
                               QStringLiteral("cancel_transfer"),
                               QStringLiteral("mcp")};
    for (const QString &type : types) {
        bool tested = false;
        for (const auto &row : kValidTools)
            tested |= QString::fromUtf8(row[0]).section(QLatin1Char(' '), 0, 0) == type;
        QVERIFY2(tested, qPrintable(type));
        const ValidationResult result =
            validateTool(QStringLiteral(R"({"type": "%1", "name": "my_tool"})").arg(type));
        QVERIFY2(!findCode(result, QStringLiteral("tools.unknown_type")), qPrintable(type));
    }
}

QTEST_GUILESS_MAIN(TestToolTypes)
#include "tst_tool_types.moc"
