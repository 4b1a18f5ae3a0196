#include "panels/HistoryPanel.h"

#include "panels/HistoryModel.h"
#include "panels/StatusIcons.h"
#include "panels/VersionViewer.h"
#include "services/DeployFacade.h"
#include "services/DisplayText.h"
#include "services/HistoryFacade.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
constexpr int kPageSize = 200;

QToolButton *toolButtonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

// The rollback question with an optional reason, as the CLI's --notes;
// nothing when the person cancels.
std::optional<QString> askRollback(QWidget *parent, const QString &question)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("rollbackDialog"));
    dialog.setWindowTitle(HistoryPanel::tr("Roll Back"));
    auto *label = new QLabel(question, &dialog);
    label->setWordWrap(true);
    auto *notes = new QPlainTextEdit(&dialog);
    notes->setObjectName(QStringLiteral("rollbackNotes"));
    notes->setTabChangesFocus(true);
    notes->setPlaceholderText(HistoryPanel::tr("Why? (optional; recorded with the version)"));
    auto *reasonLabel = new QLabel(HistoryPanel::tr("Rea&son:"), &dialog);
    reasonLabel->setBuddy(notes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *confirm =
        buttons->addButton(HistoryPanel::tr("&Roll Back"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmRollbackButton"));
    confirm->setDefault(true);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(label);
    layout->addWidget(reasonLabel);
    layout->addWidget(notes);
    layout->addWidget(buttons);
    notes->setFocus();
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return notes->toPlainText().trimmed();
}
} // namespace

HistoryPanel::HistoryPanel(HistoryFacade *history, DeployFacade *deploy, QWidget *parent)
    : QWidget(parent), m_history(history), m_deploy(deploy), m_model(new HistoryModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTableView(this)),
      m_caption(new QLabel(this)),
      m_open(new QAction(themeIcon(QStringLiteral("open")), tr("&Open Read-Only"), this)),
      m_rollback(new QAction(themeIcon(QStringLiteral("rollback")),
                             tr("&Roll Back to This Version…"), this)),
      m_compare(new QAction(themeIcon(QStringLiteral("compare")), tr("&Compare"), this)),
      m_compareSelected(new QAction(tr("Compare &Selected Versions"), this)),
      m_compareActive(new QAction(tr("Compare with &Active"), this)),
      m_comparePrevious(new QAction(tr("Compare with &Previous"), this)),
      m_compareButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_open->setObjectName(QStringLiteral("openVersionAction"));
    m_rollback->setObjectName(QStringLiteral("rollbackAction"));
    m_compare->setObjectName(QStringLiteral("compareAction"));
    m_compareSelected->setObjectName(QStringLiteral("compareSelectedAction"));
    m_compareActive->setObjectName(QStringLiteral("compareActiveAction"));
    m_comparePrevious->setObjectName(QStringLiteral("comparePreviousAction"));
    // Key bindings are not translatable: a translator must not be able to break them.
    m_rollback->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));

    m_model->setPageLoader(
        [this](const QString &branchId, int before, HistoryModel::PageCallback callback) {
            m_history->page(m_model, branchId, before, kPageSize, std::move(callback));
        });
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HistoryModel::SortRole);

    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HistoryModel::VersionColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Never narrower than the header's text, which is longer in German.
    const QList<QPair<int, int>> widths{
        {HistoryModel::VersionColumn, 70},    {HistoryModel::ActiveColumn, 80},
        {HistoryModel::RetellColumn, 110},    {HistoryModel::TemplateColumn, 200},
        {HistoryModel::StatusColumn, 100},    {HistoryModel::DeployedByColumn, 130},
        {HistoryModel::DeployedAtColumn, 180}};
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column,
                               qMax(width, m_view->horizontalHeader()->sectionSizeHint(column)));

    auto *compareMenu = new QMenu(this);
    compareMenu->addAction(m_compareSelected);
    compareMenu->addAction(m_compareActive);
    compareMenu->addAction(m_comparePrevious);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setDefaultAction(m_compare);
    m_compareButton->setMenu(compareMenu);
    m_compareButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_compareButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_caption, 1);
    buttons->addWidget(toolButtonFor(m_open, this));
    buttons->addWidget(m_compareButton);
    buttons->addWidget(toolButtonFor(m_rollback, this));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_open, &QAction::triggered, this, &HistoryPanel::openSelected);
    connect(m_rollback, &QAction::triggered, this, &HistoryPanel::rollbackToSelected);
    connect(m_compare, &QAction::triggered, this, [this] {
        const QList<int> versions = selectedVersions();
        const auto active = m_model->activeVersion();
        if (versions.size() == 2)
            m_compareSelected->trigger();
        else if (versions.size() == 1 && active && *active != versions.at(0))
            m_compareActive->trigger();
        else
            m_comparePrevious->trigger();
    });
    connect(m_compareSelected, &QAction::triggered, this, [this] {
        const QList<int> versions = selectedVersions();
        if (versions.size() == 2)
            compare(versions.at(1), versions.at(0));
    });
    connect(m_compareActive, &QAction::triggered, this, [this] {
        const QList<int> versions = selectedVersions();
        const auto active = m_model->activeVersion();
        if (versions.size() == 1 && active)
            compare(std::min(versions.at(0), *active), std::max(versions.at(0), *active));
    });
    connect(m_comparePrevious, &QAction::triggered, this, [this] {
        const QList<int> versions = selectedVersions();
        const int row = versions.size() == 1 ? m_model->rowOfVersion(versions.at(0)) : -1;
        if (row >= 0 && row + 1 < m_model->rowCount())
            compare(m_model->summary(row + 1).version, versions.at(0));
    });
    connect(m_view, &QTableView::doubleClicked, this, &HistoryPanel::openSelected);
    connect(m_view, &QWidget::customContextMenuRequested, this, &HistoryPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::updateActions);
    connect(m_model, &HistoryModel::pageLoaded, this, [this] {
        updateCaption();
        updateActions();
    });
    connect(m_model, &HistoryModel::modelReset, this, &HistoryPanel::updateActions);
    connect(m_model, &HistoryModel::loadFailed, this, &HistoryPanel::failed);
    updateActions();
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::setBranch(const core::Branch &branch)
{
    m_branch = branch;
    m_model->setBranch(branch.id);
    updateCaption();
}

