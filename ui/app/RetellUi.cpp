#include "app/RetellUi.h"

#include "RetellHttpApi.h"
#include "app/ActionRegistry.h"
#include "app/CompareLauncher.h"
#include "app/FleetUi.h"
#include "app/OfflineUi.h"
#include "app/PasswordStore.h"
#include "app/RetellKeyDialog.h"
#include "app/RetellKeyStore.h"
#include "offline/OfflineController.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "publish/KeyRoutedApi.h"
#include "publish/LinkDialog.h"
#include "publish/LiveBadge.h"
#include "publish/PublishTexts.h"
#include "services/DisplayText.h"
#include "services/PublishFacade.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <QAction>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace retell::ui {

namespace {
constexpr int kRetryIntervalMs = 60 * 1000;
constexpr int kChecksEvery = 5; // retries: every linked branch checked each 5 minutes

core::Error noKeyError()
{
    return core::Error{core::ErrorKind::Remote, QStringLiteral("No Retell API key is set."), {}}
        .withCode("retell.no_key");
}
} // namespace

RetellUi::RetellUi(const Parts &parts)
    : QObject(parts.window), m_parts(parts), m_passwords(new PasswordStore(this)),
      m_keys(new RetellKeyStore(m_passwords, parts.settings, this)),
      m_retellThread(new ServiceWorker(this)),
      m_publish(std::make_unique<PublishFacade>(parts.session, m_retellThread)),
      m_badge(new LiveBadge(parts.agent))
{
    parts.agent->addHeaderLine(m_badge);
    const ActionRegistry &a = *parts.actions;
    if (QMenu *admin = parts.fleet->adminMenu()) {
        admin->addSeparator();
        admin->addAction(a[ActionId::RetellApiKey]);
    }
    parts.tree->addBranchAction(a[ActionId::LinkRetell]);
    connect(a[ActionId::LinkRetell], &QAction::triggered, this, &RetellUi::showLinkDialog);
    connect(a[ActionId::RetellApiKey], &QAction::triggered, this, &RetellUi::showKeyDialog);
    connect(a[ActionId::Refresh], &QAction::triggered, this, &RetellUi::checkAll);
    connect(m_badge, &LiveBadge::publishRequested, this, &RetellUi::publishNow);
    connect(m_badge, &LiveBadge::diffRequested, this, &RetellUi::showLiveDiff);
    connect(m_badge, &LiveBadge::importRequested, this, &RetellUi::askImport);
    connect(m_badge, &LiveBadge::overwriteRequested, this, &RetellUi::askOverwrite);
    connect(m_badge, &LiveBadge::linkRequested, this, &RetellUi::showLinkDialog);
    connect(parts.agent, &AgentPanel::branchLoaded, this, &RetellUi::onBranchLoaded);
    connect(parts.agent, &AgentPanel::deployed, this,
            [this](const core::Branch &branch, const core::DeployOutcome &outcome) {
                onVersionWritten(branch, outcome.version.version);
            });
    connect(parts.history, &HistoryPanel::rolledBack, this,
            [this](const core::Branch &branch, const core::DeployOutcome &outcome) {
                onVersionWritten(branch, outcome.version.version);
            });
    connect(m_keys, &RetellKeyStore::keysChanged, this, [this] {
        refreshCurrent();
        publishDue(); // what waited for a key goes out now
    });
    if (OfflineController *offline = parts.offline->controller())
        connect(offline, &OfflineController::modeChanged, this, [this] {
            updateActions();
            refreshCurrent();
        });
    m_retry.setInterval(kRetryIntervalMs);
    connect(&m_retry, &QTimer::timeout, this, [this] {
        publishDue();
        // Retell is read again every few retries: a dashboard edit shows
        // without F5.
        if (++m_retryTicks % kChecksEvery == 0)
            checkAll();
    });
    updateActions();
}

