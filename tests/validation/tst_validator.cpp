#include "validation/Validator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace retell::core;

namespace retell::core {
char *toString(const Finding &f)
{
    return QTest::toString(QStringLiteral("%1 %2 at %3:%4 [%5+%6] %7 \"%8\"")
                               .arg(severityName(f.severity), f.code)
                               .arg(f.line)
                               .arg(f.column)
                               .arg(f.offset)
                               .arg(f.length)
                               .arg(f.jsonPath, f.message));
}
} // namespace retell::core

namespace {

// The variables a branch provides in this app; the built-in templates must
// validate without findings against exactly this set.
ValidationContext branchContext()
{
    ValidationContext context;
    context.knownVariables = {QStringLiteral("company_name"), QStringLiteral("branch_name"),
                              QStringLiteral("branch_address"), QStringLiteral("opening_hours")};
    return context;
}

const Finding *findCode(const ValidationResult &result, const QString &code)
{
    for (const Finding &f : result.findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

QString codes(const ValidationResult &result)
{
    QStringList out;
    for (const Finding &f : result.findings)
        out.append(f.code);
    return out.join(QLatin1String(", "));
}

const QString kCleanTool =
    QString::fromUtf8(R"({"type": "custom", "name": "list_services", "description": "Lists.",)")
    + QString::fromUtf8(R"( "url": "https://api.example.com/list", "timeout_ms": 8000,)")
    + QString::fromUtf8(R"( "parameters": {"type": "object", "properties": {"customer_name":)")
    + QString::fromUtf8(R"( {"type": "string"}}, "required": ["customer_name"]}})");

} // namespace

class TestValidator final : public QObject
{
    Q_OBJECT

private slots:
    void promptFindings_data();
    void promptFindings();
    void promptClean_data();
    void promptClean();
    void tokenEstimate();
    void tokenLimits_data();
    void tokenLimits();
    void hugePromptFailsFast();
    void findingsAreCapped();
    void toolsFindings_data();
    void toolsFindings();
    void toolsClean_data();
    void toolsClean();
    void jsonSyntaxErrorPosition();
    void jsonSyntaxErrors_data();
    void jsonSyntaxErrors();
    void invalidUtf8_data();
    void invalidUtf8();
    void findingsJsonRoundTrip();
    void findingsFromLegacyJson();
    void status();
    void toolNames();
    void variablesUsed();
    void builtInTemplates_data();
    void builtInTemplates();
};

void TestValidator::promptFindings_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("error");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text"); // what offset/length must cover

    const QString s = QStringLiteral(" ");
    QTest::newRow("blank prompt is empty")
        << QStringLiteral(" \n\t ") << "prompt.empty" << true << 0 << 0 << QString();
    QTest::newRow("unclosed {{ at end of line")
        << QStringLiteral("Hello {{ name\nbye") << "prompt.unbalanced_braces" << true << 1 << 7
        << QStringLiteral("{{");
    QTest::newRow("unclosed {{ before another {{")
        << QStringLiteral("x {{a {{company_name}}") << "prompt.unbalanced_braces" << true << 1
        << 3 << QStringLiteral("{{");
    QTest::newRow("stray }} is a warning")
        << QStringLiteral("Hi }} there") << "prompt.unbalanced_braces" << false << 1 << 4
        << QStringLiteral("}}");
    QTest::newRow("empty placeholder")
        << QStringLiteral("Hi {{}}") << "prompt.malformed_variable" << true << 1 << 4
        << QStringLiteral("{{}}");
    QTest::newRow("blank placeholder")
        << QStringLiteral("Hi {{  }}") << "prompt.malformed_variable" << true << 1 << 4
        << QStringLiteral("{{  }}");
    QTest::newRow("space inside a variable name")
        << QStringLiteral("A\nB {{first name}}") << "prompt.malformed_variable" << true << 2
        << 3 << QStringLiteral("{{first name}}");
    QTest::newRow("variable starting with a digit")
        << QStringLiteral("{{1st_visit}}") << "prompt.malformed_variable" << true << 1 << 1
        << QStringLiteral("{{1st_visit}}");
    QTest::newRow("unknown variable")
        << QStringLiteral("Hi {{customer_name}}!") << "prompt.unknown_variable" << false << 1
        << 4 << QStringLiteral("{{customer_name}}");
    QTest::newRow("unknown variable after CRLF lines")
        << QStringLiteral("a\r\nb\r\n  {{foo}}") << "prompt.unknown_variable" << false << 3
        << 3 << QStringLiteral("{{foo}}");
    QTest::newRow("unknown variable after a lone CR")
        << QStringLiteral("a\r{{foo}}") << "prompt.unknown_variable" << false << 2 << 1
        << QStringLiteral("{{foo}}");
    QTest::newRow("unknown variable after an emoji (two UTF-16 units)")
        << QStringLiteral("\U0001F600 {{foo}}") << "prompt.unknown_variable" << false << 1 << 4
        << QStringLiteral("{{foo}}");
    QTest::newRow("unknown variable with spaces reported once at first use")
        << QStringLiteral("x\n{{ foo }} and {{foo}}") << "prompt.unknown_variable" << false << 2
        << 1 << QStringLiteral("{{ foo }}");
    QTest::newRow("undefined tool mentioned in backticks")
        << QStringLiteral("Then call `book_table` now.") << "tools.undefined_tool_mentioned"
        << false << 1 << 12 << QStringLiteral("book_table");
    QTest::newRow("undefined tool mentioned after emoji and CRLF")
        << QStringLiteral("\U0001F4DE\r\ncall collect_appointment_data")
        << "tools.undefined_tool_mentioned" << false << 2 << 6
        << QStringLiteral("collect_appointment_data");
}

void TestValidator::promptFindings()
{
    QFETCH(QString, prompt);
    QFETCH(QString, code);
    QFETCH(bool, error);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, text);

    const ValidationResult result =
        Validator::validate({prompt, QStringLiteral("[]")}, {{QStringLiteral("company_name")}});
    const Finding *f = findCode(result, code);
    QVERIFY2(f, qPrintable(QStringLiteral("no %1 among: %2").arg(code, codes(result))));
    QCOMPARE(f->isError(), error);
    QCOMPARE(f->target, FindingTarget::Prompt);
    QCOMPARE(f->line, line);
    QCOMPARE(f->column, column);
    QVERIFY(!f->message.isEmpty());
    if (text.isNull()) {
        QCOMPARE(f->offset, -1);
    } else {
        QCOMPARE(prompt.mid(f->offset, f->length), text);
    }
}

void TestValidator::promptClean_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("tools");

