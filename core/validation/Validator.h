#pragma once

#include "domain/Finding.h"
#include "domain/Types.h"

#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QString>

namespace retell::core {

namespace retellLimits {
inline constexpr int kMaxTokens = 8192;  // Retell rejects above
inline constexpr int kCostTokens = 3500; // cost rises above
inline constexpr int kMinTimeoutMs = 1000;
inline constexpr int kMaxTimeoutMs = 600000;
inline constexpr int kMaxToolNameLength = 64;
inline constexpr qsizetype kMaxPromptChars = 1024 * 1024; // hard input cap (error)
inline constexpr qsizetype kMaxToolsChars = 1024 * 1024;  // likewise
inline constexpr qsizetype kMaxNotesBytes = 65535;        // deployment_notes TEXT
inline constexpr qsizetype kMaxTemplateNameChars = 255;   // template_name VARCHAR(255)
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
    // The contract's validation_errors column: a JSON array of findings, each
    // {"severity", "code", "message" (English), "format" (its English source
    // with %1.. placeholders), "args" (their values, strings), "target",
    // "line", "column", "offset", "length", "path"}: the same whatever the
    // language of whoever deployed, rendered again in the reader's language.
    QByteArray findingsJson() const;
    static QList<Finding> findingsFromJson(const QByteArray &json);
};

// Retell-aware validation of a prompt and its tools config. Stateless and
// thread-safe; cheap enough to run on every keystroke (about 30 us for an
// 8 KB prompt with four tools, linear in the prompt size).
//
// Severities: a stray "}}" (it may close literal JSON in an example), unknown
// variables, token cost above 3,500, and tool/prompt cross-references
// (tools.undefined_tool_mentioned, tools.unused_tool) are warnings; every
// other finding is an error. Unknown variables are reported once per name,
// brace findings at most 100 per kind.
class Validator final
{
public:
    static ValidationResult validate(const AgentConfig &config,
                                     const ValidationContext &context = {});
    // Validates raw bytes too (the CLI reads files): invalid UTF-8 is a finding.
    static ValidationResult validateBytes(const QByteArray &prompt, const QByteArray &tools,
                                          const ValidationContext &context = {});
    // What the database refuses in the texts stored beside a version, as
    // error findings (target Notes): deployment notes longer than the TEXT
    // column's 65,535 bytes, a template name above 255 characters, NUL
    // characters.
    static QList<Finding> checkStoredTexts(const QString &notes, const QString &templateName);

    // Linear, allocation-free approximation of an OpenAI-style BPE count:
    // a word (letters, digits, '_', inner '-') is one token per started six
    // characters, non-ASCII letters weighing two; digits one per three;
    // punctuation one each (a run of one character, like "---", one per
    // four); a run of line breaks one; spaces free; CJK characters one each;
    // emoji two. Calibrated to be slightly conservative on English prompts.
    static int estimateTokens(QStringView text);
    static const QSet<QString> &systemVariables();
    // Tool names defined in a tools config (best effort on invalid JSON).
    static QStringList toolNames(const QString &toolsJson);
    // Variables used in a prompt, in order of first use.
    static QStringList variablesUsed(const QString &prompt);
};

} // namespace retell::core
