#include "publish/LiveBadge.h"

#include "panels/StatusIcons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace retell::ui {

namespace {
QIcon iconFor(LiveBadge::Kind kind)
{
    using Kind = LiveBadge::Kind;
    switch (kind) {
    case Kind::Live:
        return statusIcon(core::ValidationStatus::Valid);
    case Kind::DashboardEdit:
        return statusIcon(core::ValidationStatus::Invalid);
    case Kind::NotLiveYet:
    case Kind::Checking:
    case Kind::Unknown:
        return statusIcon(core::ValidationStatus::Pending);
    case Kind::NotLinked:
    case Kind::Hidden:
        break;
    }
    return {};
}
} // namespace

LiveBadge::LiveBadge(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_label(new QLabel(this)),
      m_publish(new QPushButton(tr("&Publish Now"), this)),
      m_diff(new QPushButton(tr("Show &Diff"), this)),
      m_import(new QPushButton(tr("&Import…"), this)),
      m_overwrite(new QPushButton(tr("&Overwrite…"), this)),
      m_link(new QPushButton(tr("&Link…"), this))
{
    setObjectName(QStringLiteral("liveBadge"));
    m_label->setObjectName(QStringLiteral("liveBadgeText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_publish->setObjectName(QStringLiteral("publishNowButton"));
    m_diff->setObjectName(QStringLiteral("liveDiffButton"));
    m_import->setObjectName(QStringLiteral("importLiveButton"));
    m_overwrite->setObjectName(QStringLiteral("overwriteLiveButton"));
    m_link->setObjectName(QStringLiteral("linkRetellButton"));
    m_publish->setToolTip(tr("Publish the active version to Retell again now"));
    m_diff->setToolTip(tr("Compare what is live in Retell with the active version"));
    m_import->setToolTip(tr("Deploy the dashboard edit as a new version of this branch"));
    m_overwrite->setToolTip(tr("Publish the active version over the dashboard edit"));
    m_link->setToolTip(tr("Link this branch to its Retell agent and LLM"));

    setFrameShape(QFrame::NoFrame);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 2);
    layout->setSpacing(6);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    for (QPushButton *button : {m_publish, m_diff, m_import, m_overwrite, m_link}) {
        button->setAutoDefault(false);
        layout->addWidget(button);
        button->hide();
    }
    connect(m_publish, &QPushButton::clicked, this, &LiveBadge::publishRequested);
    connect(m_diff, &QPushButton::clicked, this, &LiveBadge::diffRequested);
    connect(m_import, &QPushButton::clicked, this, &LiveBadge::importRequested);
    connect(m_overwrite, &QPushButton::clicked, this, &LiveBadge::overwriteRequested);
    connect(m_link, &QPushButton::clicked, this, &LiveBadge::linkRequested);
    QFrame::hide();
}

LiveBadge::~LiveBadge() = default;

QString LiveBadge::text() const
{
    return m_label->text();
}

void LiveBadge::showState(Kind kind, const QString &text, bool canAct)
{
    m_kind = kind;
    m_label->setText(text);
    m_label->setToolTip(text);
    const QIcon icon = iconFor(kind);
    m_icon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(16, 16));
    m_publish->setVisible(kind == Kind::NotLiveYet && canAct);
    m_diff->setVisible(kind == Kind::DashboardEdit);
    m_import->setVisible(kind == Kind::DashboardEdit && canAct);
    m_overwrite->setVisible(kind == Kind::DashboardEdit && canAct);
    m_link->setVisible(kind == Kind::NotLinked && canAct);
    setVisible(kind != Kind::Hidden);
}

} // namespace retell::ui
