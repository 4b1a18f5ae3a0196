#pragma once

#include "CodeEditor.h"

class QsciLexerJSON;

namespace retell::ui {

// CodeEditor with JSON highlighting, used for the tools config.
class JsonEditor final : public CodeEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonEditor)

public:
    explicit JsonEditor(QWidget *parent = nullptr);
    ~JsonEditor() override;

protected:
    void applyLexerTheme(const EditorTheme &theme, const QFont &font) override;

private:
    QsciLexerJSON *m_lexer;
};

} // namespace retell::ui
