// The prompt scanner and the whole validator: prompt and tools config from
// one input (split at the first NUL byte), as raw bytes (invalid UTF-8 is a
// finding, never a crash). Invariants: every finding lies inside its text.
#include "FuzzInput.h"

#include "validation/PromptScanner.h"
#include "validation/Validator.h"

using namespace retell;
using namespace retell::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto [prompt, tools] = fuzz::splitAtNul(fuzz::bytes(data, size));
    const QString promptText = QString::fromUtf8(prompt);
    detail::PromptScan scan;
    detail::scanPrompt(promptText, detail::ScanMode::Full, scan);
    for (const detail::VariableUse &use : std::as_const(scan.variables))
        (void)detail::isValidVariableName(use.name);
    fuzz::require(Validator::estimateTokens(promptText) >= 0);

    const ValidationResult result = Validator::validateBytes(prompt, tools);
    for (const Finding &finding : result.findings)
        fuzz::require(finding.line >= 0 && finding.column >= 0 && finding.offset >= -1 &&
                      finding.length >= 0);
    (void)ValidationResult::findingsFromJson(result.findingsJson());
    (void)Validator::toolNames(QString::fromUtf8(tools));
    (void)Validator::variablesUsed(promptText);
    return 0;
}
