#include "validation/ToolSchema.h"

#include <array>

namespace retell::core::detail {

namespace {

using namespace std::string_view_literals;
using K = ValueKind;

// Field tables are constexpr arrays; a FieldSpec refers to them by span.
template <typename... T> constexpr auto list(T... items)
{
    return std::array<std::string_view, sizeof...(T)>{items...};
}

constexpr auto kExecutionMessageTypes = list("prompt"sv, "static_text"sv);
constexpr auto kMethods = list("GET"sv, "POST"sv, "PUT"sv, "PATCH"sv, "DELETE"sv);
constexpr auto kParameterTypes = list("json"sv, "form"sv);
constexpr auto kColdTransferModes = list("sip_refer"sv, "sip_invite"sv);
constexpr auto kOnHoldMusic =
    list("none"sv, "relaxing_sound"sv, "uplifting_beats"sv, "ringtone"sv, "custom"sv);
constexpr auto kTimeoutActions = list("bridge_transfer"sv, "cancel_transfer"sv);
constexpr auto kPostCallAnalysis = list("both_agents"sv, "only_destination_agent"sv);
constexpr auto kWebhookSettings =
    list("both_agents"sv, "only_destination_agent"sv, "only_source_agent"sv);
constexpr auto kSmsTemplates = list("info_collection"sv);

constexpr long long kMaxMs = 2147483647; // a 32-bit whole number of milliseconds

// Fields shared by tools that speak while they run.
#define RETELL_SPEAKING_FIELDS                                                                     \
    FieldSpec{"description"sv, K::String},                                                         \
        FieldSpec{"execution_message_description"sv, K::String},                                   \
        FieldSpec{"execution_message_type"sv, K::String, false, kExecutionMessageTypes}, FieldSpec \
    {                                                                                              \
        "speak_during_execution"sv, K::Bool                                                        \
    }

constexpr FieldSpec kSpeakingTool[] = {RETELL_SPEAKING_FIELDS};

// transfer_call ---------------------------------------------------------------
constexpr FieldSpec kDestinationPredefined[] = {
    {"number"sv, K::String, true},
    {"extension"sv, K::String},
};
constexpr FieldSpec kDestinationInferred[] = {
    {"prompt"sv, K::String, true},
};
constexpr ObjectSpec kDestinations[] = {
    {"predefined"sv, kDestinationPredefined},
    {"inferred"sv, kDestinationInferred},
};

constexpr FieldSpec kHandoffPrompt[] = {{"prompt"sv, K::String}};
constexpr FieldSpec kHandoffStatic[] = {{"message"sv, K::String}};
constexpr ObjectSpec kIvrOptions[] = {{"prompt"sv, kHandoffPrompt}};
constexpr ObjectSpec kHandoffOptions[] = {
    {"prompt"sv, kHandoffPrompt},
    {"static_message"sv, kHandoffStatic},
};

constexpr FieldSpec kColdTransfer[] = {
    {"cold_transfer_mode"sv, K::String, false, kColdTransferModes},
    {"show_transferee_as_caller"sv, K::Bool},
    {"transfer_ring_duration_ms"sv, K::Integer, false, {}, 1, kMaxMs},
};
constexpr FieldSpec kWarmTransfer[] = {
    {"agent_detection_timeout_ms"sv, K::Integer, false, {}, 1, kMaxMs},
    {"custom_on_hold_music_asset_id"sv, K::String},
    {"enable_bridge_audio_cue"sv, K::Bool},
    {"ivr_option"sv, K::Object, false, {}, 0, 0, -1, kIvrOptions, true},
    {"on_hold_music"sv, K::String, false, kOnHoldMusic},
    {"opt_out_human_detection"sv, K::Bool},
    {"private_handoff_option"sv, K::Object, false, {}, 0, 0, -1, kHandoffOptions, true},
    {"public_handoff_option"sv, K::Object, false, {}, 0, 0, -1, kHandoffOptions, true},
    {"show_transferee_as_caller"sv, K::Bool},
    {"transfer_ring_duration_ms"sv, K::Integer, false, {}, 1, kMaxMs},
};
constexpr FieldSpec kTransferAgent[] = {
    {"agent_id"sv, K::String, true},
    {"agent_version"sv, K::StringOrInteger, true},
};
constexpr ObjectSpec kTransferAgentShape[] = {{{}, kTransferAgent}};
constexpr FieldSpec kAgenticConfig[] = {
    {"action_on_timeout"sv, K::String, false, kTimeoutActions},
    {"transfer_agent"sv, K::Object, false, {}, 0, 0, -1, kTransferAgentShape},
    {"transfer_timeout_ms"sv, K::Integer, false, {}, 1, kMaxMs, 30000},
};
constexpr ObjectSpec kAgenticConfigShape[] = {{{}, kAgenticConfig}};
constexpr FieldSpec kAgenticWarmTransfer[] = {
    {"agentic_transfer_config"sv, K::Object, true, {}, 0, 0, -1, kAgenticConfigShape},
    {"custom_on_hold_music_asset_id"sv, K::String},
    {"enable_bridge_audio_cue"sv, K::Bool},
    {"on_hold_music"sv, K::String, false, kOnHoldMusic},
    {"public_handoff_option"sv, K::Object, false, {}, 0, 0, -1, kHandoffOptions, true},
    {"show_transferee_as_caller"sv, K::Bool},
    {"transfer_ring_duration_ms"sv, K::Integer, false, {}, 1, kMaxMs},
};
constexpr ObjectSpec kTransferOptions[] = {
    {"cold_transfer"sv, kColdTransfer},
    {"warm_transfer"sv, kWarmTransfer},
    {"agentic_warm_transfer"sv, kAgenticWarmTransfer},
};
constexpr FieldSpec kTransferCall[] = {
    {"transfer_destination"sv, K::Object, true, {}, 0, 0, -1, kDestinations},
    {"transfer_option"sv, K::Object, true, {}, 0, 0, -1, kTransferOptions},
    {"custom_sip_headers"sv, K::StringMap},
    {"ignore_e164_validation"sv, K::Bool},
    RETELL_SPEAKING_FIELDS,
};

// Cal.com ---------------------------------------------------------------------
constexpr FieldSpec kCalTool[] = {
    {"cal_api_key"sv, K::String, true},
    {"event_type_id"sv, K::StringOrInteger, true},
    {"description"sv, K::String},
    {"timezone"sv, K::String},
};

// agent_swap, press_digit -----------------------------------------------------
constexpr FieldSpec kAgentSwap[] = {
    {"agent_id"sv, K::String, true},
    {"post_call_analysis_setting"sv, K::String, true, kPostCallAnalysis},
    {"agent_version"sv, K::StringOrInteger},
    {"keep_current_language"sv, K::Bool},
    {"keep_current_voice"sv, K::Bool},
    {"webhook_setting"sv, K::String, false, kWebhookSettings},
    RETELL_SPEAKING_FIELDS,
};
constexpr FieldSpec kPressDigit[] = {
    {"delay_ms"sv, K::Integer, false, {}, 0, 5000, 1000},
    {"description"sv, K::String},
};

// send_sms --------------------------------------------------------------------
constexpr FieldSpec kSmsPredefined[] = {{"text"sv, K::String}};
constexpr FieldSpec kSmsInferred[] = {{"prompt"sv, K::String}};
constexpr FieldSpec kSmsTemplate[] = {{"template"sv, K::String, true, kSmsTemplates}};
constexpr ObjectSpec kSmsContents[] = {
    {"predefined"sv, kSmsPredefined},
    {"inferred"sv, kSmsInferred},
    {"template"sv, kSmsTemplate},
};
constexpr FieldSpec kSendSms[] = {
    {"sms_content"sv, K::Object, true, {}, 0, 0, -1, kSmsContents, true},
    RETELL_SPEAKING_FIELDS,
};

// custom, code, mcp -----------------------------------------------------------
constexpr FieldSpec kCustom[] = {
    {"url"sv, K::Url, true},
    {"args_at_root"sv, K::Bool},
    {"enable_typing_sound"sv, K::Bool},
    {"headers"sv, K::StringMap},
    {"method"sv, K::String, false, kMethods},
    {"parameter_type"sv, K::String, false, kParameterTypes},
    {"parameters"sv, K::JsonSchema},
    {"query_params"sv, K::StringMap},
    {"response_variables"sv, K::StringMap},
    {"speak_after_execution"sv, K::Bool},
    {"timeout_ms"sv, K::Integer, false, {}, 1000, 600000, 120000},
    RETELL_SPEAKING_FIELDS,
};
constexpr FieldSpec kCode[] = {
    {"code"sv, K::String, true},
    {"enable_typing_sound"sv, K::Bool},
    {"response_variables"sv, K::StringMap},
    {"speak_after_execution"sv, K::Bool},
    {"timeout_ms"sv, K::Integer, false, {}, 1, kMaxMs, 30000},
    RETELL_SPEAKING_FIELDS,
};
constexpr FieldSpec kMcp[] = {
    {"description"sv, K::String, true},
    {"enable_typing_sound"sv, K::Bool},
    {"execution_message_description"sv, K::String},
    {"execution_message_type"sv, K::String, false, kExecutionMessageTypes},
    {"input_schema"sv, K::AnyObject},
    {"mcp_id"sv, K::String},
    {"response_variables"sv, K::StringMap},
    {"speak_after_execution"sv, K::Bool},
    {"speak_during_execution"sv, K::Bool},
};

// extract_dynamic_variable ----------------------------------------------------
#define RETELL_VARIABLE_FIELDS                                                                     \
    FieldSpec{"name"sv, K::String, true}, FieldSpec{"description"sv, K::String, true},             \
        FieldSpec{"conditional_prompt"sv, K::String}, FieldSpec                                    \
    {                                                                                              \
        "required"sv, K::Bool                                                                      \
    }

constexpr FieldSpec kStringVariable[] = {
    RETELL_VARIABLE_FIELDS,
    {"examples"sv, K::StringArray},
};
constexpr FieldSpec kEnumVariable[] = {
    RETELL_VARIABLE_FIELDS,
    {"choices"sv, K::StringArray, true},
};
constexpr FieldSpec kPlainVariable[] = {RETELL_VARIABLE_FIELDS};
constexpr ObjectSpec kVariables[] = {
    {"string"sv, kStringVariable},
    {"enum"sv, kEnumVariable},
    {"boolean"sv, kPlainVariable},
    {"number"sv, kPlainVariable},
};
constexpr FieldSpec kExtractVariables[] = {
    {"description"sv, K::String, true},
    {"variables"sv, K::ObjectArray, true, {}, 0, 0, -1, kVariables},
    {"enable_typing_sound"sv, K::Bool},
};

#undef RETELL_VARIABLE_FIELDS
#undef RETELL_SPEAKING_FIELDS

constexpr ObjectSpec kTools[] = {
    {"end_call"sv, kSpeakingTool},
    {"transfer_call"sv, kTransferCall},
    {"check_availability_cal"sv, kCalTool},
    {"book_appointment_cal"sv, kCalTool},
    {"agent_swap"sv, kAgentSwap},
    {"press_digit"sv, kPressDigit},
    {"send_sms"sv, kSendSms},
    {"custom"sv, kCustom},
    {"code"sv, kCode},
    {"extract_dynamic_variable"sv, kExtractVariables},
    {"bridge_transfer"sv, kSpeakingTool},
    {"cancel_transfer"sv, kSpeakingTool},
    {"mcp"sv, kMcp},
};

} // namespace

std::span<const ObjectSpec> toolSpecs()
{
    return kTools;
}

const ObjectSpec *toolSpec(QStringView type)
{
    for (const ObjectSpec &spec : kTools) {
        if (type == latin1(spec.type))
            return &spec;
    }
    return nullptr;
}

const FieldSpec *fieldSpec(const ObjectSpec &object, QStringView name)
{
    for (const FieldSpec &field : object.fields) {
        if (name == latin1(field.name))
            return &field;
    }
    return nullptr;
}

} // namespace retell::core::detail
