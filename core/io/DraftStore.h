#pragma once

#include "common/Result.h"
#include "domain/Types.h"

#include <QDateTime>
#include <QSet>
#include <QString>

#include <optional>

namespace retell::core {

// Unsaved edits of one branch's agent, kept beside the database rather than in
// it: a draft must survive a closed window, a crash or a lost connection.
struct Draft
{
    AgentConfig config;
    QString templateName;           // template applied to this draft, if any
    std::optional<int> baseVersion; // active version the edit started from
    QDateTime savedAt;              // UTC
};

// One JSON file per branch under
// <root>/<hash of the database key>/<user id>/<branch id>.json, written
// atomically (QSaveFile), so drafts of different databases and users never mix.
class DraftStore final
{
public:
    // root defaults to <AppDataLocation>/drafts.
    DraftStore(const QString &databaseKey, UserId userId, const QString &root = {});

    QString directory() const { return m_directory; }
    QString filePath(const QString &branchId) const;

    Result<void> save(const QString &branchId, const Draft &draft) const;
    // Nothing when the branch has no draft; an error when the file is unreadable.
    Result<std::optional<Draft>> load(const QString &branchId) const;
    Result<void> remove(const QString &branchId) const;
    bool contains(const QString &branchId) const;
    QSet<QString> branchesWithDrafts() const;

    static QString defaultRoot();
    static QString databaseHash(const QString &databaseKey);

private:
    QString m_directory;
};

} // namespace retell::core
