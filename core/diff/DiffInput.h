#pragma once

#include <QByteArray>
#include <QString>

#include <variant>

namespace retell::core {

// One side of a comparison: a title for the header, the prompt as bytes
// (usually UTF-8, diffed exactly even when it is not) and the tools JSON.
struct DiffSide
{
    QString title;
    QByteArray prompt;
    QByteArray toolsJson; // a JSON array; empty means no tools
};

struct DiffInputError
{
    QString message;
};

// Reads a file given to `diff`: our export {"prompt": ..., "tools": [...]},
// Retell's payload {"general_prompt": ..., "general_tools": [...]}, or plain
// prompt text (then there are no tools). The title is the file name.
std::variant<DiffSide, DiffInputError> loadDiffSide(const QString &path);
// The same for bytes already read; `title` names the source.
DiffSide diffSideFromBytes(const QByteArray &bytes, const QString &title);

} // namespace retell::core
