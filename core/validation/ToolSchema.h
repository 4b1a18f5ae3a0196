#pragma once

#include <QLatin1StringView>
#include <QStringView>

#include <span>
#include <string_view>

namespace retell::core::detail {

// Retell's general_tools schema as data: one table per tool type, read from
// Retell's generated API client (RetellAI/retell-typescript-sdk,
// src/resources/llm.ts: LlmCreateParams / LlmResponse tool interfaces).
// ToolsChecker walks a tool against its table; nothing here is per-type code.

enum class ValueKind : unsigned char
{
    String,          // any JSON string
    Bool,            // true / false
    Integer,         // whole number, range checked when min < max
    StringOrInteger, // "event_type_id": 123 or "{{event_type}}"
    StringMap,       // {"key": "text", ...}
    StringArray,     // ["a", "b"]
    JsonSchema,      // custom tool "parameters": {"type": "object", "properties": {...}}
    AnyObject,       // an object whose members Retell does not type
    Url,             // http(s) address, dynamic variables allowed
    Object,          // one of `variants`, chosen by its "type" member
    ObjectArray,     // a list of `variants`
};

struct ObjectSpec;

struct FieldSpec
{
    std::string_view name;
    ValueKind kind = ValueKind::String;
    bool required = false;
    std::span<const std::string_view> choices = {}; // allowed strings, empty = any
    long long min = 0;                              // Integer range when min < max
    long long max = 0;
    long long defaultValue = -1; // shown in range messages when >= 0
    std::span<const ObjectSpec> variants = {};
    bool variantTypeOptional = false; // nested "type" may be left out (sms_content)
};

// An object shape. For tools and nested variants `type` is the value of
// their "type" member; `name` and `type` are checked by the caller and are
// not listed among the fields.
struct ObjectSpec
{
    std::string_view type;
    std::span<const FieldSpec> fields;
};

// The 13 tool types, in Retell's order.
std::span<const ObjectSpec> toolSpecs();
const ObjectSpec *toolSpec(QStringView type);
const FieldSpec *fieldSpec(const ObjectSpec &object, QStringView name);
inline QLatin1StringView latin1(std::string_view s)
{
    return QLatin1StringView(s.data(), qsizetype(s.size()));
}

} // namespace retell::core::detail
