// Findings in the tools config: JSON syntax, tool fields, JSON paths and positions.
#include "ValidatorTestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

class TestToolsValidation final : public QObject
{
    Q_OBJECT

private slots:
    void toolsFindings_data();
    void toolsFindings();
    void toolsClean_data();
    void toolsClean();
    void jsonSyntaxErrorPosition();
    void jsonSyntaxErrors_data();
    void jsonSyntaxErrors();
    void toolNames();
};

void TestToolsValidation::toolsFindings_data()
{
    QTest::addColumn<QString>("tools");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("error");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text"); // what offset/length must cover

    auto custom = [](const QString &extra) {
        return QString::fromUtf8(R"([{"type": "custom", "name": "list_services", )"
                                 R"("description": "d", "url": "https://x.example/a")") +
               extra + QStringLiteral("}]");
    };
    QTest::newRow("object instead of array")
        << QString::fromUtf8(R"({"name": "x"})") << "tools.not_array" << true << "$"
        << "{";
    QTest::newRow("tool is a number")
        << QStringLiteral("[ 42 ]") << "tools.not_object" << true << "$[0]"
        << "42";
    QTest::newRow("tool without name") << QString::fromUtf8(R"([{"type": "end_call"}])")
                                       << "tools.missing_name" << true << "$[0].name"
                                       << "{";
    QTest::newRow("name with a space")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "bad name"}])")
        << "tools.invalid_name" << true << "$[0].name"
        << "\"bad name\"";
    QTest::newRow("name of 65 characters")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "%1"}])").arg(QString(65, u'a'))
        << "tools.invalid_name" << true << "$[0].name"
        << QLatin1Char('"') + QString(65, u'a') + QLatin1Char('"');
    QTest::newRow("name is not a string")
        << QString::fromUtf8(R"([{"type": "end_call", "name": 7}])") << "tools.invalid_name" << true
        << "$[0].name"
        << "7";
    QTest::newRow("duplicate name points at the second")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "bye"}, )"
                             R"({"type": "end_call", "name": "bye"}])")
        << "tools.duplicate_name" << true << "$[1].name"
        << "\"bye\"";
    QTest::newRow("tool without type") << QString::fromUtf8(R"([{"name": "list_services"}])")
                                       << "tools.missing_type" << true << "$[0].type"
                                       << "{";
    QTest::newRow("unknown type") << QString::fromUtf8(
                                         R"([{"type": "webhook", "name": "list_services"}])")
                                  << "tools.unknown_type" << true << "$[0].type"
                                  << "\"webhook\"";
    QTest::newRow("custom tool without url")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", "description": "d"}])")
        << "tools.missing_field" << true << "$[0].url"
        << "{";
    QTest::newRow("custom tool with ftp url")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", "description": "d", )"
                             R"("url": "ftp://x.example"}])")
        << "tools.invalid_url" << true << "$[0].url"
        << "\"ftp://x.example\"";
    QTest::newRow("custom tool without description")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", )"
                             R"("url": "https://x.example"}])")
        << "tools.missing_description" << false << "$[0].description"
        << "{";
    QTest::newRow("custom tool with blank description")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", "description": " ", )"
                             R"("url": "https://x.example"}])")
        << "tools.missing_description" << false << "$[0].description"
        << "\" \"";
    QTest::newRow("parameters is an array")
        << custom(QString::fromUtf8(R"(, "parameters": [])")) << "tools.parameters_not_object"
        << true << "$[0].parameters"
        << "[]";
    QTest::newRow("parameters of type string")
        << custom(QString::fromUtf8(R"(, "parameters": {"type": "string"})"))
        << "tools.parameters_not_object" << true << "$[0].parameters.type"
        << "\"string\"";
    QTest::newRow("parameters without type")
        << custom(QString::fromUtf8(R"(, "parameters": {"properties": {}})"))
        << "tools.parameters_not_object" << true << "$[0].parameters"
        << "{";
    QTest::newRow("properties is a list")
        << custom(QString::fromUtf8(R"(, "parameters": {"type": "object", "properties": ["a"]})"))
        << "tools.parameters_not_object" << true << "$[0].parameters.properties"
        << "[\"a\"]";
    QTest::newRow("required names an absent property")
        << custom(QString::fromUtf8(
               R"(, "parameters": {"type": "object", )"
               R"("properties": {"a": {"type": "string"}}, "required": ["a", "b"]})"))
        << "tools.required_unknown_property" << true << "$[0].parameters.required[1]"
        << "\"b\"";
    QTest::newRow("required is a string")
        << custom(QString::fromUtf8(R"(, "parameters": {"type": "object", "required": "a"})"))
        << "tools.invalid_required" << true << "$[0].parameters.required"
        << "\"a\"";
    QTest::newRow("required holds a number")
        << custom(QString::fromUtf8(R"(, "parameters": {"type": "object", "properties": {}, )"
                                    R"("required": [3]})"))
        << "tools.invalid_required" << true << "$[0].parameters.required[0]"
        << "3";
    QTest::newRow("timeout below 1000 ms") << custom(QString::fromUtf8(R"(, "timeout_ms": 999)"))
                                           << "tools.value_range" << true << "$[0].timeout_ms"
                                           << "999";
    QTest::newRow("timeout above 600000 ms")
        << custom(QString::fromUtf8(R"(, "timeout_ms": 600001)")) << "tools.value_range" << true
        << "$[0].timeout_ms"
        << "600001";
    QTest::newRow("timeout not a whole number")
        << custom(QString::fromUtf8(R"(, "timeout_ms": 1500.5)")) << "tools.invalid_value" << true
        << "$[0].timeout_ms"
        << "1500.5";
    QTest::newRow("timeout as a string") << custom(QString::fromUtf8(R"(, "timeout_ms": "5000")"))
                                         << "tools.invalid_value" << true << "$[0].timeout_ms"
                                         << "\"5000\"";
    QTest::newRow("tool never mentioned in the prompt")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "hang_up"}])") << "tools.unused_tool"
        << false << "$[0].name"
        << "\"hang_up\"";
    QTest::newRow("position on later lines with CRLF and emoji")
        << QStringLiteral("[\r\n  {\"description\": \"\U0001F600\",\r\n   \"type\": \"nope\", "
                          "\"name\": \"list_services\"}\r\n]")
        << "tools.unknown_type" << true << "$[0].type"
        << "\"nope\"";
}

