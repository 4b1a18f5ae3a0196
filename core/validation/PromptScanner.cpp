#include "validation/PromptScanner.h"

#include <array>

namespace retell::core::detail {

namespace {

// More findings of one kind only repeat the message; the editor still shows
// the first ones and the result stays small for huge broken prompts.
constexpr int kMaxFindingsPerKind = 100;

// ASCII character classes, looked up once per character in the hot loops.
enum CharClass : quint8
{
    Other,
    Alpha,
    Digit,
    Underscore,
    Blank,
    Break,
    Brace
};
constexpr auto kClasses = [] {
    std::array<quint8, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = Alpha;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = Alpha;
    for (int c = '0'; c <= '9'; ++c)
        t[c] = Digit;
    t['_'] = Underscore;
    t[' '] = Blank;
    t['\t'] = Blank;
    t['\n'] = Break;
    t['\r'] = Break;
    t['{'] = Brace;
    t['}'] = Brace;
    return t;
}();

inline quint8 classOf(char16_t c)
{
    return c < 128 ? kClasses[c] : quint8(Other);
}
inline bool isAsciiAlpha(char16_t c)
{
    return classOf(c) == Alpha;
}
inline bool isDigit(char16_t c)
{
    return classOf(c) == Digit;
}
inline bool isIdentChar(char16_t c)
{
    const quint8 k = classOf(c);
    return k == Alpha || k == Digit || k == Underscore;
}
inline bool isVariableChar(char16_t c)
{
    return isIdentChar(c) || c == '-' || c == '.' || c == '/' || c == '+';
}
// Scripts where one character is roughly one token (CJK, kana, hangul...).
inline bool isDenseScript(char16_t c)
{
    return c >= 0x2E80 && c < 0xD800;
}

class Scanner final
{
public:
    Scanner(QStringView text, ScanMode mode, PromptScan &out)
        : m_s(text.utf16()), m_n(text.size()), m_full(mode == ScanMode::Full), m_out(out)
    {
    }

    void run();

private:
    void lineBreaks();
    void word();
    void number();
    void punctuation();
    void nonAscii(char16_t c);
    bool refersToTool(qsizetype start, qsizetype end) const;
    QStringView wordBefore(qsizetype pos) const;
    QStringView wordAfter(qsizetype pos) const;
    void placeholder();
    void strayClose();
    TextSpot spot(qsizetype offset, qsizetype length) const
    {
        return TextSpot{int(offset), int(length), m_line, int(offset - m_lineStart + 1)};
    }
    void report(Severity severity, const char *code, int &counter, const TextSpot &where,
                const MessageText &message);

