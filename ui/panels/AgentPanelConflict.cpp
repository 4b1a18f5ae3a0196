#include "panels/AgentPanelConflict.h"

#include "panels/StatusIcons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace retell::ui {

void makeNoticeBar(QFrame *frame, QLabel *label, const QList<QPushButton *> &buttons)
{
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    const QPalette &base = frame->palette();
    QPalette barPalette = base;
    barPalette.setColor(QPalette::Window,
                        base.color(QPalette::Highlight)
                            .lighter(base.color(QPalette::Window).lightness() > 128 ? 180 : 60));
    frame->setPalette(barPalette);
    label->setParent(frame);
    label->setWordWrap(true);
    auto *layout = new QHBoxLayout(frame);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *icon = new QLabel(frame);
    icon->setPixmap(draftIcon().pixmap(16, 16));
    layout->addWidget(icon);
    layout->addWidget(label, 1);
    for (QPushButton *button : buttons) {
        button->setParent(frame);
        layout->addWidget(button);
    }
    frame->hide();
}

ConflictBar::ConflictBar(QWidget *parent)
    : QFrame(parent), m_label(new QLabel(this)),
      m_showChange(new QPushButton(tr("Show What Changed"), this)), m_merge(new QPushButton(this)),
      m_keepEdit(new QPushButton(this))
{
    setObjectName(QStringLiteral("conflictBar"));
    m_label->setObjectName(QStringLiteral("conflictLabel"));
    m_showChange->setObjectName(QStringLiteral("showWhatChangedButton"));
    m_merge->setObjectName(QStringLiteral("mergeWithActiveButton"));
    m_keepEdit->setObjectName(QStringLiteral("keepEditOnActiveButton"));
    // Merging loses nothing of either change: the prominent way on.
    m_merge->setDefault(true);
    QFont bold = m_merge->font();
    bold.setBold(true);
    m_merge->setFont(bold);
    makeNoticeBar(this, m_label, {m_merge, m_showChange, m_keepEdit});
    connect(m_showChange, &QPushButton::clicked, this, &ConflictBar::showChangeRequested);
    connect(m_merge, &QPushButton::clicked, this, &ConflictBar::mergeRequested);
    connect(m_keepEdit, &QPushButton::clicked, this, &ConflictBar::keepEditRequested);
}

ConflictBar::~ConflictBar() = default;

bool ConflictBar::showConflict(const std::optional<core::VersionConflict> &conflict, bool canEdit)
{
    if (!conflict) {
        hide();
        return false;
    }
    const int base = conflict->baseVersion.value_or(0);
    const int current = conflict->current.version;
    const QString who = conflict->current.deployedByName.isEmpty()
                            ? tr("someone else")
                            : conflict->current.deployedByName.toHtmlEscaped();
    m_label->setText(current > 0
                         ? tr("<b>Version %1 was deployed by %2</b> while you were editing "
                              "version %3; deploying your edit would overwrite that change.")
                               .arg(current)
                               .arg(who)
                               .arg(base)
                         : tr("<b>Version %1 is no longer active.</b>").arg(base));
    m_merge->setText(tr("&Merge with v%1").arg(current));
    m_merge->setVisible(current > 0);
    m_merge->setEnabled(canEdit);
    m_keepEdit->setText(tr("Keep My Edit on v%1").arg(current));
    m_keepEdit->setEnabled(canEdit);
    const bool wasHidden = isHidden();
    show();
    return wasHidden;
}

} // namespace retell::ui
