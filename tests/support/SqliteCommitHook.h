#pragma once

// Installs an SQLite commit hook on the calling thread's connection to an
// SQLite database, without touching the product's code: the worker
// processes of the crash tests stop at a commit this way to be killed
// there. Header-only (they do not link the Qt Test based support library);
// link ${CMAKE_DL_LIBS}.
#include "db/Database.h"

#include <QSqlDriver>

#include <dlfcn.h>

namespace retell::test {

// `hook` runs before each commit of that connection; returning 0 lets it proceed.
inline bool installSqliteCommitHook(const core::ConnectionSpec &spec, int (*hook)(void *))
{
    auto db = core::Database::connection(spec);
    if (!db)
        return false;
    const QVariant handle = db->driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    void *sqlite = *static_cast<void *const *>(handle.constData());
    void *library = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
    using CommitHook = void *(*)(void *, int (*)(void *), void *);
    auto commitHook =
        library ? reinterpret_cast<CommitHook>(dlsym(library, "sqlite3_commit_hook")) : nullptr;
    if (!sqlite || !commitHook)
        return false;
    commitHook(sqlite, hook, nullptr);
    return true;
}

} // namespace retell::test
