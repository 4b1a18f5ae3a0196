#include "ToolsEditor.h"

#include "FindReplaceBar.h"
#include "JsonEditor.h"
#include "ToolSummary.h"

#include "domain/ToolsView.h"

#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace retell::ui {

namespace {

constexpr int kParseDelayMs = 80;

} // namespace

ToolsEditor::ToolsEditor(QWidget *parent)
    : QWidget(parent), m_editor(new JsonEditor(this)),
      m_findBar(new FindReplaceBar(m_editor, this)), m_list(new QTreeWidget(this)),
      m_listStatus(new QLabel(this)), m_parseTimer(new QTimer(this))
{
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Tool"), tr("Type"), tr("Parameters"), tr("Description")});
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TypeColumn, QHeaderView::ResizeToContents);
    m_list->setColumnWidth(ParametersColumn, 200);
    m_listStatus->setWordWrap(true);
    m_listStatus->setContentsMargins(4, 2, 4, 2);

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_findBar);

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_listStatus);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(editorPane);
    splitter->addWidget(listPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_parseTimer->setSingleShot(true);
    m_parseTimer->setInterval(kParseDelayMs);
    connect(m_parseTimer, &QTimer::timeout, this, &ToolsEditor::refreshToolList);
    connect(m_editor, &QsciScintilla::textChanged, m_parseTimer, qOverload<>(&QTimer::start));
    connect(m_list, &QTreeWidget::itemActivated, this, &ToolsEditor::showTool);

    refreshToolList();
}

ToolsEditor::~ToolsEditor() = default;

void ToolsEditor::refreshToolList()
{
    m_parseTimer->stop();
    const QByteArray json = m_editor->text().toUtf8();
    const core::ToolsView view = core::ToolsView::parse(json);

    QString problem;
    if (json.trimmed().isEmpty()) {
        problem = tr("No tools defined yet.");
    } else if (view.problem() == core::ToolsView::Problem::NotJson) {
        const TextLocation at = locateByteOffset(json, view.errorOffset());
        problem = tr("Invalid JSON at line %1, column %2: %3.")
                      .arg(at.line)
                      .arg(at.column)
                      .arg(view.errorString());
    } else if (view.problem() == core::ToolsView::Problem::NotArray) {
        problem = tr("The tools config must be a JSON array of tools.");
    }

    const bool empty = json.trimmed().isEmpty();
    if (problem.isEmpty() || empty) {
        m_list->clear();
        const QList<ToolSummary> tools = summarizeTools(view);
        QList<QTreeWidgetItem *> items;
        items.reserve(tools.size());
        for (const ToolSummary &tool : tools) {
            auto *item = new QTreeWidgetItem(
                QStringList{tool.name, tool.type, tool.parameters, tool.description});
            item->setToolTip(DescriptionColumn, tool.description);
            item->setToolTip(ParametersColumn, tool.parameters);
            QFont bold = item->font(NameColumn);
            bold.setBold(true);
            item->setFont(NameColumn, bold);
            // One child row per parameter, so long lists stay readable.
            for (const ParameterSummary &p : tool.parameterList) {
                auto *child = new QTreeWidgetItem(
                    item, QStringList{p.name, p.type, p.required ? tr("required") : tr("optional"),
                                      p.description});
                child->setToolTip(DescriptionColumn, p.description);
            }
            items.append(item);
        }
        m_list->addTopLevelItems(items);
        m_list->expandAll();
    }

    m_listCurrent = problem.isEmpty() || empty;
    m_problem = problem;
    m_list->setEnabled(m_listCurrent);
    if (m_listCurrent) {
        const int n = m_list->topLevelItemCount();
        m_listStatus->setText(empty ? problem : tr("%n tool(s)", nullptr, n));
        m_listStatus->setPalette(palette());
    } else {
        m_listStatus->setText(problem + QLatin1Char(' ') +
                              tr("The list shows the last valid version."));
        QPalette pal = palette();
        pal.setColor(QPalette::WindowText, m_editor->theme().error);
        m_listStatus->setPalette(pal);
    }
}

void ToolsEditor::showTool(QTreeWidgetItem *item)
{
    // Jump to the tool's "name" entry in the JSON (a parameter row means its tool).
    while (item->parent())
        item = item->parent();
    const QString name = item->text(NameColumn);
    const QString pattern =
        QStringLiteral("\"name\"\\s*:\\s*\"%1\"").arg(QRegularExpression::escape(name));
    if (m_editor->findFirst(pattern, true, true, false, true, true, 0, 0, true, false, true))
        m_editor->setFocus(Qt::OtherFocusReason);
}

} // namespace retell::ui