    const QString noTools = QStringLiteral("[]");
    QTest::newRow("system variables")
        << QStringLiteral("{{current_time}} {{current_calendar}} {{user_number}} {{call_id}} "
                          "{{call_type}} {{direction}} {{agent_id}} {{to_number}} "
                          "{{from_number}} {{session_type}}")
        << noTools;
    QTest::newRow("timezone variables")
        << QStringLiteral("{{current_time_Europe/Berlin}} {{current_calendar_America/New_York}}")
        << noTools;
    QTest::newRow("spaces around a known name are trimmed")
        << QStringLiteral("Welcome to {{ company_name }}.") << noTools;
    QTest::newRow("single braces of a JSON example")
        << QStringLiteral("Answer like {\"ok\": true} or {\"a\": [1]}.") << noTools;
    QTest::newRow("underscores in URL, e-mail and emphasis")
        << QStringLiteral("See https://x.example/some_path, mail front_desk@x.example, "
                          "_really_ sure, snake_.")
        << noTools;
    QTest::newRow("parameter names are not tools")
        << QStringLiteral("Call list_services and pass customer_name.")
        << QStringLiteral("[") + kCleanTool + QStringLiteral("]");
    QTest::newRow("tool without underscore mentioned as a word")
        << QStringLiteral("Use lookup when asked.")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "lookup"}])");
    QTest::newRow("hyphenated tool name mentioned")
        << QStringLiteral("Use get-hours when asked.")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "get-hours"}])");
    QTest::newRow("blank tools config means no tools") << QStringLiteral("Hello.")
                                                        << QStringLiteral("  ");
}

