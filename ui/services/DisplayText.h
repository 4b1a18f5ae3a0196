#pragma once

#include "common/Result.h"
#include "db/ConnectionSpec.h"
#include "domain/Types.h"

#include <QString>

namespace retell::ui {

// Core speaks English codes and sentences (stored, printed, parsed by
// scripts); these render them in the user interface's language.

// "viewer", "editor", "admin" in the interface's language, for core's roles.
QString roleTitle(core::Role role);
// roleTitle() of core's role name ("editor"); the name itself when unknown.
QString roleTitle(const QString &roleName);
// "global", "company", "branch" as a user reads them.
QString scopeTitle(core::GrantScope scope);
// The error's sentence: its code and arguments in the interface's language
// where the code is known, else core's English message.
QString errorText(const core::Error &error);
// errorText() of Retell's codes (retell.*, issue 15): one sentence each.
QString retellErrorText(const core::Error &error);
// "local database (PATH)" or user@host:port/database, as the window title shows it.
QString databaseTitle(const core::ConnectionSpec &spec);

} // namespace retell::ui
