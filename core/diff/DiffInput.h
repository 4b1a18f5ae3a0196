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

// Reads a file given to `diff` through AgentConfigCodec (DecodePurpose::Compare):
// our export, Retell's payload, or plain prompt text (then there are no
// tools). A configuration the codec refuses is an error. The title is the
// file name.
std::variant<DiffSide, DiffInputError> loadDiffSide(const QString &path);
// The same for bytes already read; `title` names the source.
std::variant<DiffSide, DiffInputError> diffSideFromBytes(const QByteArray &bytes,
                                                         const QString &title);

} // namespace retell::core
