// Issue 8 §1–4 and §15 through the real widgets: an edit is never replaced
// without asking and can always be undone, a discard asks, banners and the
// header follow the branch, a deploy refused as a conflict shows what changed
// and keeps the edit's base honest (also across a restart), unchanged content
// is refused, and the version viewer starts a draft. SQLite and MariaDB.
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/MainWindow.h"
#include "app/NotificationBanner.h"
#include "app/Settings.h"
#include "editor/AgentEditor.h"
#include "editor/JsonEditor.h"
#include "editor/PromptEditor.h"
#include "editor/ToolsEditor.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "panels/DeployDialog.h"
#include "panels/HistoryModel.h"
#include "panels/HistoryPanel.h"
#include "panels/TemplatePickerPanel.h"
#include "panels/VersionViewer.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"
#include "templates/TemplateService.h"
#include "versions/VersionService.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace retell;
using namespace retell::ui;

namespace {

// Demo branches without history (Seeder): each test deploys its own start.
const QString kMuenchen = QStringLiteral("6fa459ea-ee8a-4ca4-894e-db77e160355e");
const QString kLuebeck = QStringLiteral("886313e1-3b8a-4372-9b90-0c9aee199e5d");
const QString kBonn = QStringLiteral("9b2f8d1e-5c3a-4e7b-8f6d-2a1c0e9b7d4f");
const QString kHamburg = QStringLiteral("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
const QString kKoeln = QStringLiteral("c56a4180-65aa-42ec-a945-5fd21dec0538");

// Acts on the modal dialog named `name` as soon as it is shown (its exec()
// blocks the code that opened it, so the answer comes from the event loop).
class ModalAnswer final
{
public:
    ModalAnswer(const QString &name, std::function<void(QWidget *)> act)
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this, name, act] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || modal->objectName() != name)
                return;
            m_timer.stop();
            m_seen = true;
            act(modal);
        });
        m_timer.start();
    }
    Q_DISABLE_COPY_MOVE(ModalAnswer)
    bool seen() const { return m_seen; }

private:
    QTimer m_timer;
    bool m_seen = false;
};

void clickNamed(QWidget *dialog, const char *buttonName)
{
    auto *button = dialog->findChild<QPushButton *>(QString::fromLatin1(buttonName));
    QVERIFY2(button, buttonName);
    QTest::mouseClick(button, Qt::LeftButton);
}

void clickCancel(QWidget *dialog)
{
    auto *box = qobject_cast<QMessageBox *>(dialog);
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
}

QList<QWidget *> visibleTopLevels(const char *className)
{
    QList<QWidget *> found;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->inherits(className) && w->isVisible())
            found << w;
    return found;
}

void closeAll(const char *className)
{
    for (QWidget *w : visibleTopLevels(className))
        w->close();
}

} // namespace

class TestNothingLost final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unchangedDeployIsRefused();
    void applyTemplateOverAnEditAsksAndUndoes();
    void discardAsksAndClearsTheBanners();
    void conflictShowsWhatChangedAndKeepsTheBase();
    void useAsDraftAndRollbackWithAReason();

private:
    std::unique_ptr<MainWindow> openOn(const QString &branchId);
    int deployAs(const char *email, const QString &branchId, const core::AgentConfig &config,
                 std::optional<int> base = std::nullopt);
    static void typeInto(QWidget *editor, const QString &text);
    static bool pressUndo(MainWindow *window, QWidget *editor);
    static core::AgentConfig edited(const core::AgentConfig &config, const QString &line);
    static bool deployThroughDialog(MainWindow *window, const QString &notes);

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
    core::Template m_template;
};

void TestNothingLost::initTestCase()
{
    RETELL_REQUIRE_DB(m_db);
    m_context.spec = m_db.spec();
    auto prepared = AppStartup::prepareDatabase(m_context, AppStartup::DemoData::Always);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    m_settings = std::make_unique<Settings>();
    m_template = core::TemplateService::builtIns().value(0);
    QVERIFY(!m_template.name.isEmpty());
}

std::unique_ptr<MainWindow> TestNothingLost::openOn(const QString &branchId)
{
    auto window = test::openMainWindow(m_context, core::demo::kSuperAdmin, &m_worker,
                                       m_settings.get(), m_env, test::WindowWait::Ready);
    return window && test::showBranch(window.get(), branchId) ? std::move(window) : nullptr;
}

int TestNothingLost::deployAs(const char *email, const QString &branchId,
                              const core::AgentConfig &config, std::optional<int> base)
{
    return test::deployAs(m_context, email, branchId, config, base);
}

