#include "editor/CodeEditor.h"

#include <QApplication>
#include <QTest>
#include <QToolTip>

using retell::core::Finding;
using retell::core::FindingTarget;
using retell::core::Severity;
using retell::ui::CodeEditor;

namespace {

Finding finding(Severity severity, const QString &text, const QString &needle, QString message)
{
    Finding f;
    f.severity = severity;
    f.code = QStringLiteral("test.finding");
    f.message = std::move(message);
    f.target = FindingTarget::Prompt;
    f.offset = int(text.indexOf(needle));
    f.length = int(needle.size());
    const QString before = text.left(f.offset);
    f.line = int(before.count(QLatin1Char('\n'))) + 1;
    f.column = int(f.offset - (before.lastIndexOf(QLatin1Char('\n')) + 1)) + 1;
    return f;
}

long indicatorValue(const CodeEditor &editor, int indicator, qsizetype byte)
{
    return editor.SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT,
                                static_cast<unsigned long>(indicator), long(byte));
}

bool hasMarker(const CodeEditor &editor, int line, int marker)
{
    return editor.markersAtLine(line) & (1 << marker);
}

const QString kText = QStringLiteral("😀 Hi {{foo}} 💇‍♀️\nçà x\nplain line\n");

} // namespace

class TestCodeEditor : public QObject
{
    Q_OBJECT

private slots:
    void indicatorsAtBytePositionsOfMultiByteText();
    void markersOnFindingLines();
    void hoverMessagesComeFromTheIndicator();
    void dwellShowsTheMessageAsToolTip();
    void wholeLineFindingHasMarkerOnly();
    void goToSelectsTheFinding();
    void navigationWrapsAround();
    void rangesFollowEdits();
    void newFindingsReplaceOldOnes();
    void darkPaletteGivesDarkPaper();
    void underscoresStayVisibleUnderFindings_data();
    void underscoresStayVisibleUnderFindings();
};

void TestCodeEditor::indicatorsAtBytePositionsOfMultiByteText()
{
    CodeEditor editor;
    editor.setText(kText);
    const Finding error = finding(Severity::Error, kText, QStringLiteral("{{foo}}"),
                                  QStringLiteral("Unknown variable foo."));
    const Finding warning =
        finding(Severity::Warning, kText, QStringLiteral("x"), QStringLiteral("Stray x."));
    editor.setFindings({error, warning});

    const QByteArray utf8 = kText.toUtf8();
    const qsizetype errorStart = utf8.indexOf("{{foo}}");
    QCOMPARE(errorStart, qsizetype(4 + 1 + 2 + 1)); // emoji is 4 bytes
    for (qsizetype b = errorStart; b < errorStart + 7; ++b)
        QCOMPARE(indicatorValue(editor, CodeEditor::ErrorIndicator, b), 1L);
    QCOMPARE(indicatorValue(editor, CodeEditor::ErrorIndicator, errorStart - 1), 0L);
    QCOMPARE(indicatorValue(editor, CodeEditor::ErrorIndicator, errorStart + 7), 0L);
    QCOMPARE(editor.byteRange(error).start, errorStart);
    QCOMPARE(editor.byteRange(error).end, errorStart + 7);

    const qsizetype warningAt = utf8.indexOf("x\n");
    QCOMPARE(indicatorValue(editor, CodeEditor::WarningIndicator, warningAt), 2L);
    QCOMPARE(indicatorValue(editor, CodeEditor::WarningIndicator, warningAt - 1), 0L);
    QCOMPARE(indicatorValue(editor, CodeEditor::WarningIndicator, warningAt + 1), 0L);
    QCOMPARE(indicatorValue(editor, CodeEditor::ErrorIndicator, warningAt), 0L);
}

void TestCodeEditor::markersOnFindingLines()
{
    CodeEditor editor;
    editor.setText(kText);
    editor.setFindings({finding(Severity::Error, kText, QStringLiteral("{{foo}}"), {}),
                        finding(Severity::Warning, kText, QStringLiteral("x"), {})});
    QVERIFY(hasMarker(editor, 0, CodeEditor::ErrorMarker));
    QVERIFY(!hasMarker(editor, 0, CodeEditor::WarningMarker));
    QVERIFY(hasMarker(editor, 1, CodeEditor::WarningMarker));
    QVERIFY(!hasMarker(editor, 2, CodeEditor::ErrorMarker));
    QVERIFY(!hasMarker(editor, 2, CodeEditor::WarningMarker));
}

