#pragma once

#include "fleet/AuditService.h"

#include <QFileDialog>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace retell::ui {

class AuditFacade;
class AuditModel;

// The audit log across the admin's scope (issue 13 §6): every deploy,
// rollback, import, rollout, grant and revoke, refused logins and refused
// operations; filtered by company, branch, user, kind and dates (asked of
// the service, so a filter reaches past the rows shown); an entry's diff
// (its version against the one before); export as CSV or JSON.
class AuditWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditWindow)

public:
    explicit AuditWindow(AuditFacade *audit, QWidget *parent = nullptr);
    ~AuditWindow() override;

    // Companies and branches to filter by.
    void setBranches(const QList<core::Branch> &branches);
    void reload();
    // Reading, or about to (a filter changed a moment ago).
    bool isLoading() const;
    core::AuditQuery query() const;
    // Writes the entries as shown; empty or one sentence.
    QString exportTo(const QString &path, bool json) const;
    QList<core::AuditEntry> shownEntries() const;
    bool selectRow(int row);

    AuditModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *companyBox() const { return m_company; }
    QComboBox *branchBox() const { return m_branch; }
    QLineEdit *userEdit() const { return m_user; }
    QComboBox *kindBox() const { return m_kind; }
    QCheckBox *sinceCheck() const { return m_sinceOn; }
    QDateEdit *sinceEdit() const { return m_since; }
    QCheckBox *untilCheck() const { return m_untilOn; }
    QDateEdit *untilEdit() const { return m_until; }
    QPushButton *diffButton() const { return m_diffButton; }
    QPushButton *csvButton() const { return m_csvButton; }
    QPushButton *jsonButton() const { return m_jsonButton; }
    QLabel *countLabel() const { return m_count; }
    QFileDialog *openFileDialog() const { return m_fileDialog; }

signals:
    void loaded();
    // The entry's version of the branch against the one before it.
    void diffRequested(const QString &branchId, const QString &branchName, int version);
    void message(const QString &text);
    void failed(const QString &text);

private:
    void fillBranches();
    void scheduleReload();
    void updateActions();
    void openDiff();
    void exportAs(bool json);

    AuditFacade *m_audit;
    AuditModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QComboBox *m_company;
    QComboBox *m_branch;
    QLineEdit *m_user;
    QComboBox *m_kind;
    QCheckBox *m_sinceOn;
    QDateEdit *m_since;
    QCheckBox *m_untilOn;
    QDateEdit *m_until;
    QAction *m_diff;
    QAction *m_csv;
    QAction *m_json;
    QAction *m_refresh;
    QPushButton *m_diffButton = nullptr;
    QPushButton *m_csvButton = nullptr;
    QPushButton *m_jsonButton = nullptr;
    QLabel *m_count;
    QTimer *m_reloadTimer;
    QPointer<QFileDialog> m_fileDialog;
    QList<core::Branch> m_branches;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace retell::ui
