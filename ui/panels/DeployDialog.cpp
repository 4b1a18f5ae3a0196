#include "panels/DeployDialog.h"

#include "common/WindowGeometry.h"
#include "editor/EditorTheme.h"
#include "panels/StatusIcons.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace retell::ui {

namespace {
QString findingLocation(const core::Finding &f)
{
    const QString where = f.target == core::FindingTarget::Prompt ? DeployDialog::tr("prompt")
                                                                  : DeployDialog::tr("tools");
    if (!f.jsonPath.isEmpty())
        return QStringLiteral("%1 %2").arg(where, f.jsonPath);
    if (f.line > 0)
        return DeployDialog::tr("%1 line %2").arg(where).arg(f.line);
    return where;
}
} // namespace

DeployDialog::DeployDialog(const QString &branchTitle, const core::ValidationResult &validation,
                           const QString &templateName, QWidget *parent)
    : QDialog(parent), m_validation(validation), m_notes(new QPlainTextEdit(this)),
      m_findings(new QListWidget(this)), m_summary(new QLabel(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("deployDialog"));
    setWindowTitle(tr("Deploy to %1").arg(branchTitle));
    m_notes->setObjectName(QStringLiteral("deployNotes"));
    m_notes->setPlaceholderText(tr("What changed and why (required)"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    m_findings->setObjectName(QStringLiteral("deployFindings"));
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("deploySummary"));
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("deployError"));
    m_error->setStyleSheet(QStringLiteral("color: #d9534f; font-weight: bold;"));
    m_error->hide();

    m_deploy = m_buttons->addButton(tr("&Deploy"), QDialogButtonBox::AcceptRole);
    m_deploy->setObjectName(QStringLiteral("deployButton"));
    m_deploy->setIcon(themeIcon(QStringLiteral("deploy")));
    m_deploy->setDefault(true);
    m_merge = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_merge->setObjectName(QStringLiteral("deployMergeButton"));
    m_merge->setAutoDefault(false);
    m_merge->hide();
    connect(m_merge, &QPushButton::clicked, this, &DeployDialog::mergeRequested);

    // The same symbols as the editor's findings list; texts wrap to the
    // dialog's width instead of hiding behind a horizontal scrollbar.
    const EditorTheme theme = EditorTheme::fromPalette(palette());
    m_findings->setWordWrap(true);
    m_findings->setTextElideMode(Qt::ElideNone);
    m_findings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_findings->setResizeMode(QListView::Adjust);
    m_findings->setSpacing(2);
    for (const core::Finding &f : validation.findings) {
        const QString text =
            QStringLiteral("%1 — %2").arg(findingLocation(f), core::findingMessage(f));
        auto *item = new QListWidgetItem(theme.severityIcon(f.severity), text, m_findings);
        item->setToolTip(QStringLiteral("%1\n(%2)").arg(text, f.code));
    }

    const int errors = validation.errorCount();
    const int warnings = validation.warningCount();
    if (errors > 0) {
        const auto firstError =
            std::find_if(validation.findings.cbegin(), validation.findings.cend(),
                         [](const core::Finding &f) { return f.isError(); });
        m_summary->setText(
            tr("<b>Cannot deploy:</b> %n error(s) must be fixed first. First: %1", nullptr, errors)
                .arg(firstError->message.toHtmlEscaped()));
        if (warnings > 0)
            m_summary->setText(m_summary->text() + QLatin1Char(' ') +
                               tr("Also %n warning(s).", nullptr, warnings));
    } else if (warnings > 0) {
        m_summary->setText(tr("Valid, with %n warning(s) shown below; they do not block the "
                              "deploy.",
                              nullptr, warnings));
    } else {
        m_summary->setText(tr("Valid: no findings."));
    }
    auto *summaryIcon = new QLabel(this);
    const QIcon icon = errors > 0     ? theme.severityIcon(core::Severity::Error)
                       : warnings > 0 ? theme.severityIcon(core::Severity::Warning)
                                      : statusIcon(core::ValidationStatus::Valid);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    summaryIcon->setPixmap(icon.pixmap(iconSize, iconSize));
    summaryIcon->setAlignment(Qt::AlignTop);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(summaryIcon);
    summaryRow->addWidget(m_summary, 1);

    // One form: every label beside the value it names, tall values
    // (findings, notes) with their label at their first line.
    const QLocale locale;
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->addRow(tr("Template:"),
                 new QLabel(templateName.isEmpty() ? tr("(none)") : templateName, this));
    form->addRow(tr("Estimated tokens:"),
                 new QLabel(tr("%1 of %2")
                                .arg(locale.toString(validation.estimatedTokens),
                                     locale.toString(core::retellLimits::kMaxTokens)),
                            this));
    form->addRow(tr("Validation:"), summaryRow);
    if (!validation.findings.isEmpty())
        form->addRow(tr("Findings:"), m_findings);
    else
        m_findings->hide();
    form->addRow(tr("&Notes:"), m_notes);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    sizeToContent();

    connect(m_notes, &QPlainTextEdit::textChanged, this, &DeployDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Not QDialog::accept: the dialog closes only once the deploy succeeded.
    connect(m_deploy, &QPushButton::clicked, this, [this] {
        if (m_deploy->isEnabled())
            emit deployRequested(notes());
    });
    updateState();
}

DeployDialog::~DeployDialog() = default;

void DeployDialog::sizeToContent()
{
    // Wide enough for a finding of about 90 characters on one line, tall
    // enough for the findings at two lines each (up to 14 lines), never
    // larger than the screen.
    const QFontMetrics metrics = fontMetrics();
    const int findingLines = std::min(int(m_findings->count()) * 2, 14);
    const int listHeight =
        findingLines * (metrics.lineSpacing() + 2) + 2 * m_findings->frameWidth();
    m_findings->setMinimumHeight(std::min(listHeight, 5 * metrics.lineSpacing()));
    layout()->activate();
    QSize wanted = sizeHint();
    wanted.setWidth(std::max(wanted.width(), metrics.averageCharWidth() * 100));
    if (m_findings->count() > 0)
        wanted.rheight() += std::max(0, listHeight - m_findings->minimumHeight());
    const QScreen *screen = parentWidget() ? parentWidget()->screen() : this->screen();
    if (screen)
        wanted = wanted.boundedTo(screen->availableSize() - windowGeometry::kFrameAllowance);
    resize(wanted);
}

QString DeployDialog::notes() const
{
    return m_notes->toPlainText().trimmed();
}

void DeployDialog::setNotes(const QString &notes)
{
    m_notes->setPlainText(notes);
}

void DeployDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (busy) {
        m_error->hide();
        m_merge->hide();
        m_deploy->setDefault(true);
    }
    updateState();
}

void DeployDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    setBusy(false);
    m_error->show();
}

void DeployDialog::offerMerge(int version)
{
    m_merge->setText(tr("&Merge with v%1").arg(version));
    m_merge->show();
    m_merge->setDefault(true);
    m_merge->setFocus();
}

QString DeployDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void DeployDialog::updateState()
{
    const bool ready = !m_busy && !isBlocked() && !notes().isEmpty();
    m_deploy->setEnabled(ready);
    m_notes->setReadOnly(m_busy);
    if (isBlocked())
        m_deploy->setToolTip(tr("Fix the errors listed here first"));
    else if (notes().isEmpty())
        m_deploy->setToolTip(tr("Write a note first"));
    else
        m_deploy->setToolTip(QString());
}

} // namespace retell::ui
