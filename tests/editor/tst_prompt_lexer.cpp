#include "editor/PromptEditor.h"
#include "editor/PromptLexer.h"

#include <QTest>

using retell::ui::PromptEditor;
using retell::ui::PromptLexer;

namespace {

int styleAt(const PromptEditor &editor, qsizetype bytePosition)
{
    return int(editor.SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT, long(bytePosition)));
}

QString styleName(int style)
{
    return QString::fromLatin1(QMetaEnum::fromType<PromptLexer::Style>().valueToKey(style));
}

} // namespace

class TestPromptLexer : public QObject
{
    Q_OBJECT

private slots:
    void styles_data();
    void styles();
    void restylesWhenToolNamesChange();
    void noStyleUnderlinesItsText();
    void restylesWhenKnownVariablesChange();
    void stylesFiveMegabytesInOneCall();
    void editsRestyleFromTheLineStart();
};

void TestPromptLexer::styles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle"); // every byte of it must carry the style
    QTest::addColumn<int>("occurrence"); // which occurrence of the needle
    QTest::addColumn<int>("style");

    const QString mixed = QStringLiteral(
        "😀 Hi {{foo}} 💇‍♀️ call list_services at {{current_time}} ✂️\n"
        "## Übersicht für {{branch_name}}\n- ✅ {{bad name}}");

    QTest::newRow("system variable") << "Hello {{current_time}} there"
                                     << "{{current_time}}" << 0 << int(PromptLexer::KnownVariable);
    QTest::newRow("branch variable") << "At {{branch_name}}."
                                     << "{{branch_name}}" << 0 << int(PromptLexer::KnownVariable);
    QTest::newRow("spaces around name")
        << "At {{ branch_name }}."
        << "{{ branch_name }}" << 0 << int(PromptLexer::KnownVariable);
    QTest::newRow("timezone variable")
        << "{{current_time_Europe/Berlin}}"
        << "{{current_time_Europe/Berlin}}" << 0 << int(PromptLexer::KnownVariable);
    QTest::newRow("unknown variable") << "Say {{foo}} now"
                                      << "{{foo}}" << 0 << int(PromptLexer::UnknownVariable);
    QTest::newRow("text after a variable") << "Say {{foo}} now"
                                           << " now" << 0 << int(PromptLexer::Default);
    QTest::newRow("space inside name")
        << "Say {{two words}}"
        << "{{two words}}" << 0 << int(PromptLexer::MalformedVariable);
    QTest::newRow("empty placeholder") << "Say {{}}"
                                       << "{{}}" << 0 << int(PromptLexer::MalformedVariable);
    QTest::newRow("unclosed braces") << "Say {{name and go"
                                     << "{{" << 0 << int(PromptLexer::MalformedVariable);
    QTest::newRow("text after unclosed braces") << "Say {{name and go"
                                                << "name and go" << 0 << int(PromptLexer::Default);
    QTest::newRow("stray closing braces") << "a }} b"
                                          << "}}" << 0 << int(PromptLexer::MalformedVariable);
    QTest::newRow("heading") << "## Booking rules\nPlain text"
                             << "## Booking rules" << 0 << int(PromptLexer::Heading);
    QTest::newRow("line after heading") << "## Booking rules\nPlain text"
                                        << "Plain text" << 0 << int(PromptLexer::Default);
    QTest::newRow("bullet marker") << "Intro\n- first item"
                                   << "-" << 0 << int(PromptLexer::ListMarker);
    QTest::newRow("bullet text") << "Intro\n- first item"
                                 << "first item" << 0 << int(PromptLexer::Default);
    QTest::newRow("numbered marker") << "  12. step"
                                     << "12." << 0 << int(PromptLexer::ListMarker);
    QTest::newRow("hyphen inside text") << "a - b"
                                        << "-" << 0 << int(PromptLexer::Default);
    QTest::newRow("bold") << "a **strong** b"
                          << "**strong**" << 0 << int(PromptLexer::Strong);
    QTest::newRow("after bold") << "a **strong** b"
                                << " b" << 0 << int(PromptLexer::Default);
    QTest::newRow("italic") << "a *soft* b"
                            << "*soft*" << 0 << int(PromptLexer::Emphasis);
    QTest::newRow("multiplication is not italic") << "2 * 3 * 4"
                                                  << "3" << 0 << int(PromptLexer::Default);
    QTest::newRow("inline code") << "use `get_time()` here"
                                 << "`get_time()`" << 0 << int(PromptLexer::InlineCode);
    QTest::newRow("tool name") << "Call list_services first"
                               << "list_services" << 0 << int(PromptLexer::ToolName);
    QTest::newRow("tool name in backticks") << "Call `list_services` first"
                                            << "list_services" << 0 << int(PromptLexer::ToolName);
    QTest::newRow("backticks around a tool name") << "Call `list_services` first"
                                                  << "`" << 1 << int(PromptLexer::InlineCode);
    QTest::newRow("other words in backticks stay code")
        << "Say `list_services now`"
        << " now`" << 0 << int(PromptLexer::InlineCode);
    QTest::newRow("longer word is not the tool")
        << "Call list_services_v2"
        << "list_services_v2" << 0 << int(PromptLexer::Default);
    QTest::newRow("tool name in heading") << "# Use list_services"
                                          << "list_services" << 0 << int(PromptLexer::ToolName);
    QTest::newRow("unknown after emoji")
        << mixed << "{{foo}}" << 0 << int(PromptLexer::UnknownVariable);
    QTest::newRow("tool after emoji")
        << mixed << "list_services" << 0 << int(PromptLexer::ToolName);
    QTest::newRow("known after emoji")
        << mixed << "{{current_time}}" << 0 << int(PromptLexer::KnownVariable);
    QTest::newRow("heading with umlauts")
        << mixed << "Übersicht für " << 0 << int(PromptLexer::Heading);
    QTest::newRow("known in heading after emoji")
        << mixed << "{{branch_name}}" << 0 << int(PromptLexer::KnownVariable);
    QTest::newRow("malformed after emoji")
        << mixed << "{{bad name}}" << 0 << int(PromptLexer::MalformedVariable);
}

