#include "fleet/FleetWindow.h"
#include "services/DisplayText.h"

#include "common/ActionButton.h"
#include "common/TableExport.h"
#include "common/WindowGeometry.h"
#include "fleet/FleetExport.h"
#include "fleet/FleetFilter.h"
#include "fleet/FleetModel.h"
#include "io/Export.h"
#include "panels/StatusIcons.h"
#include "services/FleetFacade.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
QComboBox *makeBox(QWidget *parent, const QString &name)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}
} // namespace

FleetWindow::FleetWindow(FleetFacade *fleet, QWidget *parent)
    : QMainWindow(parent), m_fleet(fleet), m_model(new FleetModel(this)),
      m_filter(new FleetFilter(this)), m_view(new QTableView(this)), m_search(new QLineEdit(this)),
      m_reference(makeBox(this, QStringLiteral("fleetReference"))),
      m_company(makeBox(this, QStringLiteral("fleetCompany"))),
      m_template(makeBox(this, QStringLiteral("fleetTemplate"))),
      m_status(makeBox(this, QStringLiteral("fleetStatus"))),
      m_drift(makeBox(this, QStringLiteral("fleetDrift"))),
      m_compare(new QAction(themeIcon(QStringLiteral("compare")), tr("&Compare"), this)),
      m_rollout(new QAction(themeIcon(QStringLiteral("deploy")), tr("&Roll Out…"), this)),
      m_export(new QAction(tr("&Export CSV…"), this)),
      m_refresh(new QAction(themeIcon(QStringLiteral("refresh")), tr("Re&fresh"), this)),
      m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("fleetWindow"));
    setWindowTitle(tr("Fleet — all branches"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_filter->setSourceModel(m_model);
    m_view->setObjectName(QStringLiteral("fleetView"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FleetModel::CompanyColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_search->setObjectName(QStringLiteral("fleetSearch"));
    m_search->setPlaceholderText(tr("Filter by company, branch, template or author"));
    m_search->setClearButtonEnabled(true);
    m_count->setObjectName(QStringLiteral("fleetCount"));

    m_status->addItem(tr("Any status"));
    m_status->addItem(statusIcon(core::ValidationStatus::Valid), tr("Valid"),
                      int(core::ValidationStatus::Valid));
    m_status->addItem(statusIcon(core::ValidationStatus::Invalid), tr("Invalid"),
                      int(core::ValidationStatus::Invalid));
    m_status->addItem(statusIcon(core::ValidationStatus::Pending), tr("Pending"),
                      int(core::ValidationStatus::Pending));
    m_status->addItem(tr("Nothing deployed"), -1);
    m_reference->addItem(tr("Each branch's own template"), QString());
    m_drift->addItem(tr("Any drift"), int(FleetFilter::Drift::Any));
    m_drift->addItem(tr("Differs from reference"), int(FleetFilter::Drift::Drifted));
    m_drift->addItem(tr("Same as reference"), int(FleetFilter::Drift::Same));

    m_compare->setObjectName(QStringLiteral("fleetCompareAction"));
    m_compare->setShortcut(portableKey("Ctrl+D"));
    m_compare->setToolTip(tr("One branch: compare it with the reference. Two: with each other."));
    m_rollout->setObjectName(QStringLiteral("fleetRolloutAction"));
    m_rollout->setShortcut(portableKey("Ctrl+R"));
    m_export->setObjectName(QStringLiteral("fleetExportAction"));
    m_export->setShortcut(portableKey("Ctrl+E"));
    m_refresh->setObjectName(QStringLiteral("fleetRefreshAction"));
    m_refresh->setShortcut(portableKey("F5"));
    auto *find = new QAction(this);
    find->setShortcut(portableKey("Ctrl+F"));
    auto *close = new QAction(this);
    close->setShortcuts({portableKey("Ctrl+W"), portableKey("Esc")});
    for (QAction *a : {m_compare, m_rollout, m_export, m_refresh, find, close})
        addAction(a);
    for (QAction *a : {m_compare, m_rollout})
        m_view->addAction(a);

    auto *filters = new QHBoxLayout;
    auto *referenceLabel = new QLabel(tr("&Reference:"), this);
    referenceLabel->setBuddy(m_reference);
    filters->addWidget(referenceLabel);
    filters->addWidget(m_reference);
    filters->addSpacing(12);
    filters->addWidget(m_search, 1);
    for (QComboBox *box : {m_company, m_template, m_status, m_drift})
        filters->addWidget(box);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_count, 1);
    m_compareButton = actionButton(m_compare, this);
    m_rolloutButton = actionButton(m_rollout, this);
    m_exportButton = actionButton(m_export, this);
    actions->addWidget(m_compareButton);
    actions->addWidget(m_rolloutButton);
    actions->addWidget(m_exportButton);
    actions->addWidget(actionButton(m_refresh, this));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    setCentralWidget(central);

    connect(m_search, &QLineEdit::textChanged, m_filter, &FleetFilter::setText);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &FleetWindow::updateActions);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &FleetWindow::updateActions);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FleetWindow::updateActions);
    for (QComboBox *box : {m_company, m_template, m_status, m_drift})
        connect(box, &QComboBox::currentIndexChanged, this, &FleetWindow::applyFilters);
    connect(m_reference, &QComboBox::currentIndexChanged, this, &FleetWindow::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FleetWindow::updateActions);
    connect(m_view, &QAbstractItemView::activated, this, &FleetWindow::compareSelected);
    connect(m_compare, &QAction::triggered, this, &FleetWindow::compareSelected);
    connect(m_rollout, &QAction::triggered, this, &FleetWindow::rolloutSelected);
    connect(m_export, &QAction::triggered, this, &FleetWindow::exportCsv);
    connect(m_refresh, &QAction::triggered, this, &FleetWindow::reload);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(close, &QAction::triggered, this, &QWidget::close);
    connect(this, &FleetWindow::message, statusBar(),
            [this](const QString &text) { statusBar()->showMessage(text); });
    connect(this, &FleetWindow::failed, statusBar(),
            [this](const QString &text) { statusBar()->showMessage(text); });

    windowGeometry::place(this, QSize(1280, 800));
    updateActions();
}

