#include "publish_support.h"

#include "FakeRetellModel.h"

#include "app/MainWindow.h"
#include "app/RetellKeyDialog.h"
#include "app/RetellUi.h"
#include "app/Settings.h"
#include "editor/AgentEditor.h"
#include "editor/PromptEditor.h"
#include "gui_support.h"
#include "panels/AgentPanel.h"
#include "panels/DeployDialog.h"
#include "publish/LinkDialog.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTest>

namespace retell::test {

QString PublishGuiTest::prepare(const QStringList &deployedBranches)
{
    if (!m_fake.isListening())
        return QStringLiteral("the stand-in for Retell does not listen");
    qputenv("RETELL_API_BASE_URL", m_fake.baseUrl().toString().toUtf8());
    if (const QString failed = prepareDemoGui(m_plurals, m_db, m_context, m_settings);
        !failed.isEmpty())
        return failed;
    for (const QString &branch : deployedBranches)
        if (deployAs(m_context, core::demo::kSuperAdmin, branch,
                     {salonPromptLines().join(QLatin1Char('\n')), QStringLiteral("[]")}) <= 0)
            return QStringLiteral("the first deploy on %1 failed").arg(branch);
    return {};
}

std::unique_ptr<ui::MainWindow> PublishGuiTest::openWindow(const char *email)
{
    return openMainWindow(m_context, email, &m_worker, m_settings.get(), m_env, WindowWait::Ready);
}

QJsonObject PublishGuiTest::addAgent(const QString &prompt)
{
    return m_fake.model().addAgent({{QStringLiteral("general_prompt"), prompt},
                                    {QStringLiteral("general_tools"), QJsonArray()}});
}

bool PublishGuiTest::waitForBadge(ui::MainWindow *window, ui::LiveBadge::Kind kind)
{
    return test::waitForBadge(window, kind, &m_fake.model());
}

bool setRetellKey(ui::MainWindow *window, const QString &key, const QString &scope)
{
    window->action(QStringLiteral("retellApiKeyAction"))->trigger();
    ui::RetellKeyDialog *dialog = window->retell()->keyDialog();
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return false;
    QComboBox *scopes = dialog->scopeBox();
    scopes->setCurrentIndex(scope.isEmpty() ? scopes->count() - 1 : scopes->findText(scope));
    if (scopes->currentIndex() < 0)
        return false;
    QTest::keyClicks(dialog->keyEdit(), key);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("retellKeySave")),
                      Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !window->retell()->keyDialog(); }, kPublishWaitMs))
        return false;
    // Never written to the settings file.
    ui::Settings().sync();
    QFile file(QSettings().fileName());
    return !file.open(QIODevice::ReadOnly) || !file.readAll().contains(key.toUtf8());
}

bool linkBranch(ui::MainWindow *window, const QString &branchId, const QJsonObject &agent)
{
    if (!showBranch(window, branchId))
        return false;
    QAction *action = window->action(QStringLiteral("linkRetellAction"));
    if (!action->isEnabled())
        return false;
    action->trigger();
    ui::LinkDialog *dialog = window->retell()->linkDialog();
    if (!dialog)
        return false;
    dialog->agentEdit()->clear();
    dialog->llmEdit()->clear();
    QTest::keyClicks(dialog->agentEdit(), agent.value(QStringLiteral("agent_id")).toString());
    QTest::keyClicks(dialog->llmEdit(), agent.value(QStringLiteral("llm_id")).toString());
    QTest::mouseClick(dialog->linkButton(), Qt::LeftButton);
    return QTest::qWaitFor([&] { return !window->retell()->linkDialog(); }, kPublishWaitMs) &&
           window->retell()->isLinked(branchId);
}

bool deployLine(ui::MainWindow *window, const QString &line, const QString &notes)
{
    window->agentPanel()->editor()->promptEditor()->append(QLatin1Char('\n') + line);
    window->action(QStringLiteral("deployAction"))->trigger();
    ui::DeployDialog *dialog = window->agentPanel()->deployDialog();
    if (!dialog)
        return false;
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("deployNotes")), notes);
    if (!dialog->deployButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->deployButton(), Qt::LeftButton);
    return QTest::qWaitFor([&] { return !window->agentPanel()->deployDialog(); }, kPublishWaitMs);
}

bool waitForBadge(ui::MainWindow *window, ui::LiveBadge::Kind kind, FakeRetellModel *fake)
{
    ui::LiveBadge *badge = window->retell()->badge();
    const bool reached = QTest::qWaitFor(
        [&] { return badge->kind() == kind && !window->retell()->isBusy(); }, kPublishWaitMs);
    if (!reached) {
        qWarning("badge: %d \"%s\"", int(badge->kind()), qPrintable(badge->text()));
        if (fake)
            qWarning("%s", QJsonDocument(fake->log()).toJson().constData());
    }
    return reached;
}

} // namespace retell::test
