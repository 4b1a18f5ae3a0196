#pragma once

#include <QMenu>

namespace retell::ui {

class Settings;

// View > Language: the system's language or one the user picks. The choice
// is saved at once and applies at the next start (said in one sentence
// through message()).
class LanguageMenu final : public QMenu
{
    Q_OBJECT

public:
    LanguageMenu(Settings *settings, QWidget *parent = nullptr);

signals:
    void message(const QString &text);

private:
    void choose(const QString &language);

    Settings *m_settings;
};

} // namespace retell::ui
