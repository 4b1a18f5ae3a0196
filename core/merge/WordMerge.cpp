#include "merge/WordMerge.h"

#include "diff/InlineDiff.h"
#include "diff/MyersDiff.h"
#include "merge/SequenceMerge.h"

#include <QHash>
#include <QString>

#include <algorithm>
#include <vector>

namespace retell::core {

namespace {

struct TokenizedText
{
    QString text;
    std::vector<QStringView> tokens;
    std::vector<int> ids;
};

void tokenize(TokenizedText &out)
{
    const QStringView text(out.text);
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype eol = text.indexOf(u'\n', pos);
        const qsizetype next = eol < 0 ? text.size() : eol + 1;
        if (eol < 0)
            eol = text.size();
        else if (eol > pos && text[eol - 1] == u'\r')
            --eol;
        const QStringView line = text.mid(pos, eol - pos);
        for (const Token &token : tokenizeLine(line))
            out.tokens.push_back(line.mid(token.start, token.length));
        if (next > eol)
            out.tokens.push_back(text.mid(eol, next - eol));
        pos = next;
    }
}

bool sameTokens(const TokenizedText &a, LineRange ra, const TokenizedText &b, LineRange rb)
{
    return ra.count == rb.count &&
           std::equal(a.ids.begin() + ra.start, a.ids.begin() + ra.end(), b.ids.begin() + rb.start);
}

} // namespace

std::optional<QByteArray> mergeWords(const PerInput<QByteArrayView> &text)
{
    PerInput<TokenizedText> input;
    QHash<QStringView, int> ids;
    for (const MergeInput which : allInputs) {
        TokenizedText &t = input[which];
        t.text = QString::fromUtf8(text[which]);
        tokenize(t);
        t.ids.reserve(t.tokens.size());
        for (const QStringView token : t.tokens) {
            auto it = ids.constFind(token);
            if (it == ids.cend())
                it = ids.insert(token, int(ids.size()));
            t.ids.push_back(*it);
        }
    }
    const TokenizedText &base = input[MergeInput::Base];
    PerInput<std::vector<EditHunk>> hunks;
    for (const MergeInput edit : bothEdits)
        hunks[edit] = hunksFromDiff(diffSequences(base.ids, input[edit].ids, int(ids.size())));
    const std::vector<MergeChunk> chunks =
        chunkMerge(hunks[MergeInput::Ours], hunks[MergeInput::Theirs], int(base.ids.size()));

    QString merged;
    merged.reserve(
        std::max(input[MergeInput::Ours].text.size(), input[MergeInput::Theirs].text.size()));
    for (const MergeChunk &chunk : chunks) {
        MergeInput take = MergeInput::Base;
        if (chunk.changedByOurs && chunk.changedByTheirs) {
            const auto same = [&](MergeInput a, MergeInput b) {
                return sameTokens(input[a], chunk.range[a], input[b], chunk.range[b]);
            };
            if (same(MergeInput::Ours, MergeInput::Theirs) ||
                same(MergeInput::Theirs, MergeInput::Base))
                take = MergeInput::Ours;
            else if (same(MergeInput::Ours, MergeInput::Base))
                take = MergeInput::Theirs;
            else
                return std::nullopt;
        } else if (chunk.changedByOurs) {
            take = MergeInput::Ours;
        } else if (chunk.changedByTheirs) {
            take = MergeInput::Theirs;
        }
        const TokenizedText &from = input[take];
        const LineRange range = chunk.range[take];
        for (int i = range.start; i < range.end(); ++i)
            merged += from.tokens[std::size_t(i)];
    }
    return merged.toUtf8();
}

} // namespace retell::core
