#include "FindingsList.h"

#include "EditorTheme.h"
#include "FindingsModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace retell::ui {

namespace {

// Item views ask for a row's height without the column's width, so wrapped
// text would get one line; this delegate measures at the column's width.
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view) : QStyledItemDelegate(view), m_view(view) {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() != FindingsModel::MessageColumn)
            return QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem sized = option;
        sized.rect = QRect(0, 0, m_view->columnWidth(index.column()), option.fontMetrics.height());
        return QStyledItemDelegate::sizeHint(sized, index);
    }

private:
    QTreeView *m_view;
};

} // namespace

FindingsList::FindingsList(QWidget *parent)
    : QWidget(parent), m_model(new FindingsModel(this)), m_view(new QTreeView(this))
{
    m_model->setTheme(EditorTheme::fromPalette(palette()));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    // Messages wrap instead of being cut off; the full text is also the tooltip.
    m_view->setUniformRowHeights(false);
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideNone);
    m_view->setItemDelegate(new WrappingDelegate(m_view));
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

    // Row heights follow the message column's width.
    connect(m_view->header(), &QHeaderView::sectionResized, m_view, [this](int column) {
        if (column == FindingsModel::MessageColumn)
            m_view->doItemsLayout();
    });
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
