#pragma once

#include "DiffTypes.h"
#include "ToolsDiff.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace retell::core {

// GNU-compatible unified diff ("--- a", "+++ b", "@@ -l,n +l,n @@",
// "\ No newline at end of file"); empty when the texts are identical. With
// colour, ANSI escapes colour the lines and reverse-video the changed words.
QString renderUnified(const LineDiff &diff, const QString &labelA, const QString &labelB,
                      bool colour = false, int context = 3);

// Two columns of (width - 3) / 2 characters with a GNU diff -y style gutter:
// "|" changed, "<" removed, ">" added. Long lines are cut with "…".
QString renderSideBySide(const LineDiff &diff, int width = 130, bool colour = false);

// "tools: 1 added, 0 removed, 1 changed" plus one line per tool and path.
QString renderToolsText(const ToolsDiff &diff, bool colour = false);

// {"identical", "added", "removed", "changed", "hunks": [{"oldStart",
// "oldLines", "newStart", "newLines", "lines": [{"op": " "|"-"|"+", "text",
// "oldLine"?, "newLine"?}]}], "missingNewline": {"old", "new"}}
QJsonObject lineDiffToJson(const LineDiff &diff, int context = 3);
// {"added": [...], "removed": [...], "changed": [{"name", "paths": [{"path",
// "old", "new"}]}]} or {"error": "...", "side": "left"|"right"}
QJsonObject toolsDiffToJson(const ToolsDiff &diff);
// {"a": labelA, "b": labelB, "prompt": lineDiffToJson, "tools": toolsDiffToJson}
QJsonDocument renderJson(const LineDiff &prompt, const ToolsDiff &tools, const QString &labelA,
                         const QString &labelB, int context = 3);

} // namespace retell::core
