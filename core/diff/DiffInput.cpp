#include "DiffInput.h"

#include "io/AgentConfigCodec.h"

#include <QFile>
#include <QFileInfo>

namespace retell::core {

std::variant<DiffSide, DiffInputError> diffSideFromBytes(const QByteArray &bytes,
                                                         const QString &title)
{
    auto decoded = AgentConfigCodec::decode(bytes, DecodePurpose::Compare);
    if (!decoded)
        return DiffInputError{QStringLiteral("%1: %2").arg(title, decoded.error().message)};
    // Plain text is compared as the bytes it is, valid UTF-8 or not.
    if (decoded->shape == ConfigShape::PlainText)
        return DiffSide{title, bytes, {}};
    return DiffSide{title, decoded->config.prompt.toUtf8(),
                    decoded->hasTools ? decoded->config.toolsJson.toUtf8() : QByteArray()};
}

std::variant<DiffSide, DiffInputError> loadDiffSide(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return DiffInputError{QStringLiteral("Cannot read %1: %2").arg(path, file.errorString())};
    return diffSideFromBytes(file.readAll(), QFileInfo(path).fileName());
}

} // namespace retell::core
