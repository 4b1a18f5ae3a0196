#pragma once

#include "EditorTheme.h"

#include <Qsci/qscilexercustom.h>

#include <QByteArray>
#include <QSet>
#include <QString>

namespace retell::ui {

// Styles agent prompt text: markdown-ish structure plus Retell dynamic
// variables and mentions of the agent's tools. Styling works per line on
// UTF-8 bytes, so it can restart at any line and stays linear in the text.
class PromptLexer final : public QsciLexerCustom
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptLexer)

public:
    enum Style
    {
        Default = 0,
        Heading,
        ListMarker,
        Strong,
        Emphasis,
        InlineCode,
        KnownVariable,
        UnknownVariable,
        MalformedVariable,
        ToolName,
        StyleCount
    };
    Q_ENUM(Style)

    explicit PromptLexer(QObject *parent = nullptr);
    ~PromptLexer() override;

    const char *language() const override;
    QString description(int style) const override;
    const char *wordCharacters() const override;
    void styleText(int start, int end) override;

    // Variables the branch provides; Retell's system variables are always known.
    void setKnownVariables(const QSet<QString> &names);
    QSet<QString> knownVariables() const { return m_knownVariables; }
    // All variables styled as known: system variables plus the branch's.
    QStringList allKnownVariables() const;
    void setToolNames(const QSet<QString> &names);
    QSet<QString> toolNames() const { return m_toolNames; }

    void applyTheme(const EditorTheme &theme, const QFont &font);

private:
    class Runs;
    void styleLine(const char *line, qsizetype length, Runs &runs) const;
    int variableStyle(const char *name, qsizetype length) const;
    void restyle();

    QSet<QString> m_knownVariables;
    QSet<QString> m_toolNames;
    // UTF-8 copies for allocation-free lookups while styling.
    QSet<QByteArray> m_knownUtf8;
    QSet<QByteArray> m_toolUtf8;
    qsizetype m_shortestTool = 0;
    qsizetype m_longestTool = 0;
};

} // namespace retell::ui
