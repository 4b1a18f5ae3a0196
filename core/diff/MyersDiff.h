#pragma once

#include <cstdint>
#include <functional>
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
//
// The search costs O((N + M) · D), which is quadratic for long inputs that
// differ a lot but share many repeated elements (low-entropy text). Unless
// `minimal` is set, a search that has spent its cost limit without finding
// the middle snake takes the furthest-reaching point instead, as GNU diff
// does without --minimal: the script stays correct (applying it turns left
// into right) but may be longer than the shortest; `approximate` says so.
struct SequenceDiff
{
    std::vector<std::uint8_t> leftChanged;  // 1 = deleted
    std::vector<std::uint8_t> rightChanged; // 1 = inserted
    bool approximate = false;               // the cost limit was reached somewhere
};

// isCancelled is polled once per search round: when it answers true the
// search stops as at the cost limit (a correct, approximate script, which the
// caller that cancelled throws away).
SequenceDiff diffSequences(std::span<const int> left, std::span<const int> right, int idCount,
                           bool minimal = false, const std::function<bool()> &isCancelled = {});

// The number of edit steps (D) one middle-snake search may spend before the
// bounded mode gives up on minimality: about the square root of the input
// size, at least 4096 (GNU diff's rule).
int diffCostLimit(std::size_t totalElements);

} // namespace retell::core
