#pragma once

#include "EditorTheme.h"
#include "domain/Finding.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

namespace retell::ui {

// Validator findings as table rows: severity icon and message, location.
class FindingsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)

public:
    enum Column
    {
        MessageColumn,
        LocationColumn,
        ColumnCount
    };
    enum Role
    {
        SeverityRole = Qt::UserRole + 1,
        CodeRole
    };

    explicit FindingsModel(QObject *parent = nullptr);
    ~FindingsModel() override;

    void setFindings(const QList<core::Finding> &findings);
    const QList<core::Finding> &findings() const { return m_findings; }
    core::Finding finding(const QModelIndex &index) const;
    // Icons follow the editors' theme (light or dark palette).
    void setTheme(const EditorTheme &theme);

    static QString locationText(const core::Finding &finding);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<core::Finding> m_findings;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

} // namespace retell::ui
