#pragma once

#include "common/Result.h"
#include "domain/Types.h"

#include <QByteArray>
#include <QJsonArray>

namespace retell::core {

// The shapes an agent's configuration travels in as a file.
enum class ConfigShape
{
    PlainText, // the prompt on its own, no tools
    Native,    // our export: {"format": "retell-admin/1", "branch": {...}, "version", ...,
               // "prompt": "...", "tools": [...]}
    Retell,    // Retell's LLM payload: {"general_prompt": "...", "general_tools": [...]}
};

// What a file is read for. The shape rules are the same for both; Import
// also refuses an unresolved merge, and only Compare reads text that is no
// configuration as a plain prompt.
enum class DecodePurpose
{
    Import,
    Compare,
};

struct DecodedConfig
{
    ConfigShape shape = ConfigShape::PlainText;
    AgentConfig config;
    bool hasTools = false; // the file carried a tools array (never for plain text)
    QString templateName;  // native shape only
    QString branchName;    // native export of a branch only
    int version = 0;       // likewise

    // "retell-admin export of Berlin Mitte v4", "Retell payload", "text".
    QString sourceDescription() const;
};

// The stable codes of a refused file (Error::code); Error::args carry the
// values named in the comment, Error::message says it in English.
namespace configError {
inline constexpr char kNotUtf8[] = "config.not_utf8";                 // byte offset
inline constexpr char kNotJson[] = "config.not_json";                 // line, column
inline constexpr char kNotObject[] = "config.not_object";             //
inline constexpr char kNoPrompt[] = "config.no_prompt";               //
inline constexpr char kWrongType[] = "config.wrong_type";             // key, "string"|"array"
inline constexpr char kDuplicateKey[] = "config.duplicate_key";       // JSON path
inline constexpr char kUnresolvedMerge[] = "config.unresolved_merge"; // open conflicts
inline constexpr char kConflictMarkers[] = "config.conflict_markers"; // line
inline constexpr char kUnknownFormat[] = "config.unknown_format";     // name
} // namespace configError

// The one reader and writer of every configuration shape. Strictness is one
// policy: text that is meant as a configuration (a JSON object with a
// "prompt" or "general_prompt") must be valid UTF-8 and strict JSON, without
// duplicate keys (MariaDB keeps the first, Qt the last: ambiguous), its
// prompt a string and its tools, when present, an array. The tools keep their
// nesting, so the validator's depth rule sees what the file holds.
class AgentConfigCodec final
{
public:
    static Result<DecodedConfig> decode(const QByteArray &bytes,
                                        DecodePurpose purpose = DecodePurpose::Import);
    // Plain text is the prompt alone; Native without a version is
    // {"format", "prompt", "tools"}.
    static QByteArray encode(const AgentConfig &config, ConfigShape shape);
    static QByteArray exportVersion(const Branch &branch, const PromptVersion &version,
                                    ConfigShape shape);
    // "native" (also empty) or "retell", as `export --format` takes them.
    static Result<ConfigShape> shapeFromName(const QString &name);

    // The tools JSON of an AgentConfig as an array ([] when it is none), and
    // an array as the tools JSON the app stores (indented).
    static QJsonArray toolsArray(const QString &toolsJson);
    static QString toolsText(const QJsonArray &tools);
};

} // namespace retell::core
