// Findings in the prompt text: variables, braces, tokens, size.
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

class TestPromptValidation final : public QObject
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
    void variablesUsed();
};

void TestPromptValidation::promptFindings_data()
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
        << QStringLiteral("x {{a {{company_name}}") << "prompt.unbalanced_braces" << true << 1 << 3
        << QStringLiteral("{{");
    QTest::newRow("stray }} is a warning")
        << QStringLiteral("Hi }} there") << "prompt.unbalanced_braces" << false << 1 << 4
        << QStringLiteral("}}");
    QTest::newRow("empty placeholder") << QStringLiteral("Hi {{}}") << "prompt.malformed_variable"
                                       << true << 1 << 4 << QStringLiteral("{{}}");
    QTest::newRow("blank placeholder") << QStringLiteral("Hi {{  }}") << "prompt.malformed_variable"
                                       << true << 1 << 4 << QStringLiteral("{{  }}");
    QTest::newRow("space inside a variable name")
        << QStringLiteral("A\nB {{first name}}") << "prompt.malformed_variable" << true << 2 << 3
        << QStringLiteral("{{first name}}");
    QTest::newRow("variable starting with a digit")
        << QStringLiteral("{{1st_visit}}") << "prompt.malformed_variable" << true << 1 << 1
        << QStringLiteral("{{1st_visit}}");
    QTest::newRow("unknown variable")
        << QStringLiteral("Hi {{customer_name}}!") << "prompt.unknown_variable" << false << 1 << 4
        << QStringLiteral("{{customer_name}}");
    QTest::newRow("unknown variable after CRLF lines")
        << QStringLiteral("a\r\nb\r\n  {{foo}}") << "prompt.unknown_variable" << false << 3 << 3
        << QStringLiteral("{{foo}}");
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
    QTest::newRow("undefined tool named with a function call")
        << QStringLiteral("Run book_table() first.") << "tools.undefined_tool_mentioned" << false
        << 1 << 5 << QStringLiteral("book_table");
    QTest::newRow("undefined tool named as a tool")
        << QStringLiteral("Use the **book_table** tool.") << "tools.undefined_tool_mentioned"
        << false << 1 << 11 << QStringLiteral("book_table");
    QTest::newRow("undefined tool invoked")
        << QStringLiteral("Invoke the \"book_table\" function.") << "tools.undefined_tool_mentioned"
        << false << 1 << 13 << QStringLiteral("book_table");
    QTest::newRow("undefined tool mentioned after emoji and CRLF")
        << QStringLiteral("\U0001F4DE\r\ncall collect_appointment_data")
        << "tools.undefined_tool_mentioned" << false << 2 << 6
        << QStringLiteral("collect_appointment_data");
}

void TestPromptValidation::promptFindings()
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

void TestPromptValidation::promptClean_data()
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
    QTest::newRow("snake_case words in prose are not tool mentions")
        << QStringLiteral("Set `start_at` to 09:00, reply `NO_RESPONSE_NEEDED`, ask the "
                          "caller_name and never send an execution_message field.")
        << QStringLiteral("[]");
    QTest::newRow("variables a custom tool returns are known")
        << QStringLiteral("Call list_services, then offer {{first_slot}} or {{second_slot}}.")
        << QString::fromUtf8(R"([{"type": "custom", "name": "list_services", "description": "d",)"
                             R"( "url": "https://x.example", "response_variables":)"
                             R"( {"first_slot": "slots.0", "second_slot": "slots.1"}}])");
    QTest::newRow("variables a code tool returns are known")
        << QStringLiteral("Call score_lead; if {{lead_score}} is high, say so.")
        << QString::fromUtf8(R"([{"type": "code", "name": "score_lead", "code": "return 1;",)"
                             R"( "response_variables": {"lead_score": "score"}}])");
    QTest::newRow("variables an extract tool defines are known")
        << QStringLiteral("Call note_caller, then greet {{caller_first_name}}.")
        << QString::fromUtf8(R"([{"type": "extract_dynamic_variable", "name": "note_caller",)"
                             R"( "description": "d", "variables": [{"type": "string",)"
                             R"( "name": "caller_first_name", "description": "d"}]}])");
}

void TestPromptValidation::promptClean()
{
    QFETCH(QString, prompt);
    QFETCH(QString, tools);
    const ValidationResult result = Validator::validate({prompt, tools}, branchContext());
    QVERIFY2(result.findings.isEmpty(), qPrintable(codes(result)));
    QCOMPARE(result.status(), ValidationStatus::Valid);
}

void TestPromptValidation::tokenEstimate()
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

void TestPromptValidation::tokenLimits_data()
{
    QTest::addColumn<int>("words");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("error");
    // "word " is one token (spaces are free).
    QTest::newRow("3,400 tokens: no finding") << 3400 << QString() << false;
    QTest::newRow("4,000 tokens: cost warning") << 4000 << "prompt.token_cost" << false;
    QTest::newRow("9,000 tokens: Retell rejects") << 9000 << "prompt.token_limit" << true;
}

void TestPromptValidation::tokenLimits()
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

void TestPromptValidation::hugePromptFailsFast()
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

void TestPromptValidation::findingsAreCapped()
{
    QString prompt;
    for (int i = 0; i < 500; ++i)
        prompt += QStringLiteral("{{v%1}} call tool_%1 {{ }} }} ").arg(i);
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

void TestPromptValidation::variablesUsed()
{
    QCOMPARE(Validator::variablesUsed(QStringLiteral(
                 "{{ b }} {{a}} {{b}} {{bad name}} {{current_time_Europe/Berlin}} {{a")),
             QStringList({QStringLiteral("b"), QStringLiteral("a"),
                          QStringLiteral("current_time_Europe/Berlin")}));
    QVERIFY(Validator::systemVariables().contains(QStringLiteral("user_number")));
}

QTEST_GUILESS_MAIN(TestPromptValidation)
#include "tst_prompt_validation.moc"
