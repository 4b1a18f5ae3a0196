#pragma once

#include <QByteArray>
#include <QList>
#include <QStringView>

#include <utility>

namespace retell::core::detail {

// Line starts of a text, for turning UTF-16 offsets into 1-based line and
// column. "\r\n", "\n" and a lone "\r" each end a line; columns count UTF-16
// units, so an emoji (a surrogate pair) advances the column by two.
class LineIndex final
{
public:
    explicit LineIndex(QStringView text);
    std::pair<int, int> lineColumn(qsizetype offset) const;

private:
    QList<qsizetype> m_starts;
};

// Byte offset of the first invalid UTF-8 sequence, or -1 when valid.
qsizetype firstInvalidUtf8(const QByteArray &bytes);

// UTF-16 offset in `text` of the character starting at `utf8Offset` bytes
// into text.toUtf8(); clamps to text.size().
qsizetype utf16OffsetForUtf8Offset(QStringView text, qsizetype utf8Offset);

} // namespace retell::core::detail
