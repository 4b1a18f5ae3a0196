#pragma once

#include "DiffLayout.h"

#include <QWidget>

namespace retell::ui {

// A narrow strip beside the scrollbar: every change block at its relative
// position in the document, the visible rows as a frame; a click asks to
// jump to that row.
class DiffOverview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffOverview)

public:
    explicit DiffOverview(QWidget *parent = nullptr);
    ~DiffOverview() override;

    void setBlocks(const QList<ChangeBlock> &blocks, int rowCount);
    void setVisibleRows(int firstRow, int rowCount);
    // Row under a y coordinate of the strip.
    int rowAt(int y) const;

    QSize sizeHint() const override;

signals:
    void rowRequested(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    int yOf(int row) const;

    QList<ChangeBlock> m_blocks;
    int m_rowCount = 0;
    int m_firstVisible = 0;
    int m_visibleCount = 0;
};

} // namespace retell::ui
