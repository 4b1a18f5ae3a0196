#include "io/DraftStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace retell::core {

namespace {
const QString kSuffix = QStringLiteral(".json");

// Branch ids are UUIDs; anything else is encoded so it cannot escape the folder.
QString fileNameFor(const QString &branchId)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_-]{1,100}$"));
    if (safe.match(branchId).hasMatch())
        return branchId + kSuffix;
    return QStringLiteral("x-") + QString::fromLatin1(branchId.toUtf8().toHex()) + kSuffix;
}

QString branchIdFromFileName(const QString &name)
{
    QString stem = name.chopped(kSuffix.size());
    if (stem.startsWith(QLatin1String("x-")))
        return QString::fromUtf8(QByteArray::fromHex(stem.mid(2).toLatin1()));
    return stem;
}
} // namespace

DraftStore::DraftStore(const QString &databaseKey, UserId userId, const QString &root)
{
    const QString base = root.isEmpty() ? defaultRoot() : root;
    m_directory = QStringLiteral("%1/%2/%3").arg(base, databaseHash(databaseKey)).arg(userId);
}

QString DraftStore::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/drafts");
}

QString DraftStore::databaseHash(const QString &databaseKey)
{
    const QByteArray digest =
        QCryptographicHash::hash(databaseKey.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(16));
}

QString DraftStore::filePath(const QString &branchId) const
{
    return m_directory + QLatin1Char('/') + fileNameFor(branchId);
}

Result<void> DraftStore::save(const QString &branchId, const Draft &draft) const
{
    if (!QDir().mkpath(m_directory))
        return Error::io(QStringLiteral("The drafts folder %1 cannot be created.").arg(m_directory))
            .withCode("draft.folder", {m_directory});
    QJsonObject json{
        {QStringLiteral("branch_id"), branchId},
        {QStringLiteral("prompt"), draft.config.prompt},
        {QStringLiteral("tools"), draft.config.toolsJson},
        {QStringLiteral("template_name"), draft.templateName},
        {QStringLiteral("saved_at"), draft.savedAt.toUTC().toString(Qt::ISODateWithMs)},
    };
    if (draft.baseVersion)
        json.insert(QStringLiteral("base_version"), *draft.baseVersion);
    QSaveFile file(filePath(branchId));
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("The draft cannot be written: %1.").arg(file.errorString()))
            .withCode("draft.write", {file.errorString()});
    file.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error::io(QStringLiteral("The draft cannot be written: %1.").arg(file.errorString()))
            .withCode("draft.write", {file.errorString()});
    return {};
}

Result<std::optional<Draft>> DraftStore::load(const QString &branchId) const
{
    QFile file(filePath(branchId));
    if (!file.exists())
        return std::optional<Draft>();
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("The draft cannot be read: %1.").arg(file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return Error::io(QStringLiteral("The draft file %1 is damaged: %2.")
                             .arg(file.fileName(), parseError.errorString()));
    const QJsonObject json = doc.object();
    Draft draft;
    draft.config.prompt = json.value(QStringLiteral("prompt")).toString();
    draft.config.toolsJson = json.value(QStringLiteral("tools")).toString();
    draft.templateName = json.value(QStringLiteral("template_name")).toString();
    if (json.contains(QStringLiteral("base_version")))
        draft.baseVersion = json.value(QStringLiteral("base_version")).toInt();
    draft.savedAt =
        QDateTime::fromString(json.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    draft.savedAt = draft.savedAt.toUTC();
    return std::optional<Draft>(std::move(draft));
}

Result<void> DraftStore::remove(const QString &branchId) const
{
    QFile file(filePath(branchId));
    if (file.exists() && !file.remove())
        return Error::io(
            QStringLiteral("The draft cannot be removed: %1.").arg(file.errorString()));
    return {};
}

bool DraftStore::contains(const QString &branchId) const
{
    return QFile::exists(filePath(branchId));
}

QSet<QString> DraftStore::branchesWithDrafts() const
{
    QSet<QString> ids;
    const QStringList names =
        QDir(m_directory).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        ids.insert(branchIdFromFileName(name));
    return ids;
}

} // namespace retell::core
