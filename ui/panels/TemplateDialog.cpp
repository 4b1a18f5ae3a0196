#include "panels/TemplateDialog.h"

#include "editor/AgentEditor.h"
#include "versions/BranchService.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
constexpr int kDescriptionLines = 4;

QString titleFor(TemplateDialog::Mode mode, const QString &name)
{
    switch (mode) {
    case TemplateDialog::Mode::Save:
        return TemplateDialog::tr("Save as Template");
    case TemplateDialog::Mode::Rename:
        return TemplateDialog::tr("Rename Template \"%1\"").arg(name);
    case TemplateDialog::Mode::Edit:
        return TemplateDialog::tr("Edit Template \"%1\"").arg(name);
    }
    return {};
}
} // namespace

TemplateDialog::TemplateDialog(Mode mode, const core::Template &initial, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_name(new QLineEdit(initial.name, this)),
      m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("templateDialog"));
    setWindowTitle(titleFor(mode, initial.name));
    m_name->setObjectName(QStringLiteral("templateNameEdit"));
    m_name->setMaxLength(255);
    m_error->setObjectName(QStringLiteral("templateDialogError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #d9534f; font-weight: bold;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    if (mode != Mode::Rename) {
        m_description = new QPlainTextEdit(initial.description, this);
        m_description->setObjectName(QStringLiteral("templateDescriptionEdit"));
        m_description->setTabChangesFocus(true);
        m_description->setPlaceholderText(tr("What the template is for, in a sentence or two"));
        const QFontMetrics metrics(m_description->font());
        m_description->setFixedHeight(
            metrics.lineSpacing() * kDescriptionLines +
            2 * (m_description->frameWidth() + int(m_description->document()->documentMargin())));
        form->addRow(tr("&Description:"), m_description);
    }
    if (mode == Mode::Save) {
        m_share = new QCheckBox(tr("S&hare with every company"), this);
        m_share->setObjectName(QStringLiteral("templateShareCheck"));
        m_share->setToolTip(
            tr("Otherwise only the company of the current branch sees the template"));
        m_share->hide();
        form->addRow(QString(), m_share);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    if (mode == Mode::Edit) {
        m_editor = new AgentEditor(this);
        m_editor->setObjectName(QStringLiteral("templateAgentEditor"));
        m_editor->setKnownVariables(core::BranchService::branchVariables());
        m_editor->setConfig(initial.config);
        layout->addWidget(m_editor, 1);
        connect(m_editor, &AgentEditor::validationChanged, this, &TemplateDialog::updateSaveButton);
        connect(m_editor, &AgentEditor::configEdited, this, &TemplateDialog::updateSaveButton);
    }
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &TemplateDialog::updateSaveButton);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (saveButton()->isEnabled())
            emit submitted();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Wide enough for the whole title (window managers clip it otherwise)
    // and for a full-length name.
    const QFontMetrics titleMetrics(QApplication::font("QWorkspaceTitleBar"));
    const int titleWidth = titleMetrics.horizontalAdvance(windowTitle()) + 160;
    setMinimumWidth(
        std::max({titleWidth, 480, QFontMetrics(m_name->font()).averageCharWidth() * 60}));
    if (mode == Mode::Edit)
        resize(std::max(minimumWidth(), 900), 700);
    updateSaveButton();
}

TemplateDialog::~TemplateDialog() = default;

void TemplateDialog::offerSharing(bool offered)
{
    if (m_share)
        m_share->setVisible(offered);
}

QString TemplateDialog::name() const
{
    return m_name->text().trimmed();
}

QString TemplateDialog::description() const
{
    return m_description ? m_description->toPlainText().trimmed() : QString();
}

core::AgentConfig TemplateDialog::config() const
{
    return m_editor ? m_editor->config() : core::AgentConfig{};
}

bool TemplateDialog::sharedWithEveryCompany() const
{
    return m_share && !m_share->isHidden() && m_share->isChecked();
}

QPushButton *TemplateDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

QString TemplateDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TemplateDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        m_error->hide();
    updateSaveButton();
}

void TemplateDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void TemplateDialog::updateSaveButton()
{
    bool ok = !m_busy && !name().isEmpty();
    if (m_editor)
        ok = ok && !m_editor->lastResult().hasErrors();
    saveButton()->setEnabled(ok);
    saveButton()->setToolTip(m_editor && m_editor->lastResult().hasErrors()
                                 ? tr("Fix the errors in the prompt or tools first")
                                 : QString());
}

} // namespace retell::ui