RetellUi::~RetellUi()
{
    // The dialogs call services through the facade that goes with this; the
    // thread's jobs are cancelled and waited for before the facade goes.
    delete m_linkDialog.data();
    delete m_keyDialog.data();
    // A publish cut off here stays pending (its outcome is found out by the
    // next attempt, by the marker in Retell).
    m_stopRequests.request_stop();
    delete m_retellThread;
    m_retellThread = nullptr;
}

LinkDialog *RetellUi::linkDialog() const
{
    return m_linkDialog;
}

RetellKeyDialog *RetellUi::keyDialog() const
{
    return m_keyDialog;
}

QMessageBox *RetellUi::overwriteConfirmation() const
{
    return m_overwriteBox;
}

QInputDialog *RetellUi::importDialog() const
{
    return m_importDialog;
}

bool RetellUi::isBusy() const
{
    return m_retellThread && m_retellThread->isBusy();
}

bool RetellUi::isOnline() const
{
    return !m_parts.session->isOffline();
}

bool RetellUi::canAct() const
{
    return m_current && m_parts.session->canEdit(*m_current) && isOnline();
}

void RetellUi::start()
{
    loadLinks();
    m_retry.start();
}

void RetellUi::setBranches(const QList<core::Branch> &branches)
{
    m_branches.clear();
    for (const core::Branch &b : branches)
        m_branches.insert(b.id, b);
    if (!m_keysAsked)
        loadKeys();
    applyMarks();
}

void RetellUi::loadKeys()
{
    QStringList companies;
    for (const core::Branch &b : std::as_const(m_branches))
        if (!companies.contains(b.companyId))
            companies << b.companyId;
    m_keysAsked = true;
    auto remaining = std::make_shared<int>(int(companies.size()));
    for (const QString &company : std::as_const(companies)) {
        m_keys->find(company, [this, remaining](const RetellKeyStore::Lookup &) {
            if (--*remaining > 0)
                return;
            m_keysRead = true;
            if (m_linksLoaded) { // links and keys known: go
                checkAll();
                publishDue();
            }
        });
    }
    m_keysRead = m_keysRead || companies.isEmpty();
}

void RetellUi::loadLinks()
{
    m_publish->links(this, [this](core::Result<QList<core::RetellLink>> links) {
        if (!links) {
            emit failed(errorText(links.error()));
            return;
        }
        m_links.clear();
        for (const core::RetellLink &link : links.value())
            m_links.insert(link.branchId, link);
        const bool first = !m_linksLoaded;
        m_linksLoaded = true;
        refreshCurrent();
        if (!first || m_keysRead) {
            checkAll();
            if (first)
                publishDue();
        }
    });
}

core::RetellApiFactory RetellUi::factory(const QString &companyIdForNewLink) const
{
    KeyRouting routing;
    routing.baseUrl = QUrl(m_keys->baseUrl());
    routing.fallbackKey = m_keys->cachedKey(companyIdForNewLink);
    for (const core::RetellLink &link : m_links) {
        const QString key = m_keys->cachedKey(m_branches.value(link.branchId).companyId);
        if (!key.isEmpty()) {
            routing.keyById.insert(link.agentId, key);
            routing.keyById.insert(link.llmId, key);
        }
    }
    return keyRoutedFactory(std::move(routing), [stop = m_stopRequests.get_token()](
                                                    const QUrl &baseUrl, const QString &key) {
        return std::unique_ptr<core::RetellApi>(std::make_unique<net::RetellHttpApi>(
            net::RetellEndpoint{baseUrl, key}, net::kDefaultRetellTimeout, stop));
    });
}

void RetellUi::updateActions()
{
    QAction *link = (*m_parts.actions)[ActionId::LinkRetell];
    const bool admin = m_current && m_parts.session->isAdminOf(*m_current);
    link->setEnabled(admin && isOnline());
    link->setStatusTip(!isOnline() ? tr("Needs the server: not while working offline.")
                       : admin     ? tr("Link this branch to its Retell agent and LLM")
                                   : tr("Only the branch's admins link it to Retell"));
}

void RetellUi::onBranchLoaded(const core::Branch &branch)
{
    const bool switched = !m_current || m_current->id != branch.id;
    m_current = branch;
    if (switched) {
        m_status.reset();
        m_badgeBranch.clear();
    }
    updateActions();
    refreshCurrent();
}

