#include "common/TableExport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QSaveFile>
#include <QStandardPaths>

namespace retell::ui::tableExport {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("retell::ui::tableExport", text);
}

} // namespace

QString writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write %1: %2.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return tr("Could not write %1: %2.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

QFileDialog *askSaveFile(QWidget *parent, const QString &title, const QString &suggestedName,
                         const QString &nameFilter, std::function<void(const QString &)> chosen)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(parent, title, QDir(folder).filePath(suggestedName), nameFilter);
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    // Qt's own dialog: the same on every desktop, and reachable from tests.
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [chosen = std::move(chosen)](const QString &path) {
                         if (!path.isEmpty())
                             chosen(path);
                     });
    dialog->open();
    return dialog;
}

} // namespace retell::ui::tableExport
