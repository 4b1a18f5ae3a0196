#pragma once

#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace retell::ui {

class FindReplaceBar;
class JsonEditor;

// The tools config (Retell general_tools JSON) beside a readable list of the
// tools it defines. While the JSON does not parse, the list keeps the last
// good state, greyed, and says why.
class ToolsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolsEditor)

public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        ParametersColumn,
        DescriptionColumn,
        ColumnCount
    };

    explicit ToolsEditor(QWidget *parent = nullptr);
    ~ToolsEditor() override;

    JsonEditor *editor() const { return m_editor; }
    FindReplaceBar *findBar() const { return m_findBar; }
    QTreeWidget *toolList() const { return m_list; }

    // True when the list shows the current text (the JSON parses as an array).
    bool isListCurrent() const { return m_listCurrent; }
    QString listProblem() const { return m_problem; }

public slots:
    // Parses the JSON now instead of after the short typing delay.
    void refreshToolList();

private:
    void showTool(QTreeWidgetItem *item);

    JsonEditor *m_editor;
    FindReplaceBar *m_findBar;
    QTreeWidget *m_list;
    QLabel *m_listStatus;
    QTimer *m_parseTimer;
    bool m_listCurrent = true;
    QString m_problem;
};

} // namespace retell::ui
