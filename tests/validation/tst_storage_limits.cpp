// What the database would refuse is refused by the validator first, as a
// finding: empty tools, nesting deeper than MariaDB's 32 levels, duplicate
// keys, NUL characters, notes beyond their column. And a broken tools JSON
// points at the place a person would fix.
#include "ValidatorTestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

class TestStorageLimits final : public QObject
{
    Q_OBJECT

private slots:
    void emptyToolsText_data();
    void emptyToolsText();
    void nestingDepth_data();
    void nestingDepth();
    void duplicateKeyIsAnError();
    void firstDuplicateValueIsTheOneChecked();
    void nulCharacters_data();
    void nulCharacters();
    void toolsTooLarge();
    void storedTexts_data();
    void storedTexts();
    void missingOpeningBracketPointsAtTheStart();
    void missingOpeningBracketOfASingleTool();
};

namespace {

const QString kPrompt = QStringLiteral("Call `my_tool` when asked.");

QString builtInTools()
{
    QFile file(QStringLiteral(TEMPLATES_DIR "/basic-appointment-booking.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    return QString::fromUtf8(
        QJsonDocument(o.value(QLatin1String("tools")).toArray()).toJson(QJsonDocument::Indented));
}

// A custom tool whose parameters nest objects `levels` deep in total
// (the tools array and the tool object included).
QString nested(int levels)
{
    // [ {tool {parameters {properties {a: {properties {a: ... }}}}}} ]: five
    // levels around the innermost schema, two more per wrap, one more for an
    // empty object inside the innermost one.
    const int wraps = (levels - 5) / 2;
    QString inner = (levels - 5) % 2 ? QStringLiteral("{\"type\": \"string\", \"x\": {}}")
                                     : QStringLiteral("{\"type\": \"string\"}");
    for (int i = 0; i < wraps; ++i)
        inner = QStringLiteral("{\"type\": \"object\", \"properties\": {\"a\": %1}}").arg(inner);
    return QString::fromUtf8("[{\"type\": \"custom\", \"name\": \"my_tool\", \"description\": "
                             "\"d\",\n        \"url\": \"https://x.example\", \"parameters\": "
                             "{\"type\": \"object\", \"properties\": {\"a\": %1}}}]")
        .arg(inner);
}

int depthOf(const QString &json)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QChar c = json.at(i);
        if (inString) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"'))
                inString = false;
        } else if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            deepest = std::max(deepest, ++depth);
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            --depth;
        }
    }
    return deepest;
}

} // namespace

void TestStorageLimits::emptyToolsText_data()
{
    QTest::addColumn<QString>("tools");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral(" \n\t");
}

void TestStorageLimits::emptyToolsText()
{
    QFETCH(QString, tools);
    const ValidationResult result = Validator::validate({kPrompt, tools}, branchContext());
    const Finding *f = findCode(result, QStringLiteral("tools.empty"));
    QVERIFY2(f, qPrintable(codes(result)));
    QVERIFY(f->isError());
    QCOMPARE(f->target, FindingTarget::Tools);
    QVERIFY(f->message.contains(QLatin1String("[]")));
    // "[]" is the way to say "no tools".
    QVERIFY(!Validator::validate({QStringLiteral("Hello."), QStringLiteral("[]")}).hasErrors());
}

void TestStorageLimits::nestingDepth_data()
{
    QTest::addColumn<int>("levels");
    QTest::addColumn<bool>("refused");
    QTest::newRow("31 levels") << 31 << false;
    QTest::newRow("32 levels (MariaDB's limit)") << 32 << false;
    QTest::newRow("33 levels") << 33 << true;
    QTest::newRow("40 levels") << 40 << true;
}

void TestStorageLimits::nestingDepth()
{
    QFETCH(int, levels);
    QFETCH(bool, refused);
    const QString tools = nested(levels);
    QCOMPARE(depthOf(tools), levels);
    const ValidationResult result = Validator::validate({kPrompt, tools}, branchContext());
    const Finding *f = findCode(result, QStringLiteral("tools.too_deep"));
    QCOMPARE(bool(f), refused);
    if (f) {
        QVERIFY(f->isError());
        QVERIFY(f->jsonPath.startsWith(QLatin1String("$[0].parameters.properties.a")));
        QVERIFY(f->message.contains(QLatin1String("32")));
    } else {
        QVERIFY2(!result.hasErrors(), qPrintable(codes(result)));
    }
}

