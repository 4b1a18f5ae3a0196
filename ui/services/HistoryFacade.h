#pragma once

#include "services/SessionFacade.h"
#include "versions/VersionService.h"

#include <utility>

namespace retell::ui {

// Reading a branch's stored versions on the session's worker: history pages,
// one or two versions, the active one of one or two branches, and the base
// version of an edit's conflict.
class HistoryFacade final : public SessionFacade
{
public:
    using VersionPair = std::pair<core::PromptVersion, core::PromptVersion>;
    using SessionFacade::SessionFacade;

    TaskHandle page(QObject *receiver, const QString &branchId, int beforeVersion, int limit,
                    Done<core::HistoryPage> done) const;
    TaskHandle version(QObject *receiver, const QString &branchId, int version,
                       Done<core::PromptVersion> done) const;
    // Both versions of one branch, or the first error.
    TaskHandle versions(QObject *receiver, const QString &branchId, int first, int second,
                        Done<VersionPair> done) const;
    TaskHandle active(QObject *receiver, const QString &branchId,
                      Done<core::PromptVersion> done) const;
    // The active versions of two branches, or the first error.
    TaskHandle actives(QObject *receiver, const QString &firstBranchId,
                       const QString &secondBranchId, Done<VersionPair> done) const;
    // The version a conflicting edit started from (version 0: the empty configuration).
    TaskHandle conflictBase(QObject *receiver, const core::VersionConflict &conflict,
                            Done<core::PromptVersion> done) const;
};

} // namespace retell::ui
