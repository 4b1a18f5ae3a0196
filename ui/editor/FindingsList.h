#pragma once

#include "domain/Finding.h"

#include <QWidget>

class QTreeView;

namespace retell::ui {

class FindingsModel;

// The panel listing validator findings; activating one (click, Enter or
// double-click) emits findingActivated so the owner can jump to it.
class FindingsList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsList)

public:
    explicit FindingsList(QWidget *parent = nullptr);
    ~FindingsList() override;

    void setFindings(const QList<core::Finding> &findings);
    const QList<core::Finding> &findings() const;
    FindingsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    int currentRow() const;
    // Selects a row and emits findingActivated for it.
    void activateRow(int row);

signals:
    void findingActivated(const retell::core::Finding &finding);

protected:
    void changeEvent(QEvent *event) override;

private:
    void emitActivated(const QModelIndex &index);

    FindingsModel *m_model;
    QTreeView *m_view;
};

} // namespace retell::ui
