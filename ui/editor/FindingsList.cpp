#include "FindingsList.h"

#include "EditorTheme.h"
#include "FindingsModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

namespace retell::ui {

FindingsList::FindingsList(QWidget *parent)
    : QWidget(parent), m_model(new FindingsModel(this)), m_view(new QTreeView(this))
{
    m_model->setTheme(EditorTheme::fromPalette(palette()));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(FindingsModel::LocationColumn,
                                           QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view, &QTreeView::activated, this, &FindingsList::emitActivated);
    connect(m_view, &QTreeView::clicked, this, &FindingsList::emitActivated);
}

FindingsList::~FindingsList() = default;

void FindingsList::setFindings(const QList<core::Finding> &findings)
{
    m_model->setFindings(findings);
}

const QList<core::Finding> &FindingsList::findings() const
{
    return m_model->findings();
}

int FindingsList::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void FindingsList::activateRow(int row)
{
    const QModelIndex index = m_model->index(row, FindingsModel::MessageColumn);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    emitActivated(index);
}

void FindingsList::emitActivated(const QModelIndex &index)
{
    if (index.isValid())
        emit findingActivated(m_model->finding(index));
}

void FindingsList::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_model->setTheme(EditorTheme::fromPalette(palette()));
}

} // namespace retell::ui
