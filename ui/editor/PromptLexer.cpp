#include "PromptLexer.h"

#include "validation/Validator.h"

#include <Qsci/qsciscintilla.h>

#include <cstring>
#include <limits>

namespace retell::ui {

namespace {

bool isAsciiAlpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

// Bytes of a word for tool-name matching; non-ASCII bytes belong to words so
// that "xlist_services" or "ülist_services" never match "list_services".
bool isWordByte(unsigned char c)
{
    return isAsciiAlpha(c) || isDigit(c) || c == '_' || c == '-' || c >= 0x80;
}

bool isSpace(unsigned char c)
{
    return c == ' ' || c == '\t';
}

bool isEol(unsigned char c)
{
    return c == '\n' || c == '\r';
}

} // namespace

// Collects consecutive bytes of one style into a single setStyling call.
class PromptLexer::Runs
{
public:
    explicit Runs(PromptLexer *lexer) : m_lexer(lexer) {}
    ~Runs() { flush(); }

    void add(qsizetype length, int style)
    {
        if (length <= 0)
            return;
        if (style != m_style) {
            flush();
            m_style = style;
        }
        m_length += length;
    }

private:
    void flush()
    {
        if (m_length > 0)
            m_lexer->setStyling(int(m_length), m_style);
        m_length = 0;
    }

    PromptLexer *m_lexer;
    int m_style = Default;
    qsizetype m_length = 0;
};

PromptLexer::PromptLexer(QObject *parent) : QsciLexerCustom(parent)
{
    for (const QString &name : core::Validator::systemVariables())
        m_knownUtf8.insert(name.toUtf8());
}

PromptLexer::~PromptLexer() = default;

const char *PromptLexer::language() const
{
    return "Agent prompt";
}

QString PromptLexer::description(int style) const
{
    switch (style) {
    case Default:
        return tr("Text");
    case Heading:
        return tr("Heading");
    case ListMarker:
        return tr("List marker");
    case Strong:
        return tr("Bold");
    case Emphasis:
        return tr("Italic");
    case InlineCode:
        return tr("Code");
    case KnownVariable:
        return tr("Known variable");
    case UnknownVariable:
        return tr("Unknown variable");
    case MalformedVariable:
        return tr("Malformed variable");
    case ToolName:
        return tr("Tool name");
    default:
        return {};
    }
}

const char *PromptLexer::wordCharacters() const
{
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
}

void PromptLexer::setKnownVariables(const QSet<QString> &names)
{
    if (names == m_knownVariables)
        return;
    m_knownVariables = names;
    m_knownUtf8.clear();
    for (const QString &name : core::Validator::systemVariables())
        m_knownUtf8.insert(name.toUtf8());
    for (const QString &name : names)
        m_knownUtf8.insert(name.toUtf8());
    restyle();
}

QStringList PromptLexer::allKnownVariables() const
{
    QSet<QString> all = core::Validator::systemVariables();
    all.unite(m_knownVariables);
    return QStringList(all.cbegin(), all.cend());
}

void PromptLexer::setToolNames(const QSet<QString> &names)
{
    if (names == m_toolNames)
        return;
    m_toolNames = names;
    m_toolUtf8.clear();
    m_shortestTool = std::numeric_limits<qsizetype>::max();
    m_longestTool = 0;
    for (const QString &name : names) {
        const QByteArray utf8 = name.toUtf8();
        if (utf8.isEmpty())
            continue;
        m_toolUtf8.insert(utf8);
        m_shortestTool = qMin(m_shortestTool, utf8.size());
        m_longestTool = qMax(m_longestTool, utf8.size());
    }
    restyle();
}

void PromptLexer::restyle()
{
    QsciScintilla *ed = editor();
    if (!ed)
        return;
    // Invalidate all styling; Scintilla asks again for what it paints.
    ed->SendScintilla(QsciScintillaBase::SCI_STARTSTYLING, 0L, 0L);
    ed->viewport()->update();
}

void PromptLexer::styleText(int start, int end)
{
    QsciScintilla *ed = editor();
    if (!ed || end <= start)
        return;
    // Nothing carries over a line break, so any line start is a restart point.
    const long firstLine = ed->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, long(start));
    start = int(ed->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, firstLine));
    const long lastLine = ed->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, long(end - 1));
    const long length = ed->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
    long lineAfter = ed->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, lastLine + 1);
    end = int(lineAfter < 0 || lineAfter > length ? length : qMax(lineAfter, long(end)));

    const QByteArray text = ed->bytes(start, end);
    const char *data = text.constData();
    const qsizetype size = qMin<qsizetype>(text.size(), end - start);

    startStyling(start);
    Runs runs(this);
    qsizetype pos = 0;
    while (pos < size) {
        const void *nl = std::memchr(data + pos, '\n', size_t(size - pos));
        const qsizetype lineEnd = nl ? static_cast<const char *>(nl) - data + 1 : size;
        styleLine(data + pos, lineEnd - pos, runs);
        pos = lineEnd;
    }
}

