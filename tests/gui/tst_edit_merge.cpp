// Issue 11 §5-7 through the real widgets: two admins deploy to the same
// branch; the second deploy is refused as a conflict and offers "Merge with
// vM"; the merge window (base = the edit's base, theirs = the new active
// version, ours = the edit) resolves one conflict by "Take theirs", merges
// another region cleanly, and deploys with vM as the new base (refused again,
// with the same offer, when yet another deploy came in meanwhile). A restored
// draft whose base is no longer active opens the same merge; closing it keeps
// the edit. SQLite and MariaDB.
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/MainWindow.h"
#include "app/NotificationBanner.h"
#include "app/Settings.h"
#include "editor/AgentEditor.h"
#include "editor/PromptEditor.h"
#include "merge/MergeWindow.h"
#include "merge/PromptMergePane.h"
#include "panels/AgentPanel.h"
#include "panels/AgentPanelConflict.h"
#include "panels/AgentPanelMerge.h"
#include "panels/BranchTreePanel.h"
#include "panels/DeployDialog.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"
#include "templates/TemplateService.h"
#include "versions/VersionService.h"

#include <QAction>
#include <QApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace retell;
using namespace retell::ui;

namespace {

const QString kMuenchen = test::kSalonMuenchen;
const QString kHamburg = test::kSalonHamburg;
const QStringList kBaseLines = test::salonPromptLines();

// The person turns to this window (offscreen, nobody else activates it).
bool activate(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>()) {
        if (b->text() == text && b->isVisible())
            return b;
    }
    return nullptr;
}

} // namespace

class TestEditMerge final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void secondDeployMergesAndKeepsBothChanges();
    void restoredStaleDraftOpensTheMerge();

private:
    std::unique_ptr<MainWindow> openOn(const char *email, const QString &branchId);
    int deployAs(const char *email, const QString &branchId, const core::AgentConfig &config,
                 std::optional<int> base);
    core::PromptVersion activeOf(const QString &branchId);
    core::AgentConfig config(const QStringList &lines) const;
    // Replaces one line of the prompt editor by typing, as a person does.
    static void retypeLine(AgentEditor *editor, int line, const QString &text);
    // The deploy dialog: notes typed (when empty), Deploy clicked.
    static bool deployThroughDialog(AgentPanel *agent, const QString &notes);
    static MergeWindow *waitForMerge(AgentPanel *agent);

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
    QString m_tools;
};

void TestEditMerge::initTestCase()
{
    RETELL_REQUIRE_DB(m_db);
    m_context.spec = m_db.spec();
    auto prepared = AppStartup::prepareDatabase(m_context, AppStartup::DemoData::Always);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    m_settings = std::make_unique<Settings>();
    m_tools = core::TemplateService::builtIns().value(0).config.toolsJson;
    QVERIFY(!m_tools.isEmpty());
}

core::AgentConfig TestEditMerge::config(const QStringList &lines) const
{
    return core::AgentConfig{lines.join(QLatin1Char('\n')) + QLatin1Char('\n'), m_tools};
}

std::unique_ptr<MainWindow> TestEditMerge::openOn(const char *email, const QString &branchId)
{
    auto window = test::openMainWindow(m_context, email, &m_worker, m_settings.get(), m_env,
                                       test::WindowWait::Ready);
    return window && test::showBranch(window.get(), branchId) ? std::move(window) : nullptr;
}

int TestEditMerge::deployAs(const char *email, const QString &branchId,
                            const core::AgentConfig &config, std::optional<int> base)
{
    return test::deployAs(m_context, email, branchId, config, base);
}

core::PromptVersion TestEditMerge::activeOf(const QString &branchId)
{
    auto actor = test::login(m_context, core::demo::kSuperAdmin);
    return core::VersionService(m_context).active(actor.value(), branchId).value();
}