void TestNothingLost::typeInto(QWidget *editor, const QString &text)
{
    editor->setFocus();
    QTest::keyClicks(editor, text);
}

// Ctrl+Z as a person presses it after a question: the window active again
// (the panel gives the activation back; nothing else does offscreen), the
// focus in editor, and the Edit menu's Undo is what acts.
bool TestNothingLost::pressUndo(MainWindow *window, QWidget *editor)
{
    if (!QTest::qWaitForWindowActive(window))
        return false;
    editor->setFocus();
    QSignalSpy undone(window->action(QStringLiteral("undoAction")), &QAction::triggered);
    QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
    return undone.count() == 1;
}

core::AgentConfig TestNothingLost::edited(const core::AgentConfig &config, const QString &line)
{
    return core::AgentConfig{config.prompt + QLatin1Char('\n') + line, config.toolsJson};
}

bool TestNothingLost::deployThroughDialog(MainWindow *window, const QString &notes)
{
    window->action(QStringLiteral("deployAction"))->trigger();
    DeployDialog *dialog = window->agentPanel()->deployDialog();
    if (!dialog)
        return false;
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("deployNotes")), notes);
    if (!dialog->deployButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->deployButton(), Qt::LeftButton);
    return true;
}

// §4: the unchanged editor and content someone else deployed meanwhile.
void TestNothingLost::unchangedDeployIsRefused()
{
    const core::AgentConfig start = edited(m_template.config, QStringLiteral("Bonn start."));
    QCOMPARE(deployAs(core::demo::kSuperAdmin, kBonn, start), 1);
    auto window = openOn(kBonn);
    QVERIFY(window);
    AgentPanel *agent = window->agentPanel();
    HistoryModel *history = window->historyPanel()->model();
    QTRY_COMPARE(history->rowCount(), 1);

    // Nothing edited: Deploy says so in one sentence and opens nothing.
    QAction *deploy = window->action(QStringLiteral("deployAction"));
    QVERIFY(deploy->isEnabled());
    deploy->trigger();
    QVERIFY(!agent->deployDialog());
    QVERIFY2(window->banner()->text().contains(QStringLiteral("Nothing changed since version 1")),
             qPrintable(window->banner()->text()));

    // An edit whose content became active meanwhile: the core refuses it.
    typeInto(agent->editor()->promptEditor(), QStringLiteral("Also open Sundays. "));
    const core::AgentConfig mine = agent->config();
    QVERIFY(mine != start);
    QCOMPARE(deployAs(core::demo::kSuperAdmin, kBonn, mine, 1), 2);
    QVERIFY(deployThroughDialog(window.get(), QStringLiteral("Sundays")));
    DeployDialog *dialog = agent->deployDialog();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("Nothing changed since version 2")),
             qPrintable(dialog->errorText()));
    dialog->reject();
    QTRY_VERIFY(!agent->deployDialog());
    QCOMPARE(core::VersionService(m_context).active(window->session()->actor(), kBonn)->version, 2);
    QCOMPARE(agent->config(), mine); // the edit survives the refusal
}

