#pragma once

#include "editor/KeyboardRow.h"

#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QString>

#include <array>

class QAction;
class QDialog;
class QWidget;

namespace retell::ui {

// Every command of the main window, by id.
enum class ActionId
{
    Connect,
    SaveDraft,
    Quit,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    SelectAll,
    Find,
    Replace,
    FindNext,
    FindPrevious,
    FilterBranches,
    NextPanel,
    PreviousPanel,
    TabMovesFocus,
    Validate,
    NextFinding,
    PreviousFinding,
    Deploy,
    Rollback,
    OpenVersion,
    Compare,
    CompareSelected,
    CompareActive,
    ComparePrevious,
    CompareDraft,
    RestoreDraft,
    DiscardDraft,
    Refresh,
    WorkOffline,
    SyncNow,
    ShowBranches,
    ShowTemplates,
    ShowHistory,
    ShowOutbox,
    ShowFleet,
    RollOut,
    ShowAudit,
    ManageAccess,
    LinkRetell,
    RetellApiKey,
    KeyboardShortcuts,
    About,
    Count
};

// The main window's actions, one per ActionId, each with its text, icon and
// keys defined once here. Menus, toolbar, the keyboard-shortcuts page and
// the README's keyboard table are all built from this registry; actions are
// added to the window so their keys work wherever focus is.
class ActionRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionRegistry)

public:
    explicit ActionRegistry(QWidget *window);
    ~ActionRegistry() override;

    QAction *action(ActionId id) const { return m_actions.at(std::size_t(id)); }
    QAction *operator[](ActionId id) const { return action(id); }
    // By object name ("deployAction"); null when there is none.
    QAction *find(const QString &objectName) const;
    // Takes over an action made by a panel (history, dock toggles): its keys
    // and object name come from here, and it joins the window's actions.
    void adopt(ActionId id, QAction *action);
    QList<QAction *> actions() const;
    // Every key any action binds.
    QList<QKeySequence> keys() const;

    // The keyboard table: the window's rows followed by `extraRows` (keys of
    // other windows, e.g. the diff window's).
    QList<KeyboardRow> keyboardTable(const QList<KeyboardRow> &extraRows = {}) const;
    static QString markdownTable(const QList<KeyboardRow> &rows);
    static QString htmlTable(const QList<KeyboardRow> &rows);
    // A non-modal page listing the keyboard table.
    static QDialog *createShortcutsPage(const QList<KeyboardRow> &rows, QWidget *parent);

private:
    QWidget *m_window;
    std::array<QAction *, std::size_t(ActionId::Count)> m_actions{};
};

} // namespace retell::ui
