#pragma once

#include "domain/Types.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace retell::ui {

class DiffWindow;
class HistoryFacade;

// Opens diff windows for the places that compare: two history versions,
// any two configurations (edit vs active, template vs edit), and the active
// versions of two branches (loaded on the session's worker thread).
class CompareLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareLauncher)

public:
    CompareLauncher(HistoryFacade *history, QWidget *windowParent);

    void versions(const core::PromptVersion &older, const core::PromptVersion &newer);
    // The window, for callers that link it to the edit (DiffWindow::followEdit).
    DiffWindow *configs(const QString &leftTitle, const core::AgentConfig &left,
                        const QString &rightTitle, const core::AgentConfig &right);
    void branches(const core::Branch &left, const core::Branch &right);

signals:
    void failed(const QString &message);

private:
    HistoryFacade *m_history;
    QPointer<QWidget> m_windowParent;
};

} // namespace retell::ui
