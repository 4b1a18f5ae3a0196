#include "app/EnglishPlurals.h"
#include "editor/CodeEditor.h"
#include "editor/FindReplaceBar.h"

#include <QApplication>

#include <QLineEdit>
#include <QTest>
#include <QVBoxLayout>

using retell::ui::CodeEditor;
using retell::ui::EnglishPlurals;
using retell::ui::FindReplaceBar;

class TestFindReplace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QApplication::installTranslator(&m_plurals); }
    void init();
    void replaceAll_data();
    void replaceAll();
    void replaceAllIsOneUndoStep();
    void emptyRegexMatchesTerminate();
    void findNextSelectsMatchesInOrder();
    void notFoundSaysSo();
    void findCountsAndHighlightsEveryMatch();
    void replaceCurrentReplacesOnlyTheMatch();
    void shortcutsOpenAndCloseTheBar();
    void readOnlyEditorsCannotBeReplacedIn();

private:
    EnglishPlurals m_plurals;
    std::unique_ptr<QWidget> m_window;
    CodeEditor *m_editor = nullptr;
    FindReplaceBar *m_bar = nullptr;
};

void TestFindReplace::init()
{
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_editor = new CodeEditor(m_window.get());
    m_bar = new FindReplaceBar(m_editor, m_window.get());
    layout->addWidget(m_editor);
    layout->addWidget(m_bar);
}

void TestFindReplace::replaceAll_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("find");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<bool>("matchCase");
    QTest::addColumn<bool>("wholeWords");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("result");

    const QString cats = QStringLiteral("cat Cat cat concat");
    QTest::newRow("any case") << cats << "cat"
                              << "dog" << false << false << false << 4 << "dog dog dog condog";
    QTest::newRow("match case") << cats << "cat"
                                << "dog" << true << false << false << 3 << "dog Cat dog condog";
    QTest::newRow("whole words") << cats << "cat"
                                 << "dog" << false << true << false << 3 << "dog dog dog concat";
    QTest::newRow("regex with group")
        << cats << "c(a)t"
        << "k\\1t" << true << false << true << 3 << "kat Cat kat conkat";
    QTest::newRow("multi-byte text") << "café ☕ café 😀 cafés"
                                     << "café"
                                     << "tea" << true << true << false << 2 << "tea ☕ tea 😀 cafés";
    QTest::newRow("replacement contains the match")
        << "a a"
        << "a"
        << "aa" << true << false << false << 2 << "aa aa";
    QTest::newRow("variables") << "{{foo}} and {{foo}}"
                               << "{{foo}}"
                               << "{{branch_name}}" << true << false << false << 2
                               << "{{branch_name}} and {{branch_name}}";
    QTest::newRow("no match") << cats << "bird"
                              << "dog" << false << false << false << 0 << cats;
}

void TestFindReplace::replaceAll()
{
    QFETCH(QString, text);
    QFETCH(QString, find);
    QFETCH(QString, replacement);
    QFETCH(bool, matchCase);
    QFETCH(bool, wholeWords);
    QFETCH(bool, regex);
    QFETCH(int, count);
    QFETCH(QString, result);

    m_editor->setText(text);
    m_bar->setFindText(find);
    m_bar->setReplaceText(replacement);
    m_bar->setMatchCase(matchCase);
    m_bar->setWholeWords(wholeWords);
    m_bar->setRegularExpression(regex);
    QCOMPARE(m_bar->replaceAll(), count);
    QCOMPARE(m_editor->text(), result);
}

void TestFindReplace::replaceAllIsOneUndoStep()
{
    m_editor->setText(QStringLiteral("a b a b a"));
    m_editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    m_bar->setFindText(QStringLiteral("a"));
    m_bar->setReplaceText(QStringLiteral("x"));
    QCOMPARE(m_bar->replaceAll(), 3);
    m_editor->undo();
    QCOMPARE(m_editor->text(), QStringLiteral("a b a b a"));
}

void TestFindReplace::emptyRegexMatchesTerminate()
{
    m_editor->setText(QStringLiteral("abc\ndef"));
    m_bar->setFindText(QStringLiteral("x*"));
    m_bar->setReplaceText(QString());
    m_bar->setRegularExpression(true);
    const int count = m_bar->replaceAll();
    QVERIFY(count < 100);
    QCOMPARE(m_editor->text(), QStringLiteral("abc\ndef"));
}

