#pragma once

#include "rollout/Rollout.h"

#include <QCoreApplication>
#include <QIcon>

namespace retell::ui {

// What the rollout's outcomes are called on screen (the core's names are
// for JSON and the CLI), and the sentences that sum a preview or a rollout up.
class RolloutTexts final
{
    Q_DECLARE_TR_FUNCTIONS(retell::ui::RolloutTexts)

public:
    static QString previewOutcome(const core::RolloutPreviewItem &item);
    static QString previewDetail(const core::RolloutPreviewItem &item);
    static QIcon previewIcon(core::RolloutPreviewOutcome outcome);
    static QString outcome(const core::RolloutBranch &branch);
    static QString detail(const core::RolloutBranch &branch);
    static QIcon icon(core::RolloutOutcome outcome);
    static QString undo(const core::RolloutBranch &branch);
    static QString previewSummary(const core::RolloutPreview &preview);
    static QString summary(const core::Rollout &rollout);
    static QString undoSummary(const core::Rollout &rollout);
};

} // namespace retell::ui
