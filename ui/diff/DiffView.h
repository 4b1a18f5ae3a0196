#pragma once

#include "DiffLayout.h"
#include "async/Task.h"

#include <QKeySequence>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace retell::ui {

class DiffBar;
class DiffMoveLinks;
class DiffOverview;
class DiffPane;
class TaskRunner;
class ToolsDiffTree;

// Side-by-side prompt diff with a tools tab. Both panes hold one line per
// aligned row (filler where a side has none), so synchronised scrolling is a
// matter of copying the first visible line. Big inputs are diffed on a worker
// thread, with a step indicator and a Cancel button; the result is applied
// when it arrives, and a cancelled comparison leaves the view as it was.
class DiffView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffView)

public:
    // Inputs above this many bytes are diffed off the GUI thread.
    static constexpr qsizetype kAsyncThreshold = 256 * 1024;

    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    void setSides(const core::DiffSide &left, const core::DiffSide &right);
    // One side replaced, the other kept (an editor the comparison follows).
    void setSide(core::Side which, const core::DiffSide &side);
    const core::DiffSide &side(core::Side which) const { return m_sides[which]; }
    // A button for `action` in the bar above the panes (after the change count).
    void addBarAction(QAction *action);
    void setOptions(const core::DiffOptions &options);
    const core::DiffOptions &options() const { return m_options; }
    void setUnified(bool unified);
    bool isUnified() const;
    // Long lines wrap in both panes; rows stay lined up (the shorter side
    // gets blank lines below a row).
    void setWordWrap(bool on);
    bool wordWrap() const { return m_wordWrap; }

    // Null until the first result is applied.
    const DiffLayout *layout() const { return m_layout.get(); }
    bool isComputing() const { return m_task.isRunning(); }
    // Stops a comparison running off the GUI thread; the view keeps showing
    // the previous result (and its sides and options).
    void cancelComparison();
    QPushButton *cancelButton() const;
    QProgressBar *progressBar() const;
    DiffPane *pane(core::Side side) const { return m_panes[side]; }
    // The pane whose viewport `object` is (for event filters), or null.
    DiffPane *paneOfViewport(const QObject *object, core::Side *side = nullptr) const;
    DiffPane *unifiedPane() const { return m_unified; }
    DiffOverview *overview() const { return m_overview; }
    ToolsDiffTree *toolsTree() const { return m_toolsTree; }
    DiffMoveLinks *moveLinks() const { return m_moveLinks; }
    int currentChange() const { return m_currentChange; }
    int changeCount() const;
    QString summaryText() const;
    static QKeySequence nextChangeKey() { return QKeySequence(Qt::Key_F7); }
    static QKeySequence previousChangeKey() { return QKeySequence(Qt::SHIFT | Qt::Key_F7); }

public slots:
    void nextChange();
    void previousChange();
    void goToRow(int row);

protected:
    void resizeEvent(QResizeEvent *event) override;

signals:
    void diffReady();
    void comparisonCancelled();
    void currentChangeChanged(int index, int count);

private:
    void buildUi();
    void recompute();
    void apply(std::shared_ptr<DiffLayout> layout, quint64 generation);
    void onCancelled();
    void syncVertical(core::Side from);
    void syncHorizontal(core::Side from);
    void alignWrappedRows();
    void alignAfterPaint();
    void showChangeInRow(int row);
    void updateOverviewFrame();
    void updateSummary();
    int currentRow() const;
    void goToChange(int index);

    core::PerSide<core::DiffSide> m_sides;
    core::DiffOptions m_options;
    std::shared_ptr<DiffLayout> m_layout;
    // What m_layout was computed from, restored when a comparison is cancelled.
    core::PerSide<core::DiffSide> m_shownSides;
    core::DiffOptions m_shownOptions;
    quint64 m_generation = 0;
    TaskRunner *m_runner = nullptr;
    TaskHandle m_task;
    bool m_syncing = false; // re-entrancy guard for scroll synchronisation
    int m_currentChange = -1;

    core::PerSide<DiffPane *> m_panes{};
    core::PerSide<QLabel *> m_titles{};
    DiffPane *m_unified = nullptr;
    DiffOverview *m_overview = nullptr;
    DiffMoveLinks *m_moveLinks = nullptr;
    DiffBar *m_bar = nullptr;
    ToolsDiffTree *m_toolsTree = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStackedWidget *m_promptStack = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_wordWrap = false;
    bool m_splitterMoved = false;
    // Rows are lined up once both panes painted with their new wrap width.
    bool m_alignPending = false;
    core::PerSide<bool> m_paintedSinceChange{{false, false}};
};

} // namespace retell::ui
