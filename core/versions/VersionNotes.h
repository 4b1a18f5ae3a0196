#pragma once

#include <QString>

namespace retell::core {

// A note the app writes itself into deployment_notes. It is stored in
// English whatever the language of whoever wrote it (the web application
// shows notes as they are), and recognised again so that a user interface
// can show it in its own language.
struct AutomaticNote
{
    enum class Kind
    {
        None, // the admin's own words only
        Rollback,
        Rollout, // a version a rollout wrote (core/rollout)
    };
    Kind kind = Kind::None;
    int version = 0;   // Rollback: the version restored; Rollout: the rollout's number
    QString adminNote; // what the admin added (after ": "), or the whole note for None

    friend bool operator==(const AutomaticNote &, const AutomaticNote &) = default;
};

// "Rollback to version 3", or "Rollback to version 3: callers were confused".
QString rollbackNote(int toVersion, const QString &adminNote = {});
// "Rollout #12", or "Rollout #12: new opening hours".
QString rolloutNote(qint64 rolloutId, const QString &adminNote = {});
AutomaticNote parseAutomaticNote(const QString &stored);

} // namespace retell::core
