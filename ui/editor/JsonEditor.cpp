#include "JsonEditor.h"

#include <Qsci/qscilexerjson.h>

namespace retell::ui {

JsonEditor::JsonEditor(QWidget *parent) : CodeEditor(parent), m_lexer(new QsciLexerJSON(this))
{
    setLexer(m_lexer);
    setTabWidth(2);
    setIndentationGuides(false);
}

JsonEditor::~JsonEditor() = default;

void JsonEditor::applyLexerTheme(const EditorTheme &theme, const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    m_lexer->setColor(theme.jsonProperty, QsciLexerJSON::Property);
    m_lexer->setColor(theme.jsonString, QsciLexerJSON::String);
    m_lexer->setColor(theme.error, QsciLexerJSON::UnclosedString);
    m_lexer->setColor(theme.jsonNumber, QsciLexerJSON::Number);
    m_lexer->setColor(theme.jsonKeyword, QsciLexerJSON::Keyword);
    m_lexer->setColor(theme.jsonKeyword, QsciLexerJSON::KeywordLD);
    m_lexer->setColor(theme.jsonOperator, QsciLexerJSON::Operator);
    m_lexer->setColor(theme.jsonString, QsciLexerJSON::EscapeSequence);
    m_lexer->setColor(theme.jsonString, QsciLexerJSON::IRI);
    m_lexer->setColor(theme.jsonString, QsciLexerJSON::IRICompact);
    m_lexer->setColor(theme.jsonComment, QsciLexerJSON::CommentLine);
    m_lexer->setColor(theme.jsonComment, QsciLexerJSON::CommentBlock);
    m_lexer->setColor(theme.error, QsciLexerJSON::Error);
    m_lexer->setFont(bold, QsciLexerJSON::Error);
}

} // namespace retell::ui
