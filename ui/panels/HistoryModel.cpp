#include "panels/HistoryModel.h"

#include "panels/StatusIcons.h"
#include "services/DisplayText.h"
#include "versions/VersionNotes.h"

#include <QFont>
#include <QLocale>

#include <limits>

namespace retell::ui {

QString HistoryModel::notesText(const QString &stored)
{
    const core::AutomaticNote note = core::parseAutomaticNote(stored);
    if (note.kind == core::AutomaticNote::Kind::None)
        return stored;
    const QString what = note.kind == core::AutomaticNote::Kind::Rollout
                             ? tr("Rollout #%1").arg(note.version)
                             : tr("Rollback to version %1").arg(note.version);
    return note.adminNote.isEmpty() ? what : tr("%1: %2").arg(what, note.adminNote);
}

HistoryModel::HistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setBranch(const QString &branchId)
{
    beginResetModel();
    m_rows.clear();
    if (branchId != m_branchId) { // a reload keeps the Retell column until it is read again
        m_retell.clear();
        m_retellOtherwise.clear();
    }
    m_branchId = branchId;
    ++m_generation;
    m_fetching = false;
    m_hasMore = !branchId.isEmpty();
    m_total = 0;
    m_pending.clear();
    for (const core::QueuedOperation &op : std::as_const(m_allPending)) {
        if (op.branchId == branchId)
            m_pending << op;
    }
    endResetModel();
    if (m_hasMore)
        fetchMore({});
}

void HistoryModel::setPendingOperations(const QList<core::QueuedOperation> &operations)
{
    m_allPending = operations;
    updatePending();
}

void HistoryModel::updatePending()
{
    QList<core::QueuedOperation> pending;
    for (const core::QueuedOperation &op : std::as_const(m_allPending)) {
        if (op.branchId == m_branchId)
            pending << op;
    }
    const int before = int(m_pending.size());
    const int after = int(pending.size());
    if (after < before) {
        beginRemoveRows({}, after, before - 1);
        m_pending.resize(after);
        endRemoveRows();
    } else if (after > before) {
        beginInsertRows({}, before, after - 1);
        m_pending.append(pending.mid(before));
        endInsertRows();
    }
    m_pending = pending;
    if (after > 0)
        emit dataChanged(index(0, 0), index(after - 1, ColumnCount - 1));
}

void HistoryModel::setRetellMarks(const QString &branchId, const QHash<int, RetellMark> &byVersion,
                                  const QString &otherwise)
{
    if (branchId != m_branchId)
        return; // an answer about a branch no longer shown
    m_retell = byVersion;
    m_retellOtherwise = otherwise;
    if (rowCount() > 0)
        emit dataChanged(index(0, RetellColumn), index(rowCount() - 1, RetellColumn));
}

int HistoryModel::rowOfVersion(int version) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).version == version)
            return row + int(m_pending.size());
    }
    return -1;
}

