#pragma once

#include <QtGlobal>

namespace retell::ui {

// Maps UTF-16 offsets (QString units, as the validator reports them) to UTF-8
// byte offsets (Scintilla positions) of the same text. Ascending queries walk
// the bytes once in total; a query behind the previous one restarts.
class Utf8OffsetMapper final
{
public:
    Utf8OffsetMapper(const char *utf8, qsizetype size) : m_data(utf8), m_size(size) {}

    qsizetype byteOffset(qsizetype utf16Offset)
    {
        if (utf16Offset < m_unit) {
            m_unit = 0;
            m_byte = 0;
        }
        while (m_unit < utf16Offset && m_byte < m_size) {
            const auto lead = static_cast<unsigned char>(m_data[m_byte]);
            int bytes = 1;
            int units = 1;
            if (lead >= 0xf0) {
                bytes = 4;
                units = 2;
            } else if (lead >= 0xe0) {
                bytes = 3;
            } else if (lead >= 0xc0) {
                bytes = 2;
            }
            m_byte = qMin(m_byte + bytes, m_size);
            m_unit += units;
        }
        return m_byte;
    }

private:
    const char *m_data;
    qsizetype m_size;
    qsizetype m_byte = 0;
    qsizetype m_unit = 0;
};

} // namespace retell::ui
