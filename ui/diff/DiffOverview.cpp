#include "DiffOverview.h"

#include <QMouseEvent>
#include <QPainter>

namespace retell::ui {

using core::RowKind;

DiffOverview::DiffOverview(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("All changes; click to jump"));
}

DiffOverview::~DiffOverview() = default;

QSize DiffOverview::sizeHint() const
{
    return {14, 100};
}

void DiffOverview::setBlocks(const QList<ChangeBlock> &blocks, int rowCount)
{
    m_blocks = blocks;
    m_rowCount = rowCount;
    update();
}

void DiffOverview::setVisibleRows(int firstRow, int rowCount)
{
    if (firstRow == m_firstVisible && rowCount == m_visibleCount)
        return;
    m_firstVisible = firstRow;
    m_visibleCount = rowCount;
    update();
}

int DiffOverview::yOf(int row) const
{
    if (m_rowCount <= 0)
        return 0;
    return int(qint64(row) * height() / m_rowCount);
}

int DiffOverview::rowAt(int y) const
{
    if (m_rowCount <= 0 || height() <= 0)
        return 0;
    return std::clamp(int(qint64(y) * m_rowCount / height()), 0, m_rowCount - 1);
}

void DiffOverview::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Window).darker(104));
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    const QColor removed = dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xd7, 0x3a, 0x49);
    const QColor added = dark ? QColor(0x2e, 0xa0, 0x43) : QColor(0x28, 0xa7, 0x45);
    const QColor changed = dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xe3, 0x9c, 0x10);
    for (const ChangeBlock &block : m_blocks) {
        const QColor &colour = block.kind == RowKind::Added     ? added
                               : block.kind == RowKind::Removed ? removed
                                                                : changed;
        const int top = yOf(block.firstRow);
        const int bottom = std::max(top + 2, yOf(block.firstRow + block.rowCount));
        painter.fillRect(QRect(2, top, width() - 4, bottom - top), colour);
    }
    if (m_visibleCount > 0 && m_visibleCount < m_rowCount) {
        QColor frame = pal.color(QPalette::Text);
        frame.setAlpha(90);
        painter.setPen(frame);
        const int top = yOf(m_firstVisible);
        const int bottom = std::max(top + 3, yOf(m_firstVisible + m_visibleCount));
        painter.drawRect(QRect(0, top, width() - 1, bottom - top - 1));
    }
}

void DiffOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        emit rowRequested(rowAt(int(event->position().y())));
}

void DiffOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        emit rowRequested(rowAt(int(event->position().y())));
}

} // namespace retell::ui
