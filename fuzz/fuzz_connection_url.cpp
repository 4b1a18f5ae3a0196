// The connection URL parser (ConnectionSpec::parse). Invariant: a URL that
// parses prints (toUrl) as one that parses to the same connection.
#include "FuzzInput.h"

#include "db/ConnectionSpec.h"

using namespace retell;
using namespace retell::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto spec = ConnectionSpec::parse(QString::fromUtf8(fuzz::bytes(data, size)));
    if (!spec) {
        fuzz::require(!spec.error().message.isEmpty());
        return 0;
    }
    (void)spec->displayName();
    const auto again = ConnectionSpec::parse(spec->toUrl());
    fuzz::require(bool(again));
    fuzz::require(again->key() == spec->key());
    return 0;
}