void TestValidator::promptClean()
{
    QFETCH(QString, prompt);
    QFETCH(QString, tools);
    const ValidationResult result = Validator::validate({prompt, tools}, branchContext());
    QVERIFY2(result.findings.isEmpty(), qPrintable(codes(result)));
    QCOMPARE(result.status(), ValidationStatus::Valid);
}

void TestValidator::tokenEstimate()
{
    // Words of up to six letters are one token, punctuation one each, digits
    // one per three, a run of line breaks one.
    QCOMPARE(Validator::estimateTokens(u"Hello, world!"), 4);
    QCOMPARE(Validator::estimateTokens(u"appointment"), 2);
    QCOMPARE(Validator::estimateTokens(u"1234567"), 3);
    QCOMPARE(Validator::estimateTokens(u"a\n\n\nb"), 3);
    QCOMPARE(Validator::estimateTokens(u""), 0);
    const QString paragraph = QStringLiteral("Ask one question at a time, then read the date "
                                             "back: Tuesday, 4 March at 14:30.\n");
    const int one = Validator::estimateTokens(paragraph);
    QVERIFY(one > 15 && one < 30);
    QCOMPARE(Validator::estimateTokens(paragraph.repeated(100)), one * 100);
}

void TestValidator::tokenLimits_data()
{
    QTest::addColumn<int>("words");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("error");
    // "word " is one token (spaces are free).
    QTest::newRow("3,400 tokens: no finding") << 3400 << QString() << false;
    QTest::newRow("4,000 tokens: cost warning") << 4000 << "prompt.token_cost" << false;
    QTest::newRow("9,000 tokens: Retell rejects") << 9000 << "prompt.token_limit" << true;
}

void TestValidator::tokenLimits()
{
    QFETCH(int, words);
    QFETCH(QString, code);
    QFETCH(bool, error);
    const ValidationResult result =
        Validator::validate({QStringLiteral("word ").repeated(words), QStringLiteral("[]")});
    QCOMPARE(result.estimatedTokens, words);
    if (code.isEmpty()) {
        QVERIFY2(result.findings.isEmpty(), qPrintable(codes(result)));
        return;
    }
    QCOMPARE(result.findings.size(), 1);
    const Finding &f = result.findings.first();
    QCOMPARE(f.code, code);
    QCOMPARE(f.isError(), error);
    QCOMPARE(f.line, 0);
    QCOMPARE(f.offset, -1);
}

void TestValidator::hugePromptFailsFast()
{
    const QString prompt(10 * 1024 * 1024, QLatin1Char('a'));
    QElapsedTimer timer;
    timer.start();
    const ValidationResult result = Validator::validate({prompt, QStringLiteral("[]")});
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(result.findings.size(), 1);
    QCOMPARE(result.findings.first().code, QStringLiteral("prompt.too_large"));
    QVERIFY(result.findings.first().isError());
    QVERIFY(result.findings.first().message.contains(QLatin1String("10485760")));
    QCOMPARE(result.characters, 10 * 1024 * 1024);
}

void TestValidator::findingsAreCapped()
{
    QString prompt;
    for (int i = 0; i < 500; ++i)
        prompt += QStringLiteral("{{v%1}} tool_%1 {{ }} }} ").arg(i);
    const ValidationResult result = Validator::validate({prompt, QStringLiteral("[]")});
    QHash<QString, int> perCode;
    for (const Finding &f : result.findings)
        ++perCode[f.code];
    QCOMPARE(perCode.value(QStringLiteral("prompt.unknown_variable")), 100);
    QCOMPARE(perCode.value(QStringLiteral("tools.undefined_tool_mentioned")), 100);
    QCOMPARE(perCode.value(QStringLiteral("prompt.malformed_variable")), 100);
    QCOMPARE(perCode.value(QStringLiteral("prompt.unbalanced_braces")), 100);
    // The first ones in the text are kept, in text order.
    const Finding *first = findCode(result, QStringLiteral("tools.undefined_tool_mentioned"));
    QCOMPARE(prompt.mid(first->offset, first->length), QStringLiteral("tool_0"));
}

