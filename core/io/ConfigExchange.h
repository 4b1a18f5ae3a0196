#pragma once

#include "common/Result.h"
#include "domain/Types.h"

#include <QByteArray>

namespace retell::core {

enum class ExportFormat
{
    Native, // {"format": "retell-admin/1", branch, version, template_name, prompt, tools, ...}
    Retell, // Retell's LLM payload: {"general_prompt": ..., "general_tools": [...]}
};

struct ImportedConfig
{
    AgentConfig config;
    QString templateName;
    QString sourceDescription; // "retell-admin export of Berlin Mitte v4", "Retell payload"
};

// Export and import of a branch's configuration as JSON files.
class ConfigExchange final
{
public:
    static QByteArray exportVersion(const Branch &branch, const PromptVersion &version,
                                    ExportFormat format);
    // Accepts both formats; malformed JSON, invalid UTF-8 or missing fields
    // give a clear error naming the problem.
    static Result<ImportedConfig> parse(const QByteArray &json);
    static Result<ExportFormat> formatFromName(const QString &name);
};

} // namespace retell::core
