#include "DiffBar.h"

#include "async/Task.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

namespace retell::ui {

using core::Side;

namespace {

bool noNewlineDiffers(const core::LineDiff &diff)
{
    return diff.missingFinalNewline[Side::Left] != diff.missingFinalNewline[Side::Right];
}

} // namespace

DiffBar::DiffBar(const QKeySequence &next, const QKeySequence &previous, QWidget *parent)
    : QWidget(parent)
{
    m_previous = new QToolButton(this);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(
        tr("Previous change (%1)").arg(previous.toString(QKeySequence::NativeText)));
    m_next = new QToolButton(this);
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next change (%1)").arg(next.toString(QKeySequence::NativeText)));
    m_position = new QLabel(this);
    m_ignoreWhitespace = new QCheckBox(tr("Ignore &whitespace"), this);
    m_ignoreCase = new QCheckBox(tr("Ignore &case"), this);
    m_unifiedToggle = new QCheckBox(tr("&Unified"), this);
    m_wrapToggle = new QCheckBox(tr("Wra&p lines"), this);
    m_wrapToggle->setObjectName(QStringLiteral("wrapLinesToggle"));
    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("diffProgress"));
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelDiffButton"));
    m_cancel->setToolTip(tr("Stop comparing; the view keeps what it shows now"));
    m_cancel->hide();

    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_previous);
    m_layout->addWidget(m_next);
    m_layout->addWidget(m_position);
    m_layout->addSpacing(12);
    m_layout->addWidget(m_summary, 1);
    m_layout->addWidget(m_progress);
    m_layout->addWidget(m_cancel);
    m_layout->addWidget(m_ignoreWhitespace);
    m_layout->addWidget(m_ignoreCase);
    m_layout->addWidget(m_wrapToggle);
    m_layout->addWidget(m_unifiedToggle);

    connect(m_next, &QToolButton::clicked, this, &DiffBar::nextRequested);
    connect(m_previous, &QToolButton::clicked, this, &DiffBar::previousRequested);
    connect(m_cancel, &QPushButton::clicked, this, &DiffBar::cancelRequested);
    connect(m_ignoreWhitespace, &QCheckBox::toggled, this, &DiffBar::ignoreWhitespaceToggled);
    connect(m_ignoreCase, &QCheckBox::toggled, this, &DiffBar::ignoreCaseToggled);
    connect(m_unifiedToggle, &QCheckBox::toggled, this, &DiffBar::unifiedToggled);
    connect(m_wrapToggle, &QCheckBox::toggled, this, &DiffBar::wordWrapToggled);
    showSummary(nullptr, -1);
}

void DiffBar::addActionButton(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_layout->insertWidget(m_layout->indexOf(m_position) + 1, button);
    // A tool button follows its action's text and state, not its visibility.
    button->setVisible(action->isVisible());
    connect(action, &QAction::changed, button,
            [button, action] { button->setVisible(action->isVisible()); });
}

void DiffBar::showOptions(const core::DiffOptions &options)
{
    const QSignalBlocker whitespaceBlocker(m_ignoreWhitespace);
    const QSignalBlocker caseBlocker(m_ignoreCase);
    m_ignoreWhitespace->setChecked(options.ignoreWhitespace);
    m_ignoreCase->setChecked(options.ignoreCase);
}

void DiffBar::showUnified(bool unified)
{
    const QSignalBlocker blocker(m_unifiedToggle);
    m_unifiedToggle->setChecked(unified);
}

void DiffBar::showWordWrap(bool on)
{
    const QSignalBlocker blocker(m_wrapToggle);
    m_wrapToggle->setChecked(on);
}

void DiffBar::showSummary(const DiffLayout *layout, int current)
{
    if (!layout) {
        m_summary->clear();
        m_position->clear();
        m_next->setEnabled(false);
        m_previous->setEnabled(false);
        return;
    }
    const core::LineDiff &diff = layout->diff;
    QString text = diff.identical && noNewlineDiffers(diff) ? tr("Prompt: same lines")
                   : diff.identical                         ? tr("Prompt identical")
                                    : tr("Prompt: %1 added, %2 removed, %3 changed")
                                          .arg(diff.added - diff.changed)
                                          .arg(diff.removed - diff.changed)
                                          .arg(diff.changed);
    if (const auto moved = layout->moves.moves.size(); moved > 0)
        text += QLatin1String(" · ") + tr("%n paragraph(s) moved", nullptr, int(moved));
    const core::PerSide<bool> &noNewline = diff.missingFinalNewline;
    if (noNewlineDiffers(diff)) {
        // Invisible in the panes, so said in words.
        text += QLatin1String(" · ") + (noNewline[Side::Left]
                                            ? tr("only the right side ends with a newline")
                                            : tr("only the left side ends with a newline"));
    }
    if (diff.approximate)
        text += tr(" (approximate: the inputs are too large for the shortest diff)");
    const core::ToolsDiff &tools = layout->tools;
    if (!tools.ok())
        text += tr(" · Tools: %1").arg(tools.error->message);
    else if (tools.identical())
        text += tr(" · Tools identical");
    else
        text += tr(" · Tools: %1 added, %2 removed, %3 changed")
                    .arg(tools.count(core::ToolChange::Added))
                    .arg(tools.count(core::ToolChange::Removed))
                    .arg(tools.count(core::ToolChange::Changed));
    m_summary->setText(text);
    m_summary->setToolTip(tr("%n line(s) only on the left, %1 only on the right; %2 of them pair "
                             "up as edited lines",
                             nullptr, diff.removed)
                              .arg(diff.added)
                              .arg(diff.changed));
    const int count = int(layout->blocks.size());
    m_position->setText(current >= 0 ? tr("Change %1 of %2").arg(current + 1).arg(count)
                                     : tr("%n change(s)", nullptr, count));
    m_next->setEnabled(count > 0);
    m_previous->setEnabled(count > 0);
}

void DiffBar::showComputing(bool computing)
{
    m_cancel->setEnabled(true);
    m_progress->setVisible(computing);
    m_cancel->setVisible(computing);
    if (computing) {
        m_progress->setRange(0, 0); // busy until the first step is reported
        m_summary->setText(tr("Comparing…"));
    }
}

void DiffBar::showProgress(const TaskProgress &progress)
{
    m_progress->setRange(0, int(progress.total));
    m_progress->setValue(int(progress.done));
    m_summary->setText(tr("Comparing… (%1)").arg(progress.label));
}

void DiffBar::showCancelling()
{
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelling…"));
}

void DiffBar::prefixSummary(const QString &sentence)
{
    m_summary->setText(
        m_summary->text().isEmpty() ? sentence : sentence + QLatin1Char(' ') + m_summary->text());
}

QString DiffBar::summaryText() const
{
    return m_summary->text();
}

} // namespace retell::ui
