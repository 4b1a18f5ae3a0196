// The validation result as a whole: invalid UTF-8, the findings JSON, status, the built-in
// templates.
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

class TestValidator final : public QObject
{
    Q_OBJECT

private slots:
    void invalidUtf8_data();
    void invalidUtf8();
    void findingsJsonRoundTrip();
    void findingsFromLegacyJson();
    void findingsKeepFormatAndArguments();
    void messageTextSubstitutes_data();
    void messageTextSubstitutes();
    void status();
    void builtInTemplates_data();
    void builtInTemplates();
};

void TestValidator::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("prompt");
    QTest::addColumn<QByteArray>("tools");
    QTest::addColumn<QString>("code"); // empty: valid
    QTest::addColumn<int>("byteOffset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("stray 0xFF in prompt")
        << QByteArray("ab\ncd\xff"
                      "ef")
        << QByteArray("[]") << "prompt.invalid_utf8" << 5 << 2 << 3;
    QTest::newRow("bad byte after an emoji")
        << QByteArray("\xf0\x9f\x98\x80 \x80") << QByteArray("[]") << "prompt.invalid_utf8" << 5
        << 1 << 4;
    QTest::newRow("overlong slash")
        << QByteArray("a\xc0\xaf") << QByteArray("[]") << "prompt.invalid_utf8" << 1 << 1 << 2;
    QTest::newRow("encoded surrogate")
        << QByteArray("ab\xed\xa0\x80") << QByteArray("[]") << "prompt.invalid_utf8" << 2 << 1 << 3;
    QTest::newRow("truncated sequence at the end")
        << QByteArray("abc\xe2\x82") << QByteArray("[]") << "prompt.invalid_utf8" << 3 << 1 << 4;
    QTest::newRow("latin-1 in tools") << QByteArray("Hello.") << QByteArray("[\r\n\"M\xfcller\"]")
                                      << "tools.invalid_utf8" << 5 << 2 << 3;
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
    const Finding *f =
        findCode(result, code.isEmpty() ? QStringLiteral("prompt.invalid_utf8") : code);
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
    for (const char *key : {"severity", "code", "message", "format", "args", "target", "line",
                            "column", "offset", "length", "path"})
        QVERIFY2(first.contains(QLatin1String(key)), key);
    QCOMPARE(ValidationResult::findingsFromJson(json), result.findings);
    QVERIFY(ValidationResult::findingsFromJson(QByteArray("[]")).isEmpty());
    QVERIFY(ValidationResult::findingsFromJson(QByteArray("not json")).isEmpty());
}

// The message is English and rebuilt from its format and arguments; a
// finding written by the web application (no format) is shown as written.
void TestValidator::findingsKeepFormatAndArguments()
{
    const ValidationResult result =
        Validator::validate({QStringLiteral("Hi {{who}}, twice {{who}}."),
                             QStringLiteral(R"([{"type": "end_call"}])")});
    for (const Finding &f : result.findings) {
        QVERIFY2(!f.format.isEmpty(), qPrintable(f.code));
        QCOMPARE(MessageText::substitute(f.format, f.args), f.message);
        QCOMPARE(findingMessage(f), f.message); // no translator installed
    }
    const auto unknown =
        std::find_if(result.findings.cbegin(), result.findings.cend(), [](const Finding &f) {
            return f.code == QLatin1String("prompt.unknown_variable");
        });
    QVERIFY(unknown != result.findings.cend());
    QCOMPARE(unknown->args, (QStringList{QStringLiteral("who"), QStringLiteral("2")}));
    Finding legacy;
    legacy.message = QStringLiteral("Prompt too long");
    QCOMPARE(findingMessage(legacy), legacy.message);
}

void TestValidator::messageTextSubstitutes_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("in order") << QStringLiteral("%1 needs %2.")
                              << QStringList{QStringLiteral("Tool 1"), QStringLiteral("\"url\"")}
                              << QStringLiteral("Tool 1 needs \"url\".");
    QTest::newRow("out of order") << QStringLiteral("%1: Retell's %3 has no field %2")
                                  << QStringList{QStringLiteral("Tool 2"), QStringLiteral("x"),
                                                 QStringLiteral("custom")}
                                  << QStringLiteral("Tool 2: Retell's custom has no field x");
    QTest::newRow("an argument holding a placeholder stays as it is")
        << QStringLiteral("{{%1}} is used %2 times")
        << QStringList{QStringLiteral("%2"), QStringLiteral("3")}
        << QStringLiteral("{{%2}} is used 3 times");
    QTest::newRow("missing argument and percent sign")
        << QStringLiteral("100% of %1, %2") << QStringList{QStringLiteral("a")}
        << QStringLiteral("100% of a, %2");
    QTest::newRow("two digits") << QStringLiteral("%10|%1")
                                << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                               QStringLiteral("c"), QStringLiteral("d"),
                                               QStringLiteral("e"), QStringLiteral("f"),
                                               QStringLiteral("g"), QStringLiteral("h"),
                                               QStringLiteral("i"), QStringLiteral("j")}
                                << QStringLiteral("j|a");
}

void TestValidator::messageTextSubstitutes()
{
    QFETCH(QString, format);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QCOMPARE(MessageText::substitute(format, args), expected);
    MessageText text("%1 and %2");
    QCOMPARE(text.arg(QStringLiteral("x")).arg(7).english(), QStringLiteral("x and 7"));
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

void TestValidator::builtInTemplates_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("tools");
    QTest::addColumn<int>("minPromptChars");

    const QStringList booking = {
        QStringLiteral("list_services"), QStringLiteral("collect_appointment_data"),
        QStringLiteral("cancel_appointment"), QStringLiteral("reschedule_appointment")};
    QTest::newRow("Dynamic Service Selection") << "dynamic-service-selection.json"
                                               << "Dynamic Service Selection" << booking << 3000;
    QTest::newRow("Basic Appointment Booking") << "basic-appointment-booking.json"
                                               << "Basic Appointment Booking" << booking << 3000;
    QTest::newRow("Information Only")
        << "information-only.json"
        << "Information Only" << QStringList{QStringLiteral("get_opening_hours")} << 1000;
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
    const QString toolsJson =
        QString::fromUtf8(QJsonDocument(doc.value(QLatin1String("tools")).toArray()).toJson());

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
