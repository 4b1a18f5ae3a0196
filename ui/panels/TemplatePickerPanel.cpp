#include "panels/TemplatePickerPanel.h"

#include "app/ServiceWorker.h"
#include "app/Session.h"
#include "templates/TemplateService.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace retell::ui {

namespace {
constexpr int kPreviewChars = 4000;

QString sourceText(core::TemplateSource source)
{
    switch (source) {
    case core::TemplateSource::BuiltIn: return TemplatePickerPanel::tr("built-in");
    case core::TemplateSource::Custom: return TemplatePickerPanel::tr("custom");
    case core::TemplateSource::WebApp: return TemplatePickerPanel::tr("from the web admin");
    }
    return {};
}

QString toolsSummary(const QString &toolsJson)
{
    const QJsonArray tools = QJsonDocument::fromJson(toolsJson.toUtf8()).array();
    if (tools.isEmpty())
        return TemplatePickerPanel::tr("No tools.");
    QStringList lines;
    for (const QJsonValue &value : tools) {
        const QJsonObject tool = value.toObject();
        lines << QStringLiteral("<b>%1</b> <i>(%2)</i> — %3")
                     .arg(tool.value(QStringLiteral("name")).toString().toHtmlEscaped(),
                          tool.value(QStringLiteral("type")).toString().toHtmlEscaped(),
                          tool.value(QStringLiteral("description")).toString().toHtmlEscaped());
    }
    return lines.join(QStringLiteral("<br>"));
}
} // namespace

TemplatePickerPanel::TemplatePickerPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QListWidget(this))
    , m_description(new QLabel(this))
    , m_tools(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_apply(new QPushButton(tr("&Apply to Branch"), this))
    , m_save(new QPushButton(tr("&Save as Template…"), this))
{
    setObjectName(QStringLiteral("templatePickerPanel"));
    m_list->setObjectName(QStringLiteral("templateList"));
    m_apply->setObjectName(QStringLiteral("applyTemplateButton"));
    m_save->setObjectName(QStringLiteral("saveTemplateButton"));
    m_description->setWordWrap(true);
    m_tools->setWordWrap(true);
    m_tools->setTextFormat(Qt::RichText);
    m_preview->setReadOnly(true);
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_apply->setEnabled(false);
    m_apply->setToolTip(tr("Fill the editor with this template as a draft; nothing is deployed"));

    // Description and tools scroll on their own, so a template with many
    // tools never pushes the prompt preview out of sight.
    auto *summary = new QWidget;
    auto *summaryLayout = new QVBoxLayout(summary);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->addWidget(m_description);
    summaryLayout->addWidget(m_tools);
    summaryLayout->addStretch();
    auto *summaryScroll = new QScrollArea(this);
    summaryScroll->setWidget(summary);
    summaryScroll->setWidgetResizable(true);
    summaryScroll->setFrameShape(QFrame::NoFrame);
    auto *details = new QSplitter(Qt::Vertical, this);
    details->setObjectName(QStringLiteral("templateDetailsSplitter"));
    details->addWidget(summaryScroll);
    details->addWidget(m_preview);
    details->setStretchFactor(0, 1);
    details->setStretchFactor(1, 1);
    details->setSizes({1000, 1000}); // halves, whatever the dock's height

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("templateSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(details);
    splitter->setStretchFactor(1, 3);

    m_compare = new QPushButton(tr("&Compare with Branch"), this);
    m_compare->setObjectName(QStringLiteral("compareTemplateButton"));
    m_compare->setToolTip(tr("Show side by side what applying this template would change"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_compare);
    buttons->addWidget(m_save);
    buttons->addWidget(m_apply);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatePickerPanel::showCurrent);
    connect(m_list, &QListWidget::itemDoubleClicked, m_apply, &QPushButton::click);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (const auto t = currentTemplate())
            emit applyRequested(*t);
    });
    connect(m_save, &QPushButton::clicked, this, &TemplatePickerPanel::saveAsTemplateRequested);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        if (const auto t = currentTemplate())
            emit compareRequested(*t);
    });
}

TemplatePickerPanel::~TemplatePickerPanel() = default;

void TemplatePickerPanel::reload()
{
    auto service = m_session->templates();
    m_session->worker()->run(
        this, [service] { return service->templates(); },
        [this](core::Result<QList<core::Template>> result) {
            if (!result) {
                emit failed(result.error().message);
                return;
            }
            const QString current = m_list->currentItem() ? m_list->currentItem()->text() : QString();
            m_templates = result.value();
            m_list->clear();
            for (const core::Template &t : std::as_const(m_templates)) {
                auto *item = new QListWidgetItem(t.name, m_list);
                item->setToolTip(QStringLiteral("%1 (%2)").arg(t.description, sourceText(t.source)));
            }
            if (!selectTemplate(current) && !m_templates.isEmpty())
                m_list->setCurrentRow(0);
            emit loaded();
        });
}

bool TemplatePickerPanel::selectTemplate(const QString &name)
{
    for (int row = 0; row < m_templates.size(); ++row) {
        if (m_templates.at(row).name.compare(name, Qt::CaseInsensitive) == 0) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

std::optional<core::Template> TemplatePickerPanel::currentTemplate() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_templates.size())
        return std::nullopt;
    return m_templates.at(row);
}

void TemplatePickerPanel::setApplyEnabled(bool enabled)
{
    m_applyEnabled = enabled;
    m_apply->setEnabled(enabled && currentTemplate().has_value());
}

void TemplatePickerPanel::showCurrent()
{
    const auto t = currentTemplate();
    m_apply->setEnabled(m_applyEnabled && t.has_value());
    if (!t) {
        m_description->clear();
        m_tools->clear();
        m_preview->clear();
        return;
    }
    m_description->setText(QStringLiteral("<b>%1</b> — %2<br><small>%3</small>")
                               .arg(t->name.toHtmlEscaped(), t->description.toHtmlEscaped(),
                                    sourceText(t->source)));
    m_tools->setText(toolsSummary(t->config.toolsJson));
    QString preview = t->config.prompt.left(kPreviewChars);
    if (t->config.prompt.size() > kPreviewChars)
        preview += QStringLiteral("\n…");
    m_preview->setPlainText(preview);
}

void TemplatePickerPanel::promptSaveAsTemplate(const core::AgentConfig &content)
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Save as Template"));
    auto *name = new QLineEdit(&dialog);
    auto *description = new QLineEdit(&dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Description:"), description);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    box->button(QDialogButtonBox::Save)->setEnabled(false);
    form->addRow(box);
    connect(name, &QLineEdit::textChanged, &dialog, [box](const QString &text) {
        box->button(QDialogButtonBox::Save)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        saveAsTemplate(content, name->text().trimmed(), description->text().trimmed());
}

void TemplatePickerPanel::saveAsTemplate(const core::AgentConfig &content, const QString &name,
                                         const QString &description)
{
    auto service = m_session->templates();
    const core::Actor actor = m_session->actor();
    m_session->worker()->run(
        this, [=] { return service->save(actor, name, description, content); },
        [this](core::Result<core::Template> result) {
            if (!result) {
                emit failed(result.error().message);
                return;
            }
            emit templateSaved(result->name);
            reload();
        });
}

} // namespace retell::ui
