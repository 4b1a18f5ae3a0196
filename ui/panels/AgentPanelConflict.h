#pragma once

#include "versions/VersionService.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;

namespace retell::ui {

// Styles frame as a notice bar above the editor: an icon, the label (wrapped)
// and the buttons on the right. Hidden until shown.
void makeNoticeBar(QFrame *frame, QLabel *label, const QList<QPushButton *> &buttons);

// The bar above the editor once another version became active since the
// edit's base: who deployed it and the ways on: see their change, merge it
// with the edit (nothing of either is lost), or keep the edit on top of it
// (a deploy then replaces their change).
class ConflictBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictBar)

public:
    explicit ConflictBar(QWidget *parent = nullptr);
    ~ConflictBar() override;

    // Shows conflict (std::nullopt hides the bar); true when it was hidden before.
    bool showConflict(const std::optional<core::VersionConflict> &conflict, bool canEdit);
    QPushButton *mergeButton() const { return m_merge; }

signals:
    void showChangeRequested();
    void mergeRequested();
    void keepEditRequested();

private:
    QLabel *m_label = nullptr;
    QPushButton *m_showChange = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_keepEdit = nullptr;
};

} // namespace retell::ui
