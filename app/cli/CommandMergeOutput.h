#pragma once

// What `merge` and `deploy --merge` write: the merged prompt with git-style
// markers, or the merged export (README "Merging"), and the sentences for
// inputs the engine refuses.

#include "Cli.h"

#include "merge/ConfigMerge.h"
#include "merge/TextMerge.h"
#include "merge/ToolsMerge.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace retell::cli {

// The name of each input in messages and JSON ("base", "ours", "theirs").
QString mergeInputName(core::MergeInput input);

// The conflicts of both merges as the "conflicts" array of the export.
QJsonArray mergeConflictsJson(const core::TextMerge &prompt, const core::ToolsMerge &tools);

// The merged export, format "retell-admin-merge/1".
QJsonObject mergeExportJson(const core::TextMerge &prompt, const core::ToolsMerge &tools);

// The input refused by the engine, in one sentence naming it by `titles`.
core::Error mergeInputError(const core::TextMergeError &error,
                            const core::PerInput<QString> &titles);
core::Error mergeInputError(const core::ToolsMergeError &error,
                            const core::PerInput<QString> &titles);
// The first input a configuration merge refused (prompt, then tools), if any.
std::optional<core::Error> mergeInputError(const core::ConfigMerge &merge,
                                           const core::PerInput<QString> &titles);

// Writes `bytes` to `path` atomically (never a half-written merge), or to
// `fallback` (stdout or stderr) when path is empty or "-".
core::Result<void> writeMergeOutput(const QString &path, const QByteArray &bytes, FILE *fallback);

// The one line told on stderr when conflicts are left.
void reportConflictsLeft(const core::TextMerge &prompt, const core::ToolsMerge &tools);

} // namespace retell::cli