    const char16_t *m_s;
    const qsizetype m_n;
    const bool m_full;
    PromptScan &m_out;
    qsizetype m_i = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    int m_unclosedCount = 0;
    int m_strayCount = 0;
    int m_malformedCount = 0;
};

void Scanner::run()
{
    while (m_i < m_n) {
        const char16_t c = m_s[m_i];
        if (c >= 0x80) {
            nonAscii(c);
            continue;
        }
        switch (kClasses[c]) {
        case Alpha:
        case Underscore:
            word();
            break;
        case Digit:
            number();
            break;
        case Blank:
            ++m_i;
            break;
        case Break:
            lineBreaks();
            break;
        case Brace:
            if (m_i + 1 < m_n && m_s[m_i + 1] == c)
                c == '{' ? placeholder() : strayClose();
            else
                punctuation();
            break;
        default:
            punctuation();
            break;
        }
    }
}

// A run of line breaks is one token (tiktoken merges "\n\n").
void Scanner::lineBreaks()
{
    ++m_out.tokens;
    while (m_i < m_n) {
        const char16_t c = m_s[m_i];
        if (c == '\n' || (c == '\r' && (m_i + 1 >= m_n || m_s[m_i + 1] != '\n'))) {
            ++m_line;
            m_lineStart = m_i + 1;
        } else if (c != '\r') {
            return;
        }
        ++m_i;
    }
}

// Letters, digits, '_' and inner '-': one token per started six characters
// (common English words up to six letters are single BPE tokens; longer and
// rarer words split); a non-ASCII letter weighs two, as such scripts split
// into more pieces.
void Scanner::word()
{
    const qsizetype start = m_i;
    qsizetype i = m_i;
    qsizetype weight = 0;
    bool ascii = true;
    bool joined = false; // contains '_' or an inner '-'
    while (i < m_n) {
        const char16_t c = m_s[i];
        if (c < 0x80) {
            const quint8 k = kClasses[c];
            if (k == Alpha || k == Digit) {
                ++weight;
            } else if (k == Underscore) {
                joined |= i > start;
                ++weight;
            } else if (c == '-' && i > start && i + 1 < m_n && isIdentChar(m_s[i + 1])) {
                joined = true;
                ++weight;
            } else {
                break;
            }
        } else if (!isDenseScript(c) && !QChar::isSurrogate(c) && QChar::isLetterOrNumber(c)) {
            ascii = false;
            weight += 2;
        } else {
            break;
        }
        ++i;
    }
    m_i = i;
    m_out.tokens += int((weight + 5) / 6);
    if (!m_full || !joined || !ascii || m_s[start] == '_' || m_s[m_i - 1] == '_')
        return;
    if (start > 0) {
        const char16_t before = m_s[start - 1];
        if (before == '/' || before == '.' || before == '@' || before == '\\')
            return; // part of a URL, path or e-mail address
    }
    if (m_i < m_n) {
        const char16_t after = m_s[m_i];
        if (after == '@' ||
            ((after == '.' || after == '/') && m_i + 1 < m_n && isIdentChar(m_s[m_i + 1])))
            return; // e-mail address, file name or path
    }
    const QStringView name(m_s + start, m_i - start);
    if (!m_out.identifiers.contains(name))
        m_out.identifiers.insert(name, spot(start, m_i - start));
    if (!m_out.toolReferences.contains(name) && refersToTool(start, m_i))
        m_out.toolReferences.insert(name, spot(start, m_i - start));
}

// Skips blanks and the quotes or backticks that may wrap a name.
inline bool isWrapper(char16_t c)
{
    return c == ' ' || c == '\t' || c == '`' || c == '"' || c == '\'' || c == '*';
}

QStringView Scanner::wordBefore(qsizetype pos) const
{
    qsizetype end = pos;
    while (end > 0 && isWrapper(m_s[end - 1]))
        --end;
    qsizetype start = end;
    while (start > 0 && isAsciiAlpha(m_s[start - 1]))
        --start;
    return QStringView(m_s + start, end - start);
}

QStringView Scanner::wordAfter(qsizetype pos) const
{
    qsizetype start = pos;
    while (start < m_n && isWrapper(m_s[start]))
        ++start;
    qsizetype end = start;
    while (end < m_n && isAsciiAlpha(m_s[end]))
        ++end;
    return QStringView(m_s + start, end - start);
}

// Whether the word at [start, end) is spoken of as a tool: followed by "(",
// after "call"/"invoke"/"trigger" (and an optional "the"), or followed by
// "tool"/"function"; quotes, backticks and bold around the name are skipped.
// Backticks alone are no sign: real prompts put field names, argument names
// and literal replies in backticks far more often than tools.
bool Scanner::refersToTool(qsizetype start, qsizetype end) const
{
    if (end < m_n && m_s[end] == '(')
        return true;
    auto is = [](QStringView word, std::initializer_list<const char *> any) {
        for (const char *w : any) {
            if (word.compare(QLatin1StringView(w), Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    const QStringView after = wordAfter(end);
    if (is(after, {"tool", "tools", "function", "functions"}))
        return true;
    QStringView before = wordBefore(start);
    if (is(before, {"the", "a"}))
        before = wordBefore(before.utf16() - m_s);
    return is(before, {"call", "calls", "calling", "invoke", "invokes", "invoking", "trigger",
                       "triggers", "triggering"});
}

// Digits: about one token per three.
void Scanner::number()
{
    const qsizetype start = m_i;
    while (m_i < m_n && isDigit(m_s[m_i]))
        ++m_i;
    m_out.tokens += int((m_i - start + 2) / 3);
}

// Punctuation is a token each; runs of one character ("---", "###") merge.
void Scanner::punctuation()
{
    const char16_t c = m_s[m_i];
    const qsizetype start = m_i;
    if (c == '{' || c == '}') {
        ++m_i;
    } else {
        while (m_i < m_n && m_s[m_i] == c)
            ++m_i;
    }
    m_out.tokens += int((m_i - start + 3) / 4);
}

void Scanner::nonAscii(char16_t c)
{
    if (QChar::isHighSurrogate(c)) {
        // Emoji and other astral characters: about two tokens each.
        m_out.tokens += 2;
        m_i += (m_i + 1 < m_n && QChar::isLowSurrogate(m_s[m_i + 1])) ? 2 : 1;
    } else if (isDenseScript(c) || QChar::isLowSurrogate(c)) {
        ++m_out.tokens;
        ++m_i;
    } else if (QChar::isLetterOrNumber(c)) {
        word();
    } else if (QChar::isSpace(c)) {
        ++m_i;
    } else {
        ++m_out.tokens; // typographic quotes, dashes, symbols
        ++m_i;
    }
}

void Scanner::placeholder()
{
    const qsizetype start = m_i;
    qsizetype j = start + 2;
    bool closed = false;
    while (j < m_n) {
        const char16_t c = m_s[j];
        if (c == '}' && j + 1 < m_n && m_s[j + 1] == '}') {
            closed = true;
            break;
        }
        if (c == '\n' || c == '\r' || (c == '{' && j + 1 < m_n && m_s[j + 1] == '{'))
            break;
        ++j;
    }
    ++m_out.tokens;
    if (!closed) {
        // The rest of the line is scanned as ordinary text.
        m_i = start + 2;
        report(Severity::Error, "prompt.unbalanced_braces", m_unclosedCount, spot(start, 2),
               MessageText(QT_TRANSLATE_NOOP(
                   "Validator", "\"{{\" is never closed with \"}}\" on the same line.")));
        return;
    }
    const qsizetype end = j + 2;
    m_i = end;
    QStringView inner(m_s + start + 2, j - start - 2);
    inner = inner.trimmed(); // Retell trims spaces around the name
    m_out.tokens += int((inner.size() + 3) / 4);
    if (!m_full)
        return;
    const TextSpot where = spot(start, end - start);
    if (inner.isEmpty()) {
        report(Severity::Error, "prompt.malformed_variable", m_malformedCount, where,
               MessageText(
                   QT_TRANSLATE_NOOP("Validator", "The placeholder \"%1\" has no variable name."))
                   .arg(QStringView(m_s + start, end - start)));
        return;
    }
    if (!isValidVariableName(inner)) {
        report(Severity::Error, "prompt.malformed_variable", m_malformedCount, where,
               MessageText(
                   QT_TRANSLATE_NOOP(
                       "Validator",
                       "\"%1\" is not a valid variable: names use letters, digits and underscores, "
                       "without spaces."))
                   .arg(QStringView(m_s + start, end - start)));
        return;
    }
    const auto it = m_out.variableIndex.constFind(inner);
    if (it != m_out.variableIndex.constEnd()) {
        ++m_out.variables[*it].count;
        return;
    }
    m_out.variableIndex.insert(inner, m_out.variables.size());
    m_out.variables.append(VariableUse{inner, where, 1});
}

void Scanner::strayClose()
{
    const qsizetype start = m_i;
    m_i += 2;
    ++m_out.tokens;
    // A warning, not an error: "}}" also ends literal JSON in an example.
    report(Severity::Warning, "prompt.unbalanced_braces", m_strayCount, spot(start, 2),
           MessageText(QT_TRANSLATE_NOOP("Validator", "\"}}\" has no matching \"{{\" before it.")));
}

void Scanner::report(Severity severity, const char *code, int &counter, const TextSpot &where,
                     const MessageText &message)
{
    if (!m_full || ++counter > kMaxFindingsPerKind)
        return;
    Finding f;
    f.severity = severity;
    f.code = QString::fromLatin1(code);
    f.setText(message);
    f.target = FindingTarget::Prompt;
    f.line = where.line;
    f.column = where.column;
    f.offset = where.offset;
    f.length = where.length;
    m_out.findings.append(std::move(f));
}

} // namespace

bool isValidVariableName(QStringView name)
{
    if (name.isEmpty())
        return false;
    const char16_t first = name.front().unicode();
    if (!isAsciiAlpha(first) && first != '_')
        return false;
    for (QChar c : name) {
        if (!isVariableChar(c.unicode()))
            return false;
    }
    return true;
}

void scanPrompt(QStringView text, ScanMode mode, PromptScan &out)
{
    Scanner(text, mode, out).run();
}

} // namespace retell::core::detail
