#include "services/BranchesFacade.h"

#include "versions/BranchService.h"

namespace retell::ui {

TaskHandle BranchesFacade::branches(QObject *receiver, Done<QList<core::Branch>> done) const
{
    return call(
        receiver,
        [](const core::ServiceContext &context, const core::Actor &actor) {
            return core::BranchService(context).branches(actor);
        },
        std::move(done));
}

} // namespace retell::ui
