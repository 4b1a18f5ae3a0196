#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

namespace retell::core::detail {

// Where one JSON value sits in the text, in UTF-16 units.
struct JsonSpan
{
    qsizetype offset = -1;    // first character of the value
    qsizetype length = 0;     // whole value, brackets and quotes included
    qsizetype keyOffset = -1; // the member's key (with quotes), -1 in arrays
    qsizetype keyLength = 0;
};

// QJsonDocument keeps no positions, so findings about the tools config are
// located by a second, tolerant pass: a single-pass tokenizer that records
// the span of every value under its JSON path ("$", "$[0]", "$[0].name",
// "$[0][\"odd key\"]"). On a syntax error it stops; what came before stays
// recorded, which is enough for best-effort answers on broken input.
class JsonLocator final
{
public:
    explicit JsonLocator(QStringView json);

    const QHash<QString, JsonSpan> &spans() const { return m_spans; }
    JsonSpan span(const QString &path) const { return m_spans.value(path); }
    bool ok() const { return m_errorOffset < 0; }
    qsizetype errorOffset() const { return m_errorOffset; }

    // Path segment for an object member, matching what the locator records.
    static QString memberPath(const QString &parent, QStringView key);
    static QString elementPath(const QString &parent, qsizetype index);
    // Decodes the text of a JSON string literal without its quotes.
    static QString decodeString(QStringView raw);

private:
    bool parseValue(qsizetype keyOffset, qsizetype keyLength, int depth);
    bool parseString();
    bool parseObject(int depth);
    bool parseArray(int depth);
    bool parseScalar();
    void skipWhitespace();
    bool fail();

    QStringView m_text;
    qsizetype m_pos = 0;
    qsizetype m_errorOffset = -1;
    QString m_path;
    QHash<QString, JsonSpan> m_spans;
};

} // namespace retell::core::detail
