#pragma once

#include "ChangeCopier.h"
#include "ToolsChangeCopier.h"
#include "diff/DiffInput.h"
#include "domain/Types.h"
#include "editor/KeyboardRow.h"

#include <QMainWindow>
#include <QPointer>

namespace retell::ui {

class DiffView;

// A top-level window around DiffView: used by `retell-admin --diff A B` and
// opened from history, editor, branch tree and template picker.
class DiffWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffWindow)

public:
    explicit DiffWindow(QWidget *parent = nullptr);
    ~DiffWindow() override;

    void setSides(const core::DiffSide &left, const core::DiffSide &right);
    // Older on the left; titles name version, date and author.
    void setVersions(const core::PromptVersion &older, const core::PromptVersion &newer);
    // Loads two files (plain prompt text or an exported/Retell JSON config).
    // On failure shows the reason and returns false.
    bool openFiles(const QString &leftPath, const QString &rightPath);
    QString errorString() const { return m_error; }

    DiffView *view() const { return m_view; }
    // The side `editSide` is the prompt in `editor` (and, when given, the
    // tools in `toolsEditor`): their changes can be copied across
    // (ChangeCopier, ToolsChangeCopier) and the comparison follows the editors.
    ChangeCopier *followEdit(QsciScintilla *editor, core::Side editSide,
                             ChangeCopier::Wording wording, QsciScintilla *toolsEditor = nullptr);
    ChangeCopier *changeCopier() const { return m_copier; }
    ToolsChangeCopier *toolsCopier() const { return m_toolsCopier; }
    // The editor shows something else now: the comparison becomes read-only.
    void stopFollowingEdit();
    // The window's keys, for the keyboard-shortcuts page and the README.
    static QList<KeyboardRow> keyboardRows();

    // Title of a stored version: "v4 · 2025-03-04 14:30 · Anna (active)".
    static QString versionTitle(const core::PromptVersion &version);
    static core::DiffSide sideFromConfig(const QString &title, const core::AgentConfig &config);

private:
    static QList<QKeySequence> closeKeys();

    DiffView *m_view = nullptr;
    QPointer<ChangeCopier> m_copier;
    QPointer<ToolsChangeCopier> m_toolsCopier;
    QString m_error;
};

} // namespace retell::ui
