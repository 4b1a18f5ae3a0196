#include "DiffWindow.h"

#include "DiffView.h"
#include "ToolsChangeCopier.h"
#include "common/WindowGeometry.h"

#include <QAction>
#include <QLocale>
#include <QMessageBox>

namespace retell::ui {

DiffWindow::DiffWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowFlag(Qt::Window);
    m_view = new DiffView(this);
    setCentralWidget(m_view);
    auto *close = new QAction(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeDiffAction"));
    close->setShortcuts(closeKeys());
    connect(close, &QAction::triggered, this, &QWidget::close);
    addAction(close);
    windowGeometry::place(this, QSize(1400, 900));
    setWindowTitle(tr("Compare"));
}

DiffWindow::~DiffWindow() = default;

QList<QKeySequence> DiffWindow::closeKeys()
{
    // The panes are read-only, so Scintilla leaves Esc to the window.
    return {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)};
}

QList<KeyboardRow> DiffWindow::keyboardRows()
{
    return {{tr("next / previous change (diff window)"),
             {{DiffView::nextChangeKey()}, {DiffView::previousChangeKey()}}},
            {tr("revert or take the current change, or in the Tools tab the selected tool or "
                "JSON path, into your edit (diff window; the arrow points at the edit)"),
             {{QKeySequence(Qt::ALT | Qt::Key_Right), QKeySequence(Qt::ALT | Qt::Key_Left)}}},
            {tr("close the diff window (Esc also closes the version viewer)"), {closeKeys()}}};
}

ChangeCopier *DiffWindow::followEdit(QsciScintilla *editor, core::Side editSide,
                                     ChangeCopier::Wording wording, QsciScintilla *toolsEditor)
{
    delete m_copier;
    delete m_toolsCopier;
    m_copier = new ChangeCopier(m_view, editor, editSide, wording);
    if (toolsEditor)
        m_toolsCopier = new ToolsChangeCopier(m_view, toolsEditor, editSide, wording);
    return m_copier;
}

void DiffWindow::stopFollowingEdit()
{
    if (m_copier)
        m_copier->detach();
    if (m_toolsCopier)
        m_toolsCopier->detach();
}

core::DiffSide DiffWindow::sideFromConfig(const QString &title, const core::AgentConfig &config)
{
    return {title, config.prompt.toUtf8(), config.toolsJson.toUtf8()};
}

QString DiffWindow::versionTitle(const core::PromptVersion &version)
{
    QStringList parts{tr("v%1").arg(version.version)};
    const QDateTime when = version.deployedAt.isValid() ? version.deployedAt : version.createdAt;
    if (when.isValid())
        parts << QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
    if (!version.deployedByName.isEmpty())
        parts << version.deployedByName;
    QString title = parts.join(QStringLiteral(" · "));
    if (version.isActive)
        title += tr(" (active)");
    return title;
}

void DiffWindow::setSides(const core::DiffSide &left, const core::DiffSide &right)
{
    setWindowTitle(tr("Compare %1 ↔ %2").arg(left.title, right.title));
    m_view->setSides(left, right);
}

void DiffWindow::setVersions(const core::PromptVersion &older, const core::PromptVersion &newer)
{
    setSides(sideFromConfig(versionTitle(older), older.config),
             sideFromConfig(versionTitle(newer), newer.config));
}

bool DiffWindow::openFiles(const QString &leftPath, const QString &rightPath)
{
    core::DiffSide sides[2];
    const QString paths[2] = {leftPath, rightPath};
    for (int i = 0; i < 2; ++i) {
        auto loaded = core::loadDiffSide(paths[i]);
        if (const auto *error = std::get_if<core::DiffInputError>(&loaded)) {
            m_error = error->message;
            QMessageBox::critical(this, tr("Compare"), m_error);
            return false;
        }
        sides[i] = std::get<core::DiffSide>(std::move(loaded));
    }
    setSides(sides[0], sides[1]);
    return true;
}

} // namespace retell::ui
