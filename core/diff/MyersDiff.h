#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace retell::core {

// Which elements of two integer sequences are outside one longest common
// subsequence, i.e. a minimal edit script (like GNU diff --minimal).
//
// Myers' O(ND) algorithm in its linear-space form (divide and conquer on the
// "middle snake"). Chosen over dtl's O(NP) variant, which keeps every
// furthest-reaching path and so grows to O(N·D) memory when the inputs are
// very different; here memory stays O(N + M). Ids must lie in [0, idCount).
//
// Before the search, elements whose id never occurs on the other side are
// marked changed and left out: they cannot be in any common subsequence, so
// the result stays minimal, and inputs that share few lines become cheap.
struct SequenceDiff
{
    std::vector<std::uint8_t> leftChanged;  // 1 = deleted
    std::vector<std::uint8_t> rightChanged; // 1 = inserted
};

SequenceDiff diffSequences(std::span<const int> left, std::span<const int> right, int idCount);

} // namespace retell::core