void TestValidator::toolsFindings_data()
{
    QTest::addColumn<QString>("tools");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("error");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text"); // what offset/length must cover

    auto custom = [](const QString &extra) {
        return QString::fromUtf8(R"([{"type": "custom", "name": "list_services", )"
                              R"("description": "d", "url": "https://x.example/a")")
               + extra + QStringLiteral("}]");
    };
    QTest::newRow("object instead of array")
        << QString::fromUtf8(R"({"name": "x"})") << "tools.not_array" << true << "$" << "{";
    QTest::newRow("tool is a number")
        << QStringLiteral("[ 42 ]") << "tools.not_object" << true << "$[0]" << "42";
    QTest::newRow("tool without name")
        << QString::fromUtf8(R"([{"type": "end_call"}])") << "tools.missing_name" << true << "$[0]"
        << "{";
    QTest::newRow("name with a space")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "bad name"}])")
        << "tools.invalid_name" << true << "$[0].name" << "\"bad name\"";
    QTest::newRow("name of 65 characters")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "%1"}])").arg(QString(65, u'a'))
        << "tools.invalid_name" << true << "$[0].name"
        << QLatin1Char('"') + QString(65, u'a') + QLatin1Char('"');
    QTest::newRow("name is not a string")
        << QString::fromUtf8(R"([{"type": "end_call", "name": 7}])") << "tools.invalid_name" << true
        << "$[0].name" << "7";
    QTest::newRow("duplicate name points at the second")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "bye"}, )"
                          R"({"type": "end_call", "name": "bye"}])")
        << "tools.duplicate_name" << true << "$[1].name" << "\"bye\"";
    QTest::newRow("tool without type")
        << QString::fromUtf8(R"([{"name": "list_services"}])") << "tools.missing_type" << true
        << "$[0]" << "{";
    QTest::newRow("unknown type")
        << QString::fromUtf8(R"([{"type": "webhook", "name": "list_services"}])")
        << "tools.unknown_type" << true << "$[0].type" << "\"webhook\"";
    QTest::newRow("custom tool without url")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", "description": "d"}])")
        << "tools.missing_url" << true << "$[0]" << "{";
    QTest::newRow("custom tool with ftp url")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", "description": "d", )"
                          R"("url": "ftp://x.example"}])")
        << "tools.invalid_url" << true << "$[0].url" << "\"ftp://x.example\"";
    QTest::newRow("custom tool without description")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", )"
                          R"("url": "https://x.example"}])")
        << "tools.missing_description" << true << "$[0]" << "{";
    QTest::newRow("custom tool with blank description")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", "description": " ", )"
                          R"("url": "https://x.example"}])")
        << "tools.missing_description" << true << "$[0].description" << "\" \"";
    QTest::newRow("parameters is an array")
        << custom(QString::fromUtf8(R"(, "parameters": [])")) << "tools.parameters_not_object"
        << true << "$[0].parameters" << "[]";
    QTest::newRow("parameters of type string")
        << custom(QString::fromUtf8(R"(, "parameters": {"type": "string"})"))
        << "tools.parameters_not_object" << true << "$[0].parameters.type" << "\"string\"";
    QTest::newRow("parameters without type")
        << custom(QString::fromUtf8(R"(, "parameters": {"properties": {}})"))
        << "tools.parameters_not_object" << true << "$[0].parameters" << "{";
    QTest::newRow("properties is a list")
        << custom(QString::fromUtf8(R"(, "parameters": {"type": "object", "properties": ["a"]})"))
        << "tools.parameters_not_object" << true << "$[0].parameters.properties" << "[\"a\"]";
    QTest::newRow("required names an absent property")
        << custom(QString::fromUtf8(R"(, "parameters": {"type": "object", )"
                                 R"("properties": {"a": {"type": "string"}}, "required": ["a", "b"]})"))
        << "tools.required_unknown_property" << true << "$[0].parameters.required[1]" << "\"b\"";
    QTest::newRow("required is a string")
        << custom(QString::fromUtf8(R"(, "parameters": {"type": "object", "required": "a"})"))
        << "tools.invalid_required" << true << "$[0].parameters.required" << "\"a\"";
    QTest::newRow("required holds a number")
        << custom(QString::fromUtf8(R"(, "parameters": {"type": "object", "properties": {}, )"
                                 R"("required": [3]})"))
        << "tools.invalid_required" << true << "$[0].parameters.required[0]" << "3";
    QTest::newRow("timeout below 1000 ms")
        << custom(QString::fromUtf8(R"(, "timeout_ms": 999)")) << "tools.timeout_range" << true
        << "$[0].timeout_ms" << "999";
    QTest::newRow("timeout above 600000 ms")
        << custom(QString::fromUtf8(R"(, "timeout_ms": 600001)")) << "tools.timeout_range" << true
        << "$[0].timeout_ms" << "600001";
    QTest::newRow("timeout not a whole number")
        << custom(QString::fromUtf8(R"(, "timeout_ms": 1500.5)")) << "tools.timeout_range" << true
        << "$[0].timeout_ms" << "1500.5";
    QTest::newRow("timeout as a string")
        << custom(QString::fromUtf8(R"(, "timeout_ms": "5000")")) << "tools.timeout_range" << true
        << "$[0].timeout_ms" << "\"5000\"";
    QTest::newRow("tool never mentioned in the prompt")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "hang_up"}])") << "tools.unused_tool"
        << false << "$[0].name" << "\"hang_up\"";
    QTest::newRow("position on later lines with CRLF and emoji")
        << QStringLiteral("[\r\n  {\"description\": \"\U0001F600\",\r\n   \"type\": \"nope\", "
                          "\"name\": \"list_services\"}\r\n]")
        << "tools.unknown_type" << true << "$[0].type" << "\"nope\"";
}

