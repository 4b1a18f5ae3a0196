#include "app/CompareLauncher.h"

#include "app/ServiceWorker.h"
#include "app/Session.h"
#include "diff/DiffWindow.h"
#include "versions/VersionService.h"

namespace retell::ui {

CompareLauncher::CompareLauncher(Session *session, QWidget *windowParent)
    : QObject(windowParent), m_session(session), m_windowParent(windowParent)
{
}

void CompareLauncher::versions(const core::PromptVersion &older, const core::PromptVersion &newer)
{
    auto *window = new DiffWindow(m_windowParent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setVersions(older, newer);
    window->show();
}

DiffWindow *CompareLauncher::configs(const QString &leftTitle, const core::AgentConfig &left,
                                     const QString &rightTitle, const core::AgentConfig &right)
{
    auto *window = new DiffWindow(m_windowParent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setSides(DiffWindow::sideFromConfig(leftTitle, left),
                     DiffWindow::sideFromConfig(rightTitle, right));
    window->show();
    return window;
}

void CompareLauncher::branches(const core::Branch &left, const core::Branch &right)
{
    const core::ServiceContext context = m_session->context();
    const core::Actor actor = m_session->actor();
    using Pair = QPair<core::PromptVersion, core::PromptVersion>;
    m_session->worker()->run(
        this,
        [=]() -> core::Result<Pair> {
            const core::VersionService versions(context);
            auto l = versions.active(actor, left.id);
            if (!l)
                return l.error();
            auto r = versions.active(actor, right.id);
            if (!r)
                return r.error();
            return Pair(l.value(), r.value());
        },
        [this, left, right](core::Result<Pair> loaded) {
            if (!loaded) {
                emit failed(loaded.error().message);
                return;
            }
            configs(tr("%1 v%2").arg(left.name).arg(loaded->first.version), loaded->first.config,
                    tr("%1 v%2").arg(right.name).arg(loaded->second.version),
                    loaded->second.config);
        });
}

} // namespace retell::ui
