#pragma once

#include "diff/DiffTypes.h"

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>
#include <QTest>

// Readable failure messages for the engine's value types (found by ADL).
namespace retell::core {

inline char *toString(const TextRange &range)
{
    return QTest::toString(QStringLiteral("[%1,+%2)").arg(range.start).arg(range.length));
}

inline char *toString(const DiffRow &row)
{
    static const char *const kinds[] = {"Equal", "Changed", "Removed", "Added"};
    return QTest::toString(QStringLiteral("%1(left %2, right %3)")
                               .arg(QLatin1String(kinds[int(row.kind)]))
                               .arg(row.line[Side::Left])
                               .arg(row.line[Side::Right]));
}

inline char *toString(const Hunk &hunk)
{
    return QTest::toString(QStringLiteral("rows [%1,%2) left %3+%4 right %5+%6")
                               .arg(hunk.firstRow)
                               .arg(hunk.endRow)
                               .arg(hunk.leftStart)
                               .arg(hunk.leftCount)
                               .arg(hunk.rightStart)
                               .arg(hunk.rightCount));
}

} // namespace retell::core

namespace diffsupport {

// Lines of a hair-salon booking prompt, the kind of text the app diffs.
inline QStringList realisticLines()
{
    return {
        QStringLiteral("## Identity"),
        QStringLiteral("You are Mia, the friendly receptionist of {{branch_name}}."),
        QStringLiteral("Today is {{current_time_Europe/Berlin}}."),
        QString(),
        QStringLiteral("## Style"),
        QStringLiteral("- Speak in short, warm sentences."),
        QStringLiteral("- Never read out URLs or e-mail addresses."),
        QStringLiteral("- Confirm every date twice."),
        QString(),
        QStringLiteral("## Task"),
        QStringLiteral("1. Ask which service the caller wants (cut, colour, blow-dry)."),
        QStringLiteral("2. Call check_availability with the service and the preferred day."),
        QStringLiteral("3. Offer at most three slots."),
        QStringLiteral("4. Call book_appointment once the caller picks a slot."),
        QStringLiteral("5. Spell the caller's name back to them."),
        QString(),
        QStringLiteral("## Rules"),
        QStringLiteral("- If asked about prices, call list_services."),
        QStringLiteral("- Transfer to a human with transfer_call when the caller is upset."),
        QStringLiteral("- End the call politely with end_call."),
    };
}

// Edits a list of lines: replaces, inserts, deletes and moves a few of them.
inline QStringList mutate(QStringList lines, QRandomGenerator &random, int edits,
                          const QStringList &vocabulary)
{
    for (int e = 0; e < edits; ++e) {
        const int size = int(lines.size());
        const int at = size ? int(random.bounded(size)) : 0;
        switch (random.bounded(5)) {
        case 0:
            if (size)
                lines[at] = vocabulary.at(random.bounded(int(vocabulary.size())));
            break;
        case 1:
            lines.insert(at, vocabulary.at(random.bounded(int(vocabulary.size()))));
            break;
        case 2:
            if (size)
                lines.removeAt(at);
            break;
        case 3:
            if (size > 1)
                lines.move(at, int(random.bounded(size)));
            break;
        default:
            if (size)
                lines[at] = lines[at] + QStringLiteral(" (updated)");
            break;
        }
    }
    return lines;
}

inline QByteArray joined(const QStringList &lines, bool finalNewline)
{
    QByteArray out = lines.join(u'\n').toUtf8();
    if (finalNewline && !lines.isEmpty())
        out += '\n';
    return out;
}

// Random text over a tiny alphabet: many repeated lines, the hard case.
inline QByteArray randomText(QRandomGenerator &random, int maxLines,
                             const QList<QByteArray> &alphabet)
{
    QList<QByteArray> lines;
    const int count = int(random.bounded(maxLines + 1));
    for (int i = 0; i < count; ++i)
        lines.append(alphabet.at(random.bounded(int(alphabet.size()))));
    QByteArray out = lines.join('\n');
    if (count && random.bounded(4) != 0)
        out += '\n';
    return out;
}

} // namespace diffsupport
