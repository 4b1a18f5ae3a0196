#include "validation/JsonTree.h"

#include <QSet>
#include <QStringList>

#include <cmath>
#include <limits>

namespace retell::core::detail {

namespace {

constexpr int kMaxDepth = 512;

inline bool isDigit(char16_t c)
{
    return c >= '0' && c <= '9';
}

inline int hexValue(char16_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isPlainKey(QStringView key)
{
    if (key.isEmpty())
        return false;
    for (QChar c : key) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || isDigit(u) || u == '_'))
            return false;
    }
    return true;
}

} // namespace

JsonTree::JsonTree(QStringView json) : m_text(json)
{
    m_nodes.reserve(size_t(json.size() / 12 + 4));
    skipWhitespace();
    if (parseValue(-1, 0) < 0)
        return;
    skipWhitespace();
    if (m_pos < m_text.size()) {
        m_trailingText = true;
        fail();
    }
}

void JsonTree::skipWhitespace()
{
    const char16_t *s = m_text.utf16();
    while (m_pos < m_text.size()) {
        const char16_t c = s[m_pos];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return;
        ++m_pos;
    }
}

int JsonTree::fail()
{
    if (m_errorOffset < 0)
        m_errorOffset = m_pos;
    return -1;
}

bool JsonTree::parseString(bool &escaped)
{
    const char16_t *s = m_text.utf16();
    const qsizetype n = m_text.size();
    ++m_pos; // opening quote
    escaped = false;
    while (m_pos < n) {
        const char16_t c = s[m_pos];
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c < 0x20)
            return fail() >= 0;
        if (c == '\\') {
            escaped = true;
            if (m_pos + 1 >= n)
                break;
            const char16_t e = s[m_pos + 1];
            if (e == 'u') {
                for (int k = 2; k < 6; ++k) {
                    if (m_pos + k >= n || hexValue(s[m_pos + k]) < 0) {
                        m_pos += k;
                        return fail() >= 0;
                    }
                }
                m_pos += 6;
                continue;
            }
            if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' &&
                e != 't') {
                ++m_pos;
                return fail() >= 0;
            }
            m_pos += 2;
            continue;
        }
        ++m_pos;
    }
    return fail() >= 0;
}