void TestCodeEditor::hoverMessagesComeFromTheIndicator()
{
    CodeEditor editor;
    editor.setText(kText);
    editor.setFindings({finding(Severity::Error, kText, QStringLiteral("{{foo}}"),
                                QStringLiteral("Unknown variable foo."))});
    const QByteArray utf8 = kText.toUtf8();
    QCOMPARE(editor.findingMessagesAt(utf8.indexOf("foo")),
             QStringList{QStringLiteral("Unknown variable foo.")});
    QCOMPARE(editor.findingMessagesAt(utf8.indexOf("Hi")), QStringList());
    QCOMPARE(editor.findingMessagesOnLine(0), QStringList{QStringLiteral("Unknown variable foo.")});
    QCOMPARE(editor.findingMessagesOnLine(1), QStringList());
}

void TestCodeEditor::dwellShowsTheMessageAsToolTip()
{
    CodeEditor editor;
    editor.resize(600, 200);
    editor.setText(kText);
    editor.setFindings({finding(Severity::Error, kText, QStringLiteral("{{foo}}"),
                                QStringLiteral("Unknown variable foo."))});
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const long pos = long(kText.toUtf8().indexOf("foo"));
    const int x = int(editor.SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, pos));
    const int y = int(editor.SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0UL, pos));
    emit editor.SCN_DWELLSTART(int(pos), x, y); // what Scintilla sends after the dwell time
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("Unknown variable foo."));
    emit editor.SCN_DWELLEND(int(pos), x, y);
    QTRY_VERIFY(!QToolTip::isVisible());
}

void TestCodeEditor::wholeLineFindingHasMarkerOnly()
{
    CodeEditor editor;
    editor.setText(kText);
    Finding f;
    f.severity = Severity::Warning;
    f.message = QStringLiteral("Line three.");
    f.line = 3;
    editor.setFindings({f});
    QVERIFY(hasMarker(editor, 2, CodeEditor::WarningMarker));
    QCOMPARE(editor.findingMessagesOnLine(2), QStringList{f.message});
    const qsizetype lineStart = kText.toUtf8().indexOf("plain");
    QCOMPARE(indicatorValue(editor, CodeEditor::WarningIndicator, lineStart), 0L);
    editor.goTo(f);
    QCOMPARE(editor.caretLine(), 2);
}

void TestCodeEditor::goToSelectsTheFinding()
{
    CodeEditor editor;
    editor.setText(kText);
    const Finding f = finding(Severity::Warning, kText, QStringLiteral("x"), {});
    editor.setFindings({f});
    editor.goTo(f);
    QCOMPARE(editor.caretLine(), 1);
    QCOMPARE(editor.caretBytePosition(), kText.toUtf8().indexOf("x\n"));
    QCOMPARE(editor.selectedText(), QStringLiteral("x"));
    int line = 0;
    int index = 0;
    editor.getCursorPosition(&line, &index);
    QCOMPARE(line, 1);
    QCOMPARE(index, 3); // "çà " are three characters
}

void TestCodeEditor::navigationWrapsAround()
{
    CodeEditor editor;
    editor.setText(kText);
    const Finding first = finding(Severity::Error, kText, QStringLiteral("{{foo}}"), {});
    const Finding second = finding(Severity::Warning, kText, QStringLiteral("x"), {});
    editor.setFindings({second, first}); // order in the list does not matter
    editor.setCursorPosition(0, 0);
    editor.nextFinding();
    QCOMPARE(editor.caretBytePosition(), editor.byteRange(first).start);
    editor.nextFinding();
    QCOMPARE(editor.caretBytePosition(), editor.byteRange(second).start);
    editor.nextFinding();
    QCOMPARE(editor.caretBytePosition(), editor.byteRange(first).start);
    editor.previousFinding();
    QCOMPARE(editor.caretBytePosition(), editor.byteRange(second).start);
}

