#include "MyersDiff.h"

#include <algorithm>
#include <array>
#include <limits>

namespace retell::core {

namespace {

// Compares a[aLo, aHi) with b[bLo, bHi) and marks what is not common. The
// vectors forward/backward are scratch space sized for the whole input.
class MiddleSnakeDiffer final
{
public:
    MiddleSnakeDiffer(const int *a, const int *b, std::uint8_t *aChanged, std::uint8_t *bChanged,
                      int aSize, int bSize, int costLimit, const std::function<bool()> &isCancelled)
        : m_a(a), m_b(b), m_aChanged(aChanged), m_bChanged(bChanged), m_costLimit(costLimit),
          m_isCancelled(isCancelled)
    {
        const std::size_t size = std::size_t(aSize) + std::size_t(bSize) + 4;
        m_forward.resize(2 * size + 2);
        m_backward.resize(2 * size + 2);
    }

    void compare(int aLo, int aHi, int bLo, int bHi)
    {
        while (aLo < aHi && bLo < bHi && m_a[aLo] == m_b[bLo]) {
            ++aLo;
            ++bLo;
        }
        while (aLo < aHi && bLo < bHi && m_a[aHi - 1] == m_b[bHi - 1]) {
            --aHi;
            --bHi;
        }
        if (aLo == aHi) {
            std::fill(m_bChanged + bLo, m_bChanged + bHi, 1);
            return;
        }
        if (bLo == bHi) {
            std::fill(m_aChanged + aLo, m_aChanged + aHi, 1);
            return;
        }
        const auto [x, y] = split(aLo, aHi, bLo, bHi);
        compare(aLo, x, bLo, y);
        compare(x, aHi, y, bHi);
    }

    bool approximate() const { return m_approximate; }

private:
    struct Point
    {
        int x;
        int y;
    };

    // Finds a point on an optimal path from (aLo, bLo) to (aHi, bHi) by running
    // the forward and the reverse search until their furthest-reaching paths
    // overlap on a diagonal. Diagonal k holds points with x - y = k (local
    // coordinates); forward stores x, backward stores the x distance from the
    // end. The reverse cost along a diagonal never grows with x, so the
    // forward point of the overlap is on an optimal path; it is never a corner
    // because the ends differ after trimming, which guarantees progress.
    Point split(int aLo, int aHi, int bLo, int bHi)
    {
        const int n = aHi - aLo;
        const int m = bHi - bLo;
        const int delta = n - m;
        const bool deltaOdd = (delta & 1) != 0;
        const int maxD = (n + m + 1) / 2;
        const int offset = maxD + 1;
        const int span = 2 * offset + 2;
        int *fwd = m_forward.data();
        int *bwd = m_backward.data();
        std::fill(fwd, fwd + span, -1);
        std::fill(bwd, bwd + span, -1);
        fwd[offset + 1] = 0;
        bwd[offset + 1] = 0;
        const int *a = m_a + aLo;
        const int *b = m_b + bLo;

        // Diagonals that ran off the grid are skipped in later rounds.
        int fwdStartTrim = 0, fwdEndTrim = 0, bwdStartTrim = 0, bwdEndTrim = 0;
        for (int d = 0; d <= maxD; ++d) {
            if (d >= m_costLimit || (m_isCancelled && d > 0 && m_isCancelled())) {
                m_approximate = true;
                return furthestReaching(d, n, m, offset,
                                        {fwdStartTrim, fwdEndTrim, bwdStartTrim, bwdEndTrim}, aLo,
                                        bLo);
            }
            for (int k = -d + fwdStartTrim; k <= d - fwdEndTrim; k += 2) {
                const int ko = offset + k;
                int x = (k == -d || (k != d && fwd[ko - 1] < fwd[ko + 1])) ? fwd[ko + 1]
                                                                           : fwd[ko - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x] == b[y]) {
                    ++x;
                    ++y;
                }
                fwd[ko] = x;
                if (x > n) {
                    fwdEndTrim += 2;
                } else if (y > m) {
                    fwdStartTrim += 2;
                } else if (deltaOdd) {
                    const int bo = offset + delta - k;
                    if (bo >= 0 && bo < span && bwd[bo] != -1) {
                        const int bx = bwd[bo];
                        const int by = bx - (bo - offset);
                        if (bx <= n && by <= m && x >= n - bx)
                            return {aLo + x, bLo + y};
                    }
                }
            }
            for (int k = -d + bwdStartTrim; k <= d - bwdEndTrim; k += 2) {
                const int ko = offset + k;
                int x = (k == -d || (k != d && bwd[ko - 1] < bwd[ko + 1])) ? bwd[ko + 1]
                                                                           : bwd[ko - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[n - x - 1] == b[m - y - 1]) {
                    ++x;
                    ++y;
                }
                bwd[ko] = x;
                if (x > n) {
                    bwdEndTrim += 2;
                } else if (y > m) {
                    bwdStartTrim += 2;
                } else if (!deltaOdd) {
                    const int fo = offset + delta - k;
                    if (fo >= 0 && fo < span && fwd[fo] != -1) {
                        const int fx = fwd[fo];
                        const int fy = fx - (fo - offset);
                        if (fx <= n && fy <= m && fx >= n - x)
                            return {aLo + fx, bLo + fy};
                    }
                }
            }
        }
        // Unreachable for valid input; splitting in the middle keeps the
        // result a correct (if not minimal) script.
        return {aLo + n / 2, bLo + m / 2};
    }

