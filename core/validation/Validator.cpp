#include "validation/Validator.h"

#include "validation/JsonTree.h"
#include "validation/PromptScanner.h"
#include "validation/TextPosition.h"
#include "validation/ToolsChecker.h"

#include <algorithm>

namespace retell::core {

namespace {

// Beyond this many findings of one code the list only repeats itself.
constexpr int kMaxFindingsPerCode = 100;

Finding wholeDocument(Severity severity, const char *code, const MessageText &message)
{
    Finding f;
    f.severity = severity;
    f.code = QString::fromLatin1(code);
    f.setText(message);
    return f;
}

Finding atSpot(Severity severity, const char *code, const MessageText &message,
               const detail::TextSpot &at)
{
    Finding f = wholeDocument(severity, code, message);
    f.line = at.line;
    f.column = at.column;
    f.offset = at.offset;
    f.length = at.length;
    return f;
}

bool isBlank(QStringView s)
{
    for (QChar c : s) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

// current_time_<timezone> and current_calendar_<timezone>, e.g.
// current_time_Europe/Berlin.
bool isTimezoneVariable(QStringView name)
{
    for (QLatin1StringView prefix :
         {QLatin1StringView("current_time_"), QLatin1StringView("current_calendar_")}) {
        if (name.size() > prefix.size() && name.startsWith(prefix)) {
            const QChar first = name.at(prefix.size());
            return first.isLetter() && first.unicode() < 0x80;
        }
    }
    return false;
}

bool isKnownVariable(QStringView name, const ValidationContext &context,
                     const QSet<QString> &toolVariables = {})
{
    const QString key = name.toString();
    return Validator::systemVariables().contains(key) || context.knownVariables.contains(key) ||
           toolVariables.contains(key) || isTimezoneVariable(name);
}

// Whole-word search, for tool names the scanner does not collect (no '_'/'-').
bool mentionsWord(QStringView text, QStringView word)
{
    auto isWordChar = [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-');
    };
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(word, from);
        if (at < 0)
            return false;
        const qsizetype end = at + word.size();
        if ((at == 0 || !isWordChar(text[at - 1])) &&
            (end >= text.size() || !isWordChar(text[end])))
            return true;
        from = at + 1;
    }
}

void checkTokens(int tokens, QList<Finding> &out)
{
    if (tokens > retellLimits::kMaxTokens) {
        out.append(wholeDocument(
            Severity::Error, "prompt.token_limit",
            MessageText(
                QT_TRANSLATE_NOOP(
                    "Validator",
                    "The prompt is about %1 tokens; Retell rejects prompts above %2 tokens."))
                .arg(tokens)
                .arg(retellLimits::kMaxTokens)));
    } else if (tokens > retellLimits::kCostTokens) {
        out.append(wholeDocument(
            Severity::Warning, "prompt.token_cost",
            MessageText(
                QT_TRANSLATE_NOOP(
                    "Validator",
                    "The prompt is about %1 tokens; above %2 tokens every call costs more."))
                .arg(tokens)
                .arg(retellLimits::kCostTokens)));
    }
}

// Known: Retell's system variables, the branch's, and those the tools define
// themselves (response_variables, extract_dynamic_variable variables).
void checkVariables(const detail::PromptScan &scan, const ValidationContext &context,
                    const QSet<QString> &toolVariables, QList<Finding> &out)
{
    int reported = 0;
    for (const detail::VariableUse &use : scan.variables) {
        if (isKnownVariable(use.name, context, toolVariables) || reported == kMaxFindingsPerCode)
            continue;
        ++reported;
        const MessageText message =
            use.count == 1
                ? MessageText(
                      QT_TRANSLATE_NOOP(
                          "Validator",
                          "{{%1}} is neither a Retell system variable nor provided by the branch; "
                          "Retell will leave it empty."))
                      .arg(use.name)
                : MessageText(
                      QT_TRANSLATE_NOOP(
                          "Validator",
                          "{{%1}} (used %2 times) is neither a Retell system variable nor provided "
                          "by the branch; Retell will leave it empty."))
                      .arg(use.name)
                      .arg(use.count);
        out.append(atSpot(Severity::Warning, "prompt.unknown_variable", message, use.first));
    }
}

void checkToolMentions(QStringView prompt, const detail::PromptScan &scan,
                       detail::ToolsChecker &tools, const ValidationContext &context,
                       QList<Finding> &out)
{
    QSet<QStringView> defined;
    for (const auto &tool : tools.namedTools()) {
        defined.insert(tool.name);
        const bool mentioned =
            scan.identifiers.contains(tool.name) || mentionsWord(prompt, tool.name);
        if (!mentioned)
            tools.reportUnused(tool);
    }
    QList<Finding> mentions;
    for (auto it = scan.toolReferences.constBegin(); it != scan.toolReferences.constEnd(); ++it) {
        const QStringView word = it.key();
        if (!word.contains(QLatin1Char('_')) || defined.contains(word) ||
            scan.variableIndex.contains(word) ||
            isKnownVariable(word, context, tools.definedVariables()) ||
            tools.parameterWords().contains(word.toString()))
            continue;
        mentions.append(atSpot(
            Severity::Warning, "tools.undefined_tool_mentioned",
            MessageText(QT_TRANSLATE_NOOP(
                            "Validator",
                            "The prompt mentions %1, which looks like a tool name, but no tool "
                            "with that name is defined."))
                .arg(detail::quoted(word)),
            it.value()));
    }
    // The hash has no order: keep the first mentions in the text.
    std::sort(mentions.begin(), mentions.end(),
              [](const Finding &a, const Finding &b) { return a.offset < b.offset; });
    if (mentions.size() > kMaxFindingsPerCode)
        mentions.resize(kMaxFindingsPerCode);
    out.append(mentions);
}

// An error at one character of the prompt or the tools text.
Finding atCharacter(const char *code, const MessageText &message, FindingTarget target,
                    qsizetype offset, std::pair<int, int> lineColumn)
{
    Finding f = wholeDocument(Severity::Error, code, message);
    f.target = target;
    f.line = lineColumn.first;
    f.column = lineColumn.second;
    f.offset = int(offset);
    f.length = 1;
    return f;
}

Finding invalidUtf8(FindingTarget target, const QByteArray &bytes, qsizetype badByte,
                    const QString &decoded)
{
    // The U+FFFD that replaced the bad sequence is marked.
    const qsizetype offset = QString::fromUtf8(bytes.constData(), badByte).size();
    const auto [line, column] = detail::LineIndex(decoded).lineColumn(offset);
    const bool prompt = target == FindingTarget::Prompt;
    return atCharacter(
        prompt ? "prompt.invalid_utf8" : "tools.invalid_utf8",
        (prompt ? MessageText(QT_TRANSLATE_NOOP(
                      "Validator",
                      "The prompt is not valid UTF-8 text: the first bad byte is at byte offset "
                      "%1 (line %2, column %3)."))
                : MessageText(QT_TRANSLATE_NOOP(
                      "Validator",
                      "The tools configuration is not valid UTF-8 text: the first bad byte is at "
                      "byte offset %1 (line %2, column %3).")))
            .arg(badByte)
            .arg(line)
            .arg(column),
        target, offset, {line, column});
}

bool findingOrder(const Finding &a, const Finding &b)
{
    if (a.target != b.target)
        return a.target < b.target;
    return a.offset < b.offset;
}

// A NUL character: the databases' text columns end or refuse the text there
// and terminals stop printing at it.
void checkNul(const QString &text, FindingTarget target, QList<Finding> &out)
{
    const qsizetype at = text.indexOf(QChar(u'\0'));
    if (at < 0)
        return;
    const auto [line, column] = detail::LineIndex(text).lineColumn(at);
    const bool prompt = target == FindingTarget::Prompt;
    out.append(atCharacter(
        prompt ? "prompt.nul_character" : "tools.nul_character",
        (prompt ? MessageText(QT_TRANSLATE_NOOP(
                      "Validator",
                      "The prompt contains a NUL character at line %1, column %2; the database "
                      "refuses it. Remove it."))
                : MessageText(QT_TRANSLATE_NOOP(
                      "Validator",
                      "The tools configuration contains a NUL character at line %1, column %2; "
                      "the database refuses it. Remove it.")))
            .arg(line)
            .arg(column),
        target, at, {line, column}));
}

} // namespace

ValidationResult Validator::validate(const AgentConfig &config, const ValidationContext &context)
{
    ValidationResult result;
    const QString &prompt = config.prompt;
    result.characters = int(std::min<qsizetype>(prompt.size(), INT_MAX));

    const bool toolsTooLarge = config.toolsJson.size() > retellLimits::kMaxToolsChars;
    detail::ToolsChecker tools(toolsTooLarge ? QStringLiteral("[]") : config.toolsJson);
    detail::PromptScan scan;
    bool scanned = false;
    if (prompt.size() > retellLimits::kMaxPromptChars) {
        // Not scanned at all: a clear answer at once instead of a slow one.
        result.estimatedTokens = int(std::min<qsizetype>(prompt.size() / 4, INT_MAX));
        result.findings.append(wholeDocument(
            Severity::Error, "prompt.too_large",
            MessageText(
                QT_TRANSLATE_NOOP(
                    "Validator",
                    "The prompt has %1 characters; the limit is %2 (and Retell accepts far fewer "
                    "tokens)."))
                .arg(prompt.size())
                .arg(retellLimits::kMaxPromptChars)));
    } else if (isBlank(prompt)) {
        result.findings.append(
            wholeDocument(Severity::Error, "prompt.empty",
                          MessageText(QT_TRANSLATE_NOOP("Validator", "The prompt is empty."))));
    } else {
        detail::scanPrompt(prompt, detail::ScanMode::Full, scan);
        scanned = true;
        result.estimatedTokens = scan.tokens;
        result.findings.append(scan.findings);
        checkTokens(scan.tokens, result.findings);
        checkVariables(scan, context, tools.definedVariables(), result.findings);
    }

    if (toolsTooLarge) {
        Finding f = wholeDocument(
            Severity::Error, "tools.too_large",
            MessageText(
                QT_TRANSLATE_NOOP("Validator",
                                  "The tools configuration has %1 characters; the limit is %2."))
                .arg(config.toolsJson.size())
                .arg(retellLimits::kMaxToolsChars));
        f.target = FindingTarget::Tools;
        result.findings.append(f);
    } else if (scanned && tools.isArray()) {
        checkToolMentions(prompt, scan, tools, context, result.findings);
    }
    result.findings.append(tools.takeFindings());
    checkNul(prompt, FindingTarget::Prompt, result.findings);
    if (!toolsTooLarge)
        checkNul(config.toolsJson, FindingTarget::Tools, result.findings);

    std::stable_sort(result.findings.begin(), result.findings.end(), findingOrder);
    return result;
}

ValidationResult Validator::validateBytes(const QByteArray &prompt, const QByteArray &tools,
                                          const ValidationContext &context)
{
    const AgentConfig config{QString::fromUtf8(prompt), QString::fromUtf8(tools)};
    ValidationResult result = validate(config, context);
    const qsizetype badPrompt = detail::firstInvalidUtf8(prompt);
    const qsizetype badTools = detail::firstInvalidUtf8(tools);
    if (badPrompt >= 0)
        result.findings.append(
            invalidUtf8(FindingTarget::Prompt, prompt, badPrompt, config.prompt));
    if (badTools >= 0)
        result.findings.append(
            invalidUtf8(FindingTarget::Tools, tools, badTools, config.toolsJson));
    if (badPrompt >= 0 || badTools >= 0)
        std::stable_sort(result.findings.begin(), result.findings.end(), findingOrder);
    return result;
}

QList<Finding> Validator::checkStoredTexts(const QString &notes, const QString &templateName)
{
    QList<Finding> out;
    auto add = [&out](const char *code, const MessageText &message) {
        Finding f = wholeDocument(Severity::Error, code, message);
        f.target = FindingTarget::Notes;
        out.append(f);
    };
    const qsizetype bytes = notes.toUtf8().size();
    if (bytes > retellLimits::kMaxNotesBytes) {
        add("notes.too_long",
            MessageText(
                QT_TRANSLATE_NOOP("Validator",
                                  "The notes take %1 bytes; the database keeps at most %2 bytes "
                                  "(fewer characters when they are not plain ASCII)."))
                .arg(bytes)
                .arg(retellLimits::kMaxNotesBytes));
    }
    if (notes.contains(QChar(u'\0')))
        add("notes.nul_character",
            MessageText(
                QT_TRANSLATE_NOOP("Validator", "The notes contain a NUL character; remove it.")));
    if (templateName.size() > retellLimits::kMaxTemplateNameChars) {
        add("notes.template_name_too_long",
            MessageText(QT_TRANSLATE_NOOP(
                            "Validator",
                            "The template name has %1 characters; the database keeps at most %2."))
                .arg(templateName.size())
                .arg(retellLimits::kMaxTemplateNameChars));
    }
    if (templateName.contains(QChar(u'\0')))
        add("notes.nul_character",
            MessageText(QT_TRANSLATE_NOOP(
                "Validator", "The template name contains a NUL character; remove it.")));
    return out;
}

int Validator::estimateTokens(QStringView text)
{
    detail::PromptScan scan;
    detail::scanPrompt(text, detail::ScanMode::TokensOnly, scan);
    return scan.tokens;
}

const QSet<QString> &Validator::systemVariables()
{
    // Retell's default dynamic variables; current_time_<tz> and
    // current_calendar_<tz> are matched as patterns.
    static const QSet<QString> variables = {
        QStringLiteral("current_time"),
        QStringLiteral("current_calendar"),
        QStringLiteral("current_agent_state"),
        QStringLiteral("previous_agent_state"),
        QStringLiteral("session_type"),
        QStringLiteral("session_duration"),
        QStringLiteral("direction"),
        QStringLiteral("user_number"),
        QStringLiteral("agent_number"),
        QStringLiteral("from_number"),
        QStringLiteral("to_number"),
        QStringLiteral("call_id"),
        QStringLiteral("call_type"),
        QStringLiteral("chat_id"),
        QStringLiteral("agent_id"),
        QStringLiteral("agent_name"),
        QStringLiteral("agent_version"),
    };
    return variables;
}

QStringList Validator::toolNames(const QString &toolsJson)
{
    // Nodes parsed before a syntax error are kept, so the names of the tools
    // before a typo still come back. Nodes are in document order.
    using Tree = detail::JsonTree;
    const Tree tree(toolsJson);
    QStringList names;
    if (tree.isEmpty() || tree.kind(Tree::kRoot) != Tree::Kind::Array)
        return names;
    for (int n = 1; n < tree.size(); ++n) {
        const Tree::Node &x = tree.node(n);
        // length is 0 for a string cut off by the error.
        if (x.kind != Tree::Kind::String || x.length < 2 || x.keyOffset < 0)
            continue;
        const Tree::Node &tool = tree.node(x.parent);
        if (tool.kind == Tree::Kind::Object && tool.parent == Tree::kRoot &&
            tree.keyOf(n) == QLatin1String("name"))
            names.append(tree.string(n));
    }
    return names;
}

QStringList Validator::variablesUsed(const QString &prompt)
{
    detail::PromptScan scan;
    detail::scanPrompt(prompt, detail::ScanMode::Full, scan);
    QStringList names;
    names.reserve(scan.variables.size());
    for (const detail::VariableUse &use : scan.variables)
        names.append(use.name.toString());
    return names;
}

} // namespace retell::core