void HistoryPanel::refresh()
{
    if (m_branch)
        m_model->reload();
}

void HistoryPanel::setCompareAvailable(bool available)
{
    m_compareAvailable = available;
    const QString why = tr("The diff viewer is not part of this build");
    for (QAction *action : {m_compare, m_compareSelected, m_compareActive, m_comparePrevious})
        action->setToolTip(available ? action->text().remove(QLatin1Char('&')) : why);
    updateActions();
}

QList<int> HistoryPanel::selectedVersions() const
{
    QList<int> versions;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        versions << index.data(HistoryModel::VersionRole).toInt();
    std::sort(versions.begin(), versions.end(), std::greater<>());
    return versions;
}

bool HistoryPanel::selectVersion(int version)
{
    const int row = m_model->rowOfVersion(version);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void HistoryPanel::updateActions()
{
    const QList<int> versions = selectedVersions();
    const bool one = versions.size() == 1;
    const auto active = m_model->activeVersion();
    const bool canEdit = m_branch && m_history->canEdit(*m_branch);
    m_open->setEnabled(one && !m_busy);
    m_rollback->setEnabled(one && canEdit && !m_busy && active != versions.value(0));
    m_rollback->setToolTip(!canEdit && m_branch ? tr("You may only view this branch")
                                                : m_rollback->text().remove(QLatin1Char('&')));
    m_compareSelected->setEnabled(m_compareAvailable && versions.size() == 2);
    m_compareActive->setEnabled(m_compareAvailable && one && active && *active != versions.at(0));
    const int row = one ? m_model->rowOfVersion(versions.at(0)) : -1;
    m_comparePrevious->setEnabled(m_compareAvailable && row >= 0 && row + 1 < m_model->rowCount());
    m_compare->setEnabled(m_compareSelected->isEnabled() || m_compareActive->isEnabled() ||
                          m_comparePrevious->isEnabled());
    m_compareButton->setEnabled(m_compareAvailable);
}

void HistoryPanel::updateCaption()
{
    if (!m_branch) {
        m_caption->setText(tr("No branch selected"));
        return;
    }
    const int loaded = m_model->rowCount();
    const QString name = m_branch->name.toHtmlEscaped();
    if (m_model->isFetching() && loaded == 0)
        m_caption->setText(tr("<b>%1</b>: loading…").arg(name));
    else if (m_model->canFetchMore({}))
        m_caption->setText(
            tr("<b>%1</b>: newest %n version(s); more load as you scroll", nullptr, loaded)
                .arg(name));
    else
        m_caption->setText(tr("<b>%1</b>: %n version(s)", nullptr, loaded).arg(name));
}

void HistoryPanel::showContextMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid())
        return;
    QMenu menu(this);
    menu.addAction(m_open);
    menu.addSeparator();
    menu.addAction(m_compare);
    menu.addAction(m_compareSelected);
    menu.addAction(m_compareActive);
    menu.addAction(m_comparePrevious);
    menu.addSeparator();
    menu.addAction(m_rollback);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void HistoryPanel::openSelected()
{
    const QList<int> versions = selectedVersions();
    if (versions.size() != 1 || !m_branch)
        return;
    const QString branchName = m_branch->name;
    m_history->version(this, m_branch->id, versions.at(0),
                       [this, branchName](core::Result<core::PromptVersion> result) {
                           if (!result) {
                               emit failed(errorText(result.error()));
                               return;
                           }
                           auto *viewer = new VersionViewer(branchName, result.value(), window());
                           viewer->setAttribute(Qt::WA_DeleteOnClose);
                           viewer->setCanUseAsDraft(m_branch && m_branch->id == result->branchId &&
                                                    m_history->canEdit(*m_branch));
                           connect(viewer, &VersionViewer::useAsDraftRequested, this,
                                   &HistoryPanel::useAsDraftRequested);
                           viewer->show();
                       });
}

