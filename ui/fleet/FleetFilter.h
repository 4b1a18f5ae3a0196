#pragma once

#include <QSortFilterProxyModel>

#include <optional>

namespace retell::ui {

// The fleet's sort (by FleetModel::SortRole) and filters: a text, one
// company, one template, one validation status, and drift.
class FleetFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetFilter)

public:
    enum class Drift
    {
        Any,
        Drifted, // differs from the reference
        Same     // identical to the reference
    };

    explicit FleetFilter(QObject *parent = nullptr);
    ~FleetFilter() override;

    void setText(const QString &text);
    // Empty: every company / template.
    void setCompanyId(const QString &companyId);
    // std::nullopt: any template; an empty name: branches without one.
    void setTemplateName(const std::optional<QString> &name);
    // std::nullopt: any; -1: nothing deployed; else int(core::ValidationStatus).
    void setStatus(std::optional<int> status);
    void setDrift(Drift drift);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_companyId;
    std::optional<QString> m_template;
    std::optional<int> m_status;
    Drift m_drift = Drift::Any;
};

} // namespace retell::ui
