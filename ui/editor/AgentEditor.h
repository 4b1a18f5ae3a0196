#pragma once

#include "async/Task.h"
#include "domain/Types.h"
#include "validation/Validator.h"

#include <QSet>
#include <QWidget>

#include <atomic>

class QKeySequence;
class QLabel;
class QTabWidget;
class QShortcut;
class QTimer;

namespace retell::ui {

class FindReplaceBar;
class FindingsList;
class PromptEditor;
class TaskRunner;
class ToolsEditor;

// The agent config editor the main window shows for one branch: prompt and
// tools tabs, the findings panel and a status line, validated live while
// the admin types.
class AgentEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentEditor)

public:
    enum Tab
    {
        PromptTab,
        ToolsTab
    };

    // Prompts above this size (UTF-16 units) are validated off the GUI thread.
    static constexpr qsizetype kBackgroundValidationChars = 200 * 1024;
    static constexpr int kValidationDelayMs = 120;

    explicit AgentEditor(QWidget *parent = nullptr);
    ~AgentEditor() override;

    // Loads a config; not a modification. Validates right away.
    void setConfig(const core::AgentConfig &config);
    // Replaces the content as an edit: one undoable step in each editor, so
    // Ctrl+Z brings back exactly what was there (setConfig clears the history).
    void replaceConfig(const core::AgentConfig &config);
    core::AgentConfig config() const;

    // Variables the branch provides besides Retell's system variables.
    void setKnownVariables(const QSet<QString> &names);
    // Off: the editor's own find, replace and next/previous-finding keys step
    // back, because a main window's actions own them (and call the slots).
    void setOwnShortcutsEnabled(bool enabled);
    // The window's keys win over the editors' built-in bindings.
    void yieldKeys(const QList<QKeySequence> &keys);
    // On: Tab leaves the prompt and tools editors instead of indenting.
    void setTabMovesFocus(bool on);
    bool tabMovesFocus() const;
    // The find bar of the visible tab.
    FindReplaceBar *currentFindBar() const;
    QSet<QString> knownVariables() const { return m_context.knownVariables; }

    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    core::ValidationResult lastResult() const { return m_result; }
    // False while an edit waits for (or is in) validation.
    bool isValidationCurrent() const { return m_validatedGeneration == m_generation.load(); }

    PromptEditor *promptEditor() const { return m_prompt; }
    ToolsEditor *toolsEditor() const { return m_tools; }
    FindingsList *findingsList() const { return m_findings; }
    QTabWidget *tabs() const { return m_tabs; }
    QString statusText() const;

public slots:
    void nextFinding();
    void previousFinding();
    // Validates the current text now (normally done after a typing pause).
    void validateNow();
    void showFinding(const retell::core::Finding &finding);

signals:
    void configEdited();
    void validationChanged(const retell::core::ValidationResult &result);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Outcome
    {
        core::ValidationResult result;
        QSet<QString> toolNames;
    };
    static Outcome runValidation(const core::AgentConfig &config,
                                 const core::ValidationContext &context);

    void onTextEdited();
    void applyOutcome(quint64 generation, const Outcome &outcome);
    void updateStatus();
    void updateTabTitles();
    void stepFinding(int direction);
    TaskRunner *validationRunner();

    PromptEditor *m_prompt;
    QList<QShortcut *> m_findingShortcuts;
    FindReplaceBar *m_promptFindBar;
    ToolsEditor *m_tools;
    FindingsList *m_findings;
    QTabWidget *m_tabs;
    QLabel *m_charactersLabel;
    QLabel *m_tokensLabel;
    QLabel *m_statusLabel;
    QTimer *m_debounce;

    TaskRunner *m_validation = nullptr; // created for the first big prompt
    TaskHandle m_validationTask;
    // Bumped on every load and edit; results of older generations are dropped.
    std::atomic<quint64> m_generation{0};
    quint64 m_validatedGeneration = 0;

    core::ValidationContext m_context;
    core::ValidationResult m_result;
    bool m_loading = false;
    bool m_modified = false;
    bool m_readOnly = false;
};

} // namespace retell::ui
