#pragma once

#include "CodeEditor.h"

#include <QSet>

namespace retell::ui {

class PromptCompletionApis;
class PromptLexer;

// The agent prompt editor: prompt styling, completion of "{{variables}}" and
// tool names, word wrap.
class PromptEditor final : public CodeEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptEditor)

public:
    explicit PromptEditor(QWidget *parent = nullptr);
    ~PromptEditor() override;

    PromptLexer *promptLexer() const { return m_lexer; }
    PromptCompletionApis *completionApis() const { return m_apis; }

    void setKnownVariables(const QSet<QString> &names);
    void setToolNames(const QSet<QString> &names);

    // The completion context at a byte position: the typed word, preceded by
    // "{{" when it follows one.
    QStringList apiContext(int pos, int &context_start, int &last_word_start) override;

protected:
    void applyLexerTheme(const EditorTheme &theme, const QFont &font) override;

private:
    bool followsOpenBraces(long position) const;
    void onCharAdded(int ch);
    void onCompleted(int wordStart);

    PromptLexer *m_lexer;
    PromptCompletionApis *m_apis;
};

} // namespace retell::ui
