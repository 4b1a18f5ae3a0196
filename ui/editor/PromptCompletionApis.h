#pragma once

#include <Qsci/qsciabstractapis.h>

namespace retell::ui {

class PromptLexer;

// Completion words computed at run time from the lexer's word sets: variable
// names right after "{{", tool names elsewhere.
class PromptCompletionApis final : public QsciAbstractAPIs
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptCompletionApis)

public:
    // Marker the prompt editor puts before the typed word when it follows "{{".
    static QString variableContext() { return QStringLiteral("{{"); }

    explicit PromptCompletionApis(PromptLexer *lexer);
    ~PromptCompletionApis() override;

    void updateAutoCompletionList(const QStringList &context, QStringList &list) override;
    void autoCompletionSelected(const QString &selection) override;
    QStringList callTips(const QStringList &context, int commas, QsciScintilla::CallTipsStyle style,
                         QList<int> &shifts) override;

    QString lastSelection() const { return m_lastSelection; }

private:
    PromptLexer *m_lexer;
    QString m_lastSelection;
};

} // namespace retell::ui
