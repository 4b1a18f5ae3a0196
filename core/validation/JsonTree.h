#pragma once

#include <QHash>
#include <QLatin1StringView>
#include <QSet>
#include <QString>
#include <QStringView>

#include <vector>

namespace retell::core::detail {

// A strict (RFC 8259) single-pass JSON parser that keeps what QJsonDocument
// does not: the text span of every value and key. Nodes live in one flat
// vector; nothing is decoded until asked for, so parsing a tools config costs
// a few microseconds and every finding knows its position and JSON path.
class JsonTree final
{
public:
    enum class Kind : quint8
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object
    };

    struct Node
    {
        Kind kind = Kind::Null;
        bool escaped = false; // string or key contains backslash escapes
        bool keyEscaped = false;
        int offset = 0; // value span, quotes and brackets included
        int length = 0;
        int keyOffset = -1; // member key span with quotes, -1 in arrays
        int keyLength = 0;
        int parent = -1;
        int firstChild = -1;
        int nextSibling = -1;
        int childCount = 0;
        int index = 0; // position within the parent
    };

    explicit JsonTree(QStringView json);

    bool ok() const { return m_errorOffset < 0; }
    // UTF-16 offset where parsing stopped on a syntax error, -1 when ok.
    qsizetype errorOffset() const { return m_errorOffset; }
    // The error came after a complete first value (text after the document).
    bool trailingText() const { return m_trailingText; }
    // Nodes parsed before an error stay available (best-effort answers).
    bool isEmpty() const { return m_nodes.empty(); }
    int size() const { return int(m_nodes.size()); }
    static constexpr int kRoot = 0;

    const Node &node(int n) const { return m_nodes[size_t(n)]; }
    Kind kind(int n) const { return m_nodes[size_t(n)].kind; }
    // Member of an object by key, -1 when absent. With duplicate keys the
    // first one wins, as in MariaDB's and PostgreSQL's JSON functions.
    int member(int object, QLatin1StringView key) const;
    // Members whose key repeats an earlier key of the same object.
    const std::vector<int> &duplicateKeys() const { return m_duplicateKeys; }
    // The first array or object nested deeper than kMaxStoredDepth, or -1.
    int tooDeep() const { return m_tooDeep; }
    // MariaDB refuses JSON documents with more nested arrays/objects.
    static constexpr int kMaxStoredDepth = 32;
    QString keyOf(int n) const;
    QString string(int n) const; // decoded; empty for non-strings
    bool stringEquals(int n, QLatin1StringView value) const;
    bool isBlankString(int n) const;
    double number(int n) const; // NaN for non-numbers
    QString path(int n) const;  // "$[2].parameters.required[0]"

    static QString decode(QStringView raw);

private:
    int parseValue(int parent, int depth);
    void checkDuplicateKey(int object, int child);
    bool parseString(bool &escaped);
    bool parseNumber();
    bool parseLiteral(QLatin1StringView word);
    void skipWhitespace();
    int fail();
    QStringView raw(int offset, int length) const { return m_text.mid(offset, length); }

    QStringView m_text;
    qsizetype m_pos = 0;
    qsizetype m_errorOffset = -1;
    bool m_trailingText = false;
    int m_tooDeep = -1;
    std::vector<Node> m_nodes;
    std::vector<int> m_duplicateKeys;
    QHash<int, QSet<QString>> m_keySets; // keys of objects with many members
};

} // namespace retell::core::detail
