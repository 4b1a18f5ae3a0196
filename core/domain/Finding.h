#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace retell::core {

enum class Severity
{
    Warning,
    Error
};

// Which text a finding points into (Notes: the deployment notes and the
// template name stored beside a version).
enum class FindingTarget
{
    Prompt,
    Tools,
    Notes
};

// One validator finding. Positions are in QString (UTF-16) units of the
// validated text so editors can map them; line and column are 1-based and
// 0 when the finding concerns the whole document.
struct Finding
{
    Severity severity = Severity::Error;
    QString code;    // stable, e.g. "prompt.too_many_tokens"
    QString message; // one sentence for a person
    FindingTarget target = FindingTarget::Prompt;
    int line = 0;
    int column = 0;
    int offset = -1;  // absolute UTF-16 offset into the text, -1 if none
    int length = 0;   // UTF-16 units covered, 0 for a point
    QString jsonPath; // for Tools findings: "$[2].parameters.required[0]"

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Finding &, const Finding &) = default;
};

// Matches the contract's validation_status ENUM('pending','valid','invalid').
enum class ValidationStatus
{
    Pending,
    Valid,
    Invalid
};

QString validationStatusName(ValidationStatus status);
ValidationStatus validationStatusFromName(const QString &name);

// Names used in the findings JSON ("error"/"warning", "prompt"/"tools").
QString severityName(Severity severity);
Severity severityFromName(const QString &name);
QString findingTargetName(FindingTarget target);
FindingTarget findingTargetFromName(const QString &name);

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::Finding)
