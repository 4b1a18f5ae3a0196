#include "audit/AuditModel.h"

#include "access/RoleNames.h"
#include "panels/HistoryModel.h"

#include <QLocale>

namespace retell::ui {

AuditModel::AuditModel(QObject *parent) : QAbstractTableModel(parent) {}

AuditModel::~AuditModel() = default;

void AuditModel::setEntries(const QList<core::AuditEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

QString AuditModel::kindText(core::AuditKind kind)
{
    switch (kind) {
    case core::AuditKind::Deploy:
        return tr("deploy");
    case core::AuditKind::Rollback:
        return tr("rollback");
    case core::AuditKind::Import:
        return tr("import");
    case core::AuditKind::Rollout:
        return tr("rollout");
    case core::AuditKind::Grant:
        return tr("grant");
    case core::AuditKind::Revoke:
        return tr("revoke");
    case core::AuditKind::LoginRefused:
        return tr("login refused");
    case core::AuditKind::OperationRefused:
        return tr("refused");
    case core::AuditKind::RetellLink:
        return tr("Retell link");
    case core::AuditKind::RetellUnlink:
        return tr("Retell unlink");
    }
    return {};
}

bool AuditModel::hasDiff(const core::AuditEntry &entry)
{
    return !entry.branchId.isEmpty() && entry.version > 0;
}

QString AuditModel::detailsText(const core::AuditEntry &e)
{
    switch (e.kind) {
    case core::AuditKind::Grant:
    case core::AuditKind::Revoke: {
        const QString role = e.role ? roleDisplayName(*e.role) : QString();
        const QString where = e.scope == core::GrantScope::Global ? tr("everything")
                              : !e.branchName.isEmpty()           ? e.branchName
                              : !e.companyName.isEmpty()          ? e.companyName
                                                                  : e.scopeId;
        return e.kind == core::AuditKind::Grant
                   ? tr("%1 made %2 of %3").arg(e.subjectEmail, role, where)
                   : tr("%1 no longer %2 of %3").arg(e.subjectEmail, role, where);
    }
    case core::AuditKind::OperationRefused:
        return tr("%1 refused: %2").arg(e.operation, e.detail);
    case core::AuditKind::LoginRefused:
    case core::AuditKind::RetellLink:
    case core::AuditKind::RetellUnlink:
        return e.detail;
    case core::AuditKind::Rollout:
        return e.rolloutId > 0
                   ? tr("rollout #%1: %2").arg(e.rolloutId).arg(HistoryModel::notesText(e.notes))
                   : HistoryModel::notesText(e.notes);
    default:
        return HistoryModel::notesText(e.notes);
    }
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::display(const core::AuditEntry &e, Column column) const
{
    switch (column) {
    case AtColumn:
        return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
    case KindColumn:
        return kindText(e.kind);
    case UserColumn:
        return e.userName.isEmpty() ? e.userEmail : tr("%1 <%2>").arg(e.userName, e.userEmail);
    case CompanyColumn:
        return e.companyName;
    case BranchColumn:
        return e.branchName;
    case VersionColumn:
        return e.version > 0 ? QStringLiteral("v%1").arg(e.version) : QString();
    case DetailsColumn:
        return detailsText(e);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::AuditEntry &e = m_entries.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(e, column);
    case Qt::ToolTipRole:
        return column == DetailsColumn ? detailsText(e) : QVariant();
    case SortRole:
        if (column == AtColumn)
            return e.at;
        if (column == VersionColumn)
            return e.version;
        return display(e, column).toString().toLower();
    case KindRole:
        return int(e.kind);
    case HasDiffRole:
        return hasDiff(e);
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case AtColumn:
        return tr("When");
    case KindColumn:
        return tr("What");
    case UserColumn:
        return tr("Who");
    case CompanyColumn:
        return tr("Company");
    case BranchColumn:
        return tr("Branch");
    case VersionColumn:
        return tr("Version");
    case DetailsColumn:
        return tr("Details");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace retell::ui