FleetWindow::~FleetWindow() = default;

void FleetWindow::reload()
{
    core::FleetQuery query;
    query.reference = core::FleetReference::parse(reference());
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_count->setText(tr("Loading…"));
    m_fleet->rows(this, query, [this, generation](core::Result<QList<core::FleetRow>> rows) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (!rows) {
            m_count->clear();
            emit failed(errorText(rows.error()));
            return;
        }
        onRows(rows.value());
        emit loaded();
    });
}

void FleetWindow::onRows(const QList<core::FleetRow> &rows)
{
    const QStringList selected = [this] {
        QStringList ids;
        for (const core::FleetRow &row : selectedRows())
            ids << row.branch.id;
        return ids;
    }();
    m_model->setRows(rows);
    fillChoices();
    if (m_view->horizontalHeader()->sectionSize(0) <=
        m_view->horizontalHeader()->defaultSectionSize())
        m_view->resizeColumnsToContents();
    selectBranches(selected);
    updateActions();
}

void FleetWindow::setTemplateNames(const QStringList &names)
{
    m_templateNames = names;
    fillChoices();
}

void FleetWindow::fillChoices()
{
    // Keep what is chosen; the lists follow the rows.
    const QString reference = this->reference();
    const QVariant company = m_company->currentData();
    const QVariant templateName = m_template->currentData();
    QMap<QString, QString> companies; // name → id, sorted by name
    QMap<QString, QString> branches;  // "Company › Branch" → id
    QStringList usedTemplates;
    for (const core::FleetRow &row : m_model->rows()) {
        companies.insert(row.branch.companyName, row.branch.companyId);
        branches.insert(tr("%1 › %2").arg(row.branch.companyName, row.branch.name), row.branch.id);
        if (!usedTemplates.contains(row.templateName))
            usedTemplates << row.templateName;
    }
    usedTemplates.sort(Qt::CaseInsensitive);
    const QSignalBlocker blockReference(m_reference);
    const QSignalBlocker blockCompany(m_company);
    const QSignalBlocker blockTemplate(m_template);

    m_reference->clear();
    m_reference->addItem(tr("Each branch's own template"), QString());
    m_reference->insertSeparator(m_reference->count());
    for (const QString &name : std::as_const(m_templateNames))
        m_reference->addItem(
            tr("Template: %1").arg(name),
            core::FleetReference{core::FleetReference::Kind::Template, name}.text());
    m_reference->insertSeparator(m_reference->count());
    for (auto it = branches.cbegin(); it != branches.cend(); ++it)
        m_reference->addItem(tr("Branch: %1").arg(it.key()), it.value());
    setReference(reference);

    m_company->clear();
    m_company->addItem(tr("All companies"), QString());
    for (auto it = companies.cbegin(); it != companies.cend(); ++it)
        m_company->addItem(it.key(), it.value());
    m_company->setCurrentIndex(std::max(0, m_company->findData(company)));
    m_template->clear();
    m_template->addItem(tr("Any template"));
    for (const QString &name : std::as_const(usedTemplates))
        m_template->addItem(name.isEmpty() ? tr("(no template)") : name, name);
    m_template->setCurrentIndex(std::max(0, m_template->findData(templateName)));
    applyFilters();
}

QString FleetWindow::reference() const
{
    return m_reference->currentData().toString();
}

