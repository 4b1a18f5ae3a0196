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
    // A user interface passes NativeText and its own word for "or".
    QString keysText(QKeySequence::SequenceFormat format = QKeySequence::PortableText,
                     const QString &alternatives = QStringLiteral(" or ")) const
    {
        QStringList commands;
        for (const QList<QKeySequence> &sequences : keys) {
            QStringList texts;
            for (const QKeySequence &k : sequences)
                texts << k.toString(format);
            commands << texts.join(alternatives);
        }
        return commands.join(QLatin1String(" / "));
    }
};

} // namespace retell::ui
