#include "DiffView.h"

#include "DiffBar.h"
#include "DiffMoveLinks.h"
#include "DiffOverview.h"
#include "DiffPane.h"
#include "ToolsDiffTree.h"
#include "async/TaskRunner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace retell::ui {

using core::Side;

DiffView::DiffView(QWidget *parent) : QWidget(parent), m_runner(new TaskRunner(1, this))
{
    buildUi();
}

DiffView::~DiffView()
{
    delete m_runner; // stops a running comparison and waits for it
}

void DiffView::buildUi()
{
    m_bar = new DiffBar(nextChangeKey(), previousChangeKey(), this);
    connect(m_bar, &DiffBar::cancelRequested, this, &DiffView::cancelComparison);

    auto *splitter = m_splitter = new QSplitter(Qt::Horizontal, this);
    for (const Side side : core::bothSides) {
        auto *column = new QWidget(splitter);
        auto *columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        columnLayout->setSpacing(2);
        m_titles[side] = new QLabel(column);
        m_titles[side]->setTextFormat(Qt::PlainText);
        // A long title wraps rather than widening its pane: both panes get
        // the same width.
        m_titles[side]->setWordWrap(true);
        m_titles[side]->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        QFont bold = m_titles[side]->font();
        bold.setBold(true);
        m_titles[side]->setFont(bold);
        m_panes[side] = new DiffPane(column);
        columnLayout->addWidget(m_titles[side]);
        columnLayout->addWidget(m_panes[side]);
        splitter->addWidget(column);
        splitter->setStretchFactor(int(side == Side::Left ? 0 : 1), 1);
    }
    splitter->setChildrenCollapsible(false);
    connect(splitter, &QSplitter::splitterMoved, this, [this] { m_splitterMoved = true; });

    m_overview = new DiffOverview(this);
    auto *sideBySide = new QWidget(this);
    auto *sideBySideLayout = new QHBoxLayout(sideBySide);
    sideBySideLayout->setContentsMargins(0, 0, 0, 0);
    sideBySideLayout->setSpacing(2);
    sideBySideLayout->addWidget(splitter, 1);
    sideBySideLayout->addWidget(m_overview);

    m_unified = new DiffPane(this);
    m_promptStack = new QStackedWidget(this);
    m_promptStack->addWidget(sideBySide);
    m_promptStack->addWidget(m_unified);

    m_toolsTree = new ToolsDiffTree(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_promptStack, tr("Prompt"));
    m_tabs->addTab(m_toolsTree, tr("Tools"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_bar);
    layout->addWidget(m_tabs, 1);

    auto *nextAction = new QAction(tr("Next change"), this);
    nextAction->setShortcut(nextChangeKey());
    nextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto *previousAction = new QAction(tr("Previous change"), this);
    previousAction->setShortcut(previousChangeKey());
    previousAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(nextAction);
    addAction(previousAction);
    connect(nextAction, &QAction::triggered, this, &DiffView::nextChange);
    connect(previousAction, &QAction::triggered, this, &DiffView::previousChange);
    connect(m_bar, &DiffBar::nextRequested, this, &DiffView::nextChange);
    connect(m_bar, &DiffBar::previousRequested, this, &DiffView::previousChange);
    connect(m_bar, &DiffBar::ignoreWhitespaceToggled, this, [this](bool on) {
        core::DiffOptions options = m_options;
        options.ignoreWhitespace = on;
        setOptions(options);
    });
    connect(m_bar, &DiffBar::ignoreCaseToggled, this, [this](bool on) {
        core::DiffOptions options = m_options;
        options.ignoreCase = on;
        setOptions(options);
    });
    connect(m_bar, &DiffBar::unifiedToggled, this, &DiffView::setUnified);
    connect(m_bar, &DiffBar::wordWrapToggled, this, &DiffView::setWordWrap);

    for (const Side side : core::bothSides) {
        DiffPane *pane = m_panes[side];
        connect(pane->verticalScrollBar(), &QScrollBar::valueChanged, this,
                [this, side] { syncVertical(side); });
        connect(pane->horizontalScrollBar(), &QScrollBar::valueChanged, this,
                [this, side] { syncHorizontal(side); });
        // Scintilla knows the wrap width only once it has painted.
        connect(pane, &QsciScintillaBase::SCN_PAINTED, this, [this, side] {
            m_paintedSinceChange[side] = true;
            if (m_alignPending && m_paintedSinceChange[Side::Left] &&
                m_paintedSinceChange[Side::Right]) {
                m_alignPending = false;
                alignWrappedRows();
            }
        });
        // Keyboard scrolling and caret moves reach Scintilla before the bars.
        connect(pane, &QsciScintillaBase::SCN_UPDATEUI, this, [this, side](int updated) {
            if (updated &
                (QsciScintillaBase::SC_UPDATE_V_SCROLL | QsciScintillaBase::SC_UPDATE_SELECTION))
                syncVertical(side);
            if (updated & QsciScintillaBase::SC_UPDATE_H_SCROLL)
                syncHorizontal(side);
        });
    }
    connect(m_overview, &DiffOverview::rowRequested, this, &DiffView::goToRow);
    m_moveLinks = new DiffMoveLinks(this);
    updateSummary();
}

DiffPane *DiffView::paneOfViewport(const QObject *object, Side *side) const
{
    for (const Side s : core::bothSides) {
        if (object == m_panes[s]->viewport()) {
            if (side)
                *side = s;
            return m_panes[s];
        }
    }
    return nullptr;
}

QPushButton *DiffView::cancelButton() const
{
    return m_bar->cancelButton();
}

QProgressBar *DiffView::progressBar() const
{
    return m_bar->progressBar();
}

void DiffView::addBarAction(QAction *action)
{
    m_bar->addActionButton(action);
}

void DiffView::setSide(Side which, const core::DiffSide &side)
{
    core::PerSide<core::DiffSide> sides = m_sides;
    sides[which] = side;
    setSides(sides[Side::Left], sides[Side::Right]);
}

void DiffView::setSides(const core::DiffSide &left, const core::DiffSide &right)
{
    m_sides[Side::Left] = left;
    m_sides[Side::Right] = right;
    for (const Side side : core::bothSides)
        m_titles[side]->setText(m_sides[side].title);
    recompute();
}

void DiffView::setOptions(const core::DiffOptions &options)
{
    if (options == m_options)
        return;
    m_options = options;
    m_bar->showOptions(options);
    recompute();
}

void DiffView::setUnified(bool unified)
{
    m_bar->showUnified(unified);
    m_promptStack->setCurrentIndex(unified ? 1 : 0);
}

void DiffView::setWordWrap(bool on)
{
    m_bar->showWordWrap(on);
    m_wordWrap = on;
    const int top = m_panes[Side::Left]->firstVisibleRow();
    for (DiffPane *pane : {m_panes[Side::Left], m_panes[Side::Right], m_unified})
        pane->setWrapMode(on ? QsciScintilla::WrapWord : QsciScintilla::WrapNone);
    if (on)
        alignAfterPaint();
    else
        alignWrappedRows();
    m_panes[Side::Left]->setFirstVisibleRow(top);
}

void DiffView::alignWrappedRows()
{
    // Padding follows the panes' widths, so it is redone after a resize.
    m_syncing = true;
    for (const Side side : core::bothSides)
        m_panes[side]->clearRowPadding();
    if (m_wordWrap && m_layout) {
        const int rows = int(m_layout->diff.rows.size());
        for (int row = 0; row < rows; ++row) {
            const core::PerSide<int> lines{
                {m_panes[Side::Left]->wrapCount(row), m_panes[Side::Right]->wrapCount(row)}};
            if (lines[Side::Left] != lines[Side::Right]) {
                const Side shorter =
                    lines[Side::Left] < lines[Side::Right] ? Side::Left : Side::Right;
                m_panes[shorter]->setRowPadding(row,
                                                std::abs(lines[Side::Left] - lines[Side::Right]));
            }
        }
    }
    m_syncing = false;
    syncVertical(Side::Left);
}

void DiffView::alignAfterPaint()
{
    m_alignPending = true;
    m_paintedSinceChange = {{false, false}};
}

void DiffView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_splitterMoved)
        m_splitter->setSizes({1, 1}); // equal halves until the admin moves the handle
    if (m_wordWrap)
        alignAfterPaint();
}