void TestStorageLimits::duplicateKeyIsAnError()
{
    const QString tools =
        QStringLiteral("[{\"type\": \"custom\", \"name\": \"my_tool\", \"description\": \"d\",\n"
                       "  \"url\": \"https://x.example/ok\", \"url\": \"javascript:alert(1)\"}]");
    const ValidationResult result = Validator::validate({kPrompt, tools}, branchContext());
    const Finding *f = findCode(result, QStringLiteral("tools.duplicate_key"));
    QVERIFY2(f, qPrintable(codes(result)));
    QVERIFY(f->isError());
    QCOMPARE(f->jsonPath, QStringLiteral("$[0].url"));
    QCOMPARE(tools.mid(f->offset, f->length), QStringLiteral("\"javascript:alert(1)\""));
    QVERIFY(f->message.contains(QLatin1String("\"url\"")));
    // Many keys (the hashed path) and escaped spellings of the same key.
    QString many = QStringLiteral("[{\"type\": \"end_call\", \"name\": \"my_tool\"");
    for (int i = 0; i < 100; ++i)
        many += QStringLiteral(", \"k%1\": 1").arg(i);
    many += QStringLiteral(", \"k7\": 2, \"\\u006b8\": 3}]");
    int duplicates = 0;
    for (const Finding &d : Validator::validate({kPrompt, many}).findings)
        duplicates += d.code == QLatin1String("tools.duplicate_key") ? 1 : 0;
    QCOMPARE(duplicates, 2);
}

void TestStorageLimits::firstDuplicateValueIsTheOneChecked()
{
    // MariaDB's and PostgreSQL's JSON functions read the first value: so does
    // every other check, and a bad first URL is reported as such.
    const QString tools =
        QStringLiteral("[{\"type\": \"custom\", \"name\": \"my_tool\", \"description\": \"d\",\n"
                       "  \"url\": \"javascript:alert(1)\", \"url\": \"https://x.example/ok\"}]");
    const ValidationResult result = Validator::validate({kPrompt, tools}, branchContext());
    const Finding *f = findCode(result, QStringLiteral("tools.invalid_url"));
    QVERIFY2(f, qPrintable(codes(result)));
    QCOMPARE(tools.mid(f->offset, f->length), QStringLiteral("\"javascript:alert(1)\""));
    QVERIFY(findCode(result, QStringLiteral("tools.duplicate_key")));
}

void TestStorageLimits::nulCharacters_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("tools");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("NUL in the prompt")
        << QStringLiteral("Call `my_tool`.\nSay hi") + QChar(u'\0') + QStringLiteral(" and more.")
        << QString::fromUtf8("[{\"type\": \"end_call\", \"name\": \"my_tool\"}]")
        << "prompt.nul_character" << 2 << 7;
    QTest::newRow("raw NUL in the tools")
        << kPrompt
        << QStringLiteral("[{\"type\": \"end_call\",\n \"name\": \"my_") + QChar(u'\0') +
               QStringLiteral("tool\"}]")
        << "tools.nul_character" << 2 << 14;
    QTest::newRow("escaped NUL in the tools")
        << kPrompt
        << QString::fromUtf8(
               "[{\"type\": \"end_call\", \"name\": \"my_tool\", \"description\": \"a\\u0000b\"}]")
        << "tools.nul_character" << 1 << 57;
}

void TestStorageLimits::nulCharacters()
{
    QFETCH(QString, prompt);
    QFETCH(QString, tools);
    QFETCH(QString, code);
    QFETCH(int, line);
    QFETCH(int, column);
    const ValidationResult result = Validator::validate({prompt, tools}, branchContext());
    const Finding *f = findCode(result, code);
    QVERIFY2(f, qPrintable(codes(result)));
    QVERIFY(f->isError());
    QCOMPARE(f->line, line);
    QCOMPARE(f->column, column);
}

