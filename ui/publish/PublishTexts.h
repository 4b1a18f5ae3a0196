#pragma once

#include "panels/RetellMark.h"
#include "publish/LiveBadge.h"
#include "publish/Publishing.h"

#include <QCoreApplication>

namespace retell::ui {

// Core's publishing states (issue 15) in the interface's language: one
// place for the words the badge, the history, the tree and the fleet use.
struct LiveView
{
    LiveBadge::Kind kind = LiveBadge::Kind::Hidden;
    QString text;
};

class PublishTexts final
{
    Q_DECLARE_TR_FUNCTIONS(PublishTexts)

public:
    // Why a publication is not live, in one sentence (its code, or Retell's message).
    static QString reason(const core::Publication &publication);
    // The history's Retell column: "live v4", "pending", "rejected", …
    static RetellMark versionMark(const core::Publication &publication);
    // The badge under the branch header.
    static LiveView liveView(const core::LiveStatus &status);
    // After a publish of the active version (before the next drift check).
    static LiveView liveView(const core::Publication &publication);
    static LiveView notLinked();
    // The tree's marker: "drift" and "not live" only (live says nothing).
    static RetellMark treeMark(const core::LiveStatus &status);
    // The fleet's Retell column: every state.
    static RetellMark fleetMark(const core::LiveStatus &status);
    // The banner's sentence for a publish that failed (empty when it did not).
    static QString failure(const core::Publication &publication, const QString &branchName);
};

} // namespace retell::ui
