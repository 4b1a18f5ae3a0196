#include "CommandMergeOutput.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

namespace retell::cli {

using namespace retell::core;

namespace {

QJsonObject linesJson(const TextConflict &conflict, MergeInput input)
{
    const LineRange range = conflict.lines[input];
    return {{QStringLiteral("first_line"), range.start + 1},
            {QStringLiteral("line_count"), range.count},
            {QStringLiteral("text"), conflict.text[input]}};
}

} // namespace

QString mergeInputName(MergeInput input)
{
    static const PerInput<QString> names{
        {QStringLiteral("base"), QStringLiteral("ours"), QStringLiteral("theirs")}};
    return names[input];
}

QJsonArray mergeConflictsJson(const TextMerge &prompt, const ToolsMerge &tools)
{
    QJsonArray out;
    for (const TextConflict &conflict : prompt.conflicts) {
        QJsonObject o{{QStringLiteral("kind"), QStringLiteral("prompt")}};
        for (const MergeInput input : allInputs)
            o.insert(mergeInputName(input), linesJson(conflict, input));
        out.append(o);
    }
    for (const ToolConflict &conflict : tools.conflicts) {
        QJsonObject o{{QStringLiteral("kind"), QStringLiteral("tool")},
                      {QStringLiteral("tool"), conflict.tool},
                      {QStringLiteral("path"), conflict.path}};
        // An absent value (tool or field missing on that side) is left out.
        for (const MergeInput input : allInputs) {
            if (!conflict.values[input].isUndefined())
                o.insert(mergeInputName(input), conflict.values[input]);
        }
        out.append(o);
    }
    return out;
}

QJsonObject mergeExportJson(const TextMerge &prompt, const ToolsMerge &tools)
{
    // Importable once "conflicts" is empty and the prompt has no markers left.
    return {{QStringLiteral("format"), QStringLiteral("retell-admin-merge/1")},
            {QStringLiteral("clean"), prompt.clean() && tools.clean()},
            {QStringLiteral("prompt"), QString::fromUtf8(mergedText(prompt))},
            {QStringLiteral("tools"), mergedToolsArray(tools)},
            {QStringLiteral("conflicts"), mergeConflictsJson(prompt, tools)}};
}

Error mergeInputError(const TextMergeError &error, const PerInput<QString> &titles)
{
    return Error::usage(
        QStringLiteral("The %1 prompt (%2) is not valid UTF-8: bad byte at offset %3.")
            .arg(mergeInputName(error.input), titles[error.input])
            .arg(error.offset));
}

Error mergeInputError(const ToolsMergeError &error, const PerInput<QString> &titles)
{
    const QString what = mergeInputName(error.input);
    const QString title = titles[error.input];
    if (error.kind == ToolsMergeError::NotArray)
        return Error::usage(
            QStringLiteral("The %1 tools (%2) are not a JSON array.").arg(what, title));
    return Error::usage(QStringLiteral("The %1 tools (%2) are not valid JSON: %3 at byte %4.")
                            .arg(what, title, error.detail)
                            .arg(error.offset));
}

std::optional<Error> mergeInputError(const ConfigMerge &merge, const PerInput<QString> &titles)
{
    if (merge.prompt.error)
        return mergeInputError(*merge.prompt.error, titles);
    if (merge.tools.error)
        return mergeInputError(*merge.tools.error, titles);
    return std::nullopt;
}

Result<void> writeMergeOutput(const QString &path, const QByteArray &bytes, FILE *fallback)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), fallback);
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error::io(QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    return {};
}

void reportConflictsLeft(const TextMerge &prompt, const ToolsMerge &tools)
{
    std::fprintf(stderr, "retell-admin-cli: conflicts left to resolve: %d\n",
                 int(prompt.conflicts.size() + tools.conflicts.size()));
}

} // namespace retell::cli
