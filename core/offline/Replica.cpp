#include "Replica.h"

#include "access/AuthService.h"
#include "db/Migrator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace retell::core {

namespace {

QString sanitised(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                          (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                          (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                          c == QLatin1Char('.') || c == QLatin1Char('-');
        out += safe ? c : QLatin1Char('_');
    }
    return out.left(40);
}

Error privacyError(const QString &what, const QString &path)
{
    return Error::io(QStringLiteral("Cannot make the replica %1 %2 private: %3.")
                         .arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
}

} // namespace

QString replicaFileName(const ConnectionSpec &server)
{
    // The URL's scheme and the fields that name the database; an SQLite
    // server is named by its file.
    const QString scheme = server.toUrl().section(QLatin1Char(':'), 0, 0);
    const bool hasFile = !server.path.isEmpty();
    QStringList exact;
    exact << scheme << server.host << QString::number(server.port) << server.database
          << server.user;
    QStringList shown = server.host.isEmpty() ? exact.mid(0, 1) : exact;
    if (hasFile) {
        exact << QFileInfo(server.path).absoluteFilePath();
        shown << QFileInfo(server.path).completeBaseName();
    }
    const QByteArray hash =
        QCryptographicHash::hash(exact.join(QChar(0)).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(10);
    for (QString &p : shown)
        p = sanitised(p);
    return shown.join(QLatin1Char('_')) + QLatin1Char('_') + QString::fromLatin1(hash) +
           QStringLiteral(".sqlite");
}

QString defaultReplicaPath(const ConnectionSpec &server)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/retell-admin");
    return dir + QStringLiteral("/replicas/") + replicaFileName(server);
}

Result<ServiceContext> openReplica(const QString &path)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    // A folder made here is private; one that exists is left as it is (a
    // --replica in /tmp or a home folder must not change who may enter it):
    // the file's own mode keeps others out.
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder))
            return Error::io(QStringLiteral("Cannot create the replica folder %1.").arg(folder));
        if (::chmod(QFile::encodeName(folder).constData(), 0700) != 0)
            return privacyError(QStringLiteral("folder"), folder);
    }
    // Created private before SQLite writes a byte into it; its -wal and -shm
    // files take the same mode from it.
    const QByteArray file = QFile::encodeName(info.absoluteFilePath());
    const int fd = ::open(file.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error::io(QStringLiteral("Cannot open the replica %1: %2.")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    const bool privateNow = ::fchmod(fd, 0600) == 0;
    ::close(fd);
    if (!privateNow)
        return privacyError(QStringLiteral("file"), path);
    ConnectionSpec spec; // SQLite
    spec.path = info.absoluteFilePath();
    for (const char *suffix : {"-wal", "-shm"}) {
        const QByteArray side = file + suffix;
        if (::access(side.constData(), F_OK) == 0 && ::chmod(side.constData(), 0600) != 0)
            return privacyError(QStringLiteral("file"), QFile::decodeName(side));
    }
    if (auto migrated = Migrator::migrate(spec); !migrated)
        return migrated.error();
    return ServiceContext{spec};
}

Result<Actor> loginOffline(const ServiceContext &replica, const QString &email,
                           const QString &password)
{
    // The replica stores a password hash for the user who pulled last only
    // (ReplicaPull); everyone else has an empty one, which AuthService
    // refuses exactly like a wrong password, after the same bcrypt run.
    return AuthService(replica).login(email, password);
}

} // namespace retell::core
