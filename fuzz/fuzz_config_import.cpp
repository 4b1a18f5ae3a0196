// Configuration import (ConfigExchange::parse: retell-admin exports and
// Retell payloads). Invariant: what imports exports again, in both formats,
// and imports back to the same prompt and tools.
#include "FuzzInput.h"

#include "io/ConfigExchange.h"

using namespace retell;
using namespace retell::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto imported = ConfigExchange::parse(fuzz::bytes(data, size));
    if (!imported) {
        fuzz::require(!imported.error().message.isEmpty());
        return 0;
    }
    Branch branch;
    branch.id = QStringLiteral("00000000-0000-4000-8000-000000000001");
    branch.name = QStringLiteral("Fuzz");
    PromptVersion version;
    version.branchId = branch.id;
    version.version = 1;
    version.config = imported->config;
    version.templateName = imported->templateName;
    for (const ExportFormat format : {ExportFormat::Native, ExportFormat::Retell}) {
        const auto again =
            ConfigExchange::parse(ConfigExchange::exportVersion(branch, version, format));
        fuzz::require(bool(again));
        fuzz::require(again->config.prompt == imported->config.prompt);
    }
    return 0;
}
