#pragma once

// Helpers shared by the fuzz targets (libFuzzer's LLVMFuzzerTestOneInput).
#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <utility>

namespace retell::fuzz {

inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Two inputs from one: split at the first NUL byte (none: all left).
inline std::pair<QByteArray, QByteArray> splitAtNul(const QByteArray &input)
{
    const qsizetype nul = input.indexOf('\0');
    if (nul < 0)
        return {input, QByteArray()};
    return {input.left(nul), input.mid(nul + 1)};
}

// A broken invariant is a crash libFuzzer records (with the input).
inline void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace retell::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
