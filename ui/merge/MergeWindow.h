#pragma once

#include "diff/DiffInput.h"
#include "domain/Types.h"
#include "validation/Validator.h"

#include <QMainWindow>

class QLabel;
class QPushButton;
class QTabWidget;

namespace retell::ui {

class FindingsList;
class PromptMergePane;
class ToolsMergePane;

// A three-way merge of prompt and tools: theirs | result | ours with the
// conflicts to resolve, a Tools tab, the result's validation findings, and
// Deploy once no conflict and no error is left. Nothing is written here:
// the owner deploys on deployRequested, and keeps the result as a draft on
// closedWithoutDeploy.
class MergeWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MergeWindow)

public:
    explicit MergeWindow(QWidget *parent = nullptr);
    ~MergeWindow() override;

    // Merges and shows the inputs; false (see errorString) when an input's
    // prompt is not UTF-8 or its tools are not a JSON array.
    bool setInputs(const core::DiffSide &base, const core::DiffSide &ours,
                   const core::DiffSide &theirs);
    // For `retell-admin --merge OURS BASE THEIRS --output MERGED` (git
    // mergetool): loads the files (plain prompt text, our export or
    // Retell's payload); Deploy becomes Save, which writes the result to
    // `output` (the text for plain-text inputs, else {"prompt", "tools"})
    // and closes the window.
    bool openFiles(const QString &ours, const QString &base, const QString &theirs,
                   const QString &output);
    void setValidationContext(const core::ValidationContext &context);
    QString errorString() const { return m_error; }

    int conflictsLeft() const;
    core::AgentConfig result() const;

    PromptMergePane *promptPane() const { return m_prompt; }
    ToolsMergePane *toolsPane() const { return m_tools; }
    FindingsList *findingsList() const { return m_findings; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *deployButton() const { return m_deploy; }

signals:
    void deployRequested(const retell::core::AgentConfig &result);
    void closedWithoutDeploy(const retell::core::AgentConfig &result);
    void saved(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void refresh();
    bool save();

    QTabWidget *m_tabs = nullptr;
    PromptMergePane *m_prompt = nullptr;
    ToolsMergePane *m_tools = nullptr;
    FindingsList *m_findings = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_deploy = nullptr;
    core::ValidationContext m_context;
    QString m_error;
    QString m_output;        // save mode: where Save writes the result
    bool m_hasTools = false; // any input is a configuration with tools
    bool m_deployed = false;
};

} // namespace retell::ui
