#include "merge/ToolsMergePane.h"

#include "diff/ToolsDiff.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retell::ui {

using namespace retell::core;

namespace {

const QList<ConflictChoice> kChoices{ConflictChoice::Unresolved, ConflictChoice::Theirs,
                                     ConflictChoice::Ours, ConflictChoice::Base};

QString choiceLabel(ConflictChoice choice)
{
    switch (choice) {
    case ConflictChoice::Theirs:
        return ToolsMergePane::tr("Take theirs");
    case ConflictChoice::Ours:
        return ToolsMergePane::tr("Take ours");
    case ConflictChoice::Base:
        return ToolsMergePane::tr("Keep base");
    default:
        return ToolsMergePane::tr("Unresolved");
    }
}

QString originLabel(ToolMergeChange::Origin origin)
{
    switch (origin) {
    case ToolMergeChange::Ours:
        return ToolsMergePane::tr("ours");
    case ToolMergeChange::Theirs:
        return ToolsMergePane::tr("theirs");
    case ToolMergeChange::Both:
        return ToolsMergePane::tr("both");
    case ToolMergeChange::Combined:
        return ToolsMergePane::tr("both, combined");
    }
    return {};
}

QString pathLabel(const QString &path)
{
    return path.isEmpty() ? ToolsMergePane::tr("(whole tool)") : path;
}

} // namespace

ToolsMergePane::ToolsMergePane(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Conflicts"), this));
    m_conflicts = new QTreeWidget(this);
    m_conflicts->setHeaderLabels(
        {tr("Tool"), tr("Path"), tr("Theirs"), tr("Ours"), tr("Base"), tr("Choice")});
    m_conflicts->setRootIsDecorated(false);
    layout->addWidget(m_conflicts, 1);
    layout->addWidget(new QLabel(tr("Changes taken"), this));
    m_changes = new QTreeWidget(this);
    m_changes->setHeaderLabels({tr("Tool"), tr("Path"), tr("From"), tr("Before"), tr("After")});
    m_changes->setRootIsDecorated(false);
    layout->addWidget(m_changes, 1);
}

ToolsMergePane::~ToolsMergePane() = default;

void ToolsMergePane::setMerge(const ToolsMerge &merge)
{
    m_merge = merge;
    m_choices = QList<ConflictChoice>(merge.conflicts.size(), ConflictChoice::Unresolved);
    m_conflicts->clear();
    m_boxes.clear();
    for (qsizetype i = 0; i < merge.conflicts.size(); ++i) {
        const ToolConflict &conflict = merge.conflicts[i];
        auto *item =
            new QTreeWidgetItem(m_conflicts, {conflict.tool, pathLabel(conflict.path),
                                              jsonValueText(conflict.values[MergeInput::Theirs]),
                                              jsonValueText(conflict.values[MergeInput::Ours]),
                                              jsonValueText(conflict.values[MergeInput::Base])});
        auto *box = new QComboBox(m_conflicts);
        for (const ConflictChoice choice : kChoices)
            box->addItem(choiceLabel(choice));
        m_conflicts->setItemWidget(item, 5, box);
        m_boxes.append(box);
        connect(box, &QComboBox::currentIndexChanged, this, [this, i](int index) {
            m_choices[i] = kChoices.value(index, ConflictChoice::Unresolved);
            emit resultChanged();
        });
    }
    m_changes->clear();
    for (const ToolMergeChange &change : merge.changes) {
        new QTreeWidgetItem(m_changes,
                            {change.tool, pathLabel(change.path), originLabel(change.origin),
                             jsonValueText(change.oldValue), jsonValueText(change.newValue)});
    }
    for (QTreeWidget *tree : {m_conflicts, m_changes})
        tree->header()->resizeSections(QHeaderView::ResizeToContents);
    emit resultChanged();
}

void ToolsMergePane::choose(int conflict, ConflictChoice choice)
{
    if (conflict >= 0 && conflict < m_boxes.size())
        m_boxes[conflict]->setCurrentIndex(int(kChoices.indexOf(choice)));
}

int ToolsMergePane::conflictsLeft() const
{
    return int(m_choices.count(ConflictChoice::Unresolved));
}

QByteArray ToolsMergePane::resultJson() const
{
    return mergedToolsJson(m_merge, m_choices);
}

} // namespace retell::ui
