#include "fleet/FleetModel.h"

#include "panels/StatusIcons.h"

#include <QLocale>

#include <algorithm>

namespace retell::ui {

namespace {
// Lines + tools changed; -1 without a reference.
int driftSize(const core::FleetRow &row)
{
    if (!row.drift.computed)
        return -1;
    return row.drift.lines() + std::max(0, row.drift.toolsChanged) +
           (row.drift.toolsChanged < 0 ? 1 : 0);
}
} // namespace

FleetModel::FleetModel(QObject *parent) : QAbstractTableModel(parent) {}

FleetModel::~FleetModel() = default;

void FleetModel::setRows(const QList<core::FleetRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int FleetModel::rowOfBranch(const QString &branchId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).branch.id == branchId)
            return i;
    }
    return -1;
}

void FleetModel::setDraftBranches(const QSet<QString> &branchIds)
{
    m_drafts = branchIds;
    markersChanged();
}

void FleetModel::setQueuedCounts(const QHash<QString, int> &counts)
{
    m_queued = counts;
    markersChanged();
}

void FleetModel::setRetellMarks(const QHash<QString, RetellMark> &marks)
{
    m_retell = marks;
    markersChanged();
}

void FleetModel::markersChanged()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QString FleetModel::driftText(const core::FleetRow &row)
{
    const core::FleetDrift &drift = row.drift;
    if (!drift.computed)
        return {};
    if (drift.none())
        return tr("same");
    QStringList parts;
    if (drift.lines() > 0)
        parts << tr("%n line(s)", nullptr, drift.lines());
    if (drift.toolsChanged > 0)
        parts << tr("%n tool(s)", nullptr, drift.toolsChanged);
    else if (drift.toolsChanged < 0)
        parts << tr("tools not comparable");
    return parts.join(QStringLiteral(", "));
}

QString FleetModel::localText(const QString &branchId) const
{
    QStringList parts;
    if (m_drafts.contains(branchId))
        parts << tr("draft");
    if (const int queued = m_queued.value(branchId); queued > 0)
        parts << tr("%n queued", nullptr, queued);
    return parts.join(QStringLiteral(" · "));
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::display(const core::FleetRow &row, Column column) const
{
    switch (column) {
    case CompanyColumn:
        return row.branch.companyName;
    case BranchColumn:
        return row.branch.name;
    case VersionColumn:
        return row.branch.activeVersion ? QStringLiteral("v%1").arg(*row.branch.activeVersion)
                                        : tr("none");
    case TemplateColumn:
        return row.templateName;
    case DeployedAtColumn:
        return row.deployedAt.isValid()
                   ? QLocale().toString(row.deployedAt.toLocalTime(), QLocale::ShortFormat)
                   : QString();
    case DeployedByColumn:
        return row.deployedByName;
    case StatusColumn:
        return row.branch.activeVersion ? statusText(row.branch.activeStatus) : QString();
    case TokensColumn:
        return row.branch.activeVersion ? QLocale().toString(row.estimatedTokens) : QString();
    case DriftColumn:
        return driftText(row);
    case RetellColumn:
        return m_retell.value(row.branch.id).text;
    case LocalColumn:
        return localText(row.branch.id);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant FleetModel::sortKey(const core::FleetRow &row, Column column) const
{
    switch (column) {
    case VersionColumn:
        return row.branch.activeVersion.value_or(0);
    case DeployedAtColumn:
        return row.deployedAt;
    case StatusColumn:
        return row.branch.activeVersion ? int(row.branch.activeStatus) : -1;
    case TokensColumn:
        return row.estimatedTokens;
    case DriftColumn:
        return driftSize(row);
    case LocalColumn:
        return int(m_drafts.contains(row.branch.id)) + m_queued.value(row.branch.id);
    default:
        return display(row, column).toString().toLower();
    }
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::FleetRow &row = m_rows.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        if (column == LocalColumn && m_drafts.contains(row.branch.id))
            return tr("You have an unsaved draft of this branch on this computer.");
        if (column == RetellColumn)
            return m_retell.value(row.branch.id).toolTip;
        if (column == DriftColumn && !row.drift.computed)
            return tr("No reference to compare with: choose a template or a branch.");
        if (column == DriftColumn)
            return tr("Compared with %1: %n line(s) added,", nullptr, row.drift.linesAdded)
                       .arg(row.referenceLabel) +
                   QLatin1Char(' ') + tr("%n removed", nullptr, row.drift.linesRemoved);
        return {};
    case Qt::DecorationRole:
        if (column == StatusColumn && row.branch.activeVersion)
            return statusIcon(row.branch.activeStatus);
        if (column == LocalColumn && m_drafts.contains(row.branch.id))
            return draftIcon();
        return {};
    case Qt::TextAlignmentRole:
        if (column == VersionColumn || column == TokensColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortKey(row, column);
    case BranchIdRole:
        return row.branch.id;
    case CompanyIdRole:
        return row.branch.companyId;
    case TemplateRole:
        return row.templateName;
    case StatusRole:
        return row.branch.activeVersion ? int(row.branch.activeStatus) : -1;
    case DriftRole:
        return driftSize(row);
    case DraftRole:
        return m_drafts.contains(row.branch.id);
    case QueuedRole:
        return m_queued.value(row.branch.id);
    case FilterTextRole:
        return QStringList{row.branch.companyName, row.branch.name, row.templateName,
                           row.deployedByName}
            .join(QLatin1Char('\n'));
    default:
        return {};
    }
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case CompanyColumn:
        return tr("Company");
    case BranchColumn:
        return tr("Branch");
    case VersionColumn:
        return tr("Active");
    case TemplateColumn:
        return tr("Template");
    case DeployedAtColumn:
        return tr("Deployed");
    case DeployedByColumn:
        return tr("By");
    case StatusColumn:
        return tr("Validation");
    case TokensColumn:
        return tr("Tokens");
    case DriftColumn:
        return tr("Drift");
    case RetellColumn:
        return tr("Retell");
    case LocalColumn:
        return tr("Local");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace retell::ui
