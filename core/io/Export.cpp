#include "io/Export.h"

namespace retell::core {

namespace {

QString csvField(const QString &text)
{
    QString field = text;
    bool isNumber = false;
    field.toDouble(&isNumber);
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!isNumber && !field.isEmpty() && formulaStarts.contains(field.front()))
        field.prepend(QLatin1Char('\''));
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
        field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))) {
        field.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        field = QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field;
}

QString csvText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toInteger());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString(); // null: ""
}

} // namespace

QString csvRecord(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &f : fields)
        out << csvField(f);
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QStringList csvHeader(const ExportRecord &record)
{
    QStringList names;
    for (const auto &column : record)
        names << column.first;
    return names;
}

QStringList csvFields(const ExportRecord &record)
{
    QStringList fields;
    for (const auto &column : record)
        fields << csvText(column.second);
    return fields;
}

QJsonObject jsonObject(const ExportRecord &record)
{
    QJsonObject o;
    for (const auto &column : record)
        o.insert(column.first, column.second);
    return o;
}

} // namespace retell::core
