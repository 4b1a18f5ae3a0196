#include "editor/PromptCompletionApis.h"
#include "editor/PromptEditor.h"
#include "editor/PromptLexer.h"

#include <QTest>

using retell::ui::PromptCompletionApis;
using retell::ui::PromptEditor;

namespace {

QStringList completionsAtEnd(PromptEditor &editor)
{
    const int end = editor.length();
    int contextStart = 0;
    int lastWordStart = 0;
    const QStringList context = editor.apiContext(end, contextStart, lastWordStart);
    QStringList list;
    editor.completionApis()->updateAutoCompletionList(context, list);
    return list;
}

} // namespace

class TestPromptEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void completionAfterBracesListsVariables();
    void completionFiltersByTypedPrefix();
    void completionOfWordsListsToolNames();
    void shortPrefixesOfferNothing();
    void typingBracesOpensTheList();
    void choosingAVariableClosesThePlaceholder();
    void wrapsWords();

private:
    std::unique_ptr<PromptEditor> m_editor;
};

void TestPromptEditor::init()
{
    m_editor = std::make_unique<PromptEditor>();
    m_editor->setKnownVariables({QStringLiteral("branch_name"), QStringLiteral("branch_phone")});
    m_editor->setToolNames({QStringLiteral("list_services"), QStringLiteral("cancel_appointment")});
}

void TestPromptEditor::completionAfterBracesListsVariables()
{
    m_editor->setText(QStringLiteral("😀 Greet callers of {{"));
    const QStringList list = completionsAtEnd(*m_editor);
    QVERIFY(list.contains(QStringLiteral("branch_name")));
    QVERIFY(list.contains(QStringLiteral("current_time")));
    QVERIFY(!list.contains(QStringLiteral("list_services")));
}

void TestPromptEditor::completionFiltersByTypedPrefix()
{
    m_editor->setText(QStringLiteral("Welcome to {{bra"));
    QCOMPARE(completionsAtEnd(*m_editor),
             (QStringList{QStringLiteral("branch_name"), QStringLiteral("branch_phone")}));
}

void TestPromptEditor::completionOfWordsListsToolNames()
{
    m_editor->setText(QStringLiteral("Always call li"));
    QCOMPARE(completionsAtEnd(*m_editor), QStringList{QStringLiteral("list_services")});
    m_editor->setText(QStringLiteral("Then CA"));
    QCOMPARE(completionsAtEnd(*m_editor), QStringList{QStringLiteral("cancel_appointment")});
}

void TestPromptEditor::shortPrefixesOfferNothing()
{
    m_editor->setText(QStringLiteral("Always call l"));
    QVERIFY(completionsAtEnd(*m_editor).isEmpty());
}

void TestPromptEditor::typingBracesOpensTheList()
{
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_editor->setFocus();
    QTest::keyClicks(m_editor.get(), QStringLiteral("Hi {{"));
    QTRY_VERIFY(m_editor->isListActive());
}

void TestPromptEditor::choosingAVariableClosesThePlaceholder()
{
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    m_editor->setFocus();
    QTest::keyClicks(m_editor.get(), QStringLiteral("At {{branch_n"));
    m_editor->autoCompleteFromAPIs();
    QTRY_VERIFY(m_editor->isListActive());
    QTest::keyClick(m_editor.get(), Qt::Key_Return);
    QCOMPARE(m_editor->text(), QStringLiteral("At {{branch_name}}"));
    QCOMPARE(m_editor->completionApis()->lastSelection(), QStringLiteral("branch_name"));
    QCOMPARE(m_editor->caretBytePosition(), qsizetype(m_editor->length()));
}

void TestPromptEditor::wrapsWords()
{
    QCOMPARE(m_editor->wrapMode(), QsciScintilla::WrapWord);
}

QTEST_MAIN(TestPromptEditor)
#include "tst_prompt_editor.moc"
