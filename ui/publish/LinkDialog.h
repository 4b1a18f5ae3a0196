#pragma once

#include "domain/Types.h"
#include "publish/Publishing.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace retell::ui {

class PublishFacade;

// Branch › Link to Retell Agent… (issue 15 §1, admins): the Retell agent id
// and LLM id of the branch, checked against Retell (the LLM and the agent's
// versions are read) before the link is saved; Unlink asks first. A refusal
// is said in one sentence under the fields, which keep what was typed.
class LinkDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkDialog)

public:
    // factory: makes the Retell client for the branch's company (its key).
    LinkDialog(PublishFacade *publish, const core::Branch &branch,
               const std::optional<core::RetellLink> &current,
               std::function<core::RetellApiFactory()> factory, QWidget *parent = nullptr);
    ~LinkDialog() override;

    QLineEdit *agentEdit() const { return m_agent; }
    QLineEdit *llmEdit() const { return m_llm; }
    QPushButton *linkButton() const { return m_link; }
    QPushButton *unlinkButton() const { return m_unlink; }
    QLabel *problemLabel() const { return m_problem; }
    // The unlink confirmation while it is open (tests answer it).
    QMessageBox *openConfirmation() const { return m_confirmation; }
    bool isBusy() const { return m_busy; }

signals:
    void linked(const core::RetellLink &link);
    void unlinked(const QString &branchId);
    void message(const QString &text);

private:
    void checkAndLink();
    void confirmUnlink();
    void setBusy(bool busy, const QString &status = {});
    void showProblem(const QString &text);

    PublishFacade *m_publish;
    core::Branch m_branch;
    std::optional<core::RetellLink> m_current;
    std::function<core::RetellApiFactory()> m_factory;
    QLineEdit *m_agent = nullptr;
    QLineEdit *m_llm = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_link = nullptr;
    QPushButton *m_unlink = nullptr;
    QPointer<QMessageBox> m_confirmation;
    bool m_busy = false;
};

} // namespace retell::ui
