// The branch tree's context menu in the real main window on the demo data:
// a right-click on another branch keeps the open branch open and compares
// the two active versions in a diff window.
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "panels/AgentPanel.h"
#include "panels/BranchTreePanel.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace retell;
using namespace retell::ui;

namespace {

QModelIndex indexOf(const QAbstractItemModel *model, const QString &branchId,
                    const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, BranchTreePanel::NameColumn, parent);
        if (index.data(BranchTreePanel::BranchIdRole).toString() == branchId)
            return index;
        if (const QModelIndex inner = indexOf(model, branchId, index); inner.isValid())
            return inner;
    }
    return {};
}

QList<QWidget *> diffWindows()
{
    QList<QWidget *> found;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->inherits("retell::ui::DiffWindow") && w->isVisible())
            found << w;
    }
    return found;
}

// Waits for the context menu's own event loop and chooses its first entry
// with the keyboard; records what the entry said and whether it was enabled.
struct MenuChooser
{
    QString text;
    bool enabled = false;
    bool seen = false;

    void arm(QObject *context)
    {
        auto *timer = new QTimer(context);
        timer->setInterval(10);
        QObject::connect(timer, &QTimer::timeout, context, [this, timer] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            timer->deleteLater();
            timer->stop();
            seen = true;
            const QList<QAction *> actions = menu->actions();
            if (!actions.isEmpty()) {
                text = actions.constFirst()->text();
                enabled = actions.constFirst()->isEnabled();
            }
            if (enabled && !actions.constFirst()->menu()) {
                QTest::keyClick(menu, Qt::Key_Down);
                QTest::keyClick(menu, Qt::Key_Return);
            } else {
                QTest::keyClick(menu, Qt::Key_Escape);
            }
        });
        timer->start();
    }
};

} // namespace

class TestBranchTree final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rightClickComparesTheClickedBranchWithTheOpenOne();

private:
    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
};

void TestBranchTree::initTestCase()
{
    RETELL_REQUIRE_DB(m_db);
    m_context.spec = m_db.spec();
    auto prepared = AppStartup::prepareDatabase(m_context, AppStartup::DemoData::Always);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
}

void TestBranchTree::rightClickComparesTheClickedBranchWithTheOpenOne()
{
    auto actor = test::login(m_context, core::demo::kSuperAdmin);
    QVERIFY(actor.ok());
    Settings settings;
    MainWindow window(std::make_shared<Session>(m_context, actor.value(), &m_worker), &settings,
                      m_env.draftRoot());
    window.show();
    window.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.isReady(), 10000);
    const auto open = window.agentPanel()->branch();
    QVERIFY(open && open->activeVersion);
    BranchTreePanel *tree = window.branchTree();
    std::optional<core::Branch> other;
    for (const core::Branch &b : tree->branches()) {
        if (b.id != open->id && b.activeVersion)
            other = b;
    }
    QVERIFY(other);
    QTreeView *view = tree->view();
    const QModelIndex otherIndex = indexOf(view->model(), other->id);
    QVERIFY(otherIndex.isValid());
    view->scrollTo(otherIndex);
    const QPoint where = view->visualRect(otherIndex).center();

    QSignalSpy selected(tree, &BranchTreePanel::branchSelected);
    MenuChooser chooser;
    chooser.arm(this);
    // A right-click as the platform delivers it: press, context menu, release.
    QTest::mousePress(view->viewport(), Qt::RightButton, {}, where);
    QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, where,
                                view->viewport()->mapToGlobal(where));
    QApplication::sendEvent(view->viewport(), &menuEvent);
    QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, where);
    QTRY_VERIFY(chooser.seen);
    QVERIFY2(chooser.enabled, qPrintable(chooser.text));
    QCOMPARE(chooser.text, QStringLiteral("Compare Active Version with %1").arg(open->name));

    // The open branch stayed open; the diff shows both branches.
    QCOMPARE(selected.count(), 0);
    QCOMPARE(window.agentPanel()->branch()->id, open->id);
    QCOMPARE(tree->currentBranch()->id, open->id);
    QTRY_COMPARE_WITH_TIMEOUT(diffWindows().size(), 1, 10000);
    const QString title = diffWindows().constFirst()->windowTitle();
    QVERIFY2(title.contains(other->name) && title.contains(open->name), qPrintable(title));
    diffWindows().constFirst()->close();
}

QTEST_MAIN(TestBranchTree)
#include "tst_branch_tree.moc"
