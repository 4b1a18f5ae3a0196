#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

namespace retell::ui {

// One row of a keyboard table: what it does and, per command of the row,
// its keys ("next / previous finding" → {{F8}, {Shift+F8}}).
struct KeyboardRow
{
    QString what;
    QList<QList<QKeySequence>> keys;

    // "Ctrl+Shift+D or Ctrl+Return"; the commands of a row joined by " / ".
    QString keysText() const
    {
        QStringList commands;
        for (const QList<QKeySequence> &sequences : keys) {
            QStringList texts;
            for (const QKeySequence &k : sequences)
                texts << k.toString(QKeySequence::PortableText);
            commands << texts.join(QLatin1String(" or "));
        }
        return commands.join(QLatin1String(" / "));
    }
};

} // namespace retell::ui