void TestValidator::toolsFindings()
{
    QFETCH(QString, tools);
    QFETCH(QString, code);
    QFETCH(bool, error);
    QFETCH(QString, path);
    QFETCH(QString, text);

    const ValidationResult result =
        Validator::validate({QStringLiteral("Use list_services."), tools}, branchContext());
    const Finding *f = findCode(result, code);
    QVERIFY2(f, qPrintable(QStringLiteral("no %1 among: %2").arg(code, codes(result))));
    QCOMPARE(f->isError(), error);
    QCOMPARE(f->target, FindingTarget::Tools);
    QCOMPARE(f->jsonPath, path);
    QCOMPARE(tools.mid(f->offset, f->length), text);
    // Line and column agree with the offset.
    const QString before = tools.left(f->offset);
    const int lastBreak = int(std::max(before.lastIndexOf(QLatin1Char('\n')),
                                       before.lastIndexOf(QLatin1Char('\r'))));
    QCOMPARE(f->line, int(before.count(QLatin1Char('\n'))
                          + before.count(QLatin1Char('\r'))
                          - before.count(QLatin1String("\r\n")) + 1));
    QCOMPARE(f->column, f->offset - lastBreak);
}

void TestValidator::toolsClean_data()
{
    QTest::addColumn<QString>("tools");
    QTest::newRow("complete custom tool") << QStringLiteral("[") + kCleanTool
                                                 + QStringLiteral("]");
    QTest::newRow("end_call without description")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "list_services"}])");
    QTest::newRow("empty array") << QStringLiteral("[]");
    QTest::newRow("blank text") << QStringLiteral(" \n");
    QTest::newRow("parameters without properties")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", "description": "d",)"
                          R"( "url": "http://x.example/{{branch_name}}", "timeout_ms": 1000,)"
                          R"( "parameters": {"type": "object"}}])");
}

