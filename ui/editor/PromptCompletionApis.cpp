#include "PromptCompletionApis.h"

#include "PromptLexer.h"

namespace retell::ui {

namespace {

// Tool names are only offered once two characters are typed.
constexpr qsizetype kToolPrefixMin = 2;

QStringList matching(QStringList words, const QString &prefix)
{
    words.removeIf([&prefix](const QString &w) {
        return !w.startsWith(prefix, Qt::CaseInsensitive) || w == prefix;
    });
    words.sort(Qt::CaseInsensitive);
    return words;
}

} // namespace

PromptCompletionApis::PromptCompletionApis(PromptLexer *lexer)
    : QsciAbstractAPIs(lexer), m_lexer(lexer)
{
}

PromptCompletionApis::~PromptCompletionApis() = default;

void PromptCompletionApis::updateAutoCompletionList(const QStringList &context, QStringList &list)
{
    const QString prefix = context.isEmpty() ? QString() : context.last();
    const bool variable =
        context.size() >= 2 && context.at(context.size() - 2) == variableContext();
    if (variable) {
        list += matching(m_lexer->allKnownVariables(), prefix);
    } else if (prefix.size() >= kToolPrefixMin) {
        const QSet<QString> tools = m_lexer->toolNames();
        list += matching(QStringList(tools.cbegin(), tools.cend()), prefix);
    }
}

void PromptCompletionApis::autoCompletionSelected(const QString &selection)
{
    m_lastSelection = selection;
}

QStringList PromptCompletionApis::callTips(const QStringList &, int, QsciScintilla::CallTipsStyle,
                                           QList<int> &)
{
    return {};
}

} // namespace retell::ui