void TestToolsValidation::toolsFindings()
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
    const int lastBreak =
        int(std::max(before.lastIndexOf(QLatin1Char('\n')), before.lastIndexOf(QLatin1Char('\r'))));
    QCOMPARE(f->line, int(before.count(QLatin1Char('\n')) + before.count(QLatin1Char('\r')) -
                          before.count(QLatin1String("\r\n")) + 1));
    QCOMPARE(f->column, f->offset - lastBreak);
}

void TestToolsValidation::toolsClean_data()
{
    QTest::addColumn<QString>("tools");
    QTest::newRow("complete custom tool") << QStringLiteral("[") + kCleanTool + QStringLiteral("]");
    QTest::newRow("end_call without description")
        << QString::fromUtf8(R"([{"type": "end_call", "name": "list_services"}])");
    QTest::newRow("empty array") << QStringLiteral("[]");
    QTest::newRow("parameters without properties")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", "description": "d",)"
                             R"( "url": "http://x.example/{{branch_name}}", "timeout_ms": 1000,)"
                             R"( "parameters": {"type": "object"}}])");
}

void TestToolsValidation::toolsClean()
{
    QFETCH(QString, tools);
    const QString prompt = tools.contains(QLatin1String("list_services"))
                               ? QStringLiteral("Use list_services.")
                               : QStringLiteral("Answer questions.");
    const ValidationResult result = Validator::validate({prompt, tools}, branchContext());
    QVERIFY2(result.findings.isEmpty(), qPrintable(codes(result)));
}

void TestToolsValidation::jsonSyntaxErrorPosition()
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

void TestToolsValidation::jsonSyntaxErrors_data()
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

void TestToolsValidation::jsonSyntaxErrors()
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

void TestToolsValidation::toolNames()
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

QTEST_GUILESS_MAIN(TestToolsValidation)
#include "tst_tools_validation.moc"