void TestValidator::toolsClean()
{
    QFETCH(QString, tools);
    const QString prompt = tools.contains(QLatin1String("list_services"))
                               ? QStringLiteral("Use list_services.")
                               : QStringLiteral("Answer questions.");
    const ValidationResult result = Validator::validate({prompt, tools}, branchContext());
    QVERIFY2(result.findings.isEmpty(), qPrintable(codes(result)));
}

void TestValidator::jsonSyntaxErrorPosition()
{
    const QString tools = QStringLiteral("[\n  {\"name\": \"x\"\n   \"type\": \"custom\"}\n]");
    const ValidationResult result = Validator::validate({QStringLiteral("Hello."), tools});
    QCOMPARE(result.findings.size(), 1);
    const Finding &f = result.findings.first();
    QCOMPARE(f.code, QStringLiteral("tools.invalid_json"));
    QVERIFY(f.isError());
    // The error is where the missing comma was expected: at the quote that
    // opens "type" on line 3.
    QCOMPARE(f.line, 3);
    QCOMPARE(f.column, 4);
    QCOMPARE(tools.mid(f.offset, f.length), QStringLiteral("\""));
    QVERIFY(f.message.contains(QLatin1String("line 3, column 4")));

    // Offsets are UTF-16 even though Qt counts UTF-8 bytes.
    const QString withUmlaut = QStringLiteral("[{\"name\": \"M\u00fcller\" \"x\"}]");
    const Finding g = Validator::validate({QStringLiteral("Hello."), withUmlaut}).findings.value(0);
    QCOMPARE(g.code, QStringLiteral("tools.invalid_json"));
    QCOMPARE(withUmlaut.mid(g.offset, 3), QStringLiteral("\"x\""));
}

void TestValidator::jsonSyntaxErrors_data()
{
    QTest::addColumn<QString>("tools");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("trailing comma") << QStringLiteral("[1,]") << 1 << 4;
    QTest::newRow("single quotes") << QStringLiteral("['a']") << 1 << 2;
    QTest::newRow("unknown escape") << QStringLiteral("[\"\\x\"]") << 1 << 4;
    QTest::newRow("short unicode escape") << QStringLiteral("[\"\\u12\"]") << 1 << 7;
    QTest::newRow("leading zero") << QStringLiteral("[01]") << 1 << 3;
    QTest::newRow("bare word") << QStringLiteral("[\n  nope]") << 2 << 3;
    QTest::newRow("unterminated string") << QStringLiteral("[\"abc") << 1 << 6;
    QTest::newRow("text after the array") << QStringLiteral("[] x") << 1 << 4;
    QTest::newRow("raw line break in a string") << QStringLiteral("[\"a\nb\"]") << 1 << 4;
    QTest::newRow("missing colon") << QStringLiteral("[{\"name\" \"x\"}]") << 1 << 10;
}

void TestValidator::jsonSyntaxErrors()
{
    QFETCH(QString, tools);
    QFETCH(int, line);
    QFETCH(int, column);
    const ValidationResult result = Validator::validate({QStringLiteral("Hello."), tools});
    QCOMPARE(result.findings.size(), 1);
    const Finding &f = result.findings.first();
    QCOMPARE(f.code, QStringLiteral("tools.invalid_json"));
    QVERIFY(f.isError());
    QCOMPARE(f.line, line);
    QCOMPARE(f.column, column);
    QVERIFY(f.offset >= 0 && f.offset <= tools.size());
    QCOMPARE(f.length, f.offset < tools.size() ? 1 : 0);
    QVERIFY(Validator::toolNames(tools).isEmpty());
}

