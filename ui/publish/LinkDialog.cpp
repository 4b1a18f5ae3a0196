#include "publish/LinkDialog.h"

#include "services/DisplayText.h"
#include "services/PublishFacade.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace retell::ui {

LinkDialog::LinkDialog(PublishFacade *publish, const core::Branch &branch,
                       const std::optional<core::RetellLink> &current,
                       std::function<core::RetellApiFactory()> factory, QWidget *parent)
    : QDialog(parent), m_publish(publish), m_branch(branch), m_current(current),
      m_factory(std::move(factory)), m_agent(new QLineEdit(this)), m_llm(new QLineEdit(this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("linkDialog"));
    setWindowTitle(tr("Link %1 to Retell").arg(branch.name));
    m_agent->setObjectName(QStringLiteral("retellAgentId"));
    m_llm->setObjectName(QStringLiteral("retellLlmId"));
    m_agent->setPlaceholderText(QStringLiteral("agent_…"));
    m_llm->setPlaceholderText(QStringLiteral("llm_…"));
    if (current) {
        m_agent->setText(current->agentId);
        m_llm->setText(current->llmId);
    }
    m_problem->setObjectName(QStringLiteral("linkProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *intro = new QLabel(
        current ? tr("%1 publishes to this Retell agent. A new link publishes the next deploy "
                     "to the new agent.")
                      .arg(branch.name.toHtmlEscaped())
                : tr("Each deploy and rollback of %1 will be published to this Retell agent "
                     "and its LLM (Retell's dashboard shows both ids).")
                      .arg(branch.name.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Agent id:"), m_agent);
    form->addRow(tr("&LLM id:"), m_llm);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_link = buttons->addButton(tr("Check and &Link"), QDialogButtonBox::ActionRole);
    m_link->setObjectName(QStringLiteral("linkCheckButton"));
    m_link->setDefault(true);
    m_unlink = buttons->addButton(tr("&Unlink…"), QDialogButtonBox::DestructiveRole);
    m_unlink->setObjectName(QStringLiteral("unlinkButton"));
    m_unlink->setVisible(current.has_value());
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_link, &QPushButton::clicked, this, &LinkDialog::checkAndLink);
    connect(m_unlink, &QPushButton::clicked, this, &LinkDialog::confirmUnlink);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

LinkDialog::~LinkDialog() = default;

void LinkDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void LinkDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_link->setEnabled(!busy);
    m_unlink->setEnabled(!busy);
    m_agent->setReadOnly(busy);
    m_llm->setReadOnly(busy);
    showProblem(status);
}

void LinkDialog::checkAndLink()
{
    const QString agent = m_agent->text().trimmed();
    const QString llm = m_llm->text().trimmed();
    if (agent.isEmpty() || llm.isEmpty()) {
        showProblem(tr("Enter both the agent id and the LLM id."));
        (agent.isEmpty() ? m_agent : m_llm)->setFocus();
        return;
    }
    setBusy(true, tr("Checking with Retell…"));
    m_publish->checkAndLink(
        this, m_factory(), m_branch.id, agent, llm, [this](core::Result<core::RetellLink> link) {
            setBusy(false);
            if (!link) {
                showProblem(errorText(link.error()));
                return;
            }
            emit linked(link.value());
            emit message(
                tr("%1 is linked to the Retell agent %2.").arg(m_branch.name, link->agentId));
            accept();
        });
}

void LinkDialog::confirmUnlink()
{
    if (!m_current || m_confirmation)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Unlink from Retell"),
        tr("Unlink %1 from the Retell agent %2? Later deploys are no longer published; what is "
           "live in Retell stays as it is.")
            .arg(m_branch.name, m_current->agentId),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unlinkConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *confirm = box->addButton(tr("&Unlink"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    m_confirmation = box;
    connect(box, &QMessageBox::finished, this, [this, box, confirm] {
        if (box->clickedButton() != confirm)
            return;
        setBusy(true);
        m_publish->unlink(this, m_branch.id, [this](core::Result<void> done) {
            setBusy(false);
            if (!done) {
                showProblem(errorText(done.error()));
                return;
            }
            emit unlinked(m_branch.id);
            emit message(tr("%1 is no longer linked to a Retell agent.").arg(m_branch.name));
            accept();
        });
    });
    box->open();
}

} // namespace retell::ui