bool DiffView::isUnified() const
{
    return m_promptStack->currentIndex() == 1;
}

void DiffView::recompute()
{
    const quint64 generation = ++m_generation;
    // A newer comparison replaces one still running: that one stops quietly.
    m_task.onCancelled({});
    m_task.cancel();
    const qsizetype bytes = m_sides[Side::Left].prompt.size() + m_sides[Side::Right].prompt.size();
    if (bytes < kAsyncThreshold) {
        m_bar->showComputing(false);
        apply(std::make_shared<DiffLayout>(
                  DiffLayout::build(m_sides[Side::Left], m_sides[Side::Right], m_options)),
              generation);
        return;
    }
    m_task = m_runner->run(
        this,
        [left = m_sides[Side::Left], right = m_sides[Side::Right],
         options = m_options](const TaskControl &control) {
            auto layout = DiffLayout::build(left, right, options, control.cancelCheck(),
                                            control.progressCallback());
            return layout ? std::make_shared<DiffLayout>(std::move(*layout)) : nullptr;
        },
        [this, generation](std::shared_ptr<DiffLayout> layout) {
            m_bar->showComputing(false);
            if (layout)
                apply(std::move(layout), generation);
        });
    m_task.onCancelled([this] { onCancelled(); });
    m_task.onProgress([this](const TaskProgress &progress) { m_bar->showProgress(progress); });
    m_bar->showComputing(true);
}

