#include "app/LanguageMenu.h"

#include "app/Language.h"
#include "app/Settings.h"

#include <QActionGroup>

namespace retell::ui {

LanguageMenu::LanguageMenu(Settings *settings, QWidget *parent)
    : QMenu(tr("&Language"), parent), m_settings(settings)
{
    setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(this);
    const QString chosen = m_settings->language();
    auto add = [&](const QString &text, const QString &language) {
        QAction *action = addAction(text);
        action->setCheckable(true);
        action->setChecked(language == chosen);
        action->setData(language);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { choose(language); });
    };
    add(tr("System Language (%1)")
            .arg(Language::nativeName(Language::resolve(QString(), QLocale::system()))),
        QString());
    addSeparator();
    // Each language in itself, so that whoever cannot read the current one finds theirs.
    for (const QString &language : Language::available())
        add(Language::nativeName(language), language);
}

void LanguageMenu::choose(const QString &language)
{
    if (language == m_settings->language())
        return;
    m_settings->setLanguage(language);
    const QString now = Language::nativeName(Language::resolve(language, QLocale::system()));
    emit message(tr("Language from the next start: %1.").arg(now));
}

} // namespace retell::ui
