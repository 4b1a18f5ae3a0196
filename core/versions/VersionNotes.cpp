#include "versions/VersionNotes.h"

#include <QRegularExpression>

namespace retell::core {

namespace {
const QLatin1StringView kRollbackPrefix("Rollback to version ");
const QLatin1StringView kRolloutPrefix("Rollout #");
const QLatin1StringView kSeparator(": ");

QString withAdminNote(QString note, const QString &adminNote)
{
    if (!adminNote.trimmed().isEmpty())
        note += kSeparator + adminNote.trimmed();
    return note;
}
} // namespace

QString rollbackNote(int toVersion, const QString &adminNote)
{
    return withAdminNote(kRollbackPrefix + QString::number(toVersion), adminNote);
}

QString rolloutNote(qint64 rolloutId, const QString &adminNote)
{
    return withAdminNote(kRolloutPrefix + QString::number(rolloutId), adminNote);
}

AutomaticNote parseAutomaticNote(const QString &stored)
{
    static const QRegularExpression automatic(
        QStringLiteral("^(Rollback to version |Rollout #)([1-9][0-9]{0,8})(?:: (.*))?$"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = automatic.match(stored);
    if (!m.hasMatch())
        return {AutomaticNote::Kind::None, 0, stored};
    const auto kind = m.capturedView(1) == kRolloutPrefix ? AutomaticNote::Kind::Rollout
                                                          : AutomaticNote::Kind::Rollback;
    return {kind, m.captured(2).toInt(), m.captured(3)};
}

} // namespace retell::core
