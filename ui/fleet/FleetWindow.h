#pragma once

#include "fleet/FleetService.h"

#include <QFileDialog>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace retell::ui {

class FleetFacade;
class FleetFilter;
class FleetModel;

// All branches at a glance (issue 13 §1-2): the fleet table, sortable by any
// column and filtered by text, company, template, status and drift; a
// reference to measure drift against (each branch's own template, a
// template, or a branch); multi-select to compare two branches or one with
// the reference, to roll a change out, or to export as CSV.
class FleetWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetWindow)

public:
    explicit FleetWindow(FleetFacade *fleet, QWidget *parent = nullptr);
    ~FleetWindow() override;

    // Reads the rows again (with the chosen reference).
    void reload();
    bool isLoading() const { return m_loading; }
    // The templates a reference may be (names).
    void setTemplateNames(const QStringList &names);
    // The reference as FleetQuery takes it: empty (each branch's own
    // template), "template:NAME" or a branch id.
    QString reference() const;
    bool setReference(const QString &reference);

    QList<core::FleetRow> selectedRows() const;
    bool selectBranches(const QStringList &branchIds);
    // Writes the rows as shown (filtered, sorted) to path; empty or one sentence.
    QString exportCsvTo(const QString &path) const;

    FleetModel *model() const { return m_model; }
    FleetFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *referenceBox() const { return m_reference; }
    QComboBox *companyBox() const { return m_company; }
    QComboBox *templateBox() const { return m_template; }
    QComboBox *statusBox() const { return m_status; }
    QComboBox *driftBox() const { return m_drift; }
    QPushButton *compareButton() const { return m_compareButton; }
    QPushButton *rolloutButton() const { return m_rolloutButton; }
    QPushButton *exportButton() const { return m_exportButton; }
    QLabel *countLabel() const { return m_count; }
    QFileDialog *openFileDialog() const { return m_fileDialog; }

signals:
    void loaded();
    // Left: the reference or the first selected branch.
    void compareRequested(const QString &leftTitle, const core::AgentConfig &left,
                          const QString &rightTitle, const core::AgentConfig &right);
    void rolloutRequested(const QList<core::Branch> &branches);
    void message(const QString &text);
    void failed(const QString &text);

private:
    void onRows(const QList<core::FleetRow> &rows);
    void fillChoices();
    void applyFilters();
    void updateActions();
    void compareSelected();
    void rolloutSelected();
    void exportCsv();

    FleetFacade *m_fleet;
    FleetModel *m_model;
    FleetFilter *m_filter;
    QTableView *m_view;
    QLineEdit *m_search;
    QComboBox *m_reference;
    QComboBox *m_company;
    QComboBox *m_template;
    QComboBox *m_status;
    QComboBox *m_drift;
    QAction *m_compare;
    QAction *m_rollout;
    QAction *m_export;
    QAction *m_refresh;
    QPushButton *m_compareButton = nullptr;
    QPushButton *m_rolloutButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_count;
    QPointer<QFileDialog> m_fileDialog;
    QStringList m_templateNames;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace retell::ui