void TestPromptLexer::styles()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(int, occurrence);
    QFETCH(int, style);

    PromptEditor editor;
    editor.setKnownVariables({QStringLiteral("branch_name")});
    editor.setToolNames({QStringLiteral("list_services")});
    editor.setText(text);
    editor.recolor();

    const QByteArray utf8 = text.toUtf8();
    const QByteArray needleUtf8 = needle.toUtf8();
    qsizetype at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = utf8.indexOf(needleUtf8, at + 1);
    QVERIFY2(at >= 0, "needle not in text");
    for (qsizetype b = at; b < at + needleUtf8.size(); ++b) {
        QVERIFY2(styleAt(editor, b) == style,
                 qPrintable(QStringLiteral("byte %1 of \"%2\" is %3, expected %4")
                                .arg(b - at)
                                .arg(needle, styleName(styleAt(editor, b)), styleName(style))));
    }
}

void TestPromptLexer::restylesWhenToolNamesChange()
{
    PromptEditor editor;
    editor.resize(600, 300);
    editor.setText(QStringLiteral("First call book_slot, then end."));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const qsizetype at = QByteArray("First call ").size();
    QTRY_COMPARE(styleAt(editor, at), int(PromptLexer::Default));

    // No explicit recolor: the lexer invalidates and the next paint restyles.
    editor.setToolNames({QStringLiteral("book_slot")});
    QTRY_COMPARE(styleAt(editor, at), int(PromptLexer::ToolName));
    editor.setToolNames({});
    QTRY_COMPARE(styleAt(editor, at), int(PromptLexer::Default));
}

void TestPromptLexer::restylesWhenKnownVariablesChange()
{
    PromptEditor editor;
    editor.resize(600, 300);
    editor.setText(QStringLiteral("Welcome to {{salon_city}}!"));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const qsizetype at = QByteArray("Welcome to ").size();
    QTRY_COMPARE(styleAt(editor, at), int(PromptLexer::UnknownVariable));
    editor.setKnownVariables({QStringLiteral("salon_city")});
    QTRY_COMPARE(styleAt(editor, at), int(PromptLexer::KnownVariable));
}

void TestPromptLexer::stylesFiveMegabytesInOneCall()
{
    const QString block = QStringLiteral(
        "## Step {{current_time}}\n- Ask for the **service** and call list_services 😀.\n"
        "Then confirm {{unknown_thing}} with `code` and *care*; 2 * 3 = 6.\n");
    QString text;
    text.reserve(5 * 1024 * 1024 + block.size());
    while (text.size() < 5 * 1024 * 1024)
        text += block;

    PromptEditor editor;
    editor.setToolNames({QStringLiteral("list_services")});
    editor.setText(text);
    // How long it takes is measured by benchmarks/bench_gui_lexer, not asserted here.
    editor.recolor();

    const QByteArray utf8 = text.toUtf8();
    const qsizetype last = utf8.lastIndexOf("list_services");
    QCOMPARE(styleAt(editor, last), int(PromptLexer::ToolName));
    QCOMPARE(styleAt(editor, utf8.lastIndexOf("{{unknown_thing}}")),
             int(PromptLexer::UnknownVariable));
}

void TestPromptLexer::editsRestyleFromTheLineStart()
{
    PromptEditor editor;
    editor.setText(QStringLiteral("Intro\nplain {{foo}}\n"));
    editor.recolor();
    const qsizetype line2 = QByteArray("Intro\n").size();
    QCOMPARE(styleAt(editor, line2), int(PromptLexer::Default));
    // Turning the line into a heading restyles the whole line, not just the insertion.
    editor.insertAt(QStringLiteral("# "), 1, 0);
    editor.recolor(line2 + 2, -1);
    QCOMPARE(styleAt(editor, line2 + 4), int(PromptLexer::Heading));
    QCOMPARE(styleAt(editor, line2 + QByteArray("# plain ").size()),
             int(PromptLexer::UnknownVariable));
}

// Underlines hide underscores: "{{first_name}}" must not read as "first name".
void TestPromptLexer::noStyleUnderlinesItsText()
{
    PromptEditor editor;
    auto *lexer = qobject_cast<PromptLexer *>(editor.lexer());
    QVERIFY(lexer);
    for (int style = 0; style < PromptLexer::StyleCount; ++style)
        QVERIFY2(!lexer->font(style).underline(), qPrintable(lexer->description(style)));
}

QTEST_MAIN(TestPromptLexer)
#include "tst_prompt_lexer.moc"