int PromptLexer::variableStyle(const char *name, qsizetype length) const
{
    // Retell trims spaces around the name.
    while (length > 0 && isSpace(static_cast<unsigned char>(*name))) {
        ++name;
        --length;
    }
    while (length > 0 && isSpace(static_cast<unsigned char>(name[length - 1])))
        --length;
    if (length == 0)
        return MalformedVariable;
    const auto first = static_cast<unsigned char>(name[0]);
    if (!isAsciiAlpha(first) && first != '_')
        return MalformedVariable;
    for (qsizetype i = 1; i < length; ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (!isAsciiAlpha(c) && !isDigit(c) && c != '_' && c != '.' && c != '-' && c != '/' &&
            c != '+')
            return MalformedVariable;
    }
    const QByteArray key = QByteArray::fromRawData(name, length);
    if (m_knownUtf8.contains(key))
        return KnownVariable;
    // current_time_<timezone> and current_calendar_<timezone>, e.g. current_time_Europe/Berlin
    for (const char *prefix : {"current_time_", "current_calendar_"}) {
        const auto prefixLength = qsizetype(std::strlen(prefix));
        if (length > prefixLength && key.startsWith(prefix) &&
            isAsciiAlpha(static_cast<unsigned char>(name[prefixLength])))
            return KnownVariable;
    }
    return UnknownVariable;
}

