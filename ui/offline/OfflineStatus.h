#pragma once

#include <QDateTime>

namespace retell::ui {

// Where the app stands with the shared database (issue 12): what the status
// indicator shows and the actions follow.
struct OfflineStatus
{
    enum class Mode
    {
        Online,
        Offline,
        Syncing
    };

    Mode mode = Mode::Online;
    bool chosen = false;     // offline because the admin chose Work Offline
    bool hasReplica = false; // a local replica exists for this database
    int pending = 0;         // queued operations waiting for a push
    int conflicts = 0;       // waiting for a merge
    int refused = 0;         // refused by the server: the admin decides
    QDateTime lastSync;      // UTC; invalid: never synced in this session

    bool isOffline() const { return mode == Mode::Offline; }
    friend bool operator==(const OfflineStatus &, const OfflineStatus &) = default;
};

} // namespace retell::ui