void HistoryPanel::rollbackToSelected()
{
    const QList<int> versions = selectedVersions();
    if (versions.size() == 1)
        rollbackTo(versions.at(0));
}

void HistoryPanel::rollbackTo(int version)
{
    if (!m_branch || m_busy || !m_history->canEdit(*m_branch))
        return;
    const QString question =
        tr("Roll %1 back to v%2? This deploys a new version with v%2's content; nothing is lost.")
            .arg(m_branch->name)
            .arg(version);
    const std::optional<QString> notes =
        m_confirm ? (m_confirm(question) ? std::optional(QString()) : std::nullopt)
                  : askRollback(this, question);
    if (!notes)
        return;
    m_busy = true;
    updateActions();
    const core::Branch branch = *m_branch;
    if (m_deploy->isOffline()) {
        m_deploy->queueRollback(this, branch.id, version, *notes,
                                [this, branch, version](core::Result<core::QueuedOperation> op) {
                                    m_busy = false;
                                    updateActions();
                                    if (!op) {
                                        emit failed(errorText(op.error()));
                                        return;
                                    }
                                    emit message(tr("Rollback of %1 to v%2 queued: it goes to the "
                                                    "shared database with the next sync.")
                                                     .arg(branch.name)
                                                     .arg(version));
                                    emit queued(branch);
                                });
        return;
    }
    m_deploy->rollback(this, branch.id, version, *notes,
                       [this, branch, version](core::Result<core::DeployOutcome> outcome) {
                           m_busy = false;
                           updateActions();
                           if (!outcome) {
                               emit failed(errorText(outcome.error()));
                               return;
                           }
                           emit message(tr("%1 rolled back to v%2 as v%3.")
                                            .arg(branch.name)
                                            .arg(version)
                                            .arg(outcome->version.version));
                           emit rolledBack(branch, outcome.value());
                       });
}

void HistoryPanel::compare(int versionA, int versionB)
{
    if (!m_branch || !m_compareAvailable)
        return;
    m_history->versions(this, m_branch->id, versionA, versionB,
                        [this](core::Result<HistoryFacade::VersionPair> result) {
                            if (!result)
                                emit failed(errorText(result.error()));
                            else
                                emit compareReady(result->first, result->second);
                        });
}

} // namespace retell::ui