void RetellUi::showView(const LiveView &view)
{
    const bool admin = m_current && m_parts.session->isAdminOf(*m_current);
    m_badgeBranch = m_current ? m_current->id : QString();
    m_badge->showState(view.kind, view.text,
                       view.kind == LiveBadge::Kind::NotLinked ? admin && isOnline() : canAct());
}

void RetellUi::refreshCurrent()
{
    if (!m_current || !isOnline() || !m_linksLoaded) {
        m_badgeBranch.clear();
        m_badge->showState(LiveBadge::Kind::Hidden, {}, false);
        return;
    }
    const core::Branch branch = *m_current;
    if (!isLinked(branch.id)) {
        showView(PublishTexts::notLinked());
        m_parts.history->model()->setRetellMarks(branch.id, {}, QString());
        return;
    }
    loadPublications(branch.id);
    if (m_badgeBranch != branch.id) // else the badge keeps its word until the answer
        showView({LiveBadge::Kind::Checking, tr("Checking what is live in Retell…")});
    m_publish->check(this, factory(), branch.id, [this, branch](core::Result<core::LiveStatus> s) {
        if (!s) {
            if (m_current && m_current->id == branch.id)
                showView({LiveBadge::Kind::Unknown, errorText(s.error())});
            return;
        }
        setMarks(branch.id, s.value());
        if (m_current && m_current->id == branch.id)
            showStatus(s.value());
    });
}

void RetellUi::showStatus(const core::LiveStatus &status)
{
    m_status = status;
    showView(PublishTexts::liveView(status));
}

void RetellUi::loadPublications(const QString &branchId)
{
    m_publish->publications(
        this, branchId, [this, branchId](core::Result<QList<core::Publication>> publications) {
            if (!publications)
                return; // the column stays as it was; the badge tells about Retell
            QHash<int, RetellMark> cells;
            for (const core::Publication &p : publications.value())
                cells.insert(p.version, PublishTexts::versionMark(p));
            m_parts.history->model()->setRetellMarks(branchId, cells,
                                                     isLinked(branchId) ? tr("—") : QString());
        });
}

void RetellUi::onVersionWritten(const core::Branch &branch, int version)
{
    if (!isLinked(branch.id) || !isOnline())
        return;
    const bool current = m_current && m_current->id == branch.id;
    if (m_keys->cachedKey(branch.companyId).isEmpty()) {
        // Nothing to send it with: it waits, pending, for a key (no attempt spent).
        const QString why = errorText(noKeyError());
        // After the window said "Deployed", which it does once this returns.
        QMetaObject::invokeMethod(
            this,
            [this,
             text =
                 tr("v%1 of %2 is not live in Retell yet: %3").arg(version).arg(branch.name, why)] {
                emit failed(text);
            },
            Qt::QueuedConnection);
        if (current)
            showView({LiveBadge::Kind::NotLiveYet, tr("Not live yet: %1").arg(why)});
        return;
    }
    if (current) {
        showView({LiveBadge::Kind::Checking, tr("Publishing v%1 to Retell…").arg(version)});
        loadPublications(branch.id);
    }
    m_publish->publishBranch(this, factory(), branch.id, false, afterPublish(branch));
}

std::function<void(core::Result<core::Publication>)>
RetellUi::afterPublish(const core::Branch &branch)
{
    return [this, branch](core::Result<core::Publication> publication) {
        if (!publication) {
            emit failed(errorText(publication.error()));
            refreshCurrent();
            return;
        }
        published(branch, publication.value());
    };
}

void RetellUi::published(const core::Branch &branch, const core::Publication &p)
{
    const QString failure = PublishTexts::failure(p, branch.name);
    if (!failure.isEmpty()) {
        m_told.insert(p.promptId, p.errorCode);
        emit failed(failure);
    } else if (p.isLive()) {
        const bool wasTold = m_told.remove(p.promptId) > 0;
        if (wasTold || (m_current && m_current->id == branch.id))
            emit message(tr("v%1 of %2 is live in Retell as version %3.")
                             .arg(p.version)
                             .arg(branch.name)
                             .arg(p.retellVersion.value_or(0)));
    }
    if (m_current && m_current->id == branch.id) {
        // The badge follows the publication until Retell is read again.
        if (m_status)
            m_status->publication = p;
        showView(PublishTexts::liveView(p));
        refreshCurrent();
    }
}

