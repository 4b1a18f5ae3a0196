#pragma once

// What the Retell client's suites share: the stand-in's key, a key it
// refuses, and a tool list in Retell's shape.
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace retell::test {

inline const QString kKey = QStringLiteral("key_SECRET_7f3c9a41d2b84e6f");
inline const QString kWrongKey = QStringLiteral("key_WRONG_0b1e2d3c4a5f6789");
inline const QJsonArray kTools{
    QJsonObject{{QStringLiteral("type"), QStringLiteral("end_call")},
                {QStringLiteral("name"), QStringLiteral("end_call")},
                {QStringLiteral("description"), QStringLiteral("Hang up.")}}};

} // namespace retell::test
