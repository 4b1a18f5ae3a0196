#include "db/RowReader.h"

#include <QSqlRecord>

namespace retell::core {

RowReader::RowReader(const QSqlQuery &query) : m_query(query)
{
    const QSqlRecord record = query.record();
    m_names.reserve(record.count());
    for (int i = 0; i < record.count(); ++i)
        m_names.append(record.fieldName(i).toLower());
}

QVariant RowReader::operator[](QLatin1StringView column) const
{
    qsizetype i = m_names.size() - 1;
    while (i >= 0 && m_names.at(i) != column)
        --i;
    Q_ASSERT_X(i >= 0, "RowReader", column.data());
    return i >= 0 ? m_query.value(int(i)) : QVariant();
}

bool RowReader::flag(QLatin1StringView column) const
{
    const QVariant v = (*this)[column];
    if (v.typeId() == QMetaType::QString) {
        const QString s = v.toString();
        return s == QLatin1String("t") || s == QLatin1String("true") || s.toInt() != 0;
    }
    return v.toBool();
}

QString configColumns(QLatin1StringView tableAlias)
{
    return QStringLiteral(
               "%1prompt_content AS prompt_content, %1functions_config AS functions_config")
        .arg(tableAlias);
}

AgentConfig configFrom(const RowReader &row)
{
    return {row.text(QLatin1StringView("prompt_content")),
            row.text(QLatin1StringView("functions_config"))};
}

} // namespace retell::core