// §1: Replace / Compare first / Cancel, and one Ctrl+Z per editor.
void TestNothingLost::applyTemplateOverAnEditAsksAndUndoes()
{
    QVERIFY(deployAs(core::demo::kSuperAdmin, kMuenchen,
                     edited(m_template.config, QStringLiteral("München."))) > 0);
    auto window = openOn(kMuenchen);
    QVERIFY(window);
    AgentPanel *agent = window->agentPanel();
    AgentEditor *editor = agent->editor();
    TemplatePickerPanel *templates = window->templatePanel();
    QVERIFY(templates->selectTemplate(m_template.name));
    auto *apply = templates->findChild<QPushButton *>(QStringLiteral("applyTemplateButton"));
    QVERIFY(apply && apply->isEnabled());

    typeInto(editor->promptEditor(), QStringLiteral("My own opening line. "));
    typeInto(editor->toolsEditor()->editor(), QStringLiteral(" "));
    const core::AgentConfig mine = editor->config();
    QVERIFY(mine.toolsJson.startsWith(QLatin1Char(' ')));

    {
        ModalAnswer cancel(QStringLiteral("replaceEditQuestion"), clickCancel);
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(cancel.seen());
    }
    QCOMPARE(editor->config(), mine);

    closeAll("retell::ui::DiffWindow");
    {
        ModalAnswer compare(QStringLiteral("replaceEditQuestion"),
                            [](QWidget *box) { clickNamed(box, "compareFirstButton"); });
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(compare.seen());
    }
    QCOMPARE(editor->config(), mine);
    QTRY_COMPARE(visibleTopLevels("retell::ui::DiffWindow").size(), 1);
    closeAll("retell::ui::DiffWindow");

    {
        ModalAnswer replace(QStringLiteral("replaceEditQuestion"),
                            [](QWidget *box) { clickNamed(box, "replaceButton"); });
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(replace.seen());
    }
    QCOMPARE(editor->config(), m_template.config);
    QCOMPARE(agent->templateName(), m_template.name);

    // One Ctrl+Z in each editor brings back exactly what was there.
    QVERIFY(pressUndo(window.get(), editor->promptEditor()));
    QCOMPARE(editor->config().prompt, mine.prompt);
    QCOMPARE(editor->config().toolsJson, m_template.config.toolsJson);
    QVERIFY(pressUndo(window.get(), editor->toolsEditor()->editor()));
    QCOMPARE(editor->config(), mine);
    // And Ctrl+Y (redo) the template again, in one step each.
    QTest::keyClick(editor->toolsEditor()->editor(), Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(editor->config().toolsJson, m_template.config.toolsJson);
}

// §2: Ctrl+Alt+D asks; the banners and the header follow the branch.
void TestNothingLost::discardAsksAndClearsTheBanners()
{
    const core::AgentConfig start = edited(m_template.config, QStringLiteral("Lübeck."));
    QCOMPARE(deployAs(core::demo::kSuperAdmin, kLuebeck, start), 1);
    auto window = openOn(kLuebeck);
    QVERIFY(window);
    AgentPanel *agent = window->agentPanel();
    AgentEditor *editor = agent->editor();
    typeInto(editor->promptEditor(), QStringLiteral("Draft to keep. "));
    const core::AgentConfig mine = editor->config();
    QVERIFY(agent->saveDraft());
    window.reset(); // closing keeps the draft

    window = openOn(kLuebeck);
    QVERIFY(window);
    agent = window->agentPanel();
    editor = agent->editor();
    QVERIFY(agent->isDraftOfferPending());
    QTest::mouseClick(agent->findChild<QPushButton *>(QStringLiteral("restoreDraftButton")),
                      Qt::LeftButton);
    QCOMPARE(editor->config(), mine);
    QVERIFY(window->banner()->text().contains(QStringLiteral("Draft restored.")));

    // Ctrl+Alt+D, cancelled: nothing happens.
    editor->promptEditor()->setFocus();
    {
        ModalAnswer cancel(QStringLiteral("discardQuestion"), clickCancel);
        QTest::keyClick(editor->promptEditor(), Qt::Key_D, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(cancel.seen());
    }
    QCOMPARE(editor->config(), mine);
    QVERIFY(agent->drafts().contains(kLuebeck));

    // Confirmed: the active version is back, no banner speaks of the draft, undo restores it.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    {
        ModalAnswer discard(QStringLiteral("discardQuestion"),
                            [](QWidget *box) { clickNamed(box, "confirmDiscardButton"); });
        QTest::keyClick(editor->promptEditor(), Qt::Key_D, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(discard.seen());
    }
    QCOMPARE(editor->config(), start);
    QVERIFY(!agent->drafts().contains(kLuebeck));
    QVERIFY2(!window->banner()->text().contains(QStringLiteral("Draft restored")),
             qPrintable(window->banner()->text()));
    // The focus comes back to the editor it was in before the question.
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QCOMPARE(QApplication::focusWidget(), editor->promptEditor());
    QVERIFY(pressUndo(window.get(), editor->promptEditor()));
    QCOMPARE(editor->config(), mine);

    // Switching branch clears a banner about the branch left.
    QVERIFY(agent->saveDraft());
    const auto showBranch = [&](const QString &id) {
        window->branchTree()->selectBranch(id);
        return QTest::qWaitFor([&] { return agent->branch()->id == id && !agent->isLoading(); },
                               10000);
    };
    QVERIFY(showBranch(kHamburg));
    QVERIFY(showBranch(kLuebeck));
    QVERIFY(agent->isDraftOfferPending());
    QTest::mouseClick(agent->findChild<QPushButton *>(QStringLiteral("restoreDraftButton")),
                      Qt::LeftButton);
    QVERIFY(window->banner()->text().contains(QStringLiteral("Draft restored.")));
    QVERIFY(showBranch(kHamburg));
    QVERIFY2(window->banner()->text().isEmpty(), qPrintable(window->banner()->text()));

    // F5 after someone else deployed: the header and the tree say the same version.
    const int before = agent->editSession().activeVersion();
    const int theirs = deployAs(core::demo::kCompanyAdmin, kHamburg,
                                edited(agent->baseConfig(), QStringLiteral("Their line.")), before);
    QCOMPARE(theirs, before + 1);
    window->action(QStringLiteral("refreshAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        window->branchTree()->branch(kHamburg)->activeVersion == std::optional<int>(theirs), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(agent->editSession().activeVersion() == theirs, 10000);
    auto *header = agent->findChild<QLabel *>(QStringLiteral("agentHeader"));
    QVERIFY2(header->text().contains(QStringLiteral("active v%1").arg(theirs)),
             qPrintable(header->text()));
    QCOMPARE(agent->config(), agent->baseConfig()); // nothing was edited: the editor follows
}

// §3: the refusal shows their change; F5 and a restart keep the base honest.
void TestNothingLost::conflictShowsWhatChangedAndKeepsTheBase()
{
    const core::AgentConfig start = edited(m_template.config, QStringLiteral("Köln."));
    const int base = deployAs(core::demo::kSuperAdmin, kKoeln, start);
    QVERIFY(base > 0);
    auto window = openOn(kKoeln);
    QVERIFY(window);
    AgentPanel *agent = window->agentPanel();
    QCOMPARE(agent->baseVersion(), std::optional<int>(base));
    typeInto(agent->editor()->promptEditor(), QStringLiteral("Mine. "));
    const core::AgentConfig mine = agent->config();
    const core::AgentConfig theirsConfig = edited(start, QStringLiteral("Theirs."));
    const int theirs = deployAs(core::demo::kSuperAdmin, kKoeln, theirsConfig, base);
    QCOMPARE(theirs, base + 1);

    QSignalSpy raised(agent, &AgentPanel::conflictRaised);
    QVERIFY(deployThroughDialog(window.get(), QStringLiteral("mine")));
    QTRY_COMPARE_WITH_TIMEOUT(raised.count(), 1, 10000);
    const auto conflict = raised.at(0).at(0).value<core::VersionConflict>();
    QCOMPARE(conflict.baseVersion, std::optional<int>(base));
    QCOMPARE(conflict.current.version, theirs);
    QCOMPARE(conflict.current.config, theirsConfig);
    QVERIFY(agent->deployDialog()->errorText().contains(
        QStringLiteral("Version %1 was deployed").arg(theirs)));
    agent->deployDialog()->reject();
    QTRY_VERIFY(!agent->deployDialog());
    auto *bar = agent->findChild<QWidget *>(QStringLiteral("conflictBar"));
    QVERIFY(bar->isVisible());

    // "Show what changed": base -> their version in the diff window.
    closeAll("retell::ui::DiffWindow");
    QSignalSpy compared(agent, &AgentPanel::compareVersionsRequested);
    QTest::mouseClick(agent->findChild<QPushButton *>(QStringLiteral("showWhatChangedButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(compared.count(), 1, 10000);
    QCOMPARE(compared.at(0).at(0).value<core::PromptVersion>().version, base);
    QCOMPARE(compared.at(0).at(0).value<core::PromptVersion>().config, start);
    QCOMPARE(compared.at(0).at(1).value<core::PromptVersion>().version, theirs);
    QTRY_COMPARE(visibleTopLevels("retell::ui::DiffWindow").size(), 1);
    closeAll("retell::ui::DiffWindow");

    // F5: the edit stays, on its base; the header names both versions; deploy still refused.
    window->action(QStringLiteral("refreshAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        window->branchTree()->branch(kKoeln)->activeVersion == std::optional<int>(theirs), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(agent->editSession().activeVersion(), theirs, 10000);
    QCOMPARE(agent->baseVersion(), std::optional<int>(base));
    QCOMPARE(agent->config(), mine);
    auto *header = agent->findChild<QLabel *>(QStringLiteral("agentHeader"));
    QVERIFY2(header->text().contains(QStringLiteral("active v%1").arg(theirs)),
             qPrintable(header->text()));
    QVERIFY2(header->text().contains(QStringLiteral("based on v%1").arg(base)),
             qPrintable(header->text()));

    // A restart: the restored draft keeps v`base` and is refused like any stale edit.
    QVERIFY(agent->saveDraft());
    window.reset();
    window = openOn(kKoeln);
    QVERIFY(window);
    agent = window->agentPanel();
    QVERIFY(agent->isDraftOfferPending());
    QTest::mouseClick(agent->findChild<QPushButton *>(QStringLiteral("restoreDraftButton")),
                      Qt::LeftButton);
    QCOMPARE(agent->config(), mine);
    QCOMPARE(agent->baseVersion(), std::optional<int>(base));
    QVERIFY(agent->findChild<QWidget *>(QStringLiteral("conflictBar"))->isVisible());
    QVERIFY(deployThroughDialog(window.get(), QStringLiteral("mine after restart")));
    QTRY_VERIFY_WITH_TIMEOUT(agent->deployDialog() && !agent->deployDialog()->errorText().isEmpty(),
                             10000);
    QVERIFY2(agent->deployDialog()->errorText().contains(
                 QStringLiteral("while you were editing version %1").arg(base)),
             qPrintable(agent->deployDialog()->errorText()));
    agent->deployDialog()->reject();
    QTRY_VERIFY(!agent->deployDialog());
    QCOMPARE(core::VersionService(m_context).active(window->session()->actor(), kKoeln)->version,
             theirs);

    // Having seen their change, the person keeps the edit on top of it; now it deploys.
    QTest::mouseClick(agent->findChild<QPushButton *>(QStringLiteral("keepEditOnActiveButton")),
                      Qt::LeftButton);
    QCOMPARE(agent->baseVersion(), std::optional<int>(theirs));
    QVERIFY(!agent->findChild<QWidget *>(QStringLiteral("conflictBar"))->isVisible());
    QVERIFY(deployThroughDialog(window.get(), QStringLiteral("mine on top of theirs")));
    QTRY_VERIFY_WITH_TIMEOUT(!agent->deployDialog(), 10000);
    QCOMPARE(agent->baseVersion(), std::optional<int>(theirs + 1));
}

// §15: Use as Draft from the version viewer (asking over an edit); a rollback with a reason.
void TestNothingLost::useAsDraftAndRollbackWithAReason()
{
    auto window = openOn(kHamburg);
    QVERIFY(window);
    AgentPanel *agent = window->agentPanel();
    AgentEditor *editor = agent->editor();
    HistoryPanel *history = window->historyPanel();
    QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() > 1, 10000);
    const int older = history->model()->rowCount() > 0
                          ? history->model()->summary(history->model()->rowCount() - 1).version
                          : 0;
    QVERIFY(older > 0);
    const core::PromptVersion olderVersion =
        core::VersionService(m_context)
            .version(window->session()->actor(), kHamburg, older)
            .value();
    QVERIFY(olderVersion.config != agent->baseConfig());

    typeInto(editor->promptEditor(), QStringLiteral("Unsaved words. "));
    const core::AgentConfig mine = editor->config();
    QVERIFY(history->selectVersion(older));
    history->openAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(visibleTopLevels("retell::ui::VersionViewer").size(), 1, 10000);
    auto *viewer =
        qobject_cast<VersionViewer *>(visibleTopLevels("retell::ui::VersionViewer").constFirst());
    QVERIFY(viewer->useAsDraftButton()->isVisible());
    {
        ModalAnswer replace(QStringLiteral("replaceEditQuestion"),
                            [](QWidget *box) { clickNamed(box, "replaceButton"); });
        QTest::mouseClick(viewer->useAsDraftButton(), Qt::LeftButton);
        QVERIFY(replace.seen());
    }
    QTRY_VERIFY(visibleTopLevels("retell::ui::VersionViewer").isEmpty());
    QCOMPARE(editor->config(), olderVersion.config);
    QVERIFY(agent->drafts().contains(kHamburg));
    QVERIFY(pressUndo(window.get(), editor->promptEditor()));
    QCOMPARE(editor->config(), mine);

    // Roll back with a reason typed into the confirmation.
    const int before = history->model()->summary(0).version;
    QVERIFY(history->selectVersion(older));
    {
        ModalAnswer confirm(QStringLiteral("rollbackDialog"), [](QWidget *dialog) {
            QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("rollbackNotes")),
                             QStringLiteral("callers were confused"));
            clickNamed(dialog, "confirmRollbackButton");
        });
        history->rollbackAction()->trigger();
        QVERIFY(confirm.seen());
    }
    QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() > 0 &&
                                 history->model()->summary(0).version == before + 1,
                             10000);
    QCOMPARE(history->model()->summary(0).notes,
             QStringLiteral("Rollback to version %1: callers were confused").arg(older));
    // Rolling back to what is active now: refused in one sentence, nothing written.
    QVERIFY(history->selectVersion(older));
    {
        ModalAnswer confirm(QStringLiteral("rollbackDialog"),
                            [](QWidget *dialog) { clickNamed(dialog, "confirmRollbackButton"); });
        history->rollbackAction()->trigger();
        QVERIFY(confirm.seen());
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        window->banner()->text().contains(
            QStringLiteral("Nothing changed since version %1").arg(before + 1)),
        10000);
    QCOMPARE(history->model()->summary(0).version, before + 1);
}

QTEST_MAIN(TestNothingLost)
#include "tst_nothing_lost.moc"