void PromptLexer::styleLine(const char *line, qsizetype length, Runs &runs) const
{
    const auto at = [line](qsizetype i) { return static_cast<unsigned char>(line[i]); };
    qsizetype eol = length;
    while (eol > 0 && isEol(at(eol - 1)))
        --eol;

    qsizetype i = 0;
    while (i < eol && isSpace(at(i)))
        ++i;
    int base = Default;
    qsizetype markerLength = 0;
    if (i < eol && at(i) == '#') {
        base = Heading;
    } else if (i + 1 < eol && (at(i) == '-' || at(i) == '*' || at(i) == '+') &&
               isSpace(at(i + 1))) {
        markerLength = 1;
    } else if (i < eol && isDigit(at(i))) {
        qsizetype j = i;
        while (j < eol && j - i < 9 && isDigit(at(j)))
            ++j;
        if (j + 1 < eol && (at(j) == '.' || at(j) == ')') && isSpace(at(j + 1)))
            markerLength = j + 1 - i;
    }
    runs.add(i, base);
    runs.add(markerLength, ListMarker);
    i += markerLength;

    bool strong = false;
    bool emphasis = false;
    bool code = false;
    qsizetype noBacktickFrom = eol; // no closing backtick at or after this
    const auto inlineStyle = [&] {
        if (code)
            return int(InlineCode);
        if (strong)
            return int(Strong);
        if (emphasis)
            return int(Emphasis);
        return base;
    };

    while (i < eol) {
        const unsigned char c = at(i);
        if (c == '{' && i + 1 < eol && at(i + 1) == '{') {
            // Same rules as the validator: a placeholder closes on its own line
            // before the next "{{"; an unclosed "{{" is marked, the rest is text.
            qsizetype j = i + 2;
            bool closed = false;
            for (; j + 1 < eol; ++j) {
                if (at(j) == '}' && at(j + 1) == '}') {
                    closed = true;
                    break;
                }
                if (at(j) == '{' && at(j + 1) == '{')
                    break;
            }
            if (closed) {
                runs.add(j + 2 - i, variableStyle(line + i + 2, j - i - 2));
                i = j + 2;
            } else {
                runs.add(2, MalformedVariable);
                i += 2;
            }
            continue;
        }
        if (c == '}' && i + 1 < eol && at(i + 1) == '}') {
            runs.add(2, MalformedVariable);
            i += 2;
            continue;
        }
        if (base != Heading && c == '`') {
            if (code) {
                runs.add(1, InlineCode);
                code = false;
            } else {
                if (i < noBacktickFrom) {
                    const void *close = std::memchr(line + i + 1, '`', size_t(eol - i - 1));
                    code = close != nullptr;
                    if (!close)
                        noBacktickFrom = i;
                }
                runs.add(1, code ? int(InlineCode) : inlineStyle());
            }
            ++i;
            continue;
        }
        if (base != Heading && !code && c == '*') {
            qsizetype j = i;
            while (j < eol && at(j) == '*')
                ++j;
            const qsizetype stars = j - i;
            const bool opens = j < eol && !isSpace(at(j));
            const bool closes = i > 0 && !isSpace(at(i - 1));
            bool &flag = stars >= 2 ? strong : emphasis;
            if (stars <= 2 && flag && closes) {
                runs.add(stars, inlineStyle());
                flag = false;
            } else if (stars <= 2 && !flag && opens) {
                flag = true;
                runs.add(stars, inlineStyle());
            } else {
                runs.add(stars, inlineStyle());
            }
            i = j;
            continue;
        }
        if (isWordByte(c) && (i == 0 || !isWordByte(at(i - 1)))) {
            qsizetype j = i + 1;
            while (j < eol && isWordByte(at(j)))
                ++j;
            const qsizetype len = j - i;
            // A tool name in backticks is still a tool name (prompts often write `end_call`).
            const bool tool = len >= m_shortestTool && len <= m_longestTool &&
                              m_toolUtf8.contains(QByteArray::fromRawData(line + i, len));
            runs.add(len, tool ? int(ToolName) : inlineStyle());
            i = j;
            continue;
        }
        runs.add(1, inlineStyle());
        ++i;
    }
    runs.add(length - eol, Default);
}

void PromptLexer::applyTheme(const EditorTheme &theme, const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    QFont italic = font;
    italic.setItalic(true);

    setColor(theme.heading, Heading);
    setFont(bold, Heading);
    setColor(theme.listMarker, ListMarker);
    setFont(bold, ListMarker);
    setColor(theme.emphasis, Strong);
    setFont(bold, Strong);
    setColor(theme.emphasis, Emphasis);
    setFont(italic, Emphasis);
    setColor(theme.code, InlineCode);
    setPaper(theme.codePaper, InlineCode);
    setColor(theme.knownVariable, KnownVariable);
    setPaper(theme.variablePaper, KnownVariable);
    setColor(theme.unknownVariable, UnknownVariable);
    setPaper(theme.unknownVariablePaper, UnknownVariable);
    setColor(theme.malformed, MalformedVariable);
    // Not underlined: an underline hides underscores ("first_name" would
    // read as "first name"); the finding's mark below the line is enough.
    setFont(bold, MalformedVariable);
    setColor(theme.toolName, ToolName);
    setFont(bold, ToolName);
}

} // namespace retell::ui
