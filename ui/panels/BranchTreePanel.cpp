#include "panels/BranchTreePanel.h"

#include "panels/StatusIcons.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
// Names sort by lower-case text, versions by number.
constexpr int kSortRole = Qt::UserRole + 7;
} // namespace

BranchTreePanel::BranchTreePanel(QWidget *parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_view(new QTreeView(this)),
      m_model(new QStandardItemModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("branchTreePanel"));
    m_filter->setObjectName(QStringLiteral("branchFilter"));
    m_filter->setPlaceholderText(tr("Filter branches"));
    m_filter->setClearButtonEnabled(true);

    m_model->setHorizontalHeaderLabels({tr("Branch"), tr("Active")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(NameColumn);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(kSortRole);

    m_view->setObjectName(QStringLiteral("branchTree"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(VersionColumn, QHeaderView::ResizeToContents);
    m_view->setSortingEnabled(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTreeView::customContextMenuRequested, this,
            &BranchTreePanel::showContextMenu);
    m_view->viewport()->installEventFilter(this);
    m_view->sortByColumn(NameColumn, Qt::AscendingOrder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_view->expandAll();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &BranchTreePanel::onCurrentChanged);
}

BranchTreePanel::~BranchTreePanel() = default;

void BranchTreePanel::setBranches(const QList<core::Branch> &branches)
{
    m_rebuilding = true;
    m_branches = branches;
    m_items.clear();
    m_model->removeRows(0, m_model->rowCount());
    QHash<QString, QStandardItem *> companies;
    QStandardItem *root = m_model->invisibleRootItem();
    for (const core::Branch &b : branches) {
        QStandardItem *company = companies.value(b.companyId);
        if (!company) {
            company = new QStandardItem(themeIcon(QStringLiteral("company")), b.companyName);
            company->setSelectable(false);
            company->setData(b.companyName.toLower(), kSortRole);
            auto *spacer = new QStandardItem;
            spacer->setData(QString(), kSortRole);
            spacer->setSelectable(false);
            root->appendRow({company, spacer});
            companies.insert(b.companyId, company);
        }
        auto *name = new QStandardItem(b.name);
        name->setData(b.id, BranchIdRole);
        name->setData(b.name.toLower(), kSortRole);
        auto *version = new QStandardItem;
        version->setData(b.id, BranchIdRole);
        company->appendRow({name, version});
        m_items.insert(b.id, name);
        updateBranchItem(b.id);
    }
    m_view->expandAll();
    m_rebuilding = false;
    if (!m_currentId.isEmpty() && !selectBranch(m_currentId))
        m_currentId.clear();
}

void BranchTreePanel::setDraftBranches(const QSet<QString> &branchIds)
{
    const QSet<QString> changed = (m_drafts - branchIds) + (branchIds - m_drafts);
    m_drafts = branchIds;
    for (const QString &id : changed)
        updateBranchItem(id);
}

void BranchTreePanel::setHasDraft(const QString &branchId, bool hasDraft)
{
    if (hasDraft == m_drafts.contains(branchId))
        return;
    if (hasDraft)
        m_drafts.insert(branchId);
    else
        m_drafts.remove(branchId);
    updateBranchItem(branchId);
}

void BranchTreePanel::setRetellMarks(const QHash<QString, RetellMark> &marks)
{
    QSet<QString> changed;
    for (auto it = marks.cbegin(); it != marks.cend(); ++it)
        changed.insert(it.key());
    for (auto it = m_retell.cbegin(); it != m_retell.cend(); ++it)
        changed.insert(it.key());
    m_retell = marks;
    for (const QString &id : std::as_const(changed))
        updateBranchItem(id);
}

void BranchTreePanel::setQueuedCounts(const QHash<QString, int> &counts)
{
    QSet<QString> changed;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (m_queued.value(it.key()) != it.value())
            changed.insert(it.key());
    for (auto it = m_queued.cbegin(); it != m_queued.cend(); ++it)
        if (!counts.contains(it.key()))
            changed.insert(it.key());
    m_queued = counts;
    for (const QString &id : std::as_const(changed))
        updateBranchItem(id);
}

void BranchTreePanel::updateBranchItem(const QString &branchId)
{
    QStandardItem *name = itemFor(branchId);
    const auto b = branch(branchId);
    if (!name || !b)
        return;
    QStandardItem *version = name->parent()->child(name->row(), VersionColumn);
    const bool draft = m_drafts.contains(branchId);
    name->setIcon(draft ? draftIcon() : QIcon());
    QFont font = name->font();
    font.setItalic(draft);
    name->setFont(font);
    name->setToolTip(draft ? tr("%1 — has an unsaved draft").arg(b->name) : b->name);
    if (b->activeVersion) {
        version->setText(QStringLiteral("v%1").arg(*b->activeVersion));
        version->setIcon(statusIcon(b->activeStatus));
        version->setToolTip(
            tr("Active version %1, %2").arg(*b->activeVersion).arg(statusText(b->activeStatus)));
        version->setData(*b->activeVersion, Qt::UserRole + 2);
        version->setData(*b->activeVersion, kSortRole); // v10 after v9
    } else {
        version->setText(tr("none"));
        version->setIcon(QIcon());
        version->setToolTip(tr("Nothing deployed yet"));
        version->setData(0, kSortRole);
    }
    if (const int queued = m_queued.value(branchId); queued > 0) {
        version->setText(tr("%1 · %n queued", nullptr, queued).arg(version->text()));
        version->setToolTip(version->toolTip() + QLatin1Char('\n') +
                            tr("%n operation(s) wait in the outbox", nullptr, queued));
    }
    if (const RetellMark mark = m_retell.value(branchId); !mark.text.isEmpty()) {
        version->setText(tr("%1 · %2").arg(version->text(), mark.text));
        version->setToolTip(version->toolTip() + QLatin1Char('\n') + mark.toolTip);
    }
}

void BranchTreePanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex at = m_view->indexAt(pos);
    const auto clicked = branch(m_proxy->mapToSource(at.isValid() ? at : m_view->currentIndex())
                                    .siblingAtColumn(NameColumn)
                                    .data(BranchIdRole)
                                    .toString());
    const auto current = currentBranch();
    if (!clicked || !current)
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("branchContextMenu"));
    if (clicked->id != current->id) {
        // The right-click left the open branch selected: compare with it.
        QAction *compare = menu.addAction(tr("Compare Active Version with %1").arg(current->name));
        compare->setData(clicked->id);
        compare->setEnabled(clicked->activeVersion && current->activeVersion);
        if (!compare->isEnabled())
            compare->setToolTip(tr("Both branches need a deployed version"));
    } else {
        // On the open branch (or from the keyboard): pick the other one.
        QMenu *others = menu.addMenu(tr("Compare Active Version with"));
        for (const core::Branch &b : std::as_const(m_branches)) {
            if (b.id == current->id || !b.activeVersion)
                continue;
            others->addAction(tr("%1 / %2").arg(b.companyName, b.name))->setData(b.id);
        }
        others->setEnabled(current->activeVersion && !others->isEmpty());
        if (!m_branchActions.isEmpty()) {
            menu.addSeparator();
            menu.addActions(m_branchActions);
        }
    }
    const QPoint where = at.isValid() ? pos : m_view->visualRect(m_view->currentIndex()).center();
    QAction *chosen = menu.exec(m_view->viewport()->mapToGlobal(where));
    if (const auto other = chosen ? branch(chosen->data().toString()) : std::nullopt)
        emit compareWithCurrentRequested(*other);
}

bool BranchTreePanel::eventFilter(QObject *watched, QEvent *event)
{
    // A right-click opens the context menu without opening the clicked
    // branch: the menu compares it with the branch that stays open.
    if (watched == m_view->viewport() &&
        (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonRelease ||
         event->type() == QEvent::MouseButtonDblClick) &&
        static_cast<QMouseEvent *>(event)->button() == Qt::RightButton)
        return true;
    return QWidget::eventFilter(watched, event);
}

QStandardItem *BranchTreePanel::itemFor(const QString &branchId) const
{
    return m_items.value(branchId);
}

bool BranchTreePanel::selectBranch(const QString &branchId)
{
    QStandardItem *item = itemFor(branchId);
    if (!item)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(item->index());
    if (!index.isValid())
        return false;
    m_view->scrollTo(index);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    return true;
}

std::optional<core::Branch> BranchTreePanel::currentBranch() const
{
    return m_currentId.isEmpty() ? std::nullopt : branch(m_currentId);
}

std::optional<core::Branch> BranchTreePanel::branch(const QString &branchId) const
{
    for (const core::Branch &b : m_branches) {
        if (b.id == branchId)
            return b;
    }
    return std::nullopt;
}

void BranchTreePanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void BranchTreePanel::onCurrentChanged()
{
    const QString id = m_view->currentIndex().data(BranchIdRole).toString();
    if (id.isEmpty() || (m_rebuilding && id == m_currentId))
        return;
    const bool changed = id != m_currentId;
    m_currentId = id;
    if (changed)
        if (const auto b = branch(id))
            emit branchSelected(*b);
}

} // namespace retell::ui
