// diff (wired to core/diff once the engine lands)
#include "Cli.h"

namespace retell::cli {

void registerDiffCommands(QMap<QString, Command> &)
{
}

} // namespace retell::cli