bool FleetWindow::setReference(const QString &reference)
{
    const int index = m_reference->findData(reference);
    m_reference->setCurrentIndex(std::max(0, index));
    return index >= 0;
}

void FleetWindow::applyFilters()
{
    m_filter->setCompanyId(m_company->currentData().toString());
    const QVariant templateName = m_template->currentData();
    m_filter->setTemplateName(templateName.isValid() ? std::optional(templateName.toString())
                                                     : std::nullopt);
    const QVariant status = m_status->currentData();
    m_filter->setStatus(status.isValid() ? std::optional(status.toInt()) : std::nullopt);
    m_filter->setDrift(FleetFilter::Drift(m_drift->currentData().toInt()));
    updateActions();
}

QList<core::FleetRow> FleetWindow::selectedRows() const
{
    QList<core::FleetRow> rows;
    QModelIndexList indexes = m_view->selectionModel()->selectedRows();
    std::sort(indexes.begin(), indexes.end());
    for (const QModelIndex &index : std::as_const(indexes))
        rows << m_model->row(m_filter->mapToSource(index).row());
    return rows;
}

bool FleetWindow::selectBranches(const QStringList &branchIds)
{
    QItemSelection selection;
    for (const QString &id : branchIds) {
        const int row = m_model->rowOfBranch(id);
        const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
        if (row < 0 || !index.isValid())
            continue;
        selection.select(index, index.siblingAtColumn(FleetModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_view->selectionModel()->setCurrentIndex(selection.indexes().constFirst(),
                                                  QItemSelectionModel::NoUpdate);
    return selection.indexes().size() / FleetModel::ColumnCount == branchIds.size();
}

void FleetWindow::updateActions()
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    m_compare->setEnabled(!m_loading && (selected == 1 || selected == 2));
    m_rollout->setEnabled(!m_loading && selected > 0);
    m_export->setEnabled(m_filter->rowCount() > 0);
    if (!m_loading)
        m_count->setText(tr("%n branch(es) shown", nullptr, m_filter->rowCount()) +
                         (m_filter->rowCount() < m_model->rowCount()
                              ? QLatin1Char(' ') + tr("of %1").arg(m_model->rowCount())
                              : QString()) +
                         (selected > 0 ? tr(", %n selected", nullptr, selected) : QString()));
}

void FleetWindow::compareSelected()
{
    const QList<core::FleetRow> rows = selectedRows();
    const auto title = [](const core::FleetRow &row) {
        return row.hasActive()
                   ? tr("%1 › %2 v%3")
                         .arg(row.branch.companyName, row.branch.name)
                         .arg(*row.branch.activeVersion)
                   : tr("%1 › %2 (nothing deployed)").arg(row.branch.companyName, row.branch.name);
    };
    if (rows.size() == 2) {
        emit compareRequested(title(rows.at(0)), rows.at(0).config, title(rows.at(1)),
                              rows.at(1).config);
        return;
    }
    if (rows.size() != 1)
        return;
    const core::FleetRow &row = rows.constFirst();
    if (!row.referenceConfig) {
        emit failed(tr("%1 has no reference to compare with; choose a template or a branch as "
                       "the reference.")
                        .arg(row.branch.name));
        return;
    }
    emit compareRequested(row.referenceLabel, *row.referenceConfig, title(row), row.config);
}

void FleetWindow::rolloutSelected()
{
    QList<core::Branch> branches;
    for (const core::FleetRow &row : selectedRows())
        branches << row.branch;
    if (!branches.isEmpty())
        emit rolloutRequested(branches);
}

void FleetWindow::exportCsv()
{
    if (m_fileDialog)
        return;
    m_fileDialog = tableExport::askSaveFile(
        this, tr("Export Fleet"), tr("fleet.csv"), tr("CSV files (*.csv)"),
        [this](const QString &path) {
            if (const QString error = exportCsvTo(path); !error.isEmpty())
                emit failed(error);
            else
                emit message(tr("%n branch(es) exported to %1.", nullptr, m_filter->rowCount())
                                 .arg(QDir::toNativeSeparators(path)));
        });
    // Closed: the next export may ask again (the dialog is deleted later).
    connect(m_fileDialog, &QDialog::finished, this, [this] { m_fileDialog.clear(); });
}

QString FleetWindow::exportCsvTo(const QString &path) const
{
    // The CLI's columns (fleet --csv), for the rows as shown.
    QList<core::FleetRow> rows;
    for (int r = 0; r < m_filter->rowCount(); ++r)
        rows << m_model->row(m_filter->mapToSource(m_filter->index(r, 0)).row());
    return tableExport::writeAtomically(path, core::csvTable(rows, core::fleetRecord).toUtf8());
}

} // namespace retell::ui
