#include "app/EnglishPlurals.h"

#include <QRegularExpression>

namespace retell::ui {

EnglishPlurals::EnglishPlurals(QObject *parent) : QTranslator(parent) {}

EnglishPlurals::~EnglishPlurals() = default;

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText)
        return {};
    const QString source = QString::fromUtf8(sourceText);
    const QString result = pluralize(source, n);
    return result == source ? QString() : result;
}

QString EnglishPlurals::pluralize(const QString &text, int n)
{
    // A word directly followed by its plural ending in parentheses.
    static const QRegularExpression ending(QStringLiteral("(\\w)\\((s|es|ies)\\)"));
    QString out;
    qsizetype last = 0;
    for (auto it = ending.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart(2) - 1 - last);
        const QString suffix = m.captured(2);
        if (n != 1) {
            if (suffix == QLatin1String("ies") && m.captured(1) == QLatin1String("y"))
                out.chop(1); // company → companies
            out += suffix;
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace retell::ui
