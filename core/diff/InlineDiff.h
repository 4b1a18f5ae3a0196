#pragma once

#include "DiffTypes.h"

#include <QStringView>

namespace retell::core {

enum class TokenKind
{
    Word,
    Variable,
    Space,
    Symbol
};

struct Token
{
    TokenKind kind = TokenKind::Symbol;
    int start = 0;
    int length = 0;
};

// Splits a line into words, {{variables}} (one token each, even with spaces
// inside), whitespace runs and single other characters (surrogate pairs kept
// together).
QList<Token> tokenizeLine(QStringView line);

// Changed ranges inside a removed/added line pair: a word diff, refined to
// characters where a single word was edited (e.g. "booking" -> "bookings"
// marks only the "s"). Ranges are sorted, merged and in UTF-16 units.
PerSide<QList<TextRange>> refineLinePair(QStringView left, QStringView right,
                                         const DiffOptions &options = {});

} // namespace retell::core
