#include "panels/AgentPanel.h"

#include "app/ServiceWorker.h"
#include "app/Session.h"
#include "editor/AgentEditor.h"
#include "panels/DeployDialog.h"
#include "panels/StatusIcons.h"
#include "versions/BranchService.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
constexpr int kAutosaveDelayMs = 1000;
}

AgentPanel::AgentPanel(Session *session, core::DraftStore drafts, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_drafts(std::move(drafts))
    , m_editor(new AgentEditor(this))
    , m_header(new QLabel(this))
    , m_draftBar(new QFrame(this))
    , m_draftLabel(new QLabel(m_draftBar))
    , m_restore(new QPushButton(tr("&Restore Draft"), m_draftBar))
    , m_discard(new QPushButton(tr("Discard"), m_draftBar))
{
    setObjectName(QStringLiteral("agentPanel"));
    m_header->setObjectName(QStringLiteral("agentHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setContentsMargins(6, 4, 6, 4);
    m_header->setText(tr("Pick a branch on the left to edit its agent."));

    m_draftBar->setObjectName(QStringLiteral("draftBar"));
    m_draftBar->setFrameShape(QFrame::StyledPanel);
    m_draftBar->setAutoFillBackground(true);
    QPalette barPalette = m_draftBar->palette();
    barPalette.setColor(QPalette::Window,
                        palette().color(QPalette::Highlight).lighter(palette().color(
                            QPalette::Window).lightness() > 128 ? 180 : 60));
    m_draftBar->setPalette(barPalette);
    m_restore->setObjectName(QStringLiteral("restoreDraftButton"));
    m_discard->setObjectName(QStringLiteral("discardDraftButton"));
    m_draftLabel->setWordWrap(true);
    auto *barLayout = new QHBoxLayout(m_draftBar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    auto *barIcon = new QLabel(m_draftBar);
    barIcon->setPixmap(draftIcon().pixmap(16, 16));
    barLayout->addWidget(barIcon);
    barLayout->addWidget(m_draftLabel, 1);
    barLayout->addWidget(m_restore);
    barLayout->addWidget(m_discard);
    m_draftBar->hide();

    m_editor->setKnownVariables(core::BranchService::branchVariables());
    m_editor->setReadOnly(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_draftBar);
    layout->addWidget(m_editor, 1);

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(kAutosaveDelayMs);
    connect(&m_autosave, &QTimer::timeout, this, &AgentPanel::saveDraft);
    connect(m_editor, &AgentEditor::configEdited, this, &AgentPanel::onEdited);
    connect(m_restore, &QPushButton::clicked, this, &AgentPanel::restoreDraft);
    connect(m_discard, &QPushButton::clicked, this, &AgentPanel::discardDraft);
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

bool AgentPanel::canDeploy() const
{
    return m_branch && !m_loading && !m_pendingDraft && m_session->canEdit(*m_branch);
}

void AgentPanel::openBranch(const core::Branch &branch)
{
    saveDraft();
    m_autosave.stop();
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    m_branch = branch;
    m_pendingDraft.reset();
    m_draftBar->hide();
    emit stateChanged();
    const core::ServiceContext context = m_session->context();
    const core::Actor actor = m_session->actor();
    const QString branchId = branch.id;
    m_session->worker()->run(
        this,
        [context, actor, branchId] { return core::VersionService(context).active(actor, branchId); },
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
                emit failed(active.error().message);
            }
        });
}

void AgentPanel::reloadActive()
{
    if (!m_branch)
        return;
    if (m_editor->isModified())
        saveDraft();
    openBranch(*m_branch);
}

void AgentPanel::showLoaded(const core::Branch &branch,
                            const std::optional<core::PromptVersion> &active)
{
    m_loading = false;
    m_branch = branch;
    if (active) {
        m_branch->activeVersion = active->version;
        m_branch->activeStatus = active->validationStatus;
    }
    m_baseVersion = active ? std::optional<int>(active->version) : std::nullopt;
    m_baseConfig = active ? active->config : core::AgentConfig{};
    m_baseTemplateName = active ? active->templateName : QString();
    m_templateName = m_baseTemplateName;
    m_settingContent = true;
    m_editor->setConfig(m_baseConfig);
    m_editor->setModified(false);
    m_settingContent = false;

    auto draft = m_drafts.load(branch.id);
    if (!draft)
        emit failed(draft.error().message);
    else if (draft.value() && draft.value()->config == m_baseConfig)
        discardDraft(); // nothing left to restore
    else if (draft.value())
        offerDraft(*draft.value());
    m_editor->setReadOnly(!m_session->canEdit(branch) || m_pendingDraft.has_value());
    updateHeader();
    emit branchLoaded(*m_branch);
    emit stateChanged();
}

void AgentPanel::offerDraft(const core::Draft &draft)
{
    m_pendingDraft = draft;
    const QString when = QLocale().toString(draft.savedAt.toLocalTime(), QLocale::ShortFormat);
    QString text = tr("<b>Restore draft from %1?</b> ").arg(when);
    if (draft.baseVersion && draft.baseVersion != m_baseVersion)
        text += tr("It was based on v%1; the active version is now v%2. ")
                    .arg(*draft.baseVersion)
                    .arg(m_baseVersion.value_or(0));
    text += tr("The editor stays read-only until you restore or discard it.");
    m_draftLabel->setText(text);
    m_restore->setEnabled(m_session->canEdit(*m_branch));
    m_draftBar->show();
}

void AgentPanel::restoreDraft()
{
    if (!m_pendingDraft || !m_branch)
        return;
    const core::Draft draft = *std::exchange(m_pendingDraft, std::nullopt);
    m_draftBar->hide();
    m_templateName = draft.templateName;
    m_settingContent = true;
    m_editor->setConfig(draft.config);
    m_editor->setModified(true);
    m_settingContent = false;
    m_editor->setReadOnly(!m_session->canEdit(*m_branch));
    updateHeader();
    emit message(tr("Draft restored."));
    emit stateChanged();
}

void AgentPanel::discardDraft()
{
    if (!m_branch)
        return;
    const bool offered = m_pendingDraft.has_value();
    m_pendingDraft.reset();
    m_draftBar->hide();
    if (auto removed = m_drafts.remove(m_branch->id); !removed)
        emit failed(removed.error().message);
    if (!offered && m_editor->isModified()) {
        // Discarding an edit in progress returns to the active version.
        m_settingContent = true;
        m_editor->setConfig(m_baseConfig);
        m_editor->setModified(false);
        m_settingContent = false;
        m_templateName = m_baseTemplateName;
    }
    m_editor->setReadOnly(!m_session->canEdit(*m_branch));
    updateHeader();
    emit draftStateChanged(m_branch->id, false);
    emit stateChanged();
}

void AgentPanel::applyTemplate(const core::Template &tmpl)
{
    if (!m_branch || m_loading || !m_session->canEdit(*m_branch))
        return;
    if (m_pendingDraft)
        restoreDraft(); // keep the old draft's content reachable through undo
    m_templateName = tmpl.name;
    m_settingContent = true;
    m_editor->setConfig(tmpl.config);
    m_editor->setModified(true);
    m_settingContent = false;
    saveDraft();
    updateHeader();
    emit message(tr("Template \"%1\" applied as a draft; nothing is deployed yet.").arg(tmpl.name));
    emit stateChanged();
}

void AgentPanel::onEdited()
{
    if (m_settingContent || m_loading || !m_branch)
        return;
    m_autosave.start();
    updateHeader();
}

bool AgentPanel::saveDraft()
{
    m_autosave.stop();
    if (!m_branch || m_loading || m_pendingDraft)
        return false;
    const core::AgentConfig current = m_editor->config();
    if (current == m_baseConfig && m_templateName == m_baseTemplateName) {
        if (m_drafts.contains(m_branch->id)) {
            if (auto removed = m_drafts.remove(m_branch->id); !removed)
                emit failed(removed.error().message);
            emit draftStateChanged(m_branch->id, false);
        }
        return false;
    }
    core::Draft draft{current, m_templateName, m_baseVersion,
                      m_session->context().clock()};
    if (auto saved = m_drafts.save(m_branch->id, draft); !saved) {
        emit failed(saved.error().message);
        return false;
    }
    emit draftStateChanged(m_branch->id, true);
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
    core::ValidationContext validationContext;
    validationContext.knownVariables = core::BranchService::branchVariables();
    const auto validation = core::Validator::validate(config(), validationContext);
    m_deployDialog = new DeployDialog(m_branch->name, validation, m_templateName, window());
    m_deployDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_deployDialog, &DeployDialog::deployRequested, this, &AgentPanel::runDeploy);
    m_deployDialog->open();
}

void AgentPanel::runDeploy(const QString &notes)
{
    if (!canDeploy())
        return;
    saveDraft(); // the edit survives a failed deploy
    if (m_deployDialog)
        m_deployDialog->setBusy(true);
    const core::ServiceContext context = m_session->context();
    const core::Actor actor = m_session->actor();
    const core::Branch branch = *m_branch;
    const std::optional<int> base = m_baseVersion;
    core::DeployRequest request{config(), m_templateName, notes, base.value_or(0)};
    m_session->worker()->run(
        this,
        [=]() -> core::Result<core::DeployOutcome> {
            // The base version makes the core refuse, under its lock, a deploy
            // over a version someone else deployed while this edit went on.
            const core::VersionService versions(context);
            return versions.deploy(actor, branch.id, request);
        },
        [this, branch](core::Result<core::DeployOutcome> outcome) {
            if (!outcome) {
                const core::Error &error = outcome.error();
                QString text = error.message;
                if (error.kind == core::ErrorKind::Validation && !error.findings.isEmpty())
                    text += QLatin1Char(' ') + error.findings.constFirst().message;
                if (m_deployDialog)
                    m_deployDialog->showError(text);
                emit failed(text);
                return;
            }
            if (m_deployDialog)
                m_deployDialog->accept();
            if (auto removed = m_drafts.remove(branch.id); !removed)
                emit failed(removed.error().message);
            emit draftStateChanged(branch.id, false);
            m_baseVersion = outcome->version.version;
            m_baseConfig = outcome->version.config;
            m_baseTemplateName = outcome->version.templateName;
            m_templateName = m_baseTemplateName;
            if (m_branch && m_branch->id == branch.id) {
                m_branch->activeVersion = outcome->version.version;
                m_branch->activeStatus = outcome->version.validationStatus;
                m_editor->setModified(false);
            }
            updateHeader();
            emit deployed(branch, outcome.value());
            emit stateChanged();
        });
}

void AgentPanel::updateHeader()
{
    if (!m_branch) {
        m_header->setText(tr("Pick a branch on the left to edit its agent."));
        return;
    }
    QStringList parts;
    parts << QStringLiteral("<b>%1</b> — %2").arg(m_branch->name.toHtmlEscaped(),
                                                  m_branch->companyName.toHtmlEscaped());
    if (m_loading)
        parts << tr("loading…");
    else if (m_baseVersion)
        parts << tr("active v%1").arg(*m_baseVersion);
    else
        parts << tr("nothing deployed yet");
    if (!m_templateName.isEmpty())
        parts << tr("template: %1").arg(m_templateName.toHtmlEscaped());
    if (m_editor->isModified())
        parts << tr("<i>edited</i>");
    if (!m_session->canEdit(*m_branch))
        parts << tr("<i>read-only: you may view this branch</i>");
    m_header->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace retell::ui
