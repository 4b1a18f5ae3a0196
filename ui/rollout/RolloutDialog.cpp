#include "rollout/RolloutDialog.h"
#include "services/DisplayText.h"

#include "common/WindowGeometry.h"
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"
#include "merge/MergeWindow.h"
#include "rollout/RolloutChangePicker.h"
#include "rollout/RolloutTexts.h"
#include "services/RolloutFacade.h"
#include "versions/BranchService.h"

#include <QCloseEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
constexpr int kBranchIdRole = Qt::UserRole + 1;

QPushButton *makeButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAutoDefault(false);
    return button;
}
} // namespace

RolloutDialog::RolloutDialog(RolloutFacade *rollouts, HistoryFacade *history, QWidget *parent)
    : QDialog(parent), m_rollouts(rollouts), m_change(new RolloutChangePicker(history, this)),
      m_branches(new QTreeWidget(this)), m_diff(new DiffView(this)), m_notes(new QLineEdit(this)),
      m_previewButton(makeButton(tr("&Preview"), QStringLiteral("rolloutPreviewButton"), this)),
      m_applyButton(makeButton(tr("&Apply"), QStringLiteral("rolloutApplyButton"), this)),
      m_cancelButton(makeButton(tr("Cancel"), QStringLiteral("rolloutCancelButton"), this)),
      m_resolveButton(makeButton(tr("&Resolve in Merge Window…"),
                                 QStringLiteral("rolloutResolveButton"), this)),
      m_undoButton(makeButton(tr("&Undo Rollout…"), QStringLiteral("rolloutUndoButton"), this)),
      m_progress(new QProgressBar(this)), m_summary(new QLabel(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("rolloutDialog"));
    setWindowTitle(tr("Roll Out a Change"));
    setSizeGripEnabled(true);
    m_branches->setObjectName(QStringLiteral("rolloutBranches"));
    m_branches->setHeaderLabels({tr("Branch"), tr("Outcome"), tr("Details")});
    m_branches->setRootIsDecorated(false);
    m_branches->setUniformRowHeights(true);
    m_branches->setAllColumnsShowFocus(true);
    m_branches->header()->setSectionResizeMode(BranchColumn, QHeaderView::ResizeToContents);
    m_branches->header()->setSectionResizeMode(OutcomeColumn, QHeaderView::ResizeToContents);
    m_notes->setObjectName(QStringLiteral("rolloutNotes"));
    m_notes->setPlaceholderText(tr("What changes and why (required)"));
    m_summary->setObjectName(QStringLiteral("rolloutSummary"));
    m_summary->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("rolloutError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d9534f; font-weight: bold;"));
    m_error->hide();
    m_progress->setObjectName(QStringLiteral("rolloutProgress"));
    m_progress->hide();
    m_cancelButton->hide();
    m_applyButton->setDefault(false);

    auto *listButtons = new QHBoxLayout;
    QPushButton *all = makeButton(tr("Choose A&ll"), QStringLiteral("rolloutAllButton"), this);
    QPushButton *none = makeButton(tr("Choose &None"), QStringLiteral("rolloutNoneButton"), this);
    listButtons->addWidget(all);
    listButtons->addWidget(none);
    listButtons->addStretch(1);
    listButtons->addWidget(m_resolveButton);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_branches, 1);
    topLayout->addLayout(listButtons);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("rolloutSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *notesRow = new QFormLayout;
    notesRow->addRow(tr("&Notes:"), m_notes);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_cancelButton);
    actions->addStretch(0);
    actions->addWidget(m_undoButton);
    actions->addWidget(m_previewButton);
    actions->addWidget(m_applyButton);
    QPushButton *close = makeButton(tr("&Close"), QStringLiteral("rolloutCloseButton"), this);
    actions->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_change);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addLayout(notesRow);
    layout->addLayout(actions);

    connect(m_change, &RolloutChangePicker::changed, this, &RolloutDialog::clearPreview);
    connect(m_branches, &QTreeWidget::currentItemChanged, this, &RolloutDialog::showCurrentDiff);
    connect(m_branches, &QTreeWidget::itemChanged, this, &RolloutDialog::updateButtons);
    connect(m_notes, &QLineEdit::textChanged, this, &RolloutDialog::updateButtons);
    connect(m_previewButton, &QPushButton::clicked, this, &RolloutDialog::startPreview);
    connect(m_applyButton, &QPushButton::clicked, this, &RolloutDialog::startApply);
    connect(m_cancelButton, &QPushButton::clicked, this, &RolloutDialog::cancelRunning);
    connect(m_resolveButton, &QPushButton::clicked, this, &RolloutDialog::resolveSelected);
    connect(m_undoButton, &QPushButton::clicked, this, &RolloutDialog::confirmUndo);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    const auto checkAll = [this](Qt::CheckState state) {
        for (int i = 0; i < m_branches->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_branches->topLevelItem(i);
            if (item->flags() & Qt::ItemIsUserCheckable)
                item->setCheckState(BranchColumn, state);
        }
    };
    connect(all, &QPushButton::clicked, this, [checkAll] { checkAll(Qt::Checked); });
    connect(none, &QPushButton::clicked, this, [checkAll] { checkAll(Qt::Unchecked); });

    windowGeometry::place(this, QSize(1200, 820));
    updateButtons();
}

