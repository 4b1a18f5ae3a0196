#include "audit/AuditWindow.h"
#include "services/DisplayText.h"

#include "audit/AuditExport.h"
#include "audit/AuditModel.h"
#include "common/ActionButton.h"
#include "common/TableExport.h"
#include "common/WindowGeometry.h"
#include "io/Export.h"
#include "panels/StatusIcons.h"
#include "services/AuditFacade.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
constexpr int kReloadDelayMs = 250;
} // namespace

AuditWindow::AuditWindow(AuditFacade *audit, QWidget *parent)
    : QMainWindow(parent), m_audit(audit), m_model(new AuditModel(this)),
      m_sorted(new QSortFilterProxyModel(this)), m_view(new QTableView(this)),
      m_company(new QComboBox(this)), m_branch(new QComboBox(this)), m_user(new QLineEdit(this)),
      m_kind(new QComboBox(this)), m_sinceOn(new QCheckBox(tr("&From"), this)),
      m_since(new QDateEdit(this)), m_untilOn(new QCheckBox(tr("&To"), this)),
      m_until(new QDateEdit(this)),
      m_diff(new QAction(themeIcon(QStringLiteral("compare")), tr("Open &Diff"), this)),
      m_csv(new QAction(tr("Export &CSV…"), this)), m_json(new QAction(tr("Export &JSON…"), this)),
      m_refresh(new QAction(themeIcon(QStringLiteral("refresh")), tr("Re&fresh"), this)),
      m_count(new QLabel(this)), m_reloadTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("auditWindow"));
    setWindowTitle(tr("Audit Log"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(AuditModel::SortRole);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditModel::AtColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_company->setObjectName(QStringLiteral("auditCompany"));
    m_branch->setObjectName(QStringLiteral("auditBranch"));
    m_user->setObjectName(QStringLiteral("auditUser"));
    m_user->setPlaceholderText(tr("User's e-mail"));
    m_user->setClearButtonEnabled(true);
    m_kind->setObjectName(QStringLiteral("auditKind"));
    m_kind->addItem(tr("Every kind"));
    for (core::AuditKind kind : core::allAuditKinds())
        m_kind->addItem(AuditModel::kindText(kind), int(kind));
    for (QComboBox *box : {m_company, m_branch, m_kind})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_since, m_until}) {
        edit->setCalendarPopup(true);
        edit->setDate(today);
        edit->setEnabled(false);
    }
    m_since->setObjectName(QStringLiteral("auditSince"));
    m_since->setDate(today.addDays(-30));
    m_until->setObjectName(QStringLiteral("auditUntil"));
    m_sinceOn->setObjectName(QStringLiteral("auditSinceOn"));
    m_untilOn->setObjectName(QStringLiteral("auditUntilOn"));
    m_count->setObjectName(QStringLiteral("auditCount"));
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(kReloadDelayMs);
    fillBranches();

    m_diff->setObjectName(QStringLiteral("auditDiffAction"));
    m_diff->setShortcut(portableKey("Ctrl+D"));
    m_csv->setObjectName(QStringLiteral("auditCsvAction"));
    m_csv->setShortcut(portableKey("Ctrl+E"));
    m_json->setObjectName(QStringLiteral("auditJsonAction"));
    m_json->setShortcut(portableKey("Ctrl+Shift+E"));
    m_refresh->setObjectName(QStringLiteral("auditRefreshAction"));
    m_refresh->setShortcut(portableKey("F5"));
    auto *close = new QAction(this);
    close->setShortcuts({portableKey("Ctrl+W"), portableKey("Esc")});
    for (QAction *a : {m_diff, m_csv, m_json, m_refresh, close})
        addAction(a);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_company);
    filters->addWidget(m_branch);
    filters->addWidget(m_user, 1);
    filters->addWidget(m_kind);
    filters->addWidget(m_sinceOn);
    filters->addWidget(m_since);
    filters->addWidget(m_untilOn);
    filters->addWidget(m_until);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_count, 1);
    m_diffButton = actionButton(m_diff, this);
    m_csvButton = actionButton(m_csv, this);
    m_jsonButton = actionButton(m_json, this);
    for (QPushButton *b : {m_diffButton, m_csvButton, m_jsonButton, actionButton(m_refresh, this)})
        actions->addWidget(b);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    setCentralWidget(central);

    connect(m_company, &QComboBox::currentIndexChanged, this, [this] {
        fillBranches();
        scheduleReload();
    });
    for (QComboBox *box : {m_branch, m_kind})
        connect(box, &QComboBox::currentIndexChanged, this, &AuditWindow::scheduleReload);
    connect(m_user, &QLineEdit::textChanged, this, &AuditWindow::scheduleReload);
    connect(m_sinceOn, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_untilOn, &QCheckBox::toggled, m_until, &QWidget::setEnabled);
    for (QCheckBox *box : {m_sinceOn, m_untilOn})
        connect(box, &QCheckBox::toggled, this, &AuditWindow::scheduleReload);
    for (QDateEdit *edit : {m_since, m_until})
        connect(edit, &QDateEdit::dateChanged, this, &AuditWindow::scheduleReload);
    connect(m_reloadTimer, &QTimer::timeout, this, &AuditWindow::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AuditWindow::updateActions);
    connect(m_view, &QAbstractItemView::activated, this, &AuditWindow::openDiff);
    connect(m_diff, &QAction::triggered, this, &AuditWindow::openDiff);
    connect(m_csv, &QAction::triggered, this, [this] { exportAs(false); });
    connect(m_json, &QAction::triggered, this, [this] { exportAs(true); });
    connect(m_refresh, &QAction::triggered, this, &AuditWindow::reload);
    connect(close, &QAction::triggered, this, &QWidget::close);
    connect(this, &AuditWindow::message, this,
            [this](const QString &text) { statusBar()->showMessage(text); });
    connect(this, &AuditWindow::failed, this,
            [this](const QString &text) { statusBar()->showMessage(text); });

    windowGeometry::place(this, QSize(1200, 760));
    updateActions();
}

