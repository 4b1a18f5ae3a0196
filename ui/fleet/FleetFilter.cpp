#include "fleet/FleetFilter.h"

#include "fleet/FleetModel.h"

namespace retell::ui {

FleetFilter::FleetFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

FleetFilter::~FleetFilter() = default;

void FleetFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void FleetFilter::setCompanyId(const QString &companyId)
{
    m_companyId = companyId;
    invalidateFilter();
}

void FleetFilter::setTemplateName(const std::optional<QString> &name)
{
    m_template = name;
    invalidateFilter();
}

void FleetFilter::setStatus(std::optional<int> status)
{
    m_status = status;
    invalidateFilter();
}

void FleetFilter::setDrift(Drift drift)
{
    m_drift = drift;
    invalidateFilter();
}

bool FleetFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_companyId.isEmpty() && index.data(FleetModel::CompanyIdRole).toString() != m_companyId)
        return false;
    if (m_template && index.data(FleetModel::TemplateRole).toString() != *m_template)
        return false;
    if (m_status && index.data(FleetModel::StatusRole).toInt() != *m_status)
        return false;
    const int drift = index.data(FleetModel::DriftRole).toInt();
    if (m_drift == Drift::Drifted && drift <= 0)
        return false;
    if (m_drift == Drift::Same && drift != 0)
        return false;
    return m_text.isEmpty() ||
           index.data(FleetModel::FilterTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace retell::ui
