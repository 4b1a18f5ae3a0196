#pragma once

// Small database helpers for the access-control suite: raw reads that bypass
// the services under test, so that the suite checks what is really stored.

#include "common/Result.h"
#include "db/ConnectionSpec.h"

#include <QString>
#include <QVariantList>

namespace retell::test {

// Fixed branch ids of the demo seed (core/seed/Seeder.cpp).
inline constexpr const char *kBerlinMitte = "7c9e6679-7425-40de-944b-e07fc1f90ae7"; // Salon Aurora
inline constexpr const char *kHamburgAltona =
    "1b4e28ba-2fa1-41d2-883f-0016d3cca427"; // Salon Aurora
inline constexpr const char *kKielZentrum =
    "16fd2706-8baf-433b-82eb-8c7fada847da"; // Praxis Nordlicht

// First column of the first row, or "<none>" / "<error: ...>".
QString scalar(const core::ConnectionSpec &spec, const QString &sql, const QVariantList &bind = {});
int count(const core::ConnectionSpec &spec, const QString &table);

// Everything an access decision could change, as one comparable text:
// row counts of the three tables plus every grant row, the active flags of
// every version and every template row (owner, author, content).
QString snapshot(const core::ConnectionSpec &spec);

// Runs one statement; empty on success, else the error.
QString execute(const core::ConnectionSpec &spec, const QString &sql,
                const QVariantList &bind = {});

// Inserts a row into the web application's users table; returns its id (0 on failure).
qint64 insertUser(const core::ConnectionSpec &spec, const QString &email, const QString &name,
                  const QByteArray &passwordHash);
QString companyIdByName(const core::ConnectionSpec &spec, const QString &name);

// "Permission", "Authentication", ... for readable comparisons.
QString errorKindName(core::ErrorKind kind);

// Runs a program, returns its trimmed stdout (empty on failure, with *error set).
QString runTool(const QString &program, const QStringList &arguments, QString *error);

} // namespace retell::test
