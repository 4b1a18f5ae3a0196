#include "app/CompareLauncher.h"

#include "diff/DiffWindow.h"
#include "services/DisplayText.h"
#include "services/HistoryFacade.h"

namespace retell::ui {

CompareLauncher::CompareLauncher(HistoryFacade *history, QWidget *windowParent)
    : QObject(windowParent), m_history(history), m_windowParent(windowParent)
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
    m_history->actives(this, left.id, right.id,
                       [this, left, right](core::Result<HistoryFacade::VersionPair> loaded) {
                           if (!loaded) {
                               emit failed(errorText(loaded.error()));
                               return;
                           }
                           configs(tr("%1 v%2").arg(left.name).arg(loaded->first.version),
                                   loaded->first.config,
                                   tr("%1 v%2").arg(right.name).arg(loaded->second.version),
                                   loaded->second.config);
                       });
}

} // namespace retell::ui
