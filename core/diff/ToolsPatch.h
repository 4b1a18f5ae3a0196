#pragma once

#include "ToolsDiff.h"

#include <optional>

namespace retell::core {

// Copies one change of a tools diff across into the edit's tools text, as
// ChangeCopier does for prompt lines: the tool (or, with `path`, the one JSON
// path inside it) becomes what the other side has: added back, removed or
// replaced. Only that tool's text changes; the other tools keep their
// formatting. The tool's text is written indented as the tool was (or as its
// neighbours are). `editSide` is the side of `change` the edit is on.
// Nothing when the edit text is not a JSON array or does not hold the tool.
std::optional<QString> copyToolChange(const QString &editJson, const ToolChange &change,
                                      Side editSide, const QString &path = QString());

// `edit` with the value at `path` (as pathChanges names it) replaced by the
// value `source` has there; removed where `source` has none.
QJsonValue withPathFrom(const QJsonValue &edit, const QJsonValue &source, const QString &path);

} // namespace retell::core
