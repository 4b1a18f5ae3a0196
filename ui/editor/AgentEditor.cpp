#include "AgentEditor.h"

#include "EditorTheme.h"
#include "FindReplaceBar.h"
#include "FindingsList.h"
#include "JsonEditor.h"
#include "PromptEditor.h"
#include "ToolsEditor.h"
#include "async/TaskRunner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace retell::ui {

using core::AgentConfig;
using core::Finding;
using core::FindingTarget;
using core::ValidationResult;
namespace limits = core::retellLimits;

namespace {

QString coloured(const QString &text, const QColor &colour)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(colour.name(), text.toHtmlEscaped());
}

QString formatNumber(int n)
{
    QLocale locale;
    locale.setNumberOptions({}); // group digits even in the C locale: "8,192"
    return locale.toString(n);
}

} // namespace

AgentEditor::AgentEditor(QWidget *parent)
    : QWidget(parent), m_prompt(new PromptEditor(this)),
      m_promptFindBar(new FindReplaceBar(m_prompt, this)), m_tools(new ToolsEditor(this)),
      m_findings(new FindingsList(this)), m_tabs(new QTabWidget(this)),
      m_charactersLabel(new QLabel(this)), m_tokensLabel(new QLabel(this)),
      m_statusLabel(new QLabel(this)), m_debounce(new QTimer(this))
{
    auto *promptPane = new QWidget(this);
    auto *promptLayout = new QVBoxLayout(promptPane);
    promptLayout->setContentsMargins(0, 0, 0, 0);
    promptLayout->setSpacing(0);
    promptLayout->addWidget(m_prompt, 1);
    promptLayout->addWidget(m_promptFindBar);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(promptPane, tr("Prompt"));
    m_tabs->addTab(m_tools, tr("Tools"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_findings);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_tokensLabel->setToolTip(
        tr("Retell rejects prompts above %1 tokens; cost rises above %2.")
            .arg(formatNumber(limits::kMaxTokens), formatNumber(limits::kCostTokens)));
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(6, 2, 6, 2);
    statusRow->setSpacing(18);
    statusRow->addWidget(m_charactersLabel);
    statusRow->addWidget(m_tokensLabel);
    statusRow->addStretch();
    statusRow->addWidget(m_statusLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(splitter, 1);
    layout->addLayout(statusRow);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kValidationDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &AgentEditor::validateNow);
    connect(m_prompt, &QsciScintilla::textChanged, this, &AgentEditor::onTextEdited);
    connect(m_tools->editor(), &QsciScintilla::textChanged, this, &AgentEditor::onTextEdited);
    connect(m_findings, &FindingsList::findingActivated, this, &AgentEditor::showFinding);

    auto *next = new QShortcut(QKeySequence(Qt::Key_F8), this);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, &AgentEditor::nextFinding);
    auto *previous = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8), this);
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, &AgentEditor::previousFinding);
    m_findingShortcuts = {next, previous};

    validateNow();
}

void AgentEditor::setOwnShortcutsEnabled(bool enabled)
{
    for (QShortcut *s : std::as_const(m_findingShortcuts))
        s->setEnabled(enabled);
    m_promptFindBar->setOwnShortcutsEnabled(enabled);
    m_tools->findBar()->setOwnShortcutsEnabled(enabled);
}

void AgentEditor::yieldKeys(const QList<QKeySequence> &keys)
{
    m_prompt->yieldKeys(keys);
    m_tools->editor()->yieldKeys(keys);
}

void AgentEditor::setTabMovesFocus(bool on)
{
    m_prompt->setTabMovesFocus(on);
    m_tools->editor()->setTabMovesFocus(on);
}

bool AgentEditor::tabMovesFocus() const
{
    return m_prompt->tabMovesFocus();
}

FindReplaceBar *AgentEditor::currentFindBar() const
{
    return m_tabs->currentIndex() == ToolsTab ? m_tools->findBar() : m_promptFindBar;
}

AgentEditor::~AgentEditor()
{
    delete m_validation; // cancels a queued validation and waits for a running one
}

