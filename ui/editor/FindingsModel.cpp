#include "FindingsModel.h"

namespace retell::ui {

using core::Finding;
using core::FindingTarget;

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent) {}

FindingsModel::~FindingsModel() = default;

void FindingsModel::setFindings(const QList<Finding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

Finding FindingsModel::finding(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_findings.size())
        return {};
    return m_findings.at(index.row());
}

void FindingsModel::setTheme(const EditorTheme &theme)
{
    m_errorIcon = theme.severityIcon(core::Severity::Error);
    m_warningIcon = theme.severityIcon(core::Severity::Warning);
    if (!m_findings.isEmpty())
        emit dataChanged(index(0, MessageColumn), index(rowCount() - 1, MessageColumn),
                         {Qt::DecorationRole});
}

QString FindingsModel::locationText(const Finding &finding)
{
    const QString document = finding.target == FindingTarget::Prompt ? tr("Prompt") : tr("Tools");
    if (finding.line > 0) {
        return tr("%1, line %2, col %3")
            .arg(document)
            .arg(finding.line)
            .arg(qMax(1, finding.column));
    }
    if (!finding.jsonPath.isEmpty())
        return tr("%1, %2").arg(document, finding.jsonPath);
    return document;
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Finding &f = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == MessageColumn ? core::findingMessage(f) : locationText(f);
    case Qt::DecorationRole:
        if (index.column() == MessageColumn)
            return f.isError() ? m_errorIcon : m_warningIcon;
        return {};
    case Qt::ToolTipRole: {
        const QString severity = f.isError() ? tr("Error") : tr("Warning");
        QString tip =
            QStringLiteral("<b>%1</b> <code>%2</code><br>%3")
                .arg(severity, f.code.toHtmlEscaped(), core::findingMessage(f).toHtmlEscaped());
        if (!f.jsonPath.isEmpty())
            tip += QStringLiteral("<br><code>%1</code>").arg(f.jsonPath.toHtmlEscaped());
        return tip;
    }
    case SeverityRole:
        return int(f.severity);
    case CodeRole:
        return f.code;
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MessageColumn:
        return tr("Problem");
    case LocationColumn:
        return tr("Where");
    default:
        return {};
    }
}

} // namespace retell::ui
