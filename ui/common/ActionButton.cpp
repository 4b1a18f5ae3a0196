#include "common/ActionButton.h"

#include <QAction>
#include <QPushButton>

namespace retell::ui {

QPushButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QPushButton(action->icon(), action->text(), parent);
    button->setObjectName(
        QString(action->objectName()).replace(QStringLiteral("Action"), QStringLiteral("Button")));
    button->setToolTip(action->toolTip());
    button->setAutoDefault(false);
    button->setEnabled(action->isEnabled());
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    QObject::connect(action, &QAction::changed, button,
                     [button, action] { button->setEnabled(action->isEnabled()); });
    return button;
}

QKeySequence portableKey(const char *text)
{
    return QKeySequence(QString::fromLatin1(text), QKeySequence::PortableText);
}

} // namespace retell::ui
