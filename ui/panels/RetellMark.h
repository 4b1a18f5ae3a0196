#pragma once

#include <QString>

namespace retell::ui {

// What Retell has of a version or branch (issue 15) as a cell shows it: a
// short text ("live v4", "drift") and its sentence. Rendered in ui/publish.
struct RetellMark
{
    QString text;
    QString toolTip;
    friend bool operator==(const RetellMark &, const RetellMark &) = default;
};

} // namespace retell::ui
