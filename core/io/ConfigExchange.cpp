#include "io/ConfigExchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

namespace retell::core {

namespace {

QJsonArray toolsArray(const QString &toolsJson)
{
    return QJsonDocument::fromJson(toolsJson.toUtf8()).array();
}

QString toolsText(const QJsonValue &tools)
{
    return QString::fromUtf8(QJsonDocument(tools.toArray()).toJson(QJsonDocument::Indented));
}

Result<QString> decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Error::usage(QStringLiteral("The file is not valid UTF-8 text."));
    return text;
}

} // namespace

Result<ExportFormat> ConfigExchange::formatFromName(const QString &name)
{
    if (name.isEmpty() || name == QLatin1String("native"))
        return ExportFormat::Native;
    if (name == QLatin1String("retell"))
        return ExportFormat::Retell;
    return Error::usage(
        QStringLiteral("Unknown export format \"%1\"; use native or retell.").arg(name));
}

QByteArray ConfigExchange::exportVersion(const Branch &branch, const PromptVersion &version,
                                         ExportFormat format)
{
    QJsonObject o;
    if (format == ExportFormat::Retell) {
        o.insert(QStringLiteral("general_prompt"), version.config.prompt);
        o.insert(QStringLiteral("general_tools"), toolsArray(version.config.toolsJson));
        return QJsonDocument(o).toJson(QJsonDocument::Indented);
    }
    o.insert(QStringLiteral("format"), QStringLiteral("retell-admin/1"));
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
    o.insert(QStringLiteral("prompt"), version.config.prompt);
    o.insert(QStringLiteral("tools"), toolsArray(version.config.toolsJson));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<ImportedConfig> ConfigExchange::parse(const QByteArray &json)
{
    if (auto text = decodeUtf8(json); !text)
        return text.error();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray head = json.left(error.offset);
        const int line = head.count('\n') + 1;
        return Error::usage(QStringLiteral("The file is not valid JSON: %1 at line %2.")
                                .arg(error.errorString())
                                .arg(line));
    }
    if (!doc.isObject())
        return Error::usage(
            QStringLiteral("The file must hold a JSON object with a prompt and tools."));
    const QJsonObject o = doc.object();
    ImportedConfig imported;
    if (o.contains(QStringLiteral("general_prompt"))) {
        if (!o.value(QStringLiteral("general_prompt")).isString())
            return Error::usage(QStringLiteral("\"general_prompt\" must be a string."));
        const QJsonValue tools = o.value(QStringLiteral("general_tools"));
        if (!tools.isUndefined() && !tools.isArray())
            return Error::usage(QStringLiteral("\"general_tools\" must be a JSON array."));
        imported.config.prompt = o.value(QStringLiteral("general_prompt")).toString();
        imported.config.toolsJson = toolsText(tools);
        imported.sourceDescription = QStringLiteral("Retell payload");
        return imported;
    }
    if (!o.value(QStringLiteral("prompt")).isString())
        return Error::usage(QStringLiteral("The file has neither \"prompt\" (our export) nor "
                                           "\"general_prompt\" (Retell payload)."));
    // A merge written by `merge` is importable once it is resolved.
    if (const qsizetype open = o.value(QStringLiteral("conflicts")).toArray().size(); open > 0)
        return Error::usage(QStringLiteral("The file is a merge with %1 unresolved conflicts: "
                                           "resolve them and empty \"conflicts\" first.")
                                .arg(open));
    const QString prompt = o.value(QStringLiteral("prompt")).toString();
    static const QRegularExpression opening(QStringLiteral("^<<<<<<<( |$)"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression closing(QStringLiteral("^>>>>>>>( |$)"),
                                            QRegularExpression::MultilineOption);
    if (const QRegularExpressionMatch m = opening.match(prompt);
        m.hasMatch() && closing.match(prompt, m.capturedEnd()).hasMatch())
        return Error::usage(
            QStringLiteral("The prompt still has merge conflict markers (<<<<<<<) on line %1.")
                .arg(prompt.left(m.capturedStart()).count(u'\n') + 1));
    const QJsonValue tools = o.value(QStringLiteral("tools"));
    if (!tools.isUndefined() && !tools.isArray())
        return Error::usage(QStringLiteral("\"tools\" must be a JSON array."));
    imported.config.prompt = o.value(QStringLiteral("prompt")).toString();
    imported.config.toolsJson = toolsText(tools);
    imported.templateName = o.value(QStringLiteral("template_name")).toString();
    const QJsonObject branch = o.value(QStringLiteral("branch")).toObject();
    imported.sourceDescription = branch.isEmpty()
                                     ? QStringLiteral("retell-admin export")
                                     : QStringLiteral("retell-admin export of %1 v%2")
                                           .arg(branch.value(QStringLiteral("name")).toString())
                                           .arg(o.value(QStringLiteral("version")).toInt());
    return imported;
}

} // namespace retell::core