bool JsonTree::parseNumber()
{
    const char16_t *s = m_text.utf16();
    const qsizetype n = m_text.size();
    const qsizetype start = m_pos;
    if (m_pos < n && s[m_pos] == '-')
        ++m_pos;
    if (m_pos >= n || !isDigit(s[m_pos]))
        return fail() >= 0;
    if (s[m_pos] == '0') {
        ++m_pos;
    } else {
        while (m_pos < n && isDigit(s[m_pos]))
            ++m_pos;
    }
    if (m_pos < n && s[m_pos] == '.') {
        ++m_pos;
        if (m_pos >= n || !isDigit(s[m_pos]))
            return fail() >= 0;
        while (m_pos < n && isDigit(s[m_pos]))
            ++m_pos;
    }
    if (m_pos < n && (s[m_pos] == 'e' || s[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < n && (s[m_pos] == '+' || s[m_pos] == '-'))
            ++m_pos;
        if (m_pos >= n || !isDigit(s[m_pos]))
            return fail() >= 0;
        while (m_pos < n && isDigit(s[m_pos]))
            ++m_pos;
    }
    // A number beyond a double's range (1e400) is refused, as QJsonDocument,
    // which reads the configuration everywhere else, refuses it.
    if (std::isinf(QStringView(m_text).mid(start, m_pos - start).toDouble())) {
        m_pos = start;
        return fail() >= 0;
    }
    return true;
}

bool JsonTree::parseLiteral(QLatin1StringView word)
{
    if (m_text.mid(m_pos, word.size()) != word)
        return fail() >= 0;
    m_pos += word.size();
    return true;
}

// Returns the new node's index, -1 on a syntax error.
int JsonTree::parseValue(int parent, int depth)
{
    if (m_pos >= m_text.size() || depth > kMaxDepth)
        return fail();
    const int self = int(m_nodes.size());
    m_nodes.emplace_back();
    m_nodes.back().offset = int(m_pos);
    m_nodes.back().parent = parent;
    const char16_t c = m_text[m_pos].unicode();
    bool good = true;
    if (c == '{' || c == '[') {
        const bool object = c == '{';
        if (depth >= kMaxStoredDepth && m_tooDeep < 0)
            m_tooDeep = self; // depth counts the containers around this one
        m_nodes[size_t(self)].kind = object ? Kind::Object : Kind::Array;
        const char16_t close = object ? '}' : ']';
        ++m_pos;
        skipWhitespace();
        int previous = -1;
        int count = 0;
        if (m_pos < m_text.size() && m_text[m_pos].unicode() == close) {
            ++m_pos;
        } else {
            while (true) {
                skipWhitespace();
                int keyOffset = -1;
                int keyLength = 0;
                bool keyEscaped = false;
                if (object) {
                    if (m_pos >= m_text.size() || m_text[m_pos] != QLatin1Char('"'))
                        return fail();
                    keyOffset = int(m_pos);
                    if (!parseString(keyEscaped))
                        return -1;
                    keyLength = int(m_pos) - keyOffset;
                    skipWhitespace();
                    if (m_pos >= m_text.size() || m_text[m_pos] != QLatin1Char(':'))
                        return fail();
                    ++m_pos;
                    skipWhitespace();
                }
                const int child = parseValue(self, depth + 1);
                if (child < 0)
                    return -1;
                Node &childNode = m_nodes[size_t(child)];
                childNode.keyOffset = keyOffset;
                childNode.keyLength = keyLength;
                childNode.keyEscaped = keyEscaped;
                childNode.index = count++;
                if (object && count > 1)
                    checkDuplicateKey(self, child);
                if (previous < 0)
                    m_nodes[size_t(self)].firstChild = child;
                else
                    m_nodes[size_t(previous)].nextSibling = child;
                previous = child;
                skipWhitespace();
                if (m_pos >= m_text.size())
                    return fail();
                const char16_t next = m_text[m_pos].unicode();
                ++m_pos;
                if (next == close)
                    break;
                if (next != ',') {
                    --m_pos;
                    return fail();
                }
            }
        }
        m_nodes[size_t(self)].childCount = count;
    } else if (c == '"') {
        m_nodes[size_t(self)].kind = Kind::String;
        bool escaped = false;
        good = parseString(escaped);
        m_nodes[size_t(self)].escaped = escaped;
    } else if (c == 't') {
        m_nodes[size_t(self)].kind = Kind::Bool;
        good = parseLiteral(QLatin1StringView("true"));
    } else if (c == 'f') {
        m_nodes[size_t(self)].kind = Kind::Bool;
        good = parseLiteral(QLatin1StringView("false"));
    } else if (c == 'n') {
        good = parseLiteral(QLatin1StringView("null"));
    } else {
        m_nodes[size_t(self)].kind = Kind::Number;
        good = parseNumber();
    }
    if (!good)
        return -1;
    m_nodes[size_t(self)].length = int(m_pos) - m_nodes[size_t(self)].offset;
    return self;
}

int JsonTree::member(int object, QLatin1StringView key) const
{
    if (object < 0 || size_t(object) >= m_nodes.size() || kind(object) != Kind::Object)
        return -1;
    for (int c = node(object).firstChild; c >= 0; c = node(c).nextSibling) {
        const Node &n = node(c);
        if (n.keyLength - 2 != key.size() && !n.keyEscaped)
            continue;
        const QStringView k = raw(n.keyOffset + 1, n.keyLength - 2);
        if (n.keyEscaped ? decode(k) == key : k == key)
            return c;
    }
    return -1;
}

// Compares the new member's key with the earlier ones: linear for the small
// objects of a tools config, hashed beyond that so a huge object stays linear.
void JsonTree::checkDuplicateKey(int object, int child)
{
    const Node &n = node(child);
    const QString key = n.keyEscaped ? keyOf(child) : QString();
    const QStringView k = n.keyEscaped ? QStringView(key) : raw(n.keyOffset + 1, n.keyLength - 2);
    const int count = node(child).index; // members before this one
    if (count > 64) {
        if (!m_keySets.contains(object)) {
            QSet<QString> &keys = m_keySets[object];
            for (int c = node(object).firstChild; c >= 0; c = node(c).nextSibling)
                keys.insert(keyOf(c));
        }
        QSet<QString> &keys = m_keySets[object];
        const QString text = k.toString();
        if (keys.contains(text))
            m_duplicateKeys.push_back(child);
        else
            keys.insert(text);
        return;
    }
    for (int c = node(object).firstChild; c >= 0 && c != child; c = node(c).nextSibling) {
        const Node &other = node(c);
        const bool same = other.keyEscaped || n.keyEscaped
                              ? keyOf(c) == k
                              : raw(other.keyOffset + 1, other.keyLength - 2) == k;
        if (same) {
            m_duplicateKeys.push_back(child);
            return;
        }
    }
}

QString JsonTree::keyOf(int n) const
{
    const Node &x = node(n);
    if (x.keyOffset < 0)
        return {};
    return decode(raw(x.keyOffset + 1, x.keyLength - 2));
}

QString JsonTree::string(int n) const
{
    const Node &x = node(n);
    if (x.kind != Kind::String)
        return {};
    return decode(raw(x.offset + 1, x.length - 2));
}

bool JsonTree::stringEquals(int n, QLatin1StringView value) const
{
    const Node &x = node(n);
    if (x.kind != Kind::String)
        return false;
    if (x.escaped)
        return string(n) == value;
    return raw(x.offset + 1, x.length - 2) == value;
}

bool JsonTree::isBlankString(int n) const
{
    const QString s = string(n);
    for (QChar c : s) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

double JsonTree::number(int n) const
{
    const Node &x = node(n);
    if (x.kind != Kind::Number)
        return std::numeric_limits<double>::quiet_NaN();
    bool ok = false;
    const double v = raw(x.offset, x.length).toDouble(&ok);
    return ok ? v : std::numeric_limits<double>::quiet_NaN();
}

QString JsonTree::path(int n) const
{
    QStringList segments;
    for (int c = n; c >= 0 && node(c).parent >= 0; c = node(c).parent) {
        const Node &x = node(c);
        if (x.keyOffset < 0) {
            segments.prepend(QLatin1Char('[') + QString::number(x.index) + QLatin1Char(']'));
            continue;
        }
        const QString key = keyOf(c);
        if (isPlainKey(key)) {
            segments.prepend(QLatin1Char('.') + key);
        } else {
            QString quoted = key;
            quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
            segments.prepend(QLatin1String("[\"") + quoted + QLatin1String("\"]"));
        }
    }
    return QLatin1Char('$') + segments.join(QString());
}

QString JsonTree::decode(QStringView raw)
{
    if (!raw.contains(QLatin1Char('\\')))
        return raw.toString();
    QString out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c != QLatin1Char('\\') || i + 1 >= raw.size()) {
            out += c;
            continue;
        }
        const char16_t e = raw[++i].unicode();
        switch (e) {
        case 'b':
            out += QChar(u'\b');
            break;
        case 'f':
            out += QChar(u'\f');
            break;
        case 'n':
            out += QChar(u'\n');
            break;
        case 'r':
            out += QChar(u'\r');
            break;
        case 't':
            out += QChar(u'\t');
            break;
        case 'u': {
            int code = 0;
            bool good = i + 4 < raw.size();
            for (int k = 1; good && k <= 4; ++k) {
                const int h = hexValue(raw[i + k].unicode());
                good = h >= 0;
                code = code * 16 + h;
            }
            if (good) {
                out += QChar(char16_t(code));
                i += 4;
            }
            break;
        }
        default:
            out += QChar(e);
            break;
        }
    }
    return out;
}

} // namespace retell::core::detail