void TestValidator::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("prompt");
    QTest::addColumn<QByteArray>("tools");
    QTest::addColumn<QString>("code"); // empty: valid
    QTest::addColumn<int>("byteOffset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("stray 0xFF in prompt")
        << QByteArray("ab\ncd\xff" "ef") << QByteArray("[]") << "prompt.invalid_utf8" << 5 << 2
        << 3;
    QTest::newRow("bad byte after an emoji")
        << QByteArray("\xf0\x9f\x98\x80 \x80") << QByteArray("[]") << "prompt.invalid_utf8" << 5
        << 1 << 4;
    QTest::newRow("overlong slash")
        << QByteArray("a\xc0\xaf") << QByteArray("[]") << "prompt.invalid_utf8" << 1 << 1 << 2;
    QTest::newRow("encoded surrogate")
        << QByteArray("ab\xed\xa0\x80") << QByteArray("[]") << "prompt.invalid_utf8" << 2 << 1
        << 3;
    QTest::newRow("truncated sequence at the end")
        << QByteArray("abc\xe2\x82") << QByteArray("[]") << "prompt.invalid_utf8" << 3 << 1 << 4;
    QTest::newRow("latin-1 in tools")
        << QByteArray("Hello.") << QByteArray("[\r\n\"M\xfcller\"]") << "tools.invalid_utf8" << 5
        << 2 << 3;
    QTest::newRow("valid multilingual text")
        << QByteArray("Gr\xc3\xbc\xc3\x9f Gott \xe2\x82\xac \xf0\x9f\x98\x80 \xe6\x97\xa5")
        << QByteArray("[]") << QString() << 0 << 0 << 0;
}

void TestValidator::invalidUtf8()
{
    QFETCH(QByteArray, prompt);
    QFETCH(QByteArray, tools);
    QFETCH(QString, code);
    QFETCH(int, byteOffset);
    QFETCH(int, line);
    QFETCH(int, column);

    const ValidationResult result = Validator::validateBytes(prompt, tools);
    const Finding *f = findCode(result, code.isEmpty() ? QStringLiteral("prompt.invalid_utf8")
                                                       : code);
    if (code.isEmpty()) {
        QVERIFY2(!f, qPrintable(codes(result)));
        return;
    }
    QVERIFY2(f, qPrintable(codes(result)));
    QVERIFY(f->isError());
    QCOMPARE(f->line, line);
    QCOMPARE(f->column, column);
    QVERIFY2(f->message.contains(QStringLiteral("byte offset %1").arg(byteOffset)),
             qPrintable(f->message));
    const QString decoded = QString::fromUtf8(f->target == FindingTarget::Prompt ? prompt : tools);
    QCOMPARE(decoded.at(f->offset), QChar(QChar::ReplacementCharacter));
}

