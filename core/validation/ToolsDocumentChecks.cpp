// The tools text as a document: where a syntax error is to be fixed, and
// what the database refuses although the JSON is valid.
#include "validation/ToolsChecker.h"

#include <QJsonDocument>

namespace retell::core::detail {

namespace {

using Kind = JsonTree::Kind;

QString englishReason(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::NoError:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "no error occurred"));
    case QJsonParseError::UnterminatedObject:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "unterminated object"));
    case QJsonParseError::MissingNameSeparator:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "missing name separator"));
    case QJsonParseError::UnterminatedArray:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "unterminated array"));
    case QJsonParseError::MissingValueSeparator:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "missing value separator"));
    case QJsonParseError::IllegalValue:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "illegal value"));
    case QJsonParseError::TerminationByNumber:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "invalid termination by number"));
    case QJsonParseError::IllegalNumber:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "illegal number"));
    case QJsonParseError::IllegalEscapeSequence:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "invalid escape sequence"));
    case QJsonParseError::IllegalUTF8String:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "invalid UTF8 string"));
    case QJsonParseError::UnterminatedString:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "unterminated string"));
    case QJsonParseError::MissingObject:
        return QString::fromLatin1(
            QT_TRANSLATE_NOOP("Validator", "object is missing after a comma"));
    case QJsonParseError::DeepNesting:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "too deeply nested document"));
    case QJsonParseError::DocumentTooLarge:
        return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "too large document"));
    case QJsonParseError::GarbageAtEnd:
        return QString::fromLatin1(
            QT_TRANSLATE_NOOP("Validator", "garbage at the end of the document"));
    }
    return QString::fromLatin1(QT_TRANSLATE_NOOP("Validator", "illegal value"));
}

} // namespace

// Qt words the message; the position is the tree's, which stops on the
// culprit (QJsonParseError::offset counts UTF-8 bytes and often lands one
// character later), with Qt's offset as the fallback. When a complete first
// tool is followed by "," or "]", the list's opening "[" is missing: the
// place to fix is the start of the document, not the end.
void ToolsChecker::reportSyntaxError()
{
    QJsonParseError error;
    QJsonDocument::fromJson(m_json.toUtf8(), &error);
    qsizetype offset = m_tree.errorOffset();
    if (error.error == QJsonParseError::NoError)
        error.error = QJsonParseError::IllegalValue;
    else if (offset < 0)
        offset = utf16OffsetForUtf8Offset(m_json, error.offset);
    // Qt's errorString() is in the UI's language; the stored finding is not.
    QString reason = englishReason(error.error);
    const bool listWithoutBracket =
        m_tree.trailingText() && m_tree.kind(JsonTree::kRoot) == Kind::Object && offset >= 0 &&
        offset < m_json.size() &&
        (m_json.at(offset) == QLatin1Char(',') || m_json.at(offset) == QLatin1Char(']'));
    if (listWithoutBracket) {
        offset = 0;
        reason = MessageText(QT_TRANSLATE_NOOP("Validator",
                                               "the opening \"[\" of the list of tools is missing"))
                     .english();
    }
    const auto [line, column] = lineColumn(offset);
    Finding f;
    f.code = QStringLiteral("tools.invalid_json");
    f.setText(
        MessageText(QT_TRANSLATE_NOOP(
                        "Validator",
                        "The tools configuration is not valid JSON: %1 at line %2, column %3."))
            .arg(reason)
            .arg(line)
            .arg(column));
    f.target = FindingTarget::Tools;
    f.line = line;
    f.column = column;
    f.offset = int(offset);
    f.length = offset < m_json.size() && !listWithoutBracket ? 1 : 0;
    m_findings.append(f);
}

// Valid JSON the database still refuses, or reads differently than we do:
// nesting deeper than MariaDB's 32 levels, a key given twice (the database's
// JSON functions read the first value, a check of the last would let a
// "javascript:" URL through) and escaped NUL characters (PostgreSQL's jsonb
// refuses \u0000; printed text stops at it).
void ToolsChecker::checkStorable()
{
    if (m_tree.tooDeep() >= 0) {
        add("tools.too_deep", m_tree.tooDeep(), Anchor::Start,
            MessageText(
                QT_TRANSLATE_NOOP(
                    "Validator",
                    "The tools configuration nests arrays and objects deeper than %1 levels; the "
                    "database refuses it."))
                .arg(JsonTree::kMaxStoredDepth));
    }
    for (int node : m_tree.duplicateKeys()) {
        const QString key = m_tree.keyOf(node);
        add("tools.duplicate_key", node, Anchor::Value,
            MessageText(QT_TRANSLATE_NOOP("Validator", "%1 is given twice in the same object; the "
                                                       "database would read the first value. "
                                                       "Keep only one."))
                .arg(QLatin1Char('"') + key + QLatin1Char('"')));
    }
    for (int n = 0; n < m_tree.size(); ++n) {
        const JsonTree::Node &x = m_tree.node(n);
        const bool nulInValue = x.escaped && m_tree.string(n).contains(QChar(u'\0'));
        const bool nulInKey = x.keyEscaped && m_tree.keyOf(n).contains(QChar(u'\0'));
        if (nulInValue || nulInKey) {
            add("tools.nul_character", n, Anchor::Value,
                MessageText(QT_TRANSLATE_NOOP(
                    "Validator",
                    "The tools configuration contains a NUL character (\\u0000); the database "
                    "refuses it. Remove it.")));
            break;
        }
    }
}

} // namespace retell::core::detail
