#include "offline/OutboxModel.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace retell::ui {

using Op = core::QueuedOperation;

OutboxModel::OutboxModel(QObject *parent) : QAbstractTableModel(parent) {}

OutboxModel::~OutboxModel() = default;

void OutboxModel::setOperations(const QList<Op> &operations)
{
    // Same operations in the same order (the usual refresh): the rows change in place.
    const bool sameRows = operations.size() == m_operations.size() &&
                          std::equal(operations.cbegin(), operations.cend(), m_operations.cbegin(),
                                     [](const Op &a, const Op &b) { return a.id == b.id; });
    if (sameRows) {
        m_operations = operations;
        if (!m_operations.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_operations = operations;
    endResetModel();
}

void OutboxModel::setBranchNames(const QHash<QString, QString> &names)
{
    m_branchNames = names;
    if (!m_operations.isEmpty())
        emit dataChanged(index(0, BranchColumn), index(rowCount() - 1, BranchColumn));
}

int OutboxModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_operations.size(); ++row) {
        if (m_operations.at(row).id == id)
            return row;
    }
    return -1;
}

int OutboxModel::count(Op::State state) const
{
    return int(std::count_if(m_operations.cbegin(), m_operations.cend(),
                             [state](const Op &op) { return op.state == state; }));
}

QString OutboxModel::kindText(Op::Kind kind)
{
    switch (kind) {
    case Op::Kind::Deploy:
        return tr("deploy");
    case Op::Kind::Rollback:
        return tr("rollback");
    case Op::Kind::Import:
        return tr("import");
    case Op::Kind::ApplyTemplate:
        return tr("apply template");
    }
    return {};
}

QString OutboxModel::stateText(Op::State state)
{
    switch (state) {
    case Op::State::Pending:
        return tr("pending");
    case Op::State::Conflict:
        return tr("conflict");
    case Op::State::Refused:
        return tr("refused");
    }
    return {};
}

QString OutboxModel::errorText(const Op &op)
{
    const QString &code = op.lastErrorCode;
    if (code.isEmpty())
        return {};
    if (code == QLatin1String("stale_base"))
        return tr("Another version became active since this edit; open the merge.");
    if (code == QLatin1String("unchanged"))
        return tr("The content equals the version active on the server; nothing to deploy.");
    if (code == QLatin1String("permission"))
        return tr("The server no longer lets you change this branch.");
    if (code == QLatin1String("not_found"))
        return tr("The branch or version no longer exists on the server.");
    if (code == QLatin1String("authentication"))
        return tr("The server refused the login; connect again with the right password.");
    if (code == QLatin1String("connection"))
        return tr("The server could not be reached; it is sent on the next sync.");
    // Validation and the rest: the server's own sentence says what to fix.
    return op.lastErrorMessage;
}

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_operations.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Op &op = m_operations.at(index.row());
    if (role == IdRole)
        return op.id;
    if (role == StateRole)
        return int(op.state);
    const auto column = Column(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case BranchColumn:
            return m_branchNames.value(op.branchId, op.branchId);
        case KindColumn:
            return op.kind == Op::Kind::Rollback ? tr("rollback to v%1").arg(op.toVersion)
                                                 : kindText(op.kind);
        case BaseColumn:
            return op.baseVersion && *op.baseVersion > 0
                       ? QStringLiteral("v%1").arg(*op.baseVersion)
                       : tr("none");
        case StateColumn:
            return stateText(op.state);
        case AttemptsColumn:
            return op.attempts;
        case ErrorColumn:
            return errorText(op);
        case CreatedColumn:
            return QLocale().toString(op.createdAt.toLocalTime(), QLocale::ShortFormat);
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        if (column == ErrorColumn && !op.lastErrorMessage.isEmpty())
            return op.lastErrorMessage;
        if (column == KindColumn && !op.notes.isEmpty())
            return tr("Notes: %1").arg(op.notes);
    } else if (role == Qt::ForegroundRole && column == StateColumn &&
               op.state != Op::State::Pending) {
        return QBrush(QColor(op.state == Op::State::Conflict ? 0xb3403a : 0x9a6a00));
    } else if (role == Qt::TextAlignmentRole &&
               (column == AttemptsColumn || column == BaseColumn)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case BranchColumn:
        return tr("Branch");
    case KindColumn:
        return tr("Operation");
    case BaseColumn:
        return tr("Based on");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case ErrorColumn:
        return tr("Last error");
    case CreatedColumn:
        return tr("Queued at");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace retell::ui
