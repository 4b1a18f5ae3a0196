#include "io/AgentConfigCodec.h"

#include "validation/JsonTree.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

namespace retell::core {

namespace {

using detail::JsonTree;

constexpr char kNativeFormat[] = "retell-admin/1";

struct ShapeKeys
{
    ConfigShape shape;
    QLatin1StringView prompt;
    QLatin1StringView tools;
};
// Retell's payload first: a file with both keys is read as Retell's.
constexpr ShapeKeys kShapes[] = {
    {ConfigShape::Retell, QLatin1StringView("general_prompt"), QLatin1StringView("general_tools")},
    {ConfigShape::Native, QLatin1StringView("prompt"), QLatin1StringView("tools")},
};

Error refused(const char *code, const QString &english, const QStringList &args = {})
{
    Error e = Error::usage(english);
    e.code = QString::fromLatin1(code);
    e.args = args;
    return e;
}

std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

bool looksLikeObject(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return c == '{';
    }
    return false;
}

DecodedConfig plainText(const QByteArray &bytes)
{
    DecodedConfig decoded;
    decoded.config.prompt = QString::fromUtf8(bytes);
    return decoded;
}

// The merge file `merge` writes is native-shaped; it imports once resolved.
Result<void> checkResolved(const QJsonObject &o, const QString &prompt)
{
    if (const qsizetype open = o.value(QLatin1String("conflicts")).toArray().size(); open > 0)
        return refused(configError::kUnresolvedMerge,
                       QStringLiteral("The file is a merge with %1 unresolved conflicts: "
                                      "resolve them and empty \"conflicts\" first.")
                           .arg(open),
                       {QString::number(open)});
    static const QRegularExpression opening(QStringLiteral("^<<<<<<<( |$)"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression closing(QStringLiteral("^>>>>>>>( |$)"),
                                            QRegularExpression::MultilineOption);
    if (const QRegularExpressionMatch m = opening.match(prompt);
        m.hasMatch() && closing.match(prompt, m.capturedEnd()).hasMatch()) {
        const QString line = QString::number(prompt.left(m.capturedStart()).count(u'\n') + 1);
        return refused(
            configError::kConflictMarkers,
            QStringLiteral("The prompt still has merge conflict markers (<<<<<<<) on line %1.")
                .arg(line),
            {line});
    }
    return {};
}

QJsonObject nativeObject(const AgentConfig &config)
{
    return {{QStringLiteral("format"), QLatin1String(kNativeFormat)},
            {QStringLiteral("prompt"), config.prompt},
            {QStringLiteral("tools"), AgentConfigCodec::toolsArray(config.toolsJson)}};
}

} // namespace

QString DecodedConfig::sourceDescription() const
{
    switch (shape) {
    case ConfigShape::Retell:
        return QStringLiteral("Retell payload");
    case ConfigShape::Native:
        return branchName.isEmpty()
                   ? QStringLiteral("retell-admin export")
                   : QStringLiteral("retell-admin export of %1 v%2").arg(branchName).arg(version);
    case ConfigShape::PlainText:
        break;
    }
    return QStringLiteral("text");
}

Result<DecodedConfig> AgentConfigCodec::decode(const QByteArray &bytes, DecodePurpose purpose)
{
    const bool compare = purpose == DecodePurpose::Compare;
    if (compare && !looksLikeObject(bytes))
        return plainText(bytes);
    const std::optional<QString> text = decodeUtf8(bytes);
    if (!text)
        return compare ? Result<DecodedConfig>(plainText(bytes))
                       : refused(configError::kNotUtf8,
                                 QStringLiteral("The file is not valid UTF-8 text."));
    const JsonTree tree(*text);
    QJsonParseError qtError{};
    const QJsonDocument doc =
        tree.ok() ? QJsonDocument::fromJson(bytes, &qtError) : QJsonDocument();
    if (!tree.ok() || qtError.error != QJsonParseError::NoError) {
        if (compare)
            return plainText(bytes);
        // Both parsers must agree; where only Qt refuses, the error is at the start.
        const qsizetype at = tree.ok() ? 0 : std::min(tree.errorOffset(), text->size());
        const QString line = QString::number(text->left(at).count(u'\n') + 1);
        const qsizetype lineStart = at > 0 ? text->lastIndexOf(u'\n', at - 1) + 1 : 0;
        const QString column = QString::number(at - lineStart + 1);
        return refused(
            configError::kNotJson,
            QStringLiteral("The file is not valid JSON at line %1, column %2.").arg(line, column),
            {line, column});
    }
    if (tree.kind(JsonTree::kRoot) != JsonTree::Kind::Object)
        return refused(configError::kNotObject,
                       QStringLiteral("The file must hold a JSON object with a prompt and tools."));

    const ShapeKeys *keys = nullptr;
    for (const ShapeKeys &candidate : kShapes) {
        if (tree.member(JsonTree::kRoot, candidate.prompt) >= 0) {
            keys = &candidate;
            break;
        }
    }
    const int promptNode = keys ? tree.member(JsonTree::kRoot, keys->prompt) : -1;
    const bool promptIsText = promptNode >= 0 && tree.kind(promptNode) == JsonTree::Kind::String;
    if (compare && !promptIsText)
        return plainText(bytes); // JSON, but no configuration: compared as text
    if (!keys)
        return refused(configError::kNoPrompt,
                       QStringLiteral("The file has neither \"prompt\" (our export) nor "
                                      "\"general_prompt\" (Retell payload)."));
    if (!promptIsText)
        return refused(configError::kWrongType,
                       QStringLiteral("\"%1\" must be a string.").arg(keys->prompt),
                       {keys->prompt, QStringLiteral("string")});
    if (!tree.duplicateKeys().empty()) {
        const QString path = tree.path(tree.duplicateKeys().front());
        return refused(
            configError::kDuplicateKey,
            QStringLiteral("The file repeats the key %1; each key may appear once.").arg(path),
            {path});
    }

    // No duplicate keys: Qt's reading of the object is the only one.
    const QJsonObject o = doc.object();
    const QJsonValue tools = o.value(keys->tools);
    if (!tools.isUndefined() && !tools.isArray())
        return refused(configError::kWrongType,
                       QStringLiteral("\"%1\" must be a JSON array.").arg(keys->tools),
                       {keys->tools, QStringLiteral("array")});
    DecodedConfig decoded;
    decoded.shape = keys->shape;
    decoded.config.prompt = o.value(keys->prompt).toString();
    decoded.config.toolsJson = toolsText(tools.toArray());
    decoded.hasTools = tools.isArray();
    if (decoded.shape == ConfigShape::Native) {
        if (!compare) {
            if (auto resolved = checkResolved(o, decoded.config.prompt); !resolved)
                return resolved.error();
        }
        decoded.templateName = o.value(QLatin1String("template_name")).toString();
        decoded.branchName =
            o.value(QLatin1String("branch")).toObject().value(QLatin1String("name")).toString();
        decoded.version = o.value(QLatin1String("version")).toInt();
    }
    return decoded;
}

QByteArray AgentConfigCodec::encode(const AgentConfig &config, ConfigShape shape)
{
    switch (shape) {
    case ConfigShape::PlainText:
        return config.prompt.toUtf8();
    case ConfigShape::Retell:
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("general_prompt"), config.prompt},
                               {QStringLiteral("general_tools"), toolsArray(config.toolsJson)}})
            .toJson(QJsonDocument::Indented);
    case ConfigShape::Native:
        break;
    }
    return QJsonDocument(nativeObject(config)).toJson(QJsonDocument::Indented);
}