RolloutDialog::~RolloutDialog()
{
    m_stop.request_stop();
    delete m_merge.data();
}

MergeWindow *RolloutDialog::mergeWindow() const
{
    return m_merge;
}

void RolloutDialog::setCandidates(const QList<core::Branch> &branches, const QStringList &checked)
{
    m_branches->clear();
    for (const core::Branch &b : branches) {
        auto *item = new QTreeWidgetItem(m_branches, {tr("%1 › %2").arg(b.companyName, b.name)});
        item->setData(BranchColumn, kBranchIdRole, b.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(BranchColumn, checked.contains(b.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_change->setBranches(branches);
    clearPreview();
}

void RolloutDialog::setTemplates(const QList<core::Template> &templates)
{
    m_change->setTemplates(templates);
}

QTreeWidgetItem *RolloutDialog::itemOf(const QString &branchId) const
{
    for (int i = 0; i < m_branches->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_branches->topLevelItem(i);
        if (item->data(BranchColumn, kBranchIdRole).toString() == branchId)
            return item;
    }
    return nullptr;
}

bool RolloutDialog::checkBranches(const QStringList &branchIds)
{
    int found = 0;
    for (int i = 0; i < m_branches->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_branches->topLevelItem(i);
        const bool on = branchIds.contains(item->data(BranchColumn, kBranchIdRole).toString());
        found += on ? 1 : 0;
        item->setCheckState(BranchColumn, on ? Qt::Checked : Qt::Unchecked);
    }
    return found == branchIds.size();
}

bool RolloutDialog::selectBranch(const QString &branchId)
{
    QTreeWidgetItem *item = itemOf(branchId);
    if (item)
        m_branches->setCurrentItem(item);
    return item != nullptr;
}

QStringList RolloutDialog::checkedIds() const
{
    QStringList ids;
    for (int i = 0; i < m_branches->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_branches->topLevelItem(i);
        if (item->checkState(BranchColumn) == Qt::Checked)
            ids << item->data(BranchColumn, kBranchIdRole).toString();
    }
    return ids;
}

QString RolloutDialog::currentBranchId() const
{
    const QTreeWidgetItem *item = m_branches->currentItem();
    return item ? item->data(BranchColumn, kBranchIdRole).toString() : QString();
}

const core::RolloutPreviewItem *RolloutDialog::previewItem(const QString &branchId) const
{
    if (!m_preview)
        return nullptr;
    for (const core::RolloutPreviewItem &item : m_preview->items) {
        if (item.branch.id == branchId)
            return &item;
    }
    return nullptr;
}

const core::RolloutBranch *RolloutDialog::rolloutBranch(const QString &branchId) const
{
    if (!m_rollout)
        return nullptr;
    for (const core::RolloutBranch &b : m_rollout->branches) {
        if (b.branchId == branchId)
            return &b;
    }
    return nullptr;
}

void RolloutDialog::clearPreview()
{
    if (m_busy || m_rollout)
        return;
    m_preview.reset();
    for (int i = 0; i < m_branches->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_branches->topLevelItem(i);
        item->setText(OutcomeColumn, QString());
        item->setIcon(OutcomeColumn, QIcon());
        item->setText(DetailColumn, QString());
    }
    m_summary->setText(tr("Choose the change and the branches, then preview."));
    showCurrentDiff();
    updateButtons();
}

void RolloutDialog::setBusy(bool busy, const QString &label)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_cancelButton->setEnabled(busy);
    m_progress->setRange(0, 0);
    m_progress->setFormat(label + QStringLiteral(" %v/%m"));
    m_change->setEnabled(!busy && !m_rollout);
    updateButtons();
}

void RolloutDialog::showError(const QString &sentence)
{
    m_error->setText(sentence);
    m_error->setVisible(!sentence.isEmpty());
}

void RolloutDialog::updateButtons()
{
    const QStringList checked = checkedIds();
    bool allPreviewed = m_preview.has_value() && !checked.isEmpty();
    for (const QString &id : checked)
        allPreviewed = allPreviewed && previewItem(id);
    const bool idle = !m_busy && !m_confirmation;
    m_previewButton->setEnabled(idle && !m_rollout && !checked.isEmpty());
    m_applyButton->setEnabled(idle && !m_rollout && allPreviewed &&
                              !m_notes->text().trimmed().isEmpty());
    m_applyButton->setText(tr("&Apply to %n Branch(es)", nullptr, int(checked.size())));
    m_applyButton->setToolTip(m_notes->text().trimmed().isEmpty()
                                  ? tr("Write notes first: each version written names the "
                                       "rollout and your notes.")
                              : allPreviewed ? QString()
                                             : tr("Preview the chosen branches first."));
    const core::RolloutBranch *current = rolloutBranch(currentBranchId());
    m_resolveButton->setEnabled(idle && current &&
                                current->outcome == core::RolloutOutcome::Conflict &&
                                previewItem(current->branchId));
    const bool wrote = m_rollout && (m_rollout->count(core::RolloutOutcome::Applied) +
                                         m_rollout->count(core::RolloutOutcome::Resolved) >
                                     0);
    m_undoButton->setVisible(m_rollout.has_value());
    m_undoButton->setEnabled(idle && wrote && !m_rollout->undoneAt);
}

void RolloutDialog::cancelRunning()
{
    m_stop.request_stop();
    m_cancelButton->setEnabled(false);
    m_summary->setText(tr("Stopping after the current branch…"));
}

void RolloutDialog::startPreview()
{
    const QStringList ids = checkedIds();
    if (ids.isEmpty() || m_busy)
        return;
    showError({});
    setBusy(true, tr("Previewing"));
    m_change->build([this, ids](core::Result<core::RolloutChange> change) {
        if (!change) {
            setBusy(false);
            showError(errorText(change.error()));
            return;
        }
        m_stop = std::stop_source();
        m_rollouts
            ->preview(this, change.value(), ids, m_stop,
                      [this](core::Result<core::RolloutPreview> preview) {
                          setBusy(false);
                          if (!preview) {
                              showError(errorText(preview.error()));
                              return;
                          }
                          onPreview(preview.value());
                      })
            .onProgress([this](const TaskProgress &p) {
                m_progress->setRange(0, int(p.total));
                m_progress->setValue(int(p.done));
            });
    });
}

void RolloutDialog::onPreview(const core::RolloutPreview &preview)
{
    m_preview = preview;
    using P = core::RolloutPreviewOutcome;
    for (const core::RolloutPreviewItem &item : preview.items) {
        QTreeWidgetItem *row = itemOf(item.branch.id);
        if (!row)
            continue;
        row->setText(OutcomeColumn, RolloutTexts::previewOutcome(item));
        row->setIcon(OutcomeColumn, RolloutTexts::previewIcon(item.outcome));
        row->setText(DetailColumn, RolloutTexts::previewDetail(item));
        // Nothing to do where it cannot go or is there already.
        if (item.outcome == P::Denied || item.outcome == P::NoActiveVersion)
            row->setCheckState(BranchColumn, Qt::Unchecked);
    }
    m_summary->setText(RolloutTexts::previewSummary(preview));
    if (!m_branches->currentItem() && !preview.items.isEmpty())
        selectBranch(preview.items.constFirst().branch.id);
    showCurrentDiff();
    updateButtons();
}

void RolloutDialog::showCurrentDiff()
{
    const core::RolloutPreviewItem *item = previewItem(currentBranchId());
    const QString name =
        m_branches->currentItem() ? m_branches->currentItem()->text(BranchColumn) : QString();
    if (!item || item->outcome == core::RolloutPreviewOutcome::Denied ||
        item->outcome == core::RolloutPreviewOutcome::NoActiveVersion) {
        m_diff->setSides(DiffWindow::sideFromConfig(tr("active"), {}),
                         DiffWindow::sideFromConfig(tr("proposed"), {}));
    } else {
        m_diff->setSides(DiffWindow::sideFromConfig(
                             tr("%1 v%2 (active)").arg(name).arg(item->baseVersion), item->active),
                         DiffWindow::sideFromConfig(tr("%1 proposed").arg(name), item->proposed));
    }
    updateButtons();
}

void RolloutDialog::startApply()
{
    if (!m_preview || m_busy)
        return;
    QList<core::RolloutPreviewItem> items;
    for (const QString &id : checkedIds()) {
        if (const core::RolloutPreviewItem *item = previewItem(id))
            items << *item;
    }
    showError({});
    setBusy(true, tr("Applying"));
    m_stop = std::stop_source();
    m_rollouts
        ->apply(this, m_preview->change, items, m_notes->text().trimmed(), m_stop,
                [this](core::Result<core::Rollout> rollout) {
                    setBusy(false);
                    if (!rollout) {
                        showError(errorText(rollout.error()));
                        return;
                    }
                    onRollout(rollout.value());
                    emit versionsWritten();
                })
        .onProgress([this](const TaskProgress &p) {
            m_progress->setRange(0, int(p.total));
            m_progress->setValue(int(p.done));
        });
}

void RolloutDialog::onRollout(const core::Rollout &rollout)
{
    m_rollout = rollout;
    for (const core::RolloutBranch &b : rollout.branches) {
        QTreeWidgetItem *row = itemOf(b.branchId);
        if (!row)
            continue;
        row->setFlags(row->flags() & ~Qt::ItemIsUserCheckable);
        row->setData(BranchColumn, Qt::CheckStateRole, QVariant());
        row->setText(OutcomeColumn, RolloutTexts::outcome(b));
        row->setIcon(OutcomeColumn, RolloutTexts::icon(b.outcome));
        const QString undo = RolloutTexts::undo(b);
        row->setText(DetailColumn, undo.isEmpty() ? RolloutTexts::detail(b) : undo);
    }
    m_change->setEnabled(false);
    m_notes->setReadOnly(true);
    m_summary->setText(rollout.undoneAt ? RolloutTexts::undoSummary(rollout)
                                        : RolloutTexts::summary(rollout));
    setWindowTitle(tr("Rollout #%1").arg(rollout.id));
    updateButtons();
}

void RolloutDialog::resolveSelected()
{
    const core::RolloutBranch *branch = rolloutBranch(currentBranchId());
    const core::RolloutPreviewItem *item = branch ? previewItem(branch->branchId) : nullptr;
    if (!item || branch->outcome != core::RolloutOutcome::Conflict)
        return;
    openMerge(*item);
}

void RolloutDialog::openMerge(const core::RolloutPreviewItem &item)
{
    if (m_merge && m_mergeBranch == item.branch.id) {
        m_merge->raise();
        m_merge->activateWindow();
        return;
    }
    delete m_merge.data(); // one branch at a time
    const QString name = itemOf(item.branch.id)->text(BranchColumn);
    auto *window = new MergeWindow(this);
    window->setObjectName(QStringLiteral("rolloutMergeWindow"));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setValidationContext(core::BranchService::validationContext(item.branch));
    const core::RolloutChange &change = m_preview->change;
    if (!window->setInputs(DiffWindow::sideFromConfig(tr("before the change"), change.before),
                           DiffWindow::sideFromConfig(
                               tr("%1 v%2 (active)").arg(name).arg(item.baseVersion), item.active),
                           DiffWindow::sideFromConfig(tr("after the change"), change.after))) {
        showError(window->errorString());
        delete window;
        return;
    }
    window->setWindowTitle(
        tr("%1 — merge rollout #%2 into v%3").arg(name).arg(m_rollout->id).arg(item.baseVersion));
    m_merge = window;
    m_mergeBranch = item.branch.id;
    connect(window, &MergeWindow::deployRequested, this,
            [this, window, branchId = item.branch.id,
             base = item.baseVersion](const core::AgentConfig &result) {
                m_merge = nullptr;
                window->close();
                showError({});
                setBusy(true, tr("Deploying"));
                m_rollouts->resolve(this, m_rollout->id, branchId, base, result,
                                    [this](core::Result<core::RolloutBranch> resolved) {
                                        setBusy(false);
                                        if (!resolved) {
                                            showError(errorText(resolved.error()));
                                            return;
                                        }
                                        onResolved(resolved.value());
                                        emit versionsWritten();
                                    });
            });
    window->show();
    window->raise();
    window->activateWindow();
}

void RolloutDialog::onResolved(const core::RolloutBranch &branch)
{
    for (core::RolloutBranch &b : m_rollout->branches) {
        if (b.branchId == branch.branchId)
            b = branch;
    }
    onRollout(*m_rollout);
}

void RolloutDialog::confirmUndo()
{
    if (!m_rollout || m_confirmation)
        return;
    const int written = m_rollout->count(core::RolloutOutcome::Applied) +
                        m_rollout->count(core::RolloutOutcome::Resolved);
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Undo Rollout"),
        tr("Roll %n branch(es) back to the version they had before rollout #%1? Branches deployed "
           "since are listed and left as they are.",
           nullptr, written)
            .arg(m_rollout->id),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("undoRolloutConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("&Undo Rollout"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, confirm] {
        const bool confirmed = box->clickedButton() == confirm;
        m_confirmation = nullptr;
        updateButtons();
        if (!confirmed)
            return;
        showError({});
        setBusy(true, tr("Undoing"));
        m_rollouts->undo(this, m_rollout->id, [this](core::Result<core::Rollout> undone) {
            setBusy(false);
            if (!undone) {
                showError(errorText(undone.error()));
                return;
            }
            onRollout(undone.value());
            emit versionsWritten();
        });
    });
    updateButtons();
    box->open();
}

void RolloutDialog::closeEvent(QCloseEvent *event)
{
    // Closing while applying stops after the current branch; what was done
    // stays recorded (the audit log and `rollout-undo` reach it).
    m_stop.request_stop();
    if (m_merge)
        m_merge->close();
    event->accept();
}

} // namespace retell::ui
