#pragma once

#include "diff/DiffInput.h"
#include "domain/Types.h"
#include "merge/TextMerge.h"
#include "merge/ToolsMerge.h"

#include <optional>
#include <stop_token>

namespace retell::core {

// Three-way merge of a whole agent configuration: the prompt by mergeText,
// the tools by mergeTools. What `merge`, `deploy --merge`, the merge window
// and a rollout share.
struct ConfigMerge
{
    TextMerge prompt;
    ToolsMerge tools;
    // The tools text of each input as given: a merged tools array equal to
    // one input's keeps that input's text (and formatting).
    PerInput<QByteArray> toolsText;

    // Both inputs were read (prompt UTF-8, tools a JSON array).
    bool ok() const { return prompt.ok() && tools.ok(); }
    bool clean() const { return prompt.clean() && tools.clean(); }
    int conflictCount() const { return int(prompt.conflicts.size() + tools.conflicts.size()); }
    // The merged configuration: prompt conflict i resolved by promptChoices[i]
    // (else written with markers), tools conflict i by toolsChoices[i] (else
    // ours kept).
    AgentConfig merged(const QList<ConflictChoice> &promptChoices = {},
                       const QList<ConflictChoice> &toolsChoices = {}) const;
    // The merged configuration when the merge is clean; nothing otherwise.
    std::optional<AgentConfig> result() const;
    // Tools text for a merged array: an input's own text when equal to it.
    QByteArray toolsTextFor(const QJsonArray &merged) const;
};

// The prompt is merged first; when it is refused (invalid UTF-8, a stop
// requested) the tools are not merged and stay empty.
ConfigMerge mergeConfig(const DiffSide &base, const DiffSide &ours, const DiffSide &theirs,
                        const TextMergeOptions &options = {}, std::stop_token stop = {});
ConfigMerge mergeConfig(const AgentConfig &base, const AgentConfig &ours, const AgentConfig &theirs,
                        const TextMergeOptions &options = {}, std::stop_token stop = {});

} // namespace retell::core