void DiffView::cancelComparison()
{
    if (!isComputing())
        return;
    m_task.cancel();
    m_bar->showCancelling();
}

void DiffView::onCancelled()
{
    m_bar->showComputing(false);
    // The sides and options go back to what the panes show.
    m_sides = m_shownSides;
    m_options = m_shownOptions;
    m_bar->showOptions(m_options);
    for (const Side side : core::bothSides)
        m_titles[side]->setText(m_sides[side].title);
    updateSummary();
    const QString said = m_layout ? tr("Comparison cancelled; the view still shows the previous "
                                       "result.")
                                  : tr("Comparison cancelled; nothing was compared.");
    m_bar->prefixSummary(said);
    emit comparisonCancelled();
}

void DiffView::apply(std::shared_ptr<DiffLayout> layout, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_layout = std::move(layout);
    m_shownSides = m_sides;
    m_shownOptions = m_options;
    m_syncing = true;
    for (const Side side : core::bothSides) {
        m_panes[side]->showSide(*m_layout, side);
        m_panes[side]->setScrollWidthForColumns(m_layout->widestLine);
    }
    m_unified->showUnified(*m_layout);
    m_unified->setScrollWidthForColumns(m_layout->widestLine + 1);
    m_syncing = false;
    if (m_wordWrap)
        alignAfterPaint();
    m_overview->setBlocks(m_layout->blocks, int(m_layout->diff.rows.size()));
    m_toolsTree->setToolsDiff(m_layout->tools);
    const core::ToolsDiff &tools = m_layout->tools;
    m_tabs->setTabText(1, tools.ok() && !tools.identical()
                              ? tr("Tools (%1)").arg(tools.changes.size())
                              : (tools.ok() ? tr("Tools") : tr("Tools (error)")));
    m_currentChange = -1;
    updateSummary();
    updateOverviewFrame();
    emit diffReady();
    emit currentChangeChanged(m_currentChange, changeCount());
}

int DiffView::changeCount() const
{
    return m_layout ? int(m_layout->blocks.size()) : 0;
}

QString DiffView::summaryText() const
{
    return m_bar->summaryText();
}

void DiffView::updateSummary()
{
    m_bar->showSummary(m_layout.get(), m_currentChange);
}

void DiffView::syncVertical(Side from)
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_panes[core::opposite(from)]->setFirstVisibleLine(m_panes[from]->firstVisibleLine());
    m_syncing = false;
    updateOverviewFrame();
}