void TestFindReplace::findNextSelectsMatchesInOrder()
{
    m_editor->setText(QStringLiteral("one two\none two\n"));
    m_editor->setCursorPosition(0, 0);
    m_bar->setFindText(QStringLiteral("two"));
    QVERIFY(m_bar->findNext());
    int line = -1, index = -1;
    m_editor->getCursorPosition(&line, &index);
    QCOMPARE(line, 0);
    QCOMPARE(m_editor->selectedText(), QStringLiteral("two"));
    QVERIFY(m_bar->findNext());
    m_editor->getCursorPosition(&line, &index);
    QCOMPARE(line, 1);
    QVERIFY(m_bar->findPrevious());
    m_editor->getCursorPosition(&line, &index);
    QCOMPARE(line, 0);
}

void TestFindReplace::notFoundSaysSo()
{
    m_editor->setText(QStringLiteral("hello"));
    m_bar->setFindText(QStringLiteral("bye"));
    QVERIFY(!m_bar->findNext());
    QCOMPARE(m_bar->statusText(), QStringLiteral("No matches"));
}

void TestFindReplace::findCountsAndHighlightsEveryMatch()
{
    const auto highlighted = [this](long position) {
        return m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT,
                                       static_cast<unsigned long>(CodeEditor::MatchIndicator),
                                       position) != 0;
    };
    m_editor->setText(QStringLiteral("red green red blue red\n"));
    m_editor->setCursorPosition(0, 0);
    m_bar->setFindText(QStringLiteral("red"));
    QVERIFY(m_bar->findNext());
    QCOMPARE(m_bar->statusText(), QStringLiteral("1 of 3"));
    QVERIFY(m_bar->findNext());
    QCOMPARE(m_bar->statusText(), QStringLiteral("2 of 3"));
    QCOMPARE(m_bar->matchCount(), 3);
    for (long at : {0L, 10L, 19L, 21L})
        QVERIFY2(highlighted(at), qPrintable(QString::number(at)));
    for (long at : {3L, 4L, 9L, 13L})
        QVERIFY2(!highlighted(at), qPrintable(QString::number(at)));

    // Typing counts as you go; closing the bar removes the highlights.
    m_bar->showFind();
    m_bar->findField()->clear();
    QTest::keyClicks(m_bar->findField(), QStringLiteral("re"));
    QCOMPARE(m_bar->statusText(), QStringLiteral("4 matches")); // "green" too
    QVERIFY(highlighted(5));
    m_bar->close();
    QVERIFY(!highlighted(0));
    QVERIFY(!highlighted(5));
}

void TestFindReplace::replaceCurrentReplacesOnlyTheMatch()
{
    m_editor->setText(QStringLiteral("red red red"));
    m_editor->setCursorPosition(0, 0);
    m_bar->setFindText(QStringLiteral("red"));
    m_bar->setReplaceText(QStringLiteral("blue"));
    QVERIFY(m_bar->replaceCurrent()); // first press finds
    QCOMPARE(m_editor->text(), QStringLiteral("red red red"));
    QVERIFY(m_bar->replaceCurrent()); // second replaces and finds the next
    QCOMPARE(m_editor->text(), QStringLiteral("blue red red"));
    QCOMPARE(m_editor->selectedText(), QStringLiteral("red"));
}

void TestFindReplace::shortcutsOpenAndCloseTheBar()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_editor->setText(QStringLiteral("alpha beta"));
    m_editor->setFocus();
    QTRY_VERIFY(m_editor->hasFocus());
    QVERIFY(m_bar->isHidden());

    QTest::keyClick(m_editor, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_bar->isVisible());
    QVERIFY(m_bar->findField()->hasFocus());
    QVERIFY(!m_bar->replaceField()->isVisible());
    QTest::keyClicks(m_bar->findField(), QStringLiteral("beta"));
    QTest::keyClick(m_bar->findField(), Qt::Key_Return);
    QCOMPARE(m_editor->selectedText(), QStringLiteral("beta"));
    QTest::keyClick(m_bar->findField(), Qt::Key_Escape);
    QTRY_VERIFY(m_bar->isHidden());

    m_editor->setFocus();
    QTest::keyClick(m_editor, Qt::Key_H, Qt::ControlModifier);
    QTRY_VERIFY(m_bar->replaceField()->isVisible());
    QCOMPARE(m_bar->findField()->text(), QStringLiteral("beta")); // the selection
}

void TestFindReplace::readOnlyEditorsCannotBeReplacedIn()
{
    m_editor->setText(QStringLiteral("keep keep"));
    m_editor->setReadOnly(true);
    m_bar->setFindText(QStringLiteral("keep"));
    m_bar->setReplaceText(QStringLiteral("lose"));
    QCOMPARE(m_bar->replaceAll(), 0);
    QCOMPARE(m_editor->text(), QStringLiteral("keep keep"));
}

QTEST_MAIN(TestFindReplace)
#include "tst_find_replace.moc"
