#include "ToolSummary.h"

#include "domain/ToolsView.h"

#include <QCoreApplication>
#include <QStringList>

namespace retell::ui {

namespace {

// Free functions have no tr(); this gives them one under the context "ToolSummary".
struct ToolSummaryText
{
    Q_DECLARE_TR_FUNCTIONS(ToolSummary)
};

QList<ParameterSummary> parametersOf(const core::ToolView &tool)
{
    QList<ParameterSummary> out;
    for (const core::ToolParameter &p : tool.parameterList())
        out.append({p.name, p.type.isEmpty() ? ToolSummaryText::tr("any") : p.type, p.required,
                    p.description});
    return out;
}

QString summaryOf(const QList<ParameterSummary> &parameters)
{
    if (parameters.isEmpty())
        return ToolSummaryText::tr("none");
    QStringList parts;
    for (const ParameterSummary &p : parameters) {
        QString part = p.name + QLatin1String(": ") + p.type;
        if (p.required)
            part += QLatin1Char(' ') + ToolSummaryText::tr("(required)");
        parts.append(part);
    }
    return parts.join(QLatin1String(", "));
}

} // namespace

QList<ToolSummary> summarizeTools(const QJsonArray &tools)
{
    return summarizeTools(core::ToolsView::fromArray(tools));
}

QList<ToolSummary> summarizeTools(const core::ToolsView &tools)
{
    QList<ToolSummary> out;
    out.reserve(tools.tools().size());
    for (const core::ToolView &tool : tools.tools()) {
        ToolSummary s;
        if (!tool.isObject) {
            s.name = ToolSummaryText::tr("(not an object)");
            out.append(s);
            continue;
        }
        s.name = tool.name.isEmpty() ? ToolSummaryText::tr("(unnamed)") : tool.name;
        s.type = tool.type.isEmpty() ? ToolSummaryText::tr("(no type)") : tool.type;
        s.description = tool.description.simplified();
        s.parameterList = parametersOf(tool);
        s.parameters = summaryOf(s.parameterList);
        out.append(s);
    }
    return out;
}

TextLocation locateByteOffset(const QByteArray &utf8, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, utf8.size());
    const qsizetype lineStart = offset == 0 ? 0 : utf8.lastIndexOf('\n', offset - 1) + 1;
    TextLocation at;
    at.line = int(utf8.left(lineStart).count('\n')) + 1;
    at.column = int(QString::fromUtf8(utf8.constData() + lineStart, offset - lineStart).size()) + 1;
    return at;
}

} // namespace retell::ui