void RetellUi::publishDue()
{
    if (m_publishing || !isOnline() || m_links.isEmpty() || !m_linksLoaded)
        return;
    if (!m_keys->hasAnyKey())
        return; // no attempt is spent without a key: it goes once one is saved
    m_publishing = true;
    m_publish->publishDue(this, factory(), [this](core::Result<QList<core::Publication>> tried) {
        m_publishing = false;
        if (!tried)
            return; // the database is away: the offline controller says so
        for (const core::Publication &p : tried.value()) {
            const core::Branch branch = m_branches.value(p.branchId);
            const QString failure = PublishTexts::failure(p, branch.name);
            // A failure is told once, and again only when its reason changes.
            if (!failure.isEmpty() && m_told.value(p.promptId) != p.errorCode) {
                m_told.insert(p.promptId, p.errorCode);
                emit failed(failure);
            } else if (p.isLive() && m_told.remove(p.promptId) > 0) {
                emit message(tr("v%1 of %2 is live in Retell as version %3.")
                                 .arg(p.version)
                                 .arg(branch.name)
                                 .arg(p.retellVersion.value_or(0)));
            }
            if (m_current && m_current->id == p.branchId)
                refreshCurrent();
        }
    });
}

void RetellUi::checkAll()
{
    if (m_checking || !isOnline() || !m_linksLoaded)
        return;
    if (m_links.isEmpty()) {
        m_statuses.clear();
        applyMarks();
        return;
    }
    m_checking = true;
    m_publish->checkAll(this, factory(), [this](core::Result<core::DriftReport> report) {
        m_checking = false;
        if (!report)
            return;
        m_statuses.clear();
        for (const core::LiveStatus &status : report->statuses) {
            m_statuses.insert(status.branchId, status);
            if (m_current && m_current->id == status.branchId && !isBusy())
                showStatus(status); // unless a publish of it is under way
        }
        applyMarks();
    });
}

void RetellUi::setMarks(const QString &branchId, const core::LiveStatus &status)
{
    m_statuses.insert(branchId, status);
    applyMarks();
}

void RetellUi::applyMarks()
{
    QHash<QString, RetellMark> tree;
    QHash<QString, RetellMark> fleet;
    for (const core::Branch &b : std::as_const(m_branches)) {
        const auto status = m_statuses.constFind(b.id);
        if (!isLinked(b.id)) {
            fleet.insert(b.id, {tr("not linked"), PublishTexts::notLinked().text});
        } else if (status != m_statuses.cend()) {
            tree.insert(b.id, PublishTexts::treeMark(*status));
            fleet.insert(b.id, PublishTexts::fleetMark(*status));
        }
    }
    m_parts.tree->setRetellMarks(tree);
    m_parts.fleet->setRetellMarks(fleet);
}

void RetellUi::publishNow()
{
    if (!m_current || !canAct())
        return;
    // A refused version goes out again only when asked: that is this button.
    const bool force = m_status && m_status->publication &&
                       m_status->publication->state == core::Publication::State::Rejected;
    const core::Branch branch = *m_current;
    showView({LiveBadge::Kind::Checking, tr("Publishing to Retell…")});
    m_publish->publishBranch(this, factory(), branch.id, force, afterPublish(branch));
}

void RetellUi::showLiveDiff()
{
    if (!m_status || !m_current)
        return;
    const core::LiveStatus &s = *m_status;
    m_parts.compare->configs(
        tr("Retell (live, LLM version %1)").arg(s.liveLlm ? s.liveLlm->version : 0), s.liveConfig,
        tr("%1 v%2 (active)").arg(m_current->name).arg(s.activeVersion.value_or(0)), s.active);
}