    // The cost limit is spent: of the points the last round (d - 1) reached,
    // the one that got furthest along (largest x + y forward, or from the end
    // backward) becomes the split point. Any interior point splits into two
    // smaller problems, so the script stays correct, only not minimal.
    Point furthestReaching(int d, int n, int m, int offset, std::array<int, 4> trims, int aLo,
                           int bLo)
    {
        const int last = d - 1;
        Point best{n / 2, m / 2};
        long long bestReach = -1;
        const auto consider = [&](int x, int y, bool forward) {
            if (x < 0 || y < 0 || x > n || y > m)
                return;
            const Point p = forward ? Point{x, y} : Point{n - x, m - y};
            const bool corner = (p.x == 0 && p.y == 0) || (p.x == n && p.y == m);
            if (corner || x + y <= bestReach)
                return;
            bestReach = x + y;
            best = p;
        };
        for (int k = -last + trims[0]; k <= last - trims[1]; k += 2)
            consider(m_forward[std::size_t(offset + k)], m_forward[std::size_t(offset + k)] - k,
                     true);
        for (int k = -last + trims[2]; k <= last - trims[3]; k += 2)
            consider(m_backward[std::size_t(offset + k)], m_backward[std::size_t(offset + k)] - k,
                     false);
        return {aLo + best.x, bLo + best.y};
    }

    const int *m_a;
    const int *m_b;
    std::uint8_t *m_aChanged;
    std::uint8_t *m_bChanged;
    std::vector<int> m_forward;
    std::vector<int> m_backward;
    int m_costLimit;
    const std::function<bool()> &m_isCancelled;
    bool m_approximate = false;
};

} // namespace

int diffCostLimit(std::size_t totalElements)
{
    int limit = 1;
    for (std::size_t rest = totalElements + 3; rest != 0; rest >>= 2)
        limit <<= 1;
    return std::max(4096, limit);
}

SequenceDiff diffSequences(std::span<const int> left, std::span<const int> right, int idCount,
                           bool minimal, const std::function<bool()> &isCancelled)
{
    SequenceDiff result;
    result.leftChanged.assign(left.size(), 0);
    result.rightChanged.assign(right.size(), 0);

    // Drop elements without a partner on the other side (see header).
    std::vector<std::uint8_t> onLeft(std::size_t(idCount), 0);
    std::vector<std::uint8_t> onRight(std::size_t(idCount), 0);
    for (const int id : left)
        onLeft[std::size_t(id)] = 1;
    for (const int id : right)
        onRight[std::size_t(id)] = 1;

    std::vector<int> a, b, aIndex, bIndex;
    a.reserve(left.size());
    aIndex.reserve(left.size());
    b.reserve(right.size());
    bIndex.reserve(right.size());
    for (std::size_t i = 0; i < left.size(); ++i) {
        if (onRight[std::size_t(left[i])]) {
            a.push_back(left[i]);
            aIndex.push_back(int(i));
        } else {
            result.leftChanged[i] = 1;
        }
    }
    for (std::size_t j = 0; j < right.size(); ++j) {
        if (onLeft[std::size_t(right[j])]) {
            b.push_back(right[j]);
            bIndex.push_back(int(j));
        } else {
            result.rightChanged[j] = 1;
        }
    }

    std::vector<std::uint8_t> aChanged(a.size(), 0), bChanged(b.size(), 0);
    if (!a.empty() || !b.empty()) {
        const int costLimit =
            minimal ? std::numeric_limits<int>::max() : diffCostLimit(a.size() + b.size());
        MiddleSnakeDiffer differ(a.data(), b.data(), aChanged.data(), bChanged.data(),
                                 int(a.size()), int(b.size()), costLimit, isCancelled);
        differ.compare(0, int(a.size()), 0, int(b.size()));
        result.approximate = differ.approximate();
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (aChanged[i])
            result.leftChanged[std::size_t(aIndex[i])] = 1;
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
        if (bChanged[j])
            result.rightChanged[std::size_t(bIndex[j])] = 1;
    }
    return result;
}

} // namespace retell::core
