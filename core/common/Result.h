#pragma once

#include "domain/Finding.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>
#include <variant>

namespace retell::core {

struct VersionConflict; // versions/VersionService.h

// What went wrong, in categories the callers map to exit codes or dialogs.
enum class ErrorKind
{
    Usage,          // the caller asked for something malformed
    Validation,     // content failed validation (errors block a deploy)
    Authentication, // unknown user or wrong password
    Permission,     // known user, not allowed
    NotFound,
    Conflict,  // concurrent change, duplicate name, stale base version
    Unchanged, // a deploy or rollback whose content equals the active version
    Database,  // connection, SQL or schema problem
    Io,        // file system
    Remote,    // a remote service (Retell's API) failed or refused: Error::code says how
};

struct Error
{
    ErrorKind kind = ErrorKind::Database;
    QString message;         // one plain sentence for a person
    QString detail;          // driver text, native code, for logs and --verbose
    QList<Finding> findings; // for ErrorKind::Validation
    bool transient = false;  // worth retrying the whole transaction
    // A deploy refused against the branch's active version (ErrorKind::Conflict
    // for a stale base, ErrorKind::Unchanged for equal content): what is active now.
    std::shared_ptr<const VersionConflict> versionConflict;
    // A stable code and its arguments ("config.not_json", {"3", "7"}) where the
    // caller may render the error itself; the message is then its English form.
    QString code;
    QStringList args;

    // The same error with a stable code and its arguments.
    Error withCode(const char *c, QStringList a = {}) const
    {
        Error e = *this;
        e.code = QString::fromLatin1(c);
        e.args = std::move(a);
        return e;
    }

    static Error usage(QString m) { return {ErrorKind::Usage, std::move(m), {}}; }
    static Error notFound(QString m) { return {ErrorKind::NotFound, std::move(m), {}}; }
    static Error permission(QString m) { return {ErrorKind::Permission, std::move(m), {}}; }
    static Error conflict(QString m) { return {ErrorKind::Conflict, std::move(m), {}}; }
    static Error io(QString m) { return {ErrorKind::Io, std::move(m), {}}; }
    static Error database(QString m, QString d = {})
    {
        return {ErrorKind::Database, std::move(m), std::move(d)};
    }
};

// Minimal expected<T, Error> (std::expected is C++23).
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace retell::core
