// Configuration import (AgentConfigCodec::decode: retell-admin exports and
// Retell payloads, and plain text when compared). Invariants: a refusal
// carries a code and a sentence; what imports exports again, in every shape,
// and reads back to the same prompt (and tools, where the shape has them).
#include "FuzzInput.h"

#include "io/AgentConfigCodec.h"

using namespace retell;
using namespace retell::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = fuzz::bytes(data, size);
    const auto compared = AgentConfigCodec::decode(bytes, DecodePurpose::Compare);
    const auto imported = AgentConfigCodec::decode(bytes);
    if (!imported) {
        fuzz::require(!imported.error().message.isEmpty());
        fuzz::require(imported.error().code.startsWith(QLatin1String("config.")));
        return 0;
    }
    // What imports is a configuration for comparing too, read the same way.
    fuzz::require(bool(compared) && compared->config == imported->config);
    Branch branch;
    branch.id = QStringLiteral("00000000-0000-4000-8000-000000000001");
    branch.name = QStringLiteral("Fuzz");
    PromptVersion version;
    version.branchId = branch.id;
    version.version = 1;
    version.config = imported->config;
    version.templateName = imported->templateName;
    for (const ConfigShape shape : {ConfigShape::Native, ConfigShape::Retell}) {
        const auto again =
            AgentConfigCodec::decode(AgentConfigCodec::exportVersion(branch, version, shape));
        fuzz::require(bool(again));
        fuzz::require(again->config.prompt == imported->config.prompt);
        fuzz::require(again->config.toolsJson == imported->config.toolsJson);
    }
    const auto text = AgentConfigCodec::decode(
        AgentConfigCodec::encode(imported->config, ConfigShape::PlainText), DecodePurpose::Compare);
    fuzz::require(bool(text));
    return 0;
}