void RetellUi::askImport()
{
    if (!m_current || !canAct() || m_importDialog)
        return;
    auto *dialog = new QInputDialog(m_parts.window);
    dialog->setObjectName(QStringLiteral("importLiveDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Import from Retell"));
    dialog->setLabelText(tr("The edit made in Retell's dashboard becomes a new version of %1, "
                            "validated like any deploy. Notes:")
                             .arg(m_current->name));
    dialog->setOkButtonText(tr("&Import as New Version"));
    m_importDialog = dialog;
    const core::Branch branch = *m_current;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, branch](const QString &notes) {
        showView({LiveBadge::Kind::Checking, tr("Importing from Retell…")});
        m_publish->importLive(this, factory(), branch.id, notes.trimmed(),
                              [this, branch](core::Result<core::DriftService::Imported> imported) {
                                  if (!imported) {
                                      emit failed(errorText(imported.error()));
                                      refreshCurrent();
                                      return;
                                  }
                                  emit message(tr("Imported the dashboard edit as v%1 of %2.")
                                                   .arg(imported->deployed.version.version)
                                                   .arg(branch.name));
                                  m_status.reset();
                                  emit versionsWritten();
                                  refreshCurrent();
                              });
    });
    dialog->open();
}

void RetellUi::askOverwrite()
{
    if (!m_current || !canAct() || m_overwriteBox || !m_status)
        return;
    const core::Branch branch = *m_current;
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Overwrite in Retell"),
        tr("Publish v%1 of %2 over the edit made in Retell's dashboard? Retell keeps that edit in "
           "its version history; import it first to keep it here.")
            .arg(m_status->activeVersion.value_or(0))
            .arg(branch.name),
        QMessageBox::Cancel, m_parts.window);
    box->setObjectName(QStringLiteral("overwriteConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("&Overwrite"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    m_overwriteBox = box;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, branch] {
        if (box->clickedButton() != confirm)
            return;
        showView({LiveBadge::Kind::Checking, tr("Publishing to Retell…")});
        m_publish->overwriteLive(this, factory(), branch.id, afterPublish(branch));
    });
    box->open();
}

void RetellUi::showLinkDialog()
{
    if (!m_current || !m_parts.session->isAdminOf(*m_current) || !isOnline())
        return;
    if (m_linkDialog) {
        m_linkDialog->raise();
        m_linkDialog->activateWindow();
        return;
    }
    const core::Branch branch = *m_current;
    const auto current = m_links.constFind(branch.id);
    m_linkDialog = new LinkDialog(
        m_publish.get(), branch, current != m_links.cend() ? std::optional(*current) : std::nullopt,
        [this, company = branch.companyId] { return factory(company); }, m_parts.window);
    m_linkDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_linkDialog, &LinkDialog::message, this, &RetellUi::message);
    connect(m_linkDialog, &LinkDialog::linked, this, [this](const core::RetellLink &link) {
        m_links.insert(link.branchId, link);
        m_status.reset();
        refreshCurrent();
        checkAll();
    });
    connect(m_linkDialog, &LinkDialog::unlinked, this, [this](const QString &branchId) {
        m_links.remove(branchId);
        m_statuses.remove(branchId);
        m_status.reset();
        applyMarks();
        refreshCurrent();
    });
    m_linkDialog->show();
}

void RetellUi::showKeyDialog()
{
    if (m_keyDialog) {
        m_keyDialog->raise();
        m_keyDialog->activateWindow();
        return;
    }
    QList<QPair<QString, QString>> companies;
    for (const core::Branch &b : std::as_const(m_branches)) {
        const QPair<QString, QString> company{b.companyId, b.companyName};
        if (!companies.contains(company))
            companies << company;
    }
    std::sort(companies.begin(), companies.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    m_keyDialog = new RetellKeyDialog(m_keys, companies,
                                      m_current ? m_current->companyId : QString(), m_parts.window);
    m_keyDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_keyDialog, &RetellKeyDialog::message, this, &RetellUi::message);
    m_keyDialog->show();
}

} // namespace retell::ui
