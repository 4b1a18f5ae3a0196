#include "InlineDiff.h"

#include "MyersDiff.h"

#include <QHash>

#include <vector>

namespace retell::core {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.isMark();
}

// Interns strings into dense ids for diffSequences.
class Interner final
{
public:
    int id(const QString &key)
    {
        const auto it = m_ids.constFind(key);
        if (it != m_ids.cend())
            return *it;
        const int next = int(m_ids.size());
        m_ids.insert(key, next);
        return next;
    }
    int count() const { return int(m_ids.size()); }

private:
    QHash<QString, int> m_ids;
};

QString tokenKey(QStringView line, const Token &token, const DiffOptions &options)
{
    if (token.kind == TokenKind::Space && options.ignoreWhitespace)
        return QStringLiteral(" ");
    const QStringView text = line.mid(token.start, token.length);
    return options.ignoreCase ? text.toString().toCaseFolded() : text.toString();
}

void addRange(QList<TextRange> &ranges, int start, int length)
{
    if (length <= 0)
        return;
    if (!ranges.isEmpty() && ranges.last().end() >= start) {
        TextRange &last = ranges.last();
        last.length = std::max(last.end(), start + length) - last.start;
        return;
    }
    ranges.append({start, length});
}

// Character diff of one edited word; false when the two share too little
// for character marks to help (then the whole words are marked).
bool refineWord(QStringView left, QStringView right, const Token &lt, const Token &rt,
                const DiffOptions &options, PerSide<QList<TextRange>> &out)
{
    const PerSide<QStringView> words{
        {left.mid(lt.start, lt.length), right.mid(rt.start, rt.length)}};
    QHash<char16_t, int> ids;
    PerSide<std::vector<int>> seq;
    for (const Side side : bothSides) {
        for (const QChar c : words[side]) {
            const char16_t unit = options.ignoreCase ? c.toCaseFolded().unicode() : c.unicode();
            auto it = ids.find(unit);
            if (it == ids.end())
                it = ids.insert(unit, int(ids.size()));
            seq[side].push_back(*it);
        }
    }
    const SequenceDiff d =
        diffSequences(seq[Side::Left], seq[Side::Right], int(ids.size()), options.minimal);
    int common = 0;
    for (const auto flag : d.leftChanged)
        common += flag ? 0 : 1;
    // Below two thirds in common, scattered character marks are noise.
    if (3 * common < 2 * std::max(lt.length, rt.length))
        return false;
    const PerSide<const std::vector<std::uint8_t> *> changed{{&d.leftChanged, &d.rightChanged}};
    const PerSide<int> base{{lt.start, rt.start}};
    for (const Side side : bothSides) {
        const auto &flags = *changed[side];
        for (std::size_t i = 0; i < flags.size(); ++i) {
            if (flags[i])
                addRange(out[side], base[side] + int(i), 1);
        }
    }
    return true;
}

} // namespace

QList<Token> tokenizeLine(QStringView line)
{
    QList<Token> tokens;
    const int n = int(line.size());
    int i = 0;
    while (i < n) {
        const QChar c = line[i];
        Token token{TokenKind::Symbol, i, 1};
        if (c == u'{' && i + 1 < n && line[i + 1] == u'{') {
            const auto close = line.indexOf(u"}}", i + 2);
            if (close >= 0) {
                token = {TokenKind::Variable, i, int(close) + 2 - i};
            }
        } else if (c.isSpace()) {
            int j = i + 1;
            while (j < n && line[j].isSpace())
                ++j;
            token = {TokenKind::Space, i, j - i};
        } else if (c.isHighSurrogate() && i + 1 < n && line[i + 1].isLowSurrogate()) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, line[i + 1]);
            token = {QChar::isLetterOrNumber(ucs4) ? TokenKind::Word : TokenKind::Symbol, i, 2};
        } else if (isWordChar(c)) {
            int j = i + 1;
            while (j < n && isWordChar(line[j]))
                ++j;
            token = {TokenKind::Word, i, j - i};
        }
        tokens.append(token);
        i += token.length;
    }
    return tokens;
}

PerSide<QList<TextRange>> refineLinePair(QStringView left, QStringView right,
                                         const DiffOptions &options)
{
    PerSide<QList<TextRange>> out;
    const PerSide<QStringView> text{{left, right}};
    if (left.size() > options.maxRefinedLineLength || right.size() > options.maxRefinedLineLength) {
        for (const Side side : bothSides)
            addRange(out[side], 0, int(text[side].size()));
        return out;
    }

    PerSide<QList<Token>> tokens;
    PerSide<std::vector<int>> ids;
    Interner interner;
    for (const Side side : bothSides) {
        tokens[side] = tokenizeLine(text[side]);
        ids[side].reserve(std::size_t(tokens[side].size()));
        for (const Token &token : std::as_const(tokens[side]))
            ids[side].push_back(interner.id(tokenKey(text[side], token, options)));
    }
    const SequenceDiff d =
        diffSequences(ids[Side::Left], ids[Side::Right], interner.count(), options.minimal);
    const PerSide<const std::vector<std::uint8_t> *> changed{{&d.leftChanged, &d.rightChanged}};

    // Walk change blocks: one word replaced by one word gets character marks.
    PerSide<std::size_t> pos{{0, 0}};
    const auto size = [&](Side side) { return std::size_t(tokens[side].size()); };
    while (pos[Side::Left] < size(Side::Left) || pos[Side::Right] < size(Side::Right)) {
        PerSide<std::size_t> end = pos;
        for (const Side side : bothSides) {
            while (end[side] < size(side) && (*changed[side])[end[side]])
                ++end[side];
        }
        const bool singleWords =
            end[Side::Left] - pos[Side::Left] == 1 && end[Side::Right] - pos[Side::Right] == 1 &&
            tokens[Side::Left][qsizetype(pos[Side::Left])].kind == TokenKind::Word &&
            tokens[Side::Right][qsizetype(pos[Side::Right])].kind == TokenKind::Word;
        if (!singleWords ||
            !refineWord(left, right, tokens[Side::Left][qsizetype(pos[Side::Left])],
                        tokens[Side::Right][qsizetype(pos[Side::Right])], options, out)) {
            for (const Side side : bothSides) {
                for (std::size_t t = pos[side]; t < end[side]; ++t) {
                    const Token &token = tokens[side][qsizetype(t)];
                    addRange(out[side], token.start, token.length);
                }
            }
        }
        // Skip the common token that follows the block (both sides in step).
        for (const Side side : bothSides)
            pos[side] = end[side] + (end[side] < size(side) ? 1 : 0);
    }
    // "check_availability now" reads better as one range than two.
    for (const Side side : bothSides) {
        QList<TextRange> &ranges = out[side];
        for (qsizetype i = ranges.size() - 1; i > 0; --i) {
            const TextRange gap{ranges[i - 1].end(), ranges[i].start - ranges[i - 1].end()};
            const QStringView between = text[side].mid(gap.start, gap.length);
            if (std::all_of(between.begin(), between.end(), [](QChar c) { return c.isSpace(); })) {
                ranges[i - 1].length = ranges[i].end() - ranges[i - 1].start;
                ranges.removeAt(i);
            }
        }
    }
    return out;
}

} // namespace retell::core
