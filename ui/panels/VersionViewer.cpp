#include "panels/VersionViewer.h"
#include "common/WindowGeometry.h"

#include "editor/AgentEditor.h"
#include "panels/HistoryModel.h"
#include "panels/StatusIcons.h"
#include "versions/BranchService.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace retell::ui {

VersionViewer::VersionViewer(const QString &branchName, const core::PromptVersion &version,
                             QWidget *parent)
    : QDialog(parent), m_version(version), m_editor(new AgentEditor(this))
{
    setObjectName(QStringLiteral("versionViewer"));
    setWindowTitle(tr("%1 — v%2 (read-only)").arg(branchName).arg(version.version));
    auto *info = new QLabel(this);
    info->setWordWrap(true);
    info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    info->setText(
        tr("<b>v%1</b>%2 · %3 · deployed by %4 on %5<br>%6")
            .arg(version.version)
            .arg(version.isActive ? tr(" (active)") : QString())
            .arg(statusText(version.validationStatus))
            .arg(version.deployedByName.isEmpty() ? tr("unknown")
                                                  : version.deployedByName.toHtmlEscaped())
            .arg(QLocale().toString(version.deployedAt.toLocalTime(), QLocale::LongFormat))
            .arg(HistoryModel::notesText(version.notes).toHtmlEscaped()));
    m_editor->setKnownVariables(core::BranchService::branchVariables());
    m_editor->setConfig(version.config);
    m_editor->setModified(false);
    m_editor->setReadOnly(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_useAsDraft = buttons->addButton(tr("Use as &Draft"), QDialogButtonBox::ActionRole);
    m_useAsDraft->setObjectName(QStringLiteral("useAsDraftButton"));
    m_useAsDraft->setToolTip(tr("Start an edit of the branch from this version's content"));
    m_useAsDraft->setAutoDefault(false);
    connect(m_useAsDraft, &QPushButton::clicked, this, [this] {
        emit useAsDraftRequested(m_version);
        accept();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(info);
    layout->addWidget(m_editor, 1);
    layout->addWidget(buttons);
    windowGeometry::place(this, QSize(1000, 700));
}

VersionViewer::~VersionViewer() = default;

void VersionViewer::setCanUseAsDraft(bool can)
{
    m_useAsDraft->setVisible(can);
}

} // namespace retell::ui
