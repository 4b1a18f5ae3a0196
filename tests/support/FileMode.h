#pragma once

#include <QFile>
#include <QString>

#include <sys/stat.h>

namespace retell::test {

// The permission bits of a file or folder (0600, 0700, ...), -1 when it is missing.
inline int fileMode(const QString &path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

} // namespace retell::test
