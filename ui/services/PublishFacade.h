#pragma once

#include "publish/Publishing.h"
#include "services/SessionFacade.h"

namespace retell::ui {

// Publishing to Retell and watching it (issue 15). Reads of the app's own
// tables run on the session's database worker; whatever talks to Retell runs
// on a runner of its own (`retell`), so a slow or unreachable Retell never
// holds up the editor's loads and deploys. Each Retell call takes the factory
// made for it (RetellUi: the base URL and the keys of the companies).
class PublishFacade final : public SessionFacade
{
public:
    PublishFacade(Session *session, TaskRunner *retell);

    // The database: links, a branch's publications, unlinking.
    TaskHandle links(QObject *receiver, Done<QList<core::RetellLink>> done) const;
    TaskHandle publications(QObject *receiver, const QString &branchId,
                            Done<QList<core::Publication>> done) const;
    TaskHandle unlink(QObject *receiver, const QString &branchId, Done<void> done) const;

    // Retell: reads the LLM and the agent's versions (they must exist, and
    // the agent must answer with that LLM) before the link is saved.
    TaskHandle checkAndLink(QObject *receiver, core::RetellApiFactory factory,
                            const QString &branchId, const QString &agentId, const QString &llmId,
                            Done<core::RetellLink> done) const;
    TaskHandle check(QObject *receiver, core::RetellApiFactory factory, const QString &branchId,
                     Done<core::LiveStatus> done) const;
    // Every linked branch the user may view, a few requests at a time;
    // progress and cancel through the handle.
    TaskHandle checkAll(QObject *receiver, core::RetellApiFactory factory,
                        Done<core::DriftReport> done) const;
    TaskHandle publishBranch(QObject *receiver, core::RetellApiFactory factory,
                             const QString &branchId, bool force,
                             Done<core::Publication> done) const;
    // The background retry of every due publication.
    TaskHandle publishDue(QObject *receiver, core::RetellApiFactory factory,
                          Done<QList<core::Publication>> done) const;
    TaskHandle importLive(QObject *receiver, core::RetellApiFactory factory,
                          const QString &branchId, const QString &notes,
                          Done<core::DriftService::Imported> done) const;
    TaskHandle overwriteLive(QObject *receiver, core::RetellApiFactory factory,
                             const QString &branchId, Done<core::Publication> done) const;

    TaskRunner *retellRunner() const { return m_retell; }

private:
    TaskRunner *m_retell;
};

} // namespace retell::ui