void TestStorageLimits::toolsTooLarge()
{
    const QString tools =
        QStringLiteral("[\"") + QString(retellLimits::kMaxToolsChars, u'x') + QStringLiteral("\"]");
    const ValidationResult result = Validator::validate({kPrompt, tools});
    const Finding *f = findCode(result, QStringLiteral("tools.too_large"));
    QVERIFY2(f, qPrintable(codes(result)));
    QVERIFY(f->isError());
}

void TestStorageLimits::storedTexts_data()
{
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QString>("templateName");
    QTest::addColumn<QString>("code"); // empty: accepted

    QTest::newRow("65,535 ASCII bytes") << QString(65535, u'a') << QString() << QString();
    // 21,846 euro signs are 65,538 bytes in UTF-8 although only 21,846 characters.
    QTest::newRow("65,538 bytes of euro signs")
        << QString(21846, QChar(0x20AC)) << QString() << "notes.too_long";
    QTest::newRow("65,536 ASCII bytes") << QString(65536, u'a') << QString() << "notes.too_long";
    QTest::newRow("NUL in the notes")
        << QStringLiteral("Fix") + QChar(u'\0') + QStringLiteral("hidden") << QString()
        << "notes.nul_character";
    QTest::newRow("template name of 255 characters")
        << QStringLiteral("n") << QString(255, QChar(0x00FC)) << QString();
    QTest::newRow("template name of 256 characters")
        << QStringLiteral("n") << QString(256, u't') << "notes.template_name_too_long";
    QTest::newRow("NUL in the template name")
        << QStringLiteral("n") << QStringLiteral("a") + QChar(u'\0') << "notes.nul_character";
}

void TestStorageLimits::storedTexts()
{
    QFETCH(QString, notes);
    QFETCH(QString, templateName);
    QFETCH(QString, code);
    const QList<Finding> findings = Validator::checkStoredTexts(notes, templateName);
    if (code.isEmpty()) {
        QVERIFY(findings.isEmpty());
        return;
    }
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().code, code);
    QVERIFY(findings.first().isError());
    QCOMPARE(findings.first().target, FindingTarget::Notes);
    QCOMPARE(findingTargetFromName(findingTargetName(FindingTarget::Notes)), FindingTarget::Notes);
}

// Issue 8 §11: deleting the opening "[" must not report "garbage at the end
// of the document" on the last line: the "[" is missing at the start.
void TestStorageLimits::missingOpeningBracketPointsAtTheStart()
{
    const QString tools = builtInTools();
    QVERIFY(tools.startsWith(QLatin1Char('[')));
    QVERIFY(tools.count(QLatin1Char('\n')) > 30);
    const QString broken = tools.mid(1);
    const ValidationResult result = Validator::validate({kPrompt, broken});
    QCOMPARE(result.findings.size(), 1);
    const Finding &f = result.findings.first();
    QCOMPARE(f.code, QStringLiteral("tools.invalid_json"));
    QCOMPARE(f.line, 1);
    QCOMPARE(f.column, 1);
    QCOMPARE(f.offset, 0);
    QVERIFY2(f.message.contains(QLatin1String("\"[\"")), qPrintable(f.message));
    QVERIFY2(!f.message.contains(QLatin1String("garbage")), qPrintable(f.message));
}

void TestStorageLimits::missingOpeningBracketOfASingleTool()
{
    const QString broken =
        QStringLiteral("\n  {\"type\": \"end_call\", \"name\": \"my_tool\"}\n]\n");
    const Finding f = Validator::validate({kPrompt, broken}).findings.value(0);
    QCOMPARE(f.code, QStringLiteral("tools.invalid_json"));
    QCOMPARE(f.line, 1);
    QCOMPARE(f.column, 1);
    // Other text after a complete document still points at that text.
    const Finding g = Validator::validate({kPrompt, QStringLiteral("[]\n\n  x")}).findings.value(0);
    QCOMPARE(g.code, QStringLiteral("tools.invalid_json"));
    QCOMPARE(g.line, 3);
    QCOMPARE(g.column, 3);
}

QTEST_GUILESS_MAIN(TestStorageLimits)
#include "tst_storage_limits.moc"
