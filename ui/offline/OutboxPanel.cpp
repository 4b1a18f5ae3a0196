#include "offline/OutboxPanel.h"

#include "offline/OutboxModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace retell::ui {

using Op = core::QueuedOperation;

OutboxPanel::OutboxPanel(QWidget *parent)
    : QWidget(parent), m_model(new OutboxModel(this)), m_caption(new QLabel(this)),
      m_view(new QTableView(this)), m_sync(new QPushButton(tr("&Sync Now"), this)),
      m_retry(new QPushButton(tr("Re&try"), this)), m_drop(new QPushButton(tr("Dro&p…"), this)),
      m_merge(new QPushButton(tr("Open &Merge…"), this)),
      m_undo(new QPushButton(tr("&Undo Drop"), this))
{
    setObjectName(QStringLiteral("outboxPanel"));
    m_view->setObjectName(QStringLiteral("outboxView"));
    m_sync->setObjectName(QStringLiteral("outboxSyncButton"));
    m_retry->setObjectName(QStringLiteral("outboxRetryButton"));
    m_drop->setObjectName(QStringLiteral("outboxDropButton"));
    m_merge->setObjectName(QStringLiteral("outboxMergeButton"));
    m_undo->setObjectName(QStringLiteral("outboxUndoDropButton"));
    m_undo->setToolTip(tr("Put the dropped operation back in the outbox, in its place"));
    m_undo->hide();
    m_retry->setToolTip(tr("Send the selected operation again on the next sync"));
    m_drop->setToolTip(tr("Remove the selected operation from the outbox; it is never sent"));
    m_merge->setToolTip(tr("Merge the queued edit with the version active now"));
    m_caption->setWordWrap(true);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(OutboxModel::ErrorColumn,
                                                     QHeaderView::Stretch);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_sync);
    buttons->addStretch(1);
    buttons->addWidget(m_merge);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_drop);
    buttons->addWidget(m_undo);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_sync, &QPushButton::clicked, this, &OutboxPanel::syncRequested);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (const auto op = currentOperation())
            emit retryRequested(op->id);
    });
    connect(m_drop, &QPushButton::clicked, this, &OutboxPanel::confirmDrop);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        m_undo->hide();
        if (auto op = std::exchange(m_dropped, std::nullopt))
            emit restoreRequested(*op);
    });
    connect(m_merge, &QPushButton::clicked, this, [this] {
        if (const auto op = currentOperation(); op && op->state == Op::State::Conflict)
            emit mergeRequested(*op);
    });
    connect(m_view, &QTableView::doubleClicked, m_merge, &QPushButton::click);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OutboxPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OutboxPanel::updateButtons);
    updateCaption();
    updateButtons();
}

OutboxPanel::~OutboxPanel() = default;

void OutboxPanel::setOperations(const QList<Op> &operations)
{
    const auto current = currentOperation();
    m_model->setOperations(operations);
    if (current && !selectOperation(current->id) && !operations.isEmpty())
        selectOperation(operations.constFirst().id);
    else if (!current && !operations.isEmpty())
        selectOperation(operations.constFirst().id);
    updateCaption();
    updateButtons();
}

void OutboxPanel::setBranchNames(const QHash<QString, QString> &names)
{
    m_model->setBranchNames(names);
}

void OutboxPanel::setSyncAvailable(bool available)
{
    m_syncAvailable = available;
    updateButtons();
}

std::optional<Op> OutboxPanel::currentOperation() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return std::nullopt;
    return m_model->operation(rows.constFirst().row());
}

bool OutboxPanel::selectOperation(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void OutboxPanel::updateButtons()
{
    const auto op = currentOperation();
    m_sync->setEnabled(m_syncAvailable && m_model->rowCount() > 0);
    // A conflict is resolved by its merge; sending it again as it is would conflict again.
    m_retry->setEnabled(op && op->state == Op::State::Refused && !m_confirmation);
    m_drop->setEnabled(op.has_value() && !m_confirmation);
    m_merge->setEnabled(op && op->state == Op::State::Conflict && m_syncAvailable);
}

void OutboxPanel::updateCaption()
{
    const int total = m_model->rowCount();
    if (total == 0) {
        m_caption->setText(tr("Nothing waits for the shared database."));
        return;
    }
    QString text = tr("%n operation(s) wait for the shared database.", nullptr, total);
    if (const int conflicts = m_model->count(Op::State::Conflict); conflicts > 0)
        text += QLatin1Char(' ') +
                tr("%n conflict(s): open the merge to decide what goes.", nullptr, conflicts);
    if (const int refused = m_model->count(Op::State::Refused); refused > 0)
        text += QLatin1Char(' ') + tr("%n refused by the server: retry or drop.", nullptr, refused);
    m_caption->setText(text);
}

void OutboxPanel::confirmDrop()
{
    const auto op = currentOperation();
    if (!op || m_confirmation)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Drop Queued Operation"),
        tr("Drop the queued %1 of %2? It is never sent to the shared database.")
            .arg(OutboxModel::kindText(op->kind),
                 m_model->data(m_model->index(m_model->rowOf(op->id), OutboxModel::BranchColumn))
                     .toString()),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("dropOperationConfirmation"));
    box->setInformativeText(tr("Undo Drop puts it back until you drop another one."));
    QPushButton *confirm = box->addButton(tr("&Drop"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDropButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, confirm, dropped = *op] {
        const bool confirmed = box->clickedButton() == confirm;
        m_confirmation = nullptr;
        updateButtons();
        if (!confirmed)
            return;
        // Kept for Undo Drop until the next drop.
        m_dropped = dropped;
        m_undo->show();
        emit dropRequested(dropped.id);
    });
    updateButtons();
    box->open();
}

} // namespace retell::ui
