#include "PromptEditor.h"

#include "PromptCompletionApis.h"
#include "PromptLexer.h"

namespace retell::ui {

PromptEditor::PromptEditor(QWidget *parent)
    : CodeEditor(parent), m_lexer(new PromptLexer(this)), m_apis(new PromptCompletionApis(m_lexer))
{
    setLexer(m_lexer);
    setWrapMode(WrapWord);
    setWrapIndentMode(WrapIndentSame);
    setAutoCompletionSource(AcsAPIs);
    setAutoCompletionThreshold(2);
    setAutoCompletionCaseSensitivity(false);
    setAutoCompletionReplaceWord(true);
    setAutoCompletionUseSingle(AcusNever);

    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, &PromptEditor::onCharAdded);
    connect(this, qOverload<const char *, int, int, int>(&QsciScintillaBase::SCN_AUTOCCOMPLETED),
            this, [this](const char *, int position, int, int) { onCompleted(position); });
}

PromptEditor::~PromptEditor() = default;

void PromptEditor::setKnownVariables(const QSet<QString> &names)
{
    m_lexer->setKnownVariables(names);
}

void PromptEditor::setToolNames(const QSet<QString> &names)
{
    m_lexer->setToolNames(names);
}

void PromptEditor::applyLexerTheme(const EditorTheme &theme, const QFont &font)
{
    m_lexer->applyTheme(theme, font);
}

QStringList PromptEditor::apiContext(int pos, int &context_start, int &last_word_start)
{
    QStringList context = CodeEditor::apiContext(pos, context_start, last_word_start);
    if (context.isEmpty()) {
        // Nothing typed yet, e.g. right after "{{": complete an empty word here.
        context.append(QString());
        last_word_start = pos;
    }
    if (followsOpenBraces(last_word_start))
        context.insert(context.size() - 1, PromptCompletionApis::variableContext());
    return context;
}

bool PromptEditor::followsOpenBraces(long position) const
{
    return position >= 2 && SendScintilla(SCI_GETCHARAT, position - 1) == '{' &&
           SendScintilla(SCI_GETCHARAT, position - 2) == '{';
}

void PromptEditor::onCharAdded(int ch)
{
    if (ch != '{' || isReadOnly())
        return;
    if (followsOpenBraces(SendScintilla(SCI_GETCURRENTPOS)))
        autoCompleteFromAPIs();
}

void PromptEditor::onCompleted(int wordStart)
{
    // A chosen variable gets its closing braces unless they are already there.
    if (!followsOpenBraces(wordStart))
        return;
    const long caret = SendScintilla(SCI_GETCURRENTPOS);
    if (SendScintilla(SCI_GETCHARAT, caret) != '}' ||
        SendScintilla(SCI_GETCHARAT, caret + 1) != '}')
        SendScintilla(SCI_INSERTTEXT, static_cast<unsigned long>(caret), "}}");
    SendScintilla(SCI_GOTOPOS, caret + 2);
}

} // namespace retell::ui