QByteArray AgentConfigCodec::exportVersion(const Branch &branch, const PromptVersion &version,
                                           ConfigShape shape)
{
    if (shape != ConfigShape::Native)
        return encode(version.config, shape);
    QJsonObject o = nativeObject(version.config);
    o.insert(QStringLiteral("branch"),
             QJsonObject{{QStringLiteral("id"), branch.id},
                         {QStringLiteral("name"), branch.name},
                         {QStringLiteral("company"), branch.companyName}});
    o.insert(QStringLiteral("version"), version.version);
    o.insert(QStringLiteral("template_name"),
             version.templateName.isEmpty() ? QJsonValue() : QJsonValue(version.templateName));
    o.insert(QStringLiteral("deployed_at"), version.deployedAt.toString(Qt::ISODate));
    o.insert(QStringLiteral("deployed_by"), version.deployedByName);
    o.insert(QStringLiteral("notes"), version.notes);
    o.insert(QStringLiteral("validation_status"), validationStatusName(version.validationStatus));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<ConfigShape> AgentConfigCodec::shapeFromName(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("native"))
        return ConfigShape::Native;
    if (name == QLatin1String("retell"))
        return ConfigShape::Retell;
    return refused(configError::kUnknownFormat,
                   QStringLiteral("Unknown export format \"%1\"; use native or retell.").arg(name),
                   {name});
}

QJsonArray AgentConfigCodec::toolsArray(const QString &toolsJson)
{
    return QJsonDocument::fromJson(toolsJson.toUtf8()).array();
}

QString AgentConfigCodec::toolsText(const QJsonArray &tools)
{
    return QString::fromUtf8(QJsonDocument(tools).toJson(QJsonDocument::Indented));
}

} // namespace retell::core
