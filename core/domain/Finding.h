#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <concepts>

namespace retell::core {

enum class Severity
{
    Warning,
    Error
};

// A sentence as core composes it: its English source text (the translation
// key, context "Validator") and its arguments. Core stores and prints the
// English form; a user interface renders the source in its own language.
class MessageText final
{
public:
    explicit MessageText(const char *source) : m_source(QString::fromUtf8(source)) {}

    MessageText arg(const QString &a) const;
    MessageText arg(QStringView a) const { return arg(a.toString()); }
    MessageText arg(const QString &a, const QString &b) const { return arg(a).arg(b); }
    MessageText arg(const QString &a, const QString &b, const QString &c) const
    {
        return arg(a).arg(b).arg(c);
    }
    template <std::integral N> MessageText arg(N n) const { return arg(QString::number(n)); }

    const QString &source() const { return m_source; }
    const QStringList &args() const { return m_args; }
    QString english() const { return substitute(m_source, m_args); }
    // %1..%99 replaced by args[0..] in one pass (an argument holding "%2"
    // stays as it is); a placeholder without an argument stays too.
    static QString substitute(const QString &format, const QStringList &args);

private:
    QString m_source;
    QStringList m_args;
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
    QString message; // one sentence for a person, in English (stored and printed as it is)
    // The message's English source with %1.. placeholders and their values:
    // what a user interface translates (findingMessage()). Empty for
    // findings written by others, which have only a message.
    QString format;
    QStringList args;
    FindingTarget target = FindingTarget::Prompt;
    int line = 0;
    int column = 0;
    int offset = -1;  // absolute UTF-16 offset into the text, -1 if none
    int length = 0;   // UTF-16 units covered, 0 for a point
    QString jsonPath; // for Tools findings: "$[2].parameters.required[0]"

    bool isError() const { return severity == Severity::Error; }
    void setText(const MessageText &text)
    {
        message = text.english();
        format = text.source();
        args = text.args();
    }
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

// The finding's message in the application's language: its format through
// the installed translators (context "Validator"), then its arguments; the
// stored English message when it has no format. For user interfaces only:
// what core stores and prints stays English.
QString findingMessage(const Finding &finding);

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::Finding)
