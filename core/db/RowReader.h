#pragma once

#include "domain/Types.h"

#include <QLatin1StringView>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace retell::core {

// Reads the rows of a query by column name, not by position. The names are
// looked up in the query's record once, when the reader is made (after exec,
// before or after next()); select lists alias every column whose name is not
// plain (AS deployed_by_name). Asking for a column the select list does not
// have is a programming error: asserted, and null in release builds.
class RowReader final
{
public:
    explicit RowReader(const QSqlQuery &query);

    QVariant operator[](QLatin1StringView column) const;
    QString text(QLatin1StringView column) const { return (*this)[column].toString(); }
    qint64 integer(QLatin1StringView column) const { return (*this)[column].toLongLong(); }
    // Booleans arrive as 0/1, true/false or 't'/'f', depending on the driver.
    bool flag(QLatin1StringView column) const;
    bool isNull(QLatin1StringView column) const { return (*this)[column].isNull(); }

private:
    const QSqlQuery &m_query;
    QStringList m_names; // lower case, in select-list order (a few: a linear scan is cheapest)
};

// The content columns retell_agent_prompts and retell_admin_templates share,
// for a select list ("p." for an alias) and read back as an AgentConfig.
QString configColumns(QLatin1StringView tableAlias = {});
AgentConfig configFrom(const RowReader &row);

} // namespace retell::core
