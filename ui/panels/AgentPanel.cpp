#include "panels/AgentPanel.h"

#include "editor/AgentEditor.h"
#include "panels/AgentPanelConflict.h"
#include "panels/AgentPanelMerge.h"
#include "panels/DeployDialog.h"
#include "services/DeployFacade.h"
#include "services/DisplayText.h"
#include "services/HistoryFacade.h"
#include "versions/BranchService.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
constexpr int kAutosaveDelayMs = 1000;

// The Edit menu's keys (Ctrl+Z) are the main window's shortcuts and act on
// the focus widget, so they work only while that window is active. A modal
// question takes the activation away, and where no window manager gives it
// back (offscreen, a bare X server) Ctrl+Z would then reach nobody: give it
// back, with the focus, as a window manager does.
void askModally(QDialog &dialog, QWidget *owner)
{
    const QPointer<QWidget> focus = QApplication::focusWidget();
    dialog.exec();
    if (QWidget *window = owner->window(); window->isVisible()) {
        window->activateWindow();
    }
    if (focus)
        focus->setFocus(Qt::OtherFocusReason);
}
} // namespace

AgentPanel::AgentPanel(HistoryFacade *history, DeployFacade *deploy, core::DraftStore drafts,
                       QWidget *parent)
    : QWidget(parent), m_history(history), m_deploy(deploy), m_drafts(std::move(drafts)),
      m_editor(new AgentEditor(this)), m_header(new QLabel(this)), m_draftLabel(new QLabel(this)),
      m_restore(new QPushButton(tr("&Restore Draft"), this)),
      m_discard(new QPushButton(tr("Discard"), this)), m_conflictBar(new ConflictBar(this)),
      m_merge(new EditMerge(history, this))
{
    setObjectName(QStringLiteral("agentPanel"));
    m_header->setObjectName(QStringLiteral("agentHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setContentsMargins(6, 4, 6, 4);
    m_header->setText(tr("Pick a branch on the left to edit its agent."));

    m_restore->setObjectName(QStringLiteral("restoreDraftButton"));
    m_discard->setObjectName(QStringLiteral("discardDraftButton"));
    m_draftBar = new QFrame(this);
    m_draftBar->setObjectName(QStringLiteral("draftBar"));
    makeNoticeBar(m_draftBar, m_draftLabel, {m_restore, m_discard});

    m_editor->setKnownVariables(core::BranchService::branchVariables());
    m_editor->setReadOnly(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_draftBar);
    layout->addWidget(m_conflictBar);
    layout->addWidget(m_editor, 1);

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &AgentPanel::saveDraft);
    connect(m_editor, &AgentEditor::configEdited, this, &AgentPanel::onEdited);
    connect(m_restore, &QPushButton::clicked, this, &AgentPanel::restoreDraft);
    connect(m_discard, &QPushButton::clicked, this, &AgentPanel::discardDraft);
    connect(m_conflictBar, &ConflictBar::showChangeRequested, this, &AgentPanel::showWhatChanged);
    connect(m_conflictBar, &ConflictBar::mergeRequested, this, &AgentPanel::mergeWithActive);
    connect(m_conflictBar, &ConflictBar::keepEditRequested, this, &AgentPanel::keepEditOnActive);
    connect(m_merge, &EditMerge::merged, this, &AgentPanel::onMerged);
    connect(m_merge, &EditMerge::failed, this, &AgentPanel::failed);
    connect(m_merge, &EditMerge::closedWithoutMerge, this, [this] {
        if (m_edit.isStale())
            emit message(tr("Merge closed: your edit is kept as it was, based on v%1.")
                             .arg(m_edit.baseVersion()));
    });
}

AgentPanel::~AgentPanel()
{
    // The window may be half gone: write the draft without telling anyone.
    blockSignals(true);
    saveDraft();
}

core::AgentConfig AgentPanel::config() const
{
    return m_editor->config();
}

void AgentPanel::addHeaderLine(QWidget *line)
{
    static_cast<QVBoxLayout *>(layout())->insertWidget(1, line);
}

std::optional<int> AgentPanel::baseVersion() const
{
    const int base = m_edit.baseVersion();
    return base > 0 ? std::optional<int>(base) : std::nullopt;
}

bool AgentPanel::hasOwnChanges() const
{
    return !m_loading && !m_pendingDraft && m_edit.isEdited();
}

bool AgentPanel::canDeploy() const
{
    return m_edit.isOpen() && !m_loading && !m_pendingDraft && m_deploy->canEdit(*m_edit.branch());
}

void AgentPanel::openBranch(const core::Branch &branch)
{
    saveDraft();
    m_autosave.stop();
    if (!m_edit.branch() || m_edit.branch()->id != branch.id) {
        m_merge->abandon(); // its edit is kept as the draft just saved
        m_refusedNotes.clear();
        emit noticesObsolete();
    }
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    m_edit.open(branch, std::nullopt);
    m_pendingDraft.reset();
    m_draftBar->hide();
    m_conflictBar->hide();
    emit stateChanged();
    m_history->active(this, branch.id,
                      [this, generation, branch](core::Result<core::PromptVersion> active) {
                          if (generation != m_loadGeneration)
                              return;
                          if (active)
                              showLoaded(branch, active.value());
                          else if (active.error().kind == core::ErrorKind::NotFound)
                              showLoaded(branch, std::nullopt);
                          else {
                              m_loading = false;
                              m_editor->setReadOnly(true);
                              updateHeader();
                              emit stateChanged();
                              emit failed(errorText(active.error()));
                          }
                      });
}

void AgentPanel::reloadActive()
{
    if (!m_edit.isOpen())
        return;
    if (m_loading || m_pendingDraft || !hasOwnChanges()) {
        openBranch(*m_edit.branch()); // nothing of the editor's own to keep
        return;
    }
    saveDraft();
    const quint64 generation = ++m_loadGeneration;
    m_history->active(
        this, m_edit.branch()->id, [this, generation](core::Result<core::PromptVersion> active) {
            if (generation != m_loadGeneration)
                return;
            if (!active && active.error().kind != core::ErrorKind::NotFound) {
                emit failed(errorText(active.error()));
                return;
            }
            // The edit keeps its base: a newer active version is a conflict to see, not to hide.
            m_edit.updateActive(active ? std::optional(active.value()) : std::nullopt);
            updateHeader();
            updateConflictBar();
            emit branchLoaded(*m_edit.branch());
            emit stateChanged();
        });
}

void AgentPanel::showLoaded(const core::Branch &branch,
                            const std::optional<core::PromptVersion> &active)
{
    m_loading = false;
    m_edit.open(branch, active);
    loadContent(m_edit.activeConfig());

    auto draft = m_drafts.load(branch.id);
    if (!draft) {
        emit failed(errorText(draft.error()));
    } else if (const std::optional<core::Draft> &saved = draft.value()) {
        if (saved->config != m_edit.activeConfig() ||
            saved->baseVersion.value_or(0) != m_edit.activeVersion())
            offerDraft(*saved);
        else if (auto removed = m_drafts.remove(branch.id); !removed) // nothing left to restore
            emit failed(errorText(removed.error()));
    }
    m_editor->setReadOnly(!m_deploy->canEdit(branch) || m_pendingDraft.has_value());
    updateHeader();
    updateConflictBar();
    emit branchLoaded(*m_edit.branch());
    emit stateChanged();
}

void AgentPanel::loadContent(const core::AgentConfig &content)
{
    m_settingContent = true;
    m_editor->setConfig(content);
    m_editor->setModified(false);
    m_settingContent = false;
    m_edit.setContent(m_editor->config());
}

void AgentPanel::replaceContent(const core::AgentConfig &content)
{
    m_settingContent = true;
    m_editor->replaceConfig(content);
    m_settingContent = false;
    m_edit.setContent(m_editor->config());
}

void AgentPanel::offerDraft(const core::Draft &draft)
{
    m_pendingDraft = draft;
    const QString when = QLocale().toString(draft.savedAt.toLocalTime(), QLocale::ShortFormat);
    QString text = tr("<b>Restore draft from %1?</b> ").arg(when);
    if (draft.baseVersion.value_or(0) != m_edit.activeVersion())
        text += tr("It was based on v%1; the active version is now v%2. ")
                    .arg(draft.baseVersion.value_or(0))
                    .arg(m_edit.activeVersion());
    text += tr("The editor stays read-only until you restore or discard it.");
    m_draftLabel->setText(text);
    // A draft on an older version opens the merge with what was deployed since.
    const bool stale =
        draft.baseVersion.value_or(0) != m_edit.activeVersion() && m_edit.activeVersion() > 0;
    m_restore->setText(stale ? tr("&Restore and Merge with v%1").arg(m_edit.activeVersion())
                             : tr("&Restore Draft"));
    m_restore->setEnabled(m_deploy->canEdit(*m_edit.branch()));
    m_draftBar->show();
}

void AgentPanel::restoreDraft()
{
    if (!m_pendingDraft || !m_edit.isOpen())
        return;
    const core::Draft draft = *std::exchange(m_pendingDraft, std::nullopt);
    m_draftBar->hide();
    m_edit.restore(draft); // keeps the version the draft was based on
    loadContent(draft.config);
    m_editor->setModified(true);
    m_editor->setReadOnly(!m_deploy->canEdit(*m_edit.branch()));
    updateHeader();
    updateConflictBar();
    emit message(tr("Draft restored."));
    emit stateChanged();
    if (m_edit.isStale() && m_edit.activeVersion() > 0)
        mergeWithActive(); // never rebased silently: the merge shows both changes
}

void AgentPanel::discardDraft()
{
    if (!m_edit.isOpen() || m_loading)
        return;
    const bool offered = m_pendingDraft.has_value();
    if (offered || hasOwnChanges()) {
        QMessageBox box(
            QMessageBox::Question, tr("Discard Draft"),
            tr("Discard your edit of %1 and return to the active version%2? "
               "Ctrl+Z in the editor brings it back.")
                .arg(m_edit.branch()->name, m_edit.activeVersion() > 0
                                                ? QStringLiteral(" v%1").arg(m_edit.activeVersion())
                                                : QString()),
            QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("discardQuestion"));
        QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        discard->setObjectName(QStringLiteral("confirmDiscardButton"));
        box.setDefaultButton(QMessageBox::Cancel);
        askModally(box, this);
        if (box.clickedButton() != discard)
            return;
    }
    if (offered) {
        // Through the editor, so that undo can bring the draft back.
        const core::Draft draft = *std::exchange(m_pendingDraft, std::nullopt);
        m_edit.restore(draft);
        loadContent(draft.config);
    }
    m_draftBar->hide();
    m_autosave.stop();
    if (auto removed = m_drafts.remove(m_edit.branch()->id); !removed)
        emit failed(errorText(removed.error()));
    m_edit.revert();
    replaceContent(m_edit.activeConfig());
    m_editor->setModified(false);
    m_editor->setReadOnly(!m_deploy->canEdit(*m_edit.branch()));
    updateHeader();
    updateConflictBar();
    emit noticesObsolete();
    emit draftStateChanged(m_edit.branch()->id, false);
    emit stateChanged();
}

AgentPanel::ReplaceChoice AgentPanel::askReplace(const QString &what)
{
    QMessageBox box(QMessageBox::Question, tr("Replace Your Edit"),
                    tr("The editor holds changes that are not deployed. Replace them with %1? "
                       "Ctrl+Z in each editor brings them back.")
                        .arg(what),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("replaceEditQuestion"));
    QPushButton *replace = box.addButton(tr("&Replace"), QMessageBox::AcceptRole);
    replace->setObjectName(QStringLiteral("replaceButton"));
    QPushButton *compare = box.addButton(tr("&Compare First"), QMessageBox::ActionRole);
    compare->setObjectName(QStringLiteral("compareFirstButton"));
    box.setDefaultButton(compare);
    askModally(box, this);
    if (box.clickedButton() == replace)
        return ReplaceChoice::Replace;
    return box.clickedButton() == compare ? ReplaceChoice::CompareFirst : ReplaceChoice::Cancel;
}

void AgentPanel::applyTemplate(const core::Template &tmpl)
{
    if (!m_edit.isOpen() || m_loading || !m_deploy->canEdit(*m_edit.branch()))
        return;
    replaceEdit(tr("the template \"%1\"").arg(tmpl.name), tr("template: %1").arg(tmpl.name),
                tmpl.config, tmpl.name,
                tr("Template \"%1\" applied as a draft; nothing is deployed yet.").arg(tmpl.name));
}

void AgentPanel::useAsDraft(const core::PromptVersion &version)
{
    if (!m_edit.isOpen() || m_loading || version.branchId != m_edit.branch()->id ||
        !m_deploy->canEdit(*m_edit.branch()))
        return;
    replaceEdit(tr("version %1").arg(version.version),
                tr("%1 v%2").arg(m_edit.branch()->name).arg(version.version), version.config,
                version.templateName,
                tr("Version %1 is now your draft; nothing is deployed yet.").arg(version.version));
}

void AgentPanel::replaceEdit(const QString &what, const QString &title,
                             const core::AgentConfig &content, const QString &templateName,
                             const QString &done)
{
    if (m_pendingDraft)
        restoreDraft(); // the old draft's content stays reachable through undo
    if (hasOwnChanges()) {
        const ReplaceChoice choice = askReplace(what);
        if (choice == ReplaceChoice::CompareFirst)
            emit compareConfigsRequested(tr("%1 (your edit)").arg(m_edit.branch()->name), config(),
                                         title, content);
        if (choice != ReplaceChoice::Replace)
            return;
    }
    replaceContent(content);
    m_edit.setTemplateName(templateName);
    saveDraft();
    updateHeader();
    emit message(done);
    emit stateChanged();
}

void AgentPanel::onEdited()
{
    if (m_settingContent || m_loading || !m_edit.isOpen())
        return;
    m_edit.setContent(m_editor->config()); // undoing a merge brings its old base back
    m_autosave.start();
    updateHeader();
    updateConflictBar();
}

bool AgentPanel::saveDraft()
{
    m_autosave.stop();
    if (!m_edit.isOpen() || m_loading || m_pendingDraft)
        return false;
    const QString branchId = m_edit.branch()->id;
    if (!m_edit.differsFromActive()) {
        if (m_drafts.contains(branchId)) {
            if (auto removed = m_drafts.remove(branchId); !removed)
                emit failed(errorText(removed.error()));
            emit draftStateChanged(branchId, false);
        }
        return false;
    }
    if (auto saved = m_drafts.save(branchId, m_edit.draft(m_deploy->now())); !saved) {
        emit failed(errorText(saved.error()));
        return false;
    }
    emit draftStateChanged(branchId, true);
    return true;
}

void AgentPanel::deploy()
{
    if (!canDeploy())
        return;
    if (m_deployDialog) {
        m_deployDialog->raise();
        m_deployDialog->activateWindow();
        return;
    }
    if (m_edit.activeVersion() > 0 && !m_edit.isStale() && config() == m_edit.activeConfig()) {
        m_refusedNotes.clear();
        emit failed(tr("Nothing changed since version %1.").arg(m_edit.activeVersion()));
        return;
    }
    const auto validation = core::Validator::validate(
        config(), core::BranchService::validationContext(*m_edit.branch()));
    m_deployDialog =
        new DeployDialog(m_edit.branch()->name, validation, m_edit.templateName(), window());
    m_deployDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_deployDialog->setNotes(std::exchange(m_refusedNotes, QString()));
    connect(m_deployDialog, &DeployDialog::deployRequested, this, &AgentPanel::runDeploy);
    connect(m_deployDialog, &DeployDialog::mergeRequested, this, [this] {
        m_refusedNotes = m_deployDialog->notes();
        m_deployDialog->reject();
        mergeWithActive();
    });
    m_deployDialog->open();
}

void AgentPanel::runDeploy(const QString &notes)
{
    if (!canDeploy())
        return;
    saveDraft(); // the edit survives a failed deploy
    if (m_deployDialog)
        m_deployDialog->setBusy(true);
    if (m_deploy->isOffline()) {
        m_deploy->queueDeploy(
            this, m_edit, notes,
            [this, branch = *m_edit.branch()](core::Result<core::QueuedOperation> queued) {
                if (queued)
                    onQueued(branch);
                else
                    onDeployRefused(core::EditDeployOutcome::from(
                        core::Result<core::DeployOutcome>(queued.error())));
            });
        return;
    }
    // The request carries the edit's base version: the core refuses, under
    // its lock, a deploy over a version someone else deployed meanwhile.
    m_deploy->deploy(this, m_edit, notes,
                     [this, branch = *m_edit.branch()](const core::EditDeployOutcome &outcome) {
                         if (outcome.kind == core::EditDeployOutcome::Kind::Deployed)
                             onDeployed(branch, outcome);
                         else
                             onDeployRefused(outcome);
                     });
}

void AgentPanel::onDeployed(const core::Branch &branch, const core::EditDeployOutcome &outcome)
{
    if (m_deployDialog)
        m_deployDialog->accept();
    if (auto removed = m_drafts.remove(branch.id); !removed)
        emit failed(errorText(removed.error()));
    emit draftStateChanged(branch.id, false);
    if (m_edit.branch() && m_edit.branch()->id == branch.id) {
        m_edit.apply(outcome);
        m_editor->setModified(false);
    }
    updateHeader();
    updateConflictBar();
    emit noticesObsolete();
    emit deployed(branch, *outcome.deployed);
    emit stateChanged();
}

void AgentPanel::onQueued(const core::Branch &branch)
{
    if (m_deployDialog)
        m_deployDialog->accept();
    // The outbox holds the content now; the editor keeps showing it.
    if (auto removed = m_drafts.remove(branch.id); !removed)
        emit failed(errorText(removed.error()));
    emit draftStateChanged(branch.id, false);
    if (m_edit.branch() && m_edit.branch()->id == branch.id) {
        m_edit.queued(); // no draft of it when the admin moves on
        m_editor->setModified(false);
    }
    emit message(tr("Deploy to %1 queued: it goes to the shared database with the next sync.")
                     .arg(branch.name));
    emit queued(branch);
    emit stateChanged();
}

void AgentPanel::onDeployRefused(const core::EditDeployOutcome &outcome)
{
    const core::Error &error = outcome.error;
    QString text = errorText(error);
    if (outcome.kind == core::EditDeployOutcome::Kind::Invalid && !error.findings.isEmpty())
        text += QLatin1Char(' ') + core::findingMessage(error.findings.constFirst());
    if (m_deployDialog)
        m_deployDialog->showError(text);
    m_edit.apply(outcome); // a conflict: what is active now is learnt
    updateHeader();
    updateConflictBar(); // says so and offers the merge
    if (outcome.kind == core::EditDeployOutcome::Kind::Conflict && m_deployDialog &&
        m_edit.isStale())
        m_deployDialog->offerMerge(m_edit.activeVersion());
    emit failed(text);
    emit stateChanged();
}

void AgentPanel::updateConflictBar()
{
    const bool shown = !m_loading && !m_pendingDraft;
    const auto conflict = shown ? m_edit.conflict() : std::nullopt;
    const bool canEdit = m_edit.isOpen() && m_deploy->canEdit(*m_edit.branch());
    if (m_conflictBar->showConflict(conflict, canEdit))
        emit conflictRaised(*conflict);
}

void AgentPanel::showWhatChanged()
{
    const auto conflict = m_edit.conflict();
    if (!conflict)
        return;
    m_merge->loadBase(*conflict,
                      [this, current = conflict->current](const core::PromptVersion &base) {
                          emit compareVersionsRequested(base, current);
                      });
}

void AgentPanel::mergeWithActive()
{
    const auto conflict = m_edit.conflict();
    if (!conflict || conflict->current.version <= 0 || !m_deploy->canEdit(*m_edit.branch()))
        return;
    m_merge->open(*conflict, m_edit.content(), m_edit.branch()->name);
}

void AgentPanel::onMerged(const core::PromptVersion &theirs, const core::AgentConfig &result)
{
    if (!m_edit.isOpen() || theirs.branchId != m_edit.branch()->id || m_loading)
        return;
    m_edit.merged(theirs, result);
    replaceContent(result); // Ctrl+Z in each editor brings the unmerged edit (and base) back
    saveDraft();
    updateHeader();
    updateConflictBar();
    emit message(tr("Merged with v%1; deploy to make it active.").arg(theirs.version));
    emit stateChanged();
    const QString notes = m_refusedNotes.isEmpty()
                              ? tr("Merged with v%1.").arg(theirs.version)
                              : tr("%1 (merged with v%2)").arg(m_refusedNotes).arg(theirs.version);
    m_refusedNotes = notes;
    deploy();
}

void AgentPanel::keepEditOnActive()
{
    if (!m_edit.isOpen() || !m_edit.isStale())
        return;
    m_edit.rebaseOnActive();
    saveDraft();
    updateHeader();
    updateConflictBar();
    emit message(
        tr("Your edit now builds on v%1; deploying it replaces v%1.").arg(m_edit.activeVersion()));
    emit stateChanged();
}

void AgentPanel::updateHeader()
{
    if (!m_edit.isOpen()) {
        m_header->setText(tr("Pick a branch on the left to edit its agent."));
        return;
    }
    const core::Branch &branch = *m_edit.branch();
    QStringList parts;
    parts << QStringLiteral("<b>%1</b> — %2")
                 .arg(branch.name.toHtmlEscaped(), branch.companyName.toHtmlEscaped());
    if (m_loading)
        parts << tr("loading…");
    else if (m_edit.activeVersion() > 0)
        parts << tr("active v%1").arg(m_edit.activeVersion());
    else
        parts << tr("nothing deployed yet");
    if (!m_loading && m_edit.isStale())
        parts << tr("<b>your edit is based on v%1</b>").arg(m_edit.baseVersion());
    if (!m_edit.templateName().isEmpty())
        parts << tr("template: %1").arg(m_edit.templateName().toHtmlEscaped());
    if (m_editor->isModified())
        parts << tr("<i>edited</i>");
    if (!m_deploy->canEdit(branch))
        parts << tr("<i>read-only: you may view this branch</i>");
    m_header->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace retell::ui