void AgentEditor::setConfig(const AgentConfig &config)
{
    m_loading = true;
    for (CodeEditor *editor :
         {static_cast<CodeEditor *>(m_prompt), static_cast<CodeEditor *>(m_tools->editor())}) {
        editor->setReadOnly(false);
        editor->setFindings({});
        editor->setText(editor == m_prompt ? config.prompt : config.toolsJson);
        editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
        editor->setModified(false);
        editor->setReadOnly(m_readOnly);
        editor->setCursorPosition(0, 0);
    }
    m_loading = false;
    m_modified = false;
    m_generation.fetch_add(1);
    m_tools->refreshToolList();
    validateNow();
}

void AgentEditor::replaceConfig(const AgentConfig &config)
{
    for (CodeEditor *editor :
         {static_cast<CodeEditor *>(m_prompt), static_cast<CodeEditor *>(m_tools->editor())}) {
        const QString &text = editor == m_prompt ? config.prompt : config.toolsJson;
        if (editor->text() == text)
            continue;
        editor->setReadOnly(false);
        editor->beginUndoAction();
        editor->selectAll();
        editor->replaceSelectedText(text);
        editor->endUndoAction();
        editor->setReadOnly(m_readOnly);
        editor->setCursorPosition(0, 0);
    }
    m_tools->refreshToolList();
}

AgentConfig AgentEditor::config() const
{
    return AgentConfig{m_prompt->text(), m_tools->editor()->text()};
}

void AgentEditor::setKnownVariables(const QSet<QString> &names)
{
    if (names == m_context.knownVariables)
        return;
    m_context.knownVariables = names;
    m_prompt->setKnownVariables(names);
    m_generation.fetch_add(1);
    validateNow();
}

void AgentEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_prompt->setReadOnly(readOnly);
    m_tools->editor()->setReadOnly(readOnly);
    m_promptFindBar->setReplaceEnabled(!readOnly);
    m_tools->findBar()->setReplaceEnabled(!readOnly);
}

void AgentEditor::setModified(bool modified)
{
    m_modified = modified;
    if (!modified) {
        m_prompt->setModified(false);
        m_tools->editor()->setModified(false);
    }
}

void AgentEditor::onTextEdited()
{
    if (m_loading)
        return;
    m_generation.fetch_add(1);
    m_modified = true;
    m_debounce->start();
    emit configEdited();
}

AgentEditor::Outcome AgentEditor::runValidation(const AgentConfig &config,
                                                const core::ValidationContext &context)
{
    Outcome outcome;
    outcome.result = core::Validator::validate(config, context);
    const QStringList names = core::Validator::toolNames(config.toolsJson);
    outcome.toolNames = QSet<QString>(names.cbegin(), names.cend());
    return outcome;
}

TaskRunner *AgentEditor::validationRunner()
{
    if (!m_validation)
        m_validation = new TaskRunner(1);
    return m_validation;
}

void AgentEditor::validateNow()
{
    m_debounce->stop();
    const quint64 generation = m_generation.load();
    const AgentConfig current = config();
    if (current.prompt.size() <= kBackgroundValidationChars) {
        applyOutcome(generation, runValidation(current, m_context));
        return;
    }
    m_validationTask.cancel(); // superseded: skipped if it has not started
    m_validationTask = validationRunner()->run(
        this, [current, context = m_context] { return runValidation(current, context); },
        [this, generation](const Outcome &outcome) { applyOutcome(generation, outcome); });
    updateStatus();
}

void AgentEditor::applyOutcome(quint64 generation, const Outcome &outcome)
{
    if (generation != m_generation.load())
        return; // the text changed since; a newer validation is on its way
    m_validatedGeneration = generation;
    m_result = outcome.result;

    QList<Finding> sorted = m_result.findings;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Finding &a, const Finding &b) {
        if (a.target != b.target)
            return a.target == FindingTarget::Prompt;
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    QList<Finding> promptFindings;
    QList<Finding> toolsFindings;
    for (const Finding &f : std::as_const(sorted))
        (f.target == FindingTarget::Prompt ? promptFindings : toolsFindings).append(f);

    m_prompt->setToolNames(outcome.toolNames);
    m_prompt->setFindings(promptFindings);
    m_tools->editor()->setFindings(toolsFindings);
    m_findings->setFindings(sorted);
    updateStatus();
    updateTabTitles();
    emit validationChanged(m_result);
}