AuditWindow::~AuditWindow() = default;

void AuditWindow::setBranches(const QList<core::Branch> &branches)
{
    m_branches = branches;
    const QSignalBlocker block(m_company);
    const QString current = m_company->currentData().toString();
    QMap<QString, QString> companies; // name → id
    for (const core::Branch &b : branches)
        companies.insert(b.companyName, b.companyId);
    m_company->clear();
    m_company->addItem(tr("All companies"), QString());
    for (auto it = companies.cbegin(); it != companies.cend(); ++it)
        m_company->addItem(it.key(), it.value());
    m_company->setCurrentIndex(std::max(0, m_company->findData(current)));
    fillBranches();
}

void AuditWindow::fillBranches()
{
    const QSignalBlocker block(m_branch);
    const QString company = m_company->currentData().toString();
    const QString current = m_branch->currentData().toString();
    m_branch->clear();
    m_branch->addItem(tr("All branches"), QString());
    for (const core::Branch &b : std::as_const(m_branches)) {
        if (company.isEmpty() || b.companyId == company)
            m_branch->addItem(company.isEmpty() ? tr("%1 › %2").arg(b.companyName, b.name) : b.name,
                              b.id);
    }
    m_branch->setCurrentIndex(std::max(0, m_branch->findData(current)));
}

core::AuditQuery AuditWindow::query() const
{
    core::AuditQuery q;
    q.company = m_company->currentData().toString();
    q.branch = m_branch->currentData().toString();
    q.userEmail = m_user->text().trimmed();
    if (const QVariant kind = m_kind->currentData(); kind.isValid())
        q.kinds = {core::AuditKind(kind.toInt())};
    // Whole local days: from the start of one to the end of the other.
    if (m_sinceOn->isChecked())
        q.since = m_since->date().startOfDay().toUTC();
    if (m_untilOn->isChecked())
        q.until = m_until->date().addDays(1).startOfDay().toUTC();
    return q;
}

bool AuditWindow::isLoading() const
{
    return m_loading || m_reloadTimer->isActive();
}

void AuditWindow::scheduleReload()
{
    m_reloadTimer->start();
}

void AuditWindow::reload()
{
    m_reloadTimer->stop();
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_count->setText(tr("Loading…"));
    m_audit->entries(this, query(),
                     [this, generation](core::Result<QList<core::AuditEntry>> entries) {
                         if (generation != m_generation)
                             return; // a filter changed meanwhile
                         m_loading = false;
                         if (!entries) {
                             m_count->clear();
                             emit failed(errorText(entries.error()));
                             return;
                         }
                         m_model->setEntries(entries.value());
                         if (m_view->horizontalHeader()->sectionSize(0) <=
                             m_view->horizontalHeader()->defaultSectionSize())
                             m_view->resizeColumnsToContents();
                         updateActions();
                         emit loaded();
                     });
}

QList<core::AuditEntry> AuditWindow::shownEntries() const
{
    QList<core::AuditEntry> entries;
    for (int r = 0; r < m_sorted->rowCount(); ++r)
        entries << m_model->entry(m_sorted->mapToSource(m_sorted->index(r, 0)).row());
    return entries;
}

bool AuditWindow::selectRow(int row)
{
    if (row < 0 || row >= m_sorted->rowCount())
        return false;
    m_view->selectRow(row);
    return true;
}

void AuditWindow::updateActions()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_diff->setEnabled(rows.size() == 1 &&
                       rows.constFirst().data(AuditModel::HasDiffRole).toBool());
    m_csv->setEnabled(m_model->rowCount() > 0);
    m_json->setEnabled(m_model->rowCount() > 0);
    if (!m_loading)
        m_count->setText(tr("%n entry(ies)", nullptr, m_model->rowCount()));
}

void AuditWindow::openDiff()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return;
    const core::AuditEntry &e = m_model->entry(m_sorted->mapToSource(rows.constFirst()).row());
    if (AuditModel::hasDiff(e))
        emit diffRequested(e.branchId, e.branchName, e.version);
}

void AuditWindow::exportAs(bool json)
{
    if (m_fileDialog)
        return;
    m_fileDialog = tableExport::askSaveFile(
        this, json ? tr("Export Audit Log as JSON") : tr("Export Audit Log as CSV"),
        json ? tr("audit.json") : tr("audit.csv"),
        json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"),
        [this, json](const QString &path) {
            if (const QString error = exportTo(path, json); !error.isEmpty())
                emit failed(error);
            else
                emit message(tr("%n entry(ies) exported to %1.", nullptr, m_model->rowCount())
                                 .arg(QDir::toNativeSeparators(path)));
        });
    // Closed: the next export may ask again (the dialog is deleted later).
    connect(m_fileDialog, &QDialog::finished, this, [this] { m_fileDialog.clear(); });
}

QString AuditWindow::exportTo(const QString &path, bool json) const
{
    // The CLI's columns (audit --format csv|json), for the entries as shown.
    const QList<core::AuditEntry> entries = shownEntries();
    const QByteArray bytes =
        json ? QJsonDocument(core::jsonTable(entries, core::auditRecord)).toJson()
             : core::csvTable(entries, core::auditRecord).toUtf8();
    return tableExport::writeAtomically(path, bytes);
}

} // namespace retell::ui