std::optional<int> HistoryModel::activeVersion() const
{
    for (const core::VersionSummary &row : m_rows) {
        if (row.isActive)
            return row.version;
    }
    return std::nullopt;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pending.size() + m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == PendingRole)
        return isPendingRow(index.row());
    if (isPendingRow(index.row()))
        return pendingData(m_pending.at(index.row()), Column(index.column()), role);
    const core::VersionSummary &row = summary(index.row());
    if (role == VersionRole)
        return row.version;
    if (role == ActiveRole)
        return row.isActive;
    const auto column = Column(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case VersionColumn:
            return QStringLiteral("v%1").arg(row.version);
        case ActiveColumn:
            return row.isActive ? tr("active") : QString();
        case RetellColumn:
            return m_retell.value(row.version, RetellMark{m_retellOtherwise, {}}).text;
        case TemplateColumn:
            return row.templateName;
        case StatusColumn:
            return statusText(row.validationStatus);
        case DeployedByColumn:
            return row.deployedByName;
        case DeployedAtColumn:
            return row.deployedAt.isValid()
                       ? QLocale().toString(row.deployedAt.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case NotesColumn:
            return notesText(row.notes).simplified();
        case ColumnCount:
            break;
        }
    } else if (role == SortRole) {
        switch (column) {
        case VersionColumn:
            return row.version;
        case ActiveColumn:
            return row.isActive ? 1 : 0;
        case StatusColumn:
            return int(row.validationStatus);
        case DeployedAtColumn:
            return row.deployedAt;
        default:
            return data(index, Qt::DisplayRole);
        }
    } else if (role == Qt::DecorationRole) {
        if (column == StatusColumn)
            return statusIcon(row.validationStatus);
        if (column == ActiveColumn && row.isActive)
            return activeIcon();
    } else if (role == Qt::ToolTipRole && column == NotesColumn) {
        return notesText(row.notes);
    } else if (role == Qt::ToolTipRole && column == RetellColumn) {
        return m_retell.value(row.version).toolTip;
    } else if (role == Qt::FontRole && row.isActive) {
        QFont font;
        font.setBold(true);
        return font;
    } else if (role == Qt::TextAlignmentRole && column == VersionColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant HistoryModel::pendingData(const core::QueuedOperation &op, Column column, int role) const
{
    using Op = core::QueuedOperation;
    if (role == VersionRole)
        return 0;
    if (role == ActiveRole)
        return false;
    if (role == Qt::FontRole) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ToolTipRole)
        return tr("Queued offline: it gets its version number when the sync applies it.");
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case VersionColumn:
        // Above every version when sorted newest first.
        return role == SortRole ? QVariant(std::numeric_limits<int>::max()) : tr("queued");
    case StatusColumn:
        return op.state == Op::State::Conflict  ? tr("conflict: merge in the outbox")
               : op.state == Op::State::Refused ? tr("refused by the server")
                                                : tr("waits for the server");
    case TemplateColumn:
        return op.templateName;
    case DeployedAtColumn:
        return role == SortRole
                   ? QVariant(op.createdAt)
                   : QLocale().toString(op.createdAt.toLocalTime(), QLocale::ShortFormat);
    case NotesColumn: {
        const QString what = op.kind == Op::Kind::Rollback
                                 ? tr("Rollback to version %1 (queued)").arg(op.toVersion)
                                 : tr("Deploy (queued)");
        return op.notes.isEmpty() ? what : tr("%1: %2").arg(what, op.notes.simplified());
    }
    default:
        return QString();
    }
}

Qt::ItemFlags HistoryModel::flags(const QModelIndex &index) const
{
    if (index.isValid() && isPendingRow(index.row()))
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return QAbstractTableModel::flags(index);
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case VersionColumn:
        return tr("Version");
    case ActiveColumn:
        return tr("Active");
    case RetellColumn:
        return tr("Retell");
    case TemplateColumn:
        return tr("Template");
    case StatusColumn:
        return tr("Validation");
    case DeployedByColumn:
        return tr("Deployed by");
    case DeployedAtColumn:
        return tr("Deployed at");
    case NotesColumn:
        return tr("Notes");
    case ColumnCount:
        break;
    }
    return {};
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_fetching && m_loader;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    const int before = m_rows.isEmpty() ? 0 : m_rows.constLast().version;
    m_loader(m_branchId, before, [this, generation](core::Result<core::HistoryPage> page) {
        if (generation != m_generation)
            return;
        if (!page) {
            m_fetching = false;
            m_hasMore = false;
            emit loadFailed(errorText(page.error()));
            return;
        }
        m_total = page->total;
        // Still "fetching" while rows go in: views may ask for more from
        // inside the insert notifications.
        if (!page->rows.isEmpty()) {
            const int first = rowCount();
            beginInsertRows({}, first, first + int(page->rows.size()) - 1);
            m_rows.append(page->rows);
            endInsertRows();
        }
        m_hasMore = page->hasMore;
        m_fetching = false;
        emit pageLoaded();
    });
}

} // namespace retell::ui
