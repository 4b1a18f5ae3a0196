#include "versions/VersionNotes.h"

#include <QRegularExpression>

namespace retell::core {

namespace {
const QLatin1StringView kRollbackPrefix("Rollback to version ");
const QLatin1StringView kSeparator(": ");
} // namespace

QString rollbackNote(int toVersion, const QString &adminNote)
{
    QString note = kRollbackPrefix + QString::number(toVersion);
    if (!adminNote.trimmed().isEmpty())
        note += kSeparator + adminNote.trimmed();
    return note;
}

AutomaticNote parseAutomaticNote(const QString &stored)
{
    static const QRegularExpression rollback(QStringLiteral("^Rollback to version ([1-9][0-9]{0,8})"
                                                            "(?:: (.*))?$"),
                                             QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = rollback.match(stored);
    if (!m.hasMatch())
        return {AutomaticNote::Kind::None, 0, stored};
    return {AutomaticNote::Kind::Rollback, m.captured(1).toInt(), m.captured(2)};
}

} // namespace retell::core