void DiffView::syncHorizontal(Side from)
{
    if (m_syncing)
        return;
    m_syncing = true;
    m_panes[core::opposite(from)]->setHorizontalOffset(m_panes[from]->horizontalOffset());
    m_syncing = false;
}

void DiffView::updateOverviewFrame()
{
    const DiffPane *left = m_panes[Side::Left];
    m_overview->setVisibleRows(left->firstVisibleRow(), left->visibleLineCount());
}

int DiffView::currentRow() const
{
    const DiffPane *pane =
        m_panes[Side::Right]->hasFocus() ? m_panes[Side::Right] : m_panes[Side::Left];
    int line = 0, index = 0;
    pane->getCursorPosition(&line, &index);
    return line;
}

void DiffView::goToRow(int row)
{
    m_syncing = true;
    for (const Side side : core::bothSides) {
        DiffPane *pane = m_panes[side];
        pane->setCursorPosition(row, 0);
        pane->setFirstVisibleLine(pane->displayLineOfRow(row) - pane->visibleLineCount() / 3);
    }
    m_syncing = false;
    updateOverviewFrame();
    if (!m_layout)
        return;
    int index = -1;
    for (int i = 0; i < m_layout->blocks.size() && m_layout->blocks.at(i).firstRow <= row; ++i)
        index = i;
    if (index != m_currentChange) {
        m_currentChange = index;
        updateSummary();
        emit currentChangeChanged(m_currentChange, changeCount());
    }
}

void DiffView::goToChange(int index)
{
    if (!m_layout || index < 0 || index >= m_layout->blocks.size())
        return;
    const int row = m_layout->blocks.at(index).firstRow;
    goToRow(row);
    showChangeInRow(row);
}

void DiffView::showChangeInRow(int row)
{
    // A change far right in a long line: scroll sideways to its first
    // changed word (on the side that has one), the other pane follows.
    for (const Side side : {Side::Right, Side::Left}) {
        DiffPane *pane = m_panes[side];
        const qsizetype lineStart = pane->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE,
                                                        static_cast<unsigned long>(row));
        const qsizetype lineEnd = pane->SendScintilla(QsciScintillaBase::SCI_GETLINEENDPOSITION,
                                                      static_cast<unsigned long>(row));
        for (const ByteSpan &span : std::as_const(m_layout->panes[side].changedSpans)) {
            if (span.start < lineStart || span.start > lineEnd)
                continue;
            pane->showPosition(span.start, span.start + span.length);
            m_panes[core::opposite(side)]->setHorizontalOffset(pane->horizontalOffset());
            return;
        }
    }
}

void DiffView::nextChange()
{
    if (!m_layout)
        return;
    if (isUnified()) {
        int line = 0, index = 0;
        m_unified->getCursorPosition(&line, &index);
        for (const int hunkLine : m_layout->unifiedHunkLines) {
            if (hunkLine > line) {
                m_unified->setCursorPosition(hunkLine, 0);
                m_unified->setFirstVisibleLine(hunkLine - 2);
                return;
            }
        }
        return;
    }
    const int row = currentRow();
    for (int i = 0; i < m_layout->blocks.size(); ++i) {
        const int first = m_layout->blocks.at(i).firstRow;
        if (first > row || (m_currentChange < 0 && first == row)) {
            goToChange(i);
            return;
        }
    }
}

void DiffView::previousChange()
{
    if (!m_layout)
        return;
    if (isUnified()) {
        int line = 0, index = 0;
        m_unified->getCursorPosition(&line, &index);
        for (auto it = m_layout->unifiedHunkLines.crbegin();
             it != m_layout->unifiedHunkLines.crend(); ++it) {
            if (*it < line) {
                m_unified->setCursorPosition(*it, 0);
                m_unified->setFirstVisibleLine(*it - 2);
                return;
            }
        }
        return;
    }
    const int row = currentRow();
    for (int i = int(m_layout->blocks.size()) - 1; i >= 0; --i) {
        if (m_layout->blocks.at(i).firstRow < row) {
            goToChange(i);
            return;
        }
    }
}

} // namespace retell::ui
