#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QFileDialog;
class QWidget;

namespace retell::ui::tableExport {

// Writes through a temporary file renamed over the target: the file is
// either the old or the new one, never half. Empty, or one sentence.
QString writeAtomically(const QString &path, const QByteArray &bytes);
// Asks where to save (a non-modal dialog, so the window stays usable and
// tests can answer it); chosen(path) runs after the user accepted.
QFileDialog *askSaveFile(QWidget *parent, const QString &title, const QString &suggestedName,
                         const QString &nameFilter, std::function<void(const QString &)> chosen);

} // namespace retell::ui::tableExport