void TestValidator::findingsJsonRoundTrip()
{
    const AgentConfig config{QStringLiteral("Hi {{who}} {{first name}}\r\n\U0001F600 }}"),
                             QString::fromUtf8(R"([{"type": "custom", "name": "a b"}, 1])")};
    const ValidationResult result = Validator::validate(config);
    QVERIFY(result.findings.size() >= 6);
    const QByteArray json = result.findingsJson();
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    QCOMPARE(array.size(), result.findings.size());
    const QJsonObject first = array.first().toObject();
    for (const char *key :
         {"severity", "code", "message", "target", "line", "column", "offset", "length", "path"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(ValidationResult::findingsFromJson(json), result.findings);
    QVERIFY(ValidationResult::findingsFromJson(QByteArray("[]")).isEmpty());
    QVERIFY(ValidationResult::findingsFromJson(QByteArray("not json")).isEmpty());
}

void TestValidator::findingsFromLegacyJson()
{
    const QList<Finding> findings =
        ValidationResult::findingsFromJson(QByteArray(R"(["Prompt too long"])"));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().message, QStringLiteral("Prompt too long"));
    QVERIFY(findings.first().isError());
    QCOMPARE(findings.first().offset, -1);
}

void TestValidator::status()
{
    ValidationResult result;
    QCOMPARE(result.status(), ValidationStatus::Valid);
    result.findings.append(Finding{Severity::Warning, QStringLiteral("x"), QStringLiteral("m")});
    QCOMPARE(result.status(), ValidationStatus::Valid);
    QCOMPARE(result.warningCount(), 1);
    QCOMPARE(result.errorCount(), 0);
    result.findings.append(Finding{Severity::Error, QStringLiteral("y"), QStringLiteral("m")});
    QCOMPARE(result.status(), ValidationStatus::Invalid);
    QVERIFY(result.hasErrors());
    QCOMPARE(result.errorCount(), 1);
    QCOMPARE(validationStatusName(result.status()), QStringLiteral("invalid"));
}

void TestValidator::toolNames()
{
    QCOMPARE(Validator::toolNames(QString::fromUtf8(R"([{"name": "a"}, {"type": "x"}, )"
                                                 R"({"name": "b\u0041"}])")),
             QStringList({QStringLiteral("a"), QStringLiteral("bA")}));
    // Best effort on a broken config: names before the syntax error.
    QCOMPARE(Validator::toolNames(QString::fromUtf8(R"([{"name": "a"}, {"name": "c", oops)")),
             QStringList({QStringLiteral("a"), QStringLiteral("c")}));
    QVERIFY(Validator::toolNames(QStringLiteral("{")).isEmpty());
    QVERIFY(Validator::toolNames(QString()).isEmpty());
}

void TestValidator::variablesUsed()
{
    QCOMPARE(Validator::variablesUsed(QStringLiteral(
                 "{{ b }} {{a}} {{b}} {{bad name}} {{current_time_Europe/Berlin}} {{a")),
             QStringList({QStringLiteral("b"), QStringLiteral("a"),
                          QStringLiteral("current_time_Europe/Berlin")}));
    QVERIFY(Validator::systemVariables().contains(QStringLiteral("user_number")));
}

void TestValidator::builtInTemplates_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("tools");
    QTest::addColumn<int>("minPromptChars");

    const QStringList booking = {QStringLiteral("list_services"),
                                 QStringLiteral("collect_appointment_data"),
                                 QStringLiteral("cancel_appointment"),
                                 QStringLiteral("reschedule_appointment")};
    QTest::newRow("Dynamic Service Selection")
        << "dynamic-service-selection.json" << "Dynamic Service Selection" << booking << 3000;
    QTest::newRow("Basic Appointment Booking")
        << "basic-appointment-booking.json" << "Basic Appointment Booking" << booking << 3000;
    QTest::newRow("Information Only") << "information-only.json" << "Information Only"
                                      << QStringList{QStringLiteral("get_opening_hours")} << 1000;
}

void TestValidator::builtInTemplates()
{
    QFETCH(QString, file);
    QFETCH(QString, name);
    QFETCH(QStringList, tools);
    QFETCH(int, minPromptChars);

    QFile in(QDir(QStringLiteral(TEMPLATES_DIR)).filePath(file));
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(in.fileName()));
    QJsonParseError error;
    const QJsonObject doc = QJsonDocument::fromJson(in.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.value(QLatin1String("name")).toString(), name);
    QVERIFY(!doc.value(QLatin1String("description")).toString().isEmpty());
    const QString prompt = doc.value(QLatin1String("prompt")).toString();
    QVERIFY(prompt.size() >= minPromptChars);
    QVERIFY(prompt.size() <= 6 * 1024);
    const QString toolsJson = QString::fromUtf8(
        QJsonDocument(doc.value(QLatin1String("tools")).toArray()).toJson());

    const QStringList names = Validator::toolNames(toolsJson);
    for (const QString &tool : tools)
        QVERIFY2(names.contains(tool), qPrintable(tool));

    const ValidationResult result = Validator::validate({prompt, toolsJson}, branchContext());
    QVERIFY2(result.findings.isEmpty(), result.findingsJson().constData());
    QCOMPARE(result.status(), ValidationStatus::Valid);
    QVERIFY(result.estimatedTokens < retellLimits::kCostTokens);
}

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