void TestEditMerge::retypeLine(AgentEditor *editor, int line, const QString &text)
{
    PromptEditor *prompt = editor->promptEditor();
    prompt->setFocus();
    prompt->setCursorPosition(line, 0);
    QTest::keyClick(prompt, Qt::Key_End, Qt::ShiftModifier); // select the line
    QTest::keyClicks(prompt, text);
}

bool TestEditMerge::deployThroughDialog(AgentPanel *agent, const QString &notes)
{
    DeployDialog *dialog = agent->deployDialog();
    if (!dialog)
        return false;
    if (dialog->notes().isEmpty())
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("deployNotes")), notes);
    if (!dialog->deployButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->deployButton(), Qt::LeftButton);
    return true;
}

MergeWindow *TestEditMerge::waitForMerge(AgentPanel *agent)
{
    if (!QTest::qWaitFor([&] { return agent->merge()->window() != nullptr; }, 10000))
        return nullptr;
    MergeWindow *window = agent->merge()->window();
    return QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

// §6: the second deploy is refused, merges (one conflict by "Take theirs",
// one region cleanly), is refused again after a third deploy, and lands.
void TestEditMerge::secondDeployMergesAndKeepsBothChanges()
{
    const int base = deployAs(core::demo::kSuperAdmin, kMuenchen, config(kBaseLines), {});
    QVERIFY(base > 0);
    auto ada = openOn(core::demo::kSuperAdmin, kMuenchen);
    QVERIFY(ada);
    auto olivia = openOn(core::demo::kCompanyAdmin, kMuenchen);
    QVERIFY(olivia);
    AgentPanel *adaAgent = ada->agentPanel();
    AgentPanel *oliviaAgent = olivia->agentPanel();
    QCOMPARE(adaAgent->baseVersion(), std::optional<int>(base));

    // Both edit the hours line; each edits one more line of their own.
    retypeLine(oliviaAgent->editor(), 1,
               QStringLiteral("You are the friendly receptionist of {{branch_name}}."));
    retypeLine(oliviaAgent->editor(), 5, QStringLiteral("We open at 10:00."));
    retypeLine(adaAgent->editor(), 5, QStringLiteral("We open at 8:30."));
    retypeLine(adaAgent->editor(), 9, QStringLiteral("Say goodbye politely and wish a nice day."));
    QCOMPARE(adaAgent->editSession().status(), core::EditStatus::Edited);

    // Olivia deploys first.
    olivia->action(QStringLiteral("deployAction"))->trigger();
    QVERIFY(deployThroughDialog(oliviaAgent, QStringLiteral("Open at ten")));
    QTRY_VERIFY_WITH_TIMEOUT(!oliviaAgent->deployDialog(), 10000);
    const int theirs = activeOf(kMuenchen).version;
    QCOMPARE(theirs, base + 1);

    // Ada's deploy is refused as a conflict; the refusal offers the merge.
    QVERIFY(activate(ada.get()));
    ada->action(QStringLiteral("deployAction"))->trigger();
    QVERIFY(deployThroughDialog(adaAgent, QStringLiteral("Open at half past eight")));
    QTRY_VERIFY_WITH_TIMEOUT(
        adaAgent->deployDialog() && adaAgent->deployDialog()->mergeButton()->isVisible(), 10000);
    QCOMPARE(adaAgent->deployDialog()->mergeButton()->text(),
             QStringLiteral("&Merge with v%1").arg(theirs));
    QCOMPARE(adaAgent->editSession().status(), core::EditStatus::Stale);
    QVERIFY(adaAgent->conflictBar()->isVisible());
    QCOMPARE(adaAgent->conflictBar()->mergeButton()->text(),
             QStringLiteral("&Merge with v%1").arg(theirs));
    QCOMPARE(activeOf(kMuenchen).version, theirs); // nothing written
    QTest::mouseClick(adaAgent->deployDialog()->mergeButton(), Qt::LeftButton);
    QTRY_VERIFY(!adaAgent->deployDialog());

    // The merge: base v`base`, theirs v`theirs`, ours the edit. One conflict.
    MergeWindow *merge = waitForMerge(adaAgent);
    QVERIFY(merge);
    QCOMPARE(merge->conflictsLeft(), 1);
    QVERIFY(!merge->deployButton()->isEnabled());
    const QString mergedText = merge->promptPane()->resultText();
    QVERIFY2(mergedText.contains(QLatin1String("friendly receptionist")), qPrintable(mergedText));
    QVERIFY2(mergedText.contains(QLatin1String("wish a nice day")), qPrintable(mergedText));
    QTest::mouseClick(buttonNamed(merge, QStringLiteral("Take theirs")), Qt::LeftButton);
    QCOMPARE(merge->conflictsLeft(), 0);
    QTRY_VERIFY(merge->deployButton()->isEnabled());

    // Meanwhile a third deploy: the merged edit is refused again, with the same offer.
    QStringList third = kBaseLines;
    third[1] = QStringLiteral("You are the friendly receptionist of {{branch_name}}.");
    third[5] = QStringLiteral("We open at 10:00.");
    third[3] = QStringLiteral("## Opening hours");
    const int later = deployAs(core::demo::kCompanyAdmin, kMuenchen, config(third), theirs);
    QCOMPARE(later, theirs + 1);

    QTest::mouseClick(merge->deployButton(), Qt::LeftButton);
    QTRY_VERIFY(!adaAgent->merge()->window());
    QCOMPARE(adaAgent->baseVersion(), std::optional<int>(theirs)); // vM is the new base
    QVERIFY(adaAgent->deployDialog());
    QVERIFY2(
        adaAgent->deployDialog()->notes().contains(QStringLiteral("merged with v%1").arg(theirs)),
        qPrintable(adaAgent->deployDialog()->notes()));
    QVERIFY(deployThroughDialog(adaAgent, QString()));
    QTRY_VERIFY_WITH_TIMEOUT(
        adaAgent->deployDialog() && adaAgent->deployDialog()->mergeButton()->isVisible(), 10000);
    QCOMPARE(adaAgent->deployDialog()->mergeButton()->text(),
             QStringLiteral("&Merge with v%1").arg(later));
    QCOMPARE(activeOf(kMuenchen).version, later);

    // The conflict bar offers it as well; this merge has nothing left to resolve.
    adaAgent->deployDialog()->reject();
    QTRY_VERIFY(!adaAgent->deployDialog());
    QVERIFY(activate(ada.get()));
    QTest::mouseClick(adaAgent->conflictBar()->mergeButton(), Qt::LeftButton);
    merge = waitForMerge(adaAgent);
    QVERIFY(merge);
    QCOMPARE(merge->conflictsLeft(), 0);
    QTRY_VERIFY(merge->deployButton()->isEnabled());
    QTest::mouseClick(merge->deployButton(), Qt::LeftButton);
    QTRY_VERIFY(adaAgent->deployDialog());
    QVERIFY(deployThroughDialog(adaAgent, QString()));
    QTRY_VERIFY_WITH_TIMEOUT(!adaAgent->deployDialog(), 10000);

    // The final version holds both admins' changes (and the third's).
    const core::PromptVersion final = activeOf(kMuenchen);
    QCOMPARE(final.version, later + 1);
    QStringList expected = third;
    expected[9] = QStringLiteral("Say goodbye politely and wish a nice day.");
    QCOMPARE(final.config.prompt, config(expected).prompt);
    QCOMPARE(adaAgent->baseVersion(), std::optional<int>(final.version));
    QCOMPARE(adaAgent->editSession().status(), core::EditStatus::Unchanged);
    HistoryModel *history = ada->historyPanel()->model();
    QTRY_VERIFY_WITH_TIMEOUT(
        history->rowCount() > 0 && history->summary(0).version == final.version, 10000);
    QCOMPARE(history->summary(0).deployedByName, QStringLiteral("Ada Admin"));
    QCOMPARE(history->summary(1).deployedByName, QStringLiteral("Olivia Owner"));
    QCOMPARE(history->summary(2).deployedByName, QStringLiteral("Olivia Owner"));
}

// §7: a draft restored on a branch that moved on opens the merge instead of
// being rebased; closing the merge keeps the edit as it was.
void TestEditMerge::restoredStaleDraftOpensTheMerge()
{
    const int base = deployAs(core::demo::kSuperAdmin, kHamburg, config(kBaseLines), {});
    QVERIFY(base > 0);
    auto ada = openOn(core::demo::kSuperAdmin, kHamburg);
    QVERIFY(ada);
    retypeLine(ada->agentPanel()->editor(), 9, QStringLiteral("Say goodbye warmly."));
    const core::AgentConfig mine = ada->agentPanel()->config();
    QVERIFY(ada->agentPanel()->saveDraft());
    ada.reset();

    QStringList theirsLines = kBaseLines;
    theirsLines[1] = QStringLiteral("You are the receptionist of {{branch_name}} in Altona.");
    const int theirs = deployAs(core::demo::kCompanyAdmin, kHamburg, config(theirsLines), base);
    QCOMPARE(theirs, base + 1);

    ada = openOn(core::demo::kSuperAdmin, kHamburg);
    QVERIFY(ada);
    AgentPanel *agent = ada->agentPanel();
    QVERIFY(agent->isDraftOfferPending());
    auto *restore = agent->findChild<QPushButton *>(QStringLiteral("restoreDraftButton"));
    QCOMPARE(restore->text(), QStringLiteral("&Restore and Merge with v%1").arg(theirs));
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(agent->config(), mine);
    QCOMPARE(agent->baseVersion(), std::optional<int>(base)); // not rebased

    MergeWindow *merge = waitForMerge(agent);
    QVERIFY(merge);
    QCOMPARE(merge->conflictsLeft(), 0);
    QStringList both = theirsLines;
    both[9] = QStringLiteral("Say goodbye warmly.");
    QCOMPARE(merge->result().prompt, config(both).prompt);

    // Closing it writes nothing and keeps the edit, still on its base, with the offer.
    merge->close();
    QTRY_VERIFY(!agent->merge()->window());
    QCOMPARE(agent->config(), mine);
    QCOMPARE(agent->baseVersion(), std::optional<int>(base));
    QCOMPARE(activeOf(kHamburg).version, theirs);
    QVERIFY(agent->drafts().contains(kHamburg));
    QVERIFY(agent->conflictBar()->isVisible());
    QVERIFY2(ada->banner()->text().contains(QStringLiteral("kept as it was")),
             qPrintable(ada->banner()->text()));

    // One click opens it again; its Deploy makes the merge the edit (one Ctrl+Z undoes it).
    QVERIFY(activate(ada.get()));
    QTest::mouseClick(agent->conflictBar()->mergeButton(), Qt::LeftButton);
    merge = waitForMerge(agent);
    QVERIFY(merge);
    QTest::mouseClick(merge->deployButton(), Qt::LeftButton);
    QTRY_VERIFY(agent->deployDialog());
    QCOMPARE(agent->config(), config(both));
    QCOMPARE(agent->baseVersion(), std::optional<int>(theirs));
    agent->deployDialog()->reject();
    QTRY_VERIFY(!agent->deployDialog());
    QVERIFY(activate(ada.get()));
    agent->editor()->promptEditor()->setFocus();
    QTest::keyClick(agent->editor()->promptEditor(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(agent->config(), mine);
    QCOMPARE(agent->baseVersion(), std::optional<int>(base)); // its old base, not theirs
    QVERIFY(agent->conflictBar()->isVisible());
}

QTEST_MAIN(TestEditMerge)
#include "tst_edit_merge.moc"
