#include "merge/MergeWindow.h"

#include "editor/FindingsList.h"
#include "merge/ConfigMerge.h"
#include "merge/PromptMergePane.h"
#include "merge/ToolsMergePane.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace retell::ui {

using namespace retell::core;

namespace {

QString inputName(MergeInput input)
{
    switch (input) {
    case MergeInput::Base:
        return MergeWindow::tr("base");
    case MergeInput::Ours:
        return MergeWindow::tr("your edit");
    case MergeInput::Theirs:
        return MergeWindow::tr("the deployed version");
    }
    return {};
}

} // namespace

MergeWindow::MergeWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Merge"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_tabs = new QTabWidget(central);
    m_prompt = new PromptMergePane(m_tabs);
    m_tools = new ToolsMergePane(m_tabs);
    m_tabs->addTab(m_prompt, tr("Prompt"));
    m_tabs->addTab(m_tools, tr("Tools"));
    m_findings = new FindingsList(central);

    auto *splitter = new QSplitter(Qt::Vertical, central);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_findings);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto *bottom = new QHBoxLayout;
    m_summary = new QLabel(central);
    m_summary->setWordWrap(true);
    m_deploy = new QPushButton(tr("Deploy merged version"), central);
    m_deploy->setEnabled(false);
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_deploy);
    layout->addLayout(bottom);
    setCentralWidget(central);

    if (const QScreen *screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        resize(available.width() * 9 / 10, available.height() * 4 / 5);
    }
    connect(m_prompt, &PromptMergePane::resultChanged, this, &MergeWindow::refresh);
    connect(m_tools, &ToolsMergePane::resultChanged, this, &MergeWindow::refresh);
    connect(m_deploy, &QPushButton::clicked, this, [this] {
        if (conflictsLeft() > 0)
            return;
        if (!m_output.isEmpty()) {
            if (save())
                close();
            return;
        }
        m_deployed = true;
        emit deployRequested(result());
    });
}

MergeWindow::~MergeWindow() = default;

bool MergeWindow::setInputs(const DiffSide &base, const DiffSide &ours, const DiffSide &theirs)
{
    const PerInput<const DiffSide *> sides{{&base, &ours, &theirs}};
    const ConfigMerge merge = mergeConfig(base, ours, theirs);
    if (merge.prompt.error) {
        m_error =
            tr("The prompt of %1 (%2) is not valid UTF-8 text.")
                .arg(inputName(merge.prompt.error->input), sides[merge.prompt.error->input]->title);
        m_summary->setText(m_error);
        return false;
    }
    if (merge.tools.error) {
        m_error =
            tr("The tools of %1 (%2) are not a valid JSON array.")
                .arg(inputName(merge.tools.error->input), sides[merge.tools.error->input]->title);
        m_summary->setText(m_error);
        return false;
    }
    const TextMerge &prompt = merge.prompt;
    const ToolsMerge &tools = merge.tools;
    m_error.clear();
    m_hasTools =
        !base.toolsJson.isEmpty() || !ours.toolsJson.isEmpty() || !theirs.toolsJson.isEmpty();
    setWindowTitle(tr("Merge: %1 with %2").arg(ours.title, theirs.title));
    m_prompt->setMerge(prompt);
    m_tools->setMerge(tools);
    m_tabs->setTabText(1, tools.conflicts.isEmpty() ? tr("Tools")
                                                    : tr("Tools (%1)").arg(tools.conflicts.size()));
    refresh();
    return true;
}

bool MergeWindow::openFiles(const QString &ours, const QString &base, const QString &theirs,
                            const QString &output)
{
    PerInput<DiffSide> sides;
    const PerInput<QString> paths{{base, ours, theirs}};
    for (const MergeInput input : allInputs) {
        auto loaded = loadDiffSide(paths[input]);
        if (const auto *error = std::get_if<DiffInputError>(&loaded)) {
            m_error = error->message;
            m_summary->setText(m_error);
            return false;
        }
        sides[input] = std::get<DiffSide>(std::move(loaded));
    }
    m_output = output;
    if (!m_output.isEmpty())
        m_deploy->setText(tr("Save and close"));
    return setInputs(sides[MergeInput::Base], sides[MergeInput::Ours], sides[MergeInput::Theirs]);
}

bool MergeWindow::save()
{
    const AgentConfig merged = result();
    QByteArray bytes = merged.prompt.toUtf8();
    if (m_hasTools) {
        const QJsonObject o{
            {QStringLiteral("prompt"), merged.prompt},
            {QStringLiteral("tools"), QJsonDocument::fromJson(merged.toolsJson.toUtf8()).array()}};
        bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    }
    QSaveFile file(m_output);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_summary->setText(tr("Cannot write %1: %2").arg(m_output, file.errorString()));
        return false;
    }
    m_deployed = true;
    emit saved(m_output);
    return true;
}

void MergeWindow::setValidationContext(const ValidationContext &context)
{
    m_context = context;
    refresh();
}

int MergeWindow::conflictsLeft() const
{
    return m_prompt->conflictsLeft() + m_tools->conflictsLeft();
}

AgentConfig MergeWindow::result() const
{
    return AgentConfig{m_prompt->resultText(), QString::fromUtf8(m_tools->resultJson())};
}

void MergeWindow::refresh()
{
    if (!m_error.isEmpty())
        return;
    const ValidationResult validation = Validator::validate(result(), m_context);
    m_findings->setFindings(validation.findings);
    const int left = conflictsLeft();
    QString summary =
        left > 0 ? tr("%n conflict(s) left.", nullptr, left) : tr("No conflicts left.");
    if (m_prompt->mergedInLineCount() > 0) {
        summary += u' ' + tr("%n region(s) merged inside a line, highlighted: please review.",
                             nullptr, m_prompt->mergedInLineCount());
    }
    if (validation.hasErrors())
        summary += u' ' + tr("The result has validation errors.");
    m_summary->setText(summary);
    m_deploy->setEnabled(left == 0 && !validation.hasErrors());
}

void MergeWindow::closeEvent(QCloseEvent *event)
{
    if (!m_deployed && m_error.isEmpty())
        emit closedWithoutDeploy(result());
    QMainWindow::closeEvent(event);
}

} // namespace retell::ui
