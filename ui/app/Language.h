#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace retell::ui {

// The language of the GUI. It follows the system locale unless the user
// chose one (Settings::language, applied at the next start). The app's
// translation and Qt's own (standard dialogs, QScintilla's menus) are
// installed together, and QLocale's default is set to the same language so
// that numbers and dates read like the sentence around them. The CLI stays
// English: scripts parse it.
class Language final
{
public:
    // The languages the GUI is translated into, as ISO 639-1 codes; the
    // first is the source language.
    static QStringList available();
    // The code to use: `chosen` when it is available, else the system's
    // language when available, else English.
    static QString resolve(const QString &chosen, const QLocale &system = QLocale::system());
    // The locale numbers and dates use with `language`: the system's
    // territory when it speaks that language (de_AT stays Austrian), else
    // the language's main one.
    static QLocale locale(const QString &language, const QLocale &system = QLocale::system());
    // Installs the translators for `language` on the application (they live
    // as long as it does) and sets the default locale. False when the app's
    // own translation could not be loaded (the GUI then stays English).
    static bool install(QCoreApplication &app, const QString &language);
    // The name of a language in itself ("Deutsch"), for the language menu.
    static QString nativeName(const QString &language);
};

} // namespace retell::ui
