#include "app/Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace retell::ui {

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString Language::resolve(const QString &chosen, const QLocale &system)
{
    if (available().contains(chosen))
        return chosen;
    const QString own = system.name().section(QLatin1Char('_'), 0, 0);
    return available().contains(own) ? own : available().constFirst();
}

QLocale Language::locale(const QString &language, const QLocale &system)
{
    const QLocale wanted(language);
    if (system.language() == wanted.language())
        return system;
    // English without a territory of the system's: the United States' formats.
    return QLocale(wanted.language(), wanted.language() == QLocale::English
                                          ? QLocale::UnitedStates
                                          : QLocale::AnyTerritory);
}

bool Language::install(QCoreApplication &app, const QString &language)
{
    const QLocale chosen = locale(language);
    QLocale::setDefault(chosen);
    if (language == available().constFirst())
        return true; // the source texts are English
    const QString qtPath = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    // Qt's own first, the app's last: the newest translator is asked first.
    for (const QString &catalog : {QStringLiteral("qtbase"), QStringLiteral("qscintilla")}) {
        auto *qt = new QTranslator(&app);
        if (qt->load(chosen, catalog, QStringLiteral("_"), qtPath))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
    }
    auto *own = new QTranslator(&app);
    if (!own->load(chosen, QStringLiteral("retell-admin"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

QString Language::nativeName(const QString &language)
{
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

} // namespace retell::ui
