// Helpers shared by the validation suites.
#pragma once

#include "validation/Validator.h"

#include <QTest>

namespace retell::core {
inline char *toString(const Finding &f)
{
    return QTest::toString(QStringLiteral("%1 %2 at %3:%4 [%5+%6] %7 \"%8\"")
                               .arg(severityName(f.severity), f.code)
                               .arg(f.line)
                               .arg(f.column)
                               .arg(f.offset)
                               .arg(f.length)
                               .arg(f.jsonPath, f.message));
}
} // namespace retell::core

namespace retell::test {

// The variables a branch provides in this app; the built-in templates must
// validate without findings against exactly this set.
inline core::ValidationContext branchContext()
{
    core::ValidationContext context;
    context.knownVariables = {QStringLiteral("company_name"), QStringLiteral("branch_name"),
                              QStringLiteral("branch_address"), QStringLiteral("opening_hours")};
    return context;
}

inline const core::Finding *findCode(const core::ValidationResult &result, const QString &code)
{
    for (const core::Finding &f : result.findings) {
        if (f.code == code)
            return &f;
    }
    return nullptr;
}

inline QString codes(const core::ValidationResult &result)
{
    QStringList out;
    for (const core::Finding &f : result.findings)
        out.append(f.code);
    return out.join(QLatin1String(", "));
}

inline const QString kCleanTool =
    QString::fromUtf8(R"({"type": "custom", "name": "list_services", "description": "Lists.",)") +
    QString::fromUtf8(R"( "url": "https://api.example.com/list", "timeout_ms": 8000,)") +
    QString::fromUtf8(R"( "parameters": {"type": "object", "properties": {"customer_name":)") +
    QString::fromUtf8(R"( {"type": "string"}}, "required": ["customer_name"]}})");

} // namespace retell::test
