#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <array>

namespace retell::core {

// The three inputs of a merge. Code indexes per-input data with this enum
// (PerInput<T>) and loops over bothEdits for the two changed sides instead of
// duplicating ours/theirs branches.
enum class MergeInput
{
    Base = 0,
    Ours = 1,
    Theirs = 2
};

constexpr std::array<MergeInput, 3> allInputs{MergeInput::Base, MergeInput::Ours,
                                              MergeInput::Theirs};
constexpr std::array<MergeInput, 2> bothEdits{MergeInput::Ours, MergeInput::Theirs};

constexpr MergeInput otherEdit(MergeInput edit)
{
    return edit == MergeInput::Ours ? MergeInput::Theirs : MergeInput::Ours;
}

template <typename T> struct PerInput
{
    std::array<T, 3> values{};

    T &operator[](MergeInput input) { return values[std::size_t(input)]; }
    const T &operator[](MergeInput input) const { return values[std::size_t(input)]; }
    friend bool operator==(const PerInput &, const PerInput &) = default;
};

// Lines [start, start + count) of one input, 0-based.
struct LineRange
{
    int start = 0;
    int count = 0;
    int end() const { return start + count; }
    friend bool operator==(const LineRange &, const LineRange &) = default;
};

// How a conflict is resolved. Unresolved conflicts are written with markers
// (text) or keep our value (tools) and stay listed as conflicts.
enum class ConflictChoice
{
    Unresolved,
    Ours,
    Theirs,
    OursThenTheirs, // text only: both, ours first
    TheirsThenOurs, // text only: both, theirs first
    Base,           // neither change
};

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::MergeInput)
Q_DECLARE_METATYPE(retell::core::ConflictChoice)