void TestCodeEditor::rangesFollowEdits()
{
    CodeEditor editor;
    editor.setText(kText);
    const Finding f = finding(Severity::Error, kText, QStringLiteral("{{foo}}"), {});
    editor.setFindings({f});
    const qsizetype before = editor.byteRange(f).start;
    editor.insertAt(QStringLiteral("ü"), 0, 0); // two bytes in front of it
    QCOMPARE(editor.byteRange(f).start, before + 2);
    QCOMPARE(editor.byteRange(f).end, before + 2 + 7);
    QCOMPARE(indicatorValue(editor, CodeEditor::ErrorIndicator, before + 2), 1L);
    editor.goTo(f);
    QCOMPARE(editor.selectedText(), QStringLiteral("{{foo}}"));
}

void TestCodeEditor::newFindingsReplaceOldOnes()
{
    CodeEditor editor;
    editor.setText(kText);
    editor.setFindings({finding(Severity::Error, kText, QStringLiteral("{{foo}}"), {})});
    editor.setFindings({});
    const qsizetype at = kText.toUtf8().indexOf("{{foo}}");
    QCOMPARE(indicatorValue(editor, CodeEditor::ErrorIndicator, at), 0L);
    QVERIFY(!hasMarker(editor, 0, CodeEditor::ErrorMarker));
    QVERIFY(editor.findings().isEmpty());
}

void TestCodeEditor::darkPaletteGivesDarkPaper()
{
    CodeEditor editor;
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    dark.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
    editor.setPalette(dark);
    QVERIFY(editor.theme().dark);
    // What the text is drawn with: style 0. Scintilla colours are 0xBBGGRR.
    const long back = editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, 0UL);
    const long fore = editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETFORE, 0UL);
    QCOMPARE(back & 0xff, 0x1eL);
    QCOMPARE(fore & 0xff, 0xddL);
}

QTEST_MAIN(TestCodeEditor)
#include "tst_code_editor.moc"

void TestCodeEditor::underscoresStayVisibleUnderFindings_data()
{
    QTest::addColumn<int>("severityValue");
    QTest::newRow("error") << int(Severity::Error);
    QTest::newRow("warning") << int(Severity::Warning);
}

// The pixels of every underscore look the same with a finding on the word
// as without: the finding's mark does not paint over them.
void TestCodeEditor::underscoresStayVisibleUnderFindings()
{
    QFETCH(int, severityValue);
    const auto severity = Severity(severityValue);
    const QString text = QStringLiteral("call book_spa_day or {{unknown_var}} now\n");
    CodeEditor editor;
    editor.resize(700, 120);
    editor.setText(text);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const QImage plain = editor.viewport()->grab().toImage();

    editor.setFindings(
        {finding(severity, text, QStringLiteral("book_spa_day"), QStringLiteral("a")),
         finding(severity, text, QStringLiteral("{{unknown_var}}"), QStringLiteral("b"))});
    const QImage marked = editor.viewport()->grab().toImage();
    QCOMPARE(marked.size(), plain.size());

    const QRgb paper = plain.pixel(plain.width() - 2, 2);
    const int lineHeight = int(editor.SendScintilla(QsciScintillaBase::SCI_TEXTHEIGHT, 0UL));
    const qreal ratio = plain.devicePixelRatio();
    int inkPixels = 0;
    int changed = 0;
    const QByteArray utf8 = text.toUtf8();
    bool markedSomething = false;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8.at(i) != '_')
            continue;
        const int x0 = int(
            editor.SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, long(i)) * ratio);
        const int x1 =
            int(editor.SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, long(i + 1)) *
                ratio);
        for (int y = 0; y < int(lineHeight * ratio); ++y) {
            for (int x = x0; x < x1; ++x) {
                if (plain.pixel(x, y) != marked.pixel(x, y))
                    markedSomething = true;
                if (qGray(plain.pixel(x, y)) < qGray(paper) - 60) {
                    ++inkPixels;
                    changed += plain.pixel(x, y) != marked.pixel(x, y) ? 1 : 0;
                }
            }
        }
    }
    QVERIFY2(inkPixels > 0, "no underscore was drawn");
    QVERIFY2(markedSomething, "the finding left no mark under the underscores");
    QCOMPARE(changed, 0);
}
