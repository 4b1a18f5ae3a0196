#include "ToolsDiffTree.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <utility>

namespace retell::ui {

using core::ToolChange;

namespace {

QString kindText(ToolChange::Kind kind)
{
    switch (kind) {
    case ToolChange::Added:
        return QObject::tr("added");
    case ToolChange::Removed:
        return QObject::tr("removed");
    case ToolChange::Changed:
        return QObject::tr("changed");
    }
    return {};
}

} // namespace

ToolsDiffTree::ToolsDiffTree(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Tool / JSON path"), tr("Old"), tr("New")});
    setRootIsDecorated(true);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setWordWrap(false);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(OldColumn, QHeaderView::Interactive);
    header()->resizeSection(OldColumn, 260);
}

ToolsDiffTree::~ToolsDiffTree() = default;

void ToolsDiffTree::setToolsDiff(const core::ToolsDiff &diff)
{
    clear();
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QColor red = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x1d, 0x28);
    const QColor green = dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
    const QColor amber = dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    if (!diff.ok()) {
        auto *item = new QTreeWidgetItem(this, {diff.error->message});
        item->setForeground(NameColumn, red);
        item->setFirstColumnSpanned(true);
        return;
    }
    if (diff.identical()) {
        auto *item = new QTreeWidgetItem(this, {tr("Tools are identical (order ignored)")});
        item->setFirstColumnSpanned(true);
        return;
    }
    for (const ToolChange &change : diff.changes) {
        auto *item = new QTreeWidgetItem(this);
        item->setData(NameColumn, NameRole, change.name);
        item->setText(NameColumn,
                      QStringLiteral("%1 (%2)").arg(change.name, kindText(change.kind)));
        QFont bold = item->font(NameColumn);
        bold.setBold(true);
        item->setFont(NameColumn, bold);
        switch (change.kind) {
        case ToolChange::Added:
            item->setForeground(NameColumn, green);
            item->setText(NewColumn, core::jsonValueText(change.newTool));
            break;
        case ToolChange::Removed:
            item->setForeground(NameColumn, red);
            item->setText(OldColumn, core::jsonValueText(change.oldTool));
            break;
        case ToolChange::Changed:
            item->setForeground(NameColumn, amber);
            item->setText(OldColumn, tr("%n path(s) differ", nullptr, int(change.paths.size())));
            for (const core::PathChange &path : change.paths) {
                auto *child =
                    new QTreeWidgetItem(item, {path.path, core::jsonValueText(path.oldValue),
                                               core::jsonValueText(path.newValue)});
                child->setData(NameColumn, NameRole, change.name);
                child->setData(NameColumn, PathRole, path.path);
                child->setForeground(OldColumn, red);
                child->setForeground(NewColumn, green);
                child->setToolTip(OldColumn, child->text(OldColumn));
                child->setToolTip(NewColumn, child->text(NewColumn));
            }
            break;
        }
        item->setToolTip(OldColumn, item->text(OldColumn));
        item->setToolTip(NewColumn, item->text(NewColumn));
    }
    expandAll();
    restoreSelection();
}

ToolsDiffTree::ChangeRef ToolsDiffTree::selectedChange() const
{
    const QTreeWidgetItem *item = currentItem();
    if (!item)
        return {};
    return {item->data(NameColumn, NameRole).toString(),
            item->data(NameColumn, PathRole).toString()};
}

void ToolsDiffTree::keepSelectionNear(const QString &name, const QString &path)
{
    m_keep = ChangeRef{name, path};
    QTreeWidgetItem *item = currentItem();
    QTreeWidgetItem *parent = item ? item->parent() : nullptr;
    m_keepTopRow = item ? indexOfTopLevelItem(parent ? parent : item) : -1;
    m_keepChildRow = parent ? parent->indexOfChild(item) : -1;
}

void ToolsDiffTree::restoreSelection()
{
    if (!m_keep)
        return;
    const ChangeRef keep = *std::exchange(m_keep, std::nullopt);
    QTreeWidgetItem *best = nullptr;
    for (int i = 0; i < topLevelItemCount() && !best; ++i) {
        QTreeWidgetItem *top = topLevelItem(i);
        if (top->data(NameColumn, NameRole).toString() != keep.name)
            continue;
        best = top;
        if (keep.path.isEmpty())
            break;
        // The next path of the same tool, else the tool itself.
        const int child = std::min(m_keepChildRow, top->childCount() - 1);
        if (child >= 0)
            best = top->child(child);
    }
    if (!best && topLevelItemCount() > 0)
        best = topLevelItem(std::clamp(m_keepTopRow, 0, topLevelItemCount() - 1));
    if (best)
        setCurrentItem(best);
}

} // namespace retell::ui
