#pragma once

#include "domain/Finding.h"

#include <QColor>
#include <QFont>

class QIcon;
class QImage;

class QPalette;

namespace retell::ui {

// Colours for the editors, derived from the widget palette so that the
// editors stay readable under a dark desktop theme.
struct EditorTheme
{
    bool dark = false;

    QColor paper;
    QColor text;
    QColor marginPaper;
    QColor marginText;
    QColor caret;
    QColor caretLine;
    QColor selection;
    QColor selectionText;
    QColor braceMatch;

    QColor error;
    QColor warning;
    QColor ok;

    // Prompt lexer
    QColor heading;
    QColor listMarker;
    QColor emphasis;
    QColor code;
    QColor codePaper;
    QColor knownVariable;
    QColor variablePaper;
    QColor unknownVariable;
    QColor unknownVariablePaper;
    QColor malformed;
    QColor toolName;

    // JSON lexer
    QColor jsonProperty;
    QColor jsonString;
    QColor jsonNumber;
    QColor jsonKeyword;
    QColor jsonOperator;
    QColor jsonComment;

    static EditorTheme fromPalette(const QPalette &palette);
    // The severity symbol shared by the marker margin and the findings list.
    static QImage severityImage(core::Severity severity, const QColor &colour, int size);
    QIcon severityIcon(core::Severity severity) const;
    // The editors' text font: the system monospace font, at a readable size.
    static QFont editorFont();
};

} // namespace retell::ui
