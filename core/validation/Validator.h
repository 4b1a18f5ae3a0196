#pragma once

#include "domain/Types.h"
#include "validation/Finding.h"

#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>

namespace retell::core {

namespace retellLimits {
inline constexpr int kMaxTokens = 8192;       // Retell rejects above
inline constexpr int kCostTokens = 3500;      // cost rises above
inline constexpr int kMinTimeoutMs = 1000;
inline constexpr int kMaxTimeoutMs = 600000;
inline constexpr int kMaxToolNameLength = 64;
inline constexpr qsizetype kMaxPromptChars = 1024 * 1024; // hard input cap (error)
} // namespace retellLimits

struct ValidationContext
{
    // Variables the branch provides besides Retell's system variables.
    QSet<QString> knownVariables;
};

struct ValidationResult
{
    QList<Finding> findings;
    int estimatedTokens = 0;
    int characters = 0;

    bool hasErrors() const;
    int errorCount() const;
    int warningCount() const;
    ValidationStatus status() const; // Valid unless an error was found
    // The contract's validation_errors column: a JSON array of findings.
    QByteArray findingsJson() const;
    static QList<Finding> findingsFromJson(const QByteArray &json);
};

// Retell-aware validation of a prompt and its tools config. Stateless and
// thread-safe; cheap enough to run on every keystroke.
class Validator final
{
public:
    static ValidationResult validate(const AgentConfig &config, const ValidationContext &context = {});
    // Validates raw bytes too (the CLI reads files): invalid UTF-8 is a finding.
    static ValidationResult validateBytes(const QByteArray &prompt, const QByteArray &tools,
                                          const ValidationContext &context = {});

    static int estimateTokens(QStringView text);
    static const QSet<QString> &systemVariables();
    // Tool names defined in a tools config (best effort on invalid JSON).
    static QStringList toolNames(const QString &toolsJson);
    // Variables used in a prompt, in order of first use.
    static QStringList variablesUsed(const QString &prompt);
};

} // namespace retell::core
