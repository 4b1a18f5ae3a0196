#pragma once

#include <QList>
#include <QString>

class QJsonArray;

namespace retell::core {
class ToolsView;
}

namespace retell::ui {

struct ParameterSummary
{
    QString name;
    QString type;
    bool required = false;
    QString description;
};

// One tool of a Retell general_tools array, as the tools list shows it.
struct ToolSummary
{
    QString name;
    QString type;
    QString description;
    QString parameters; // "date: string (required), service_id: integer"
    QList<ParameterSummary> parameterList;
};

QList<ToolSummary> summarizeTools(const core::ToolsView &tools);
QList<ToolSummary> summarizeTools(const QJsonArray &tools);

// Where a JSON parse error sits, for messages: 1-based line and column
// (UTF-16 units) of a byte offset into UTF-8 text.
struct TextLocation
{
    int line = 1;
    int column = 1;
};
TextLocation locateByteOffset(const QByteArray &utf8, qsizetype offset);

} // namespace retell::ui