void AgentEditor::showFinding(const Finding &finding)
{
    if (finding.target == FindingTarget::Prompt) {
        m_tabs->setCurrentIndex(PromptTab);
        m_prompt->goTo(finding);
    } else {
        m_tabs->setCurrentIndex(ToolsTab);
        m_tools->editor()->goTo(finding);
    }
}

void AgentEditor::nextFinding()
{
    stepFinding(+1);
}

void AgentEditor::previousFinding()
{
    stepFinding(-1);
}

void AgentEditor::stepFinding(int direction)
{
    const int count = int(m_findings->findings().size());
    if (count == 0)
        return;
    const int row = m_findings->currentRow();
    const int next = row < 0 ? (direction > 0 ? 0 : count - 1) : (row + direction + count) % count;
    m_findings->activateRow(next);
}

QString AgentEditor::statusText() const
{
    return QStringList{m_charactersLabel->text(), m_tokensLabel->text(), m_statusLabel->text()}
        .join(QLatin1String(" | "));
}

void AgentEditor::updateStatus()
{
    const EditorTheme theme = EditorTheme::fromPalette(palette());
    m_charactersLabel->setText(
        tr("%1 character(s)", nullptr, m_result.characters).arg(formatNumber(m_result.characters)));

    const int tokens = m_result.estimatedTokens;
    const QString tokenText =
        tr("%1 / %2 tokens").arg(formatNumber(tokens), formatNumber(limits::kMaxTokens));
    if (tokens > limits::kMaxTokens)
        m_tokensLabel->setText(coloured(tokenText, theme.error));
    else if (tokens > limits::kCostTokens)
        m_tokensLabel->setText(coloured(tokenText, theme.warning));
    else
        m_tokensLabel->setText(tokenText);

    if (!isValidationCurrent() && !m_debounce->isActive()) {
        m_statusLabel->setText(tr("Validating…"));
        return;
    }
    const int errors = m_result.errorCount();
    const int warnings = m_result.warningCount();
    const QString warningText = tr("%1 warning(s)", nullptr, warnings).arg(formatNumber(warnings));
    if (errors > 0) {
        QString text = tr("● Invalid: %1 error(s)", nullptr, errors).arg(formatNumber(errors));
        if (warnings > 0)
            text += QLatin1String(", ") + warningText;
        m_statusLabel->setText(coloured(text, theme.error));
    } else if (warnings > 0) {
        m_statusLabel->setText(
            coloured(tr("● Valid") + QLatin1String(", ") + warningText, theme.warning));
    } else {
        m_statusLabel->setText(coloured(tr("● Valid"), theme.ok));
    }
}

void AgentEditor::updateTabTitles()
{
    const EditorTheme theme = EditorTheme::fromPalette(palette());
    for (Tab tab : {PromptTab, ToolsTab}) {
        const FindingTarget target =
            tab == PromptTab ? FindingTarget::Prompt : FindingTarget::Tools;
        int errors = 0;
        int warnings = 0;
        for (const Finding &f : std::as_const(m_result.findings)) {
            if (f.target == target)
                ++(f.isError() ? errors : warnings);
        }
        const QString name = tab == PromptTab ? tr("Prompt") : tr("Tools");
        const int total = errors + warnings;
        m_tabs->setTabText(tab, total > 0 ? tr("%1 (%2)").arg(name).arg(total) : name);
        m_tabs->setTabIcon(tab, errors > 0     ? theme.severityIcon(core::Severity::Error)
                                : warnings > 0 ? theme.severityIcon(core::Severity::Warning)
                                               : QIcon());
    }
}

void AgentEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateStatus();
        updateTabTitles();
    }
}

} // namespace retell::ui
