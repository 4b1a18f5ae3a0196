#include "validation/TextPosition.h"

#include <QChar>

#include <algorithm>
#include <cstring>

namespace retell::core::detail {

LineIndex::LineIndex(QStringView text)
{
    m_starts.append(0);
    const char16_t *s = text.utf16();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (s[i] == u'\n' || (s[i] == u'\r' && (i + 1 >= n || s[i + 1] != u'\n')))
            m_starts.append(i + 1);
    }
}

std::pair<int, int> LineIndex::lineColumn(qsizetype offset) const
{
    const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
    const qsizetype line = it - m_starts.cbegin(); // >= 1 since m_starts[0] == 0
    return {int(line), int(offset - m_starts[line - 1] + 1)};
}

qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        // Fast path: eight ASCII bytes at a time.
        if (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, s + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int need = 0;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c == 0xE0) {
            need = 2, lo = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            need = 2;
        } else if (c == 0xED) {
            need = 2, hi = 0x9F; // no UTF-16 surrogates
        } else if (c == 0xF0) {
            need = 3, lo = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            need = 3;
        } else if (c == 0xF4) {
            need = 3, hi = 0x8F; // <= U+10FFFF
        } else {
            return i;
        }
        if (i + need >= n)
            return i;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (int k = 2; k <= need; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += need + 1;
    }
    return -1;
}

qsizetype utf16OffsetForUtf8Offset(QStringView text, qsizetype utf8Offset)
{
    const char16_t *s = text.utf16();
    const qsizetype n = text.size();
    qsizetype bytes = 0;
    qsizetype i = 0;
    while (i < n && bytes < utf8Offset) {
        const char16_t c = s[i];
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3;
        }
        ++i;
    }
    return i;
}

} // namespace retell::core::detail
