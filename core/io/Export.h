#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace retell::core {

// One exported row: column names with values, null where absent. The same
// record makes a CSV line and a JSON object, so an export's CSV and JSON
// forms (CLI and GUI alike) always carry the same columns.
using ExportRecord = QList<std::pair<QString, QJsonValue>>;

// One CSV record (RFC 4180, comma-separated, CRLF-terminated): a field with
// a comma, a quote or a line break is quoted, quotes doubled. A text field
// that a spreadsheet would run as a formula (starting with =, +, -, @, a tab
// or CR) gets a leading apostrophe; numbers stay as they are.
QString csvRecord(const QStringList &fields);
QStringList csvHeader(const ExportRecord &record);
QStringList csvFields(const ExportRecord &record); // null: an empty field
QJsonObject jsonObject(const ExportRecord &record);

// A whole table: the header (from a default T when items is empty) and a
// record per item.
template <typename T, typename RecordOf> QString csvTable(const QList<T> &items, RecordOf recordOf)
{
    QString out = csvRecord(csvHeader(recordOf(items.isEmpty() ? T{} : items.first())));
    for (const T &item : items)
        out += csvRecord(csvFields(recordOf(item)));
    return out;
}

template <typename T, typename RecordOf>
QJsonArray jsonTable(const QList<T> &items, RecordOf recordOf)
{
    QJsonArray out;
    for (const T &item : items)
        out << jsonObject(recordOf(item));
    return out;
}

} // namespace retell::core
