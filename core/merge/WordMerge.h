#pragma once

#include "merge/MergeTypes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace retell::core {

// Three-way merge of one region by words: each line is split as the inline
// diff splits it (words, {{variables}}, blank runs, single symbols) and its
// line end is one more token. Returns the merged text when the two sides'
// changes neither overlap nor touch at word level, nothing otherwise.
// The inputs must be valid UTF-8.
std::optional<QByteArray> mergeWords(const PerInput<QByteArrayView> &text);

} // namespace retell::core
