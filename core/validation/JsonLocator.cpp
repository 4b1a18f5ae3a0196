#include "validation/JsonLocator.h"

namespace retell::core::detail {

namespace {

constexpr int kMaxDepth = 512;

bool isPlainKey(QStringView key)
{
    if (key.isEmpty())
        return false;
    for (QChar c : key) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
              || u == '_'))
            return false;
    }
    return true;
}

int hexValue(char16_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

JsonLocator::JsonLocator(QStringView json)
    : m_text(json)
    , m_path(QStringLiteral("$"))
{
    skipWhitespace();
    if (!parseValue(-1, 0, 0))
        return;
    skipWhitespace();
    if (m_pos < m_text.size())
        fail();
}

QString JsonLocator::memberPath(const QString &parent, QStringView key)
{
    if (isPlainKey(key))
    {
        QString path;
        path.reserve(parent.size() + 1 + key.size());
        path.append(parent).append(QLatin1Char('.')).append(key);
        return path;
    }
    QString quoted = key.toString();
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return parent + QLatin1String("[\"") + quoted + QLatin1String("\"]");
}

QString JsonLocator::elementPath(const QString &parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString JsonLocator::decodeString(QStringView raw)
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
        case 'b': out += QChar(u'\b'); break;
        case 'f': out += QChar(u'\f'); break;
        case 'n': out += QChar(u'\n'); break;
        case 'r': out += QChar(u'\r'); break;
        case 't': out += QChar(u'\t'); break;
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
        default: out += QChar(e); break;
        }
    }
    return out;
}

void JsonLocator::skipWhitespace()
{
    while (m_pos < m_text.size()) {
        const char16_t c = m_text[m_pos].unicode();
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        ++m_pos;
    }
}

bool JsonLocator::fail()
{
    if (m_errorOffset < 0)
        m_errorOffset = m_pos;
    return false;
}

bool JsonLocator::parseValue(qsizetype keyOffset, qsizetype keyLength, int depth)
{
    if (m_pos >= m_text.size() || depth > kMaxDepth)
        return fail();
    const qsizetype start = m_pos;
    bool good = false;
    switch (m_text[m_pos].unicode()) {
    case '{': good = parseObject(depth); break;
    case '[': good = parseArray(depth); break;
    case '"': good = parseString(); break;
    default: good = parseScalar(); break;
    }
    if (good)
        m_spans.insert(m_path, JsonSpan{start, m_pos - start, keyOffset, keyLength});
    return good;
}

bool JsonLocator::parseString()
{
    ++m_pos; // opening quote
    while (m_pos < m_text.size()) {
        const char16_t c = m_text[m_pos].unicode();
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (c == '\\')
            ++m_pos;
        else if (c < 0x20)
            return fail();
        ++m_pos;
    }
    return fail();
}

bool JsonLocator::parseScalar()
{
    const qsizetype start = m_pos;
    while (m_pos < m_text.size()) {
        const char16_t c = m_text[m_pos].unicode();
        const bool scalarChar = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                                || c == '+' || c == '.' || c == 'E';
        if (!scalarChar)
            break;
        ++m_pos;
    }
    if (m_pos == start)
        return fail();
    const QStringView word = m_text.mid(start, m_pos - start);
    const char16_t first = word.front().unicode();
    if (first >= 'a' && first <= 'z') {
        if (word != QLatin1String("true") && word != QLatin1String("false")
            && word != QLatin1String("null")) {
            m_pos = start;
            return fail();
        }
    }
    return true;
}

bool JsonLocator::parseObject(int depth)
{
    ++m_pos; // '{'
    skipWhitespace();
    if (m_pos < m_text.size() && m_text[m_pos] == QLatin1Char('}')) {
        ++m_pos;
        return true;
    }
    const qsizetype parentLength = m_path.size();
    while (true) {
        skipWhitespace();
        if (m_pos >= m_text.size() || m_text[m_pos] != QLatin1Char('"'))
            return fail();
        const qsizetype keyStart = m_pos;
        if (!parseString())
            return false;
        const qsizetype keyLength = m_pos - keyStart;
        skipWhitespace();
        if (m_pos >= m_text.size() || m_text[m_pos] != QLatin1Char(':'))
            return fail();
        ++m_pos;
        skipWhitespace();
        const QString key = decodeString(m_text.mid(keyStart + 1, keyLength - 2));
        m_path = memberPath(m_path.left(parentLength), key);
        const bool good = parseValue(keyStart, keyLength, depth + 1);
        m_path.truncate(parentLength);
        if (!good)
            return false;
        skipWhitespace();
        if (m_pos >= m_text.size())
            return fail();
        if (m_text[m_pos] == QLatin1Char(',')) {
            ++m_pos;
            continue;
        }
        if (m_text[m_pos] == QLatin1Char('}')) {
            ++m_pos;
            return true;
        }
        return fail();
    }
}

bool JsonLocator::parseArray(int depth)
{
    ++m_pos; // '['
    skipWhitespace();
    if (m_pos < m_text.size() && m_text[m_pos] == QLatin1Char(']')) {
        ++m_pos;
        return true;
    }
    const qsizetype parentLength = m_path.size();
    for (qsizetype index = 0;; ++index) {
        skipWhitespace();
        m_path = elementPath(m_path.left(parentLength), index);
        const bool good = parseValue(-1, 0, depth + 1);
        m_path.truncate(parentLength);
        if (!good)
            return false;
        skipWhitespace();
        if (m_pos >= m_text.size())
            return fail();
        if (m_text[m_pos] == QLatin1Char(',')) {
            ++m_pos;
            continue;
        }
        if (m_text[m_pos] == QLatin1Char(']')) {
            ++m_pos;
            return true;
        }
        return fail();
    }
}

} // namespace retell::core::detail
