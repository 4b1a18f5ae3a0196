// Issue 11 §9 in the diff viewer's Tools tab, through real widgets: the
// selected tool (or one JSON path of it) of an edit-against-version
// comparison is copied into the tools editor with Alt+Right or the context
// menu, as one undo step that leaves the other tools as they were written;
// the comparison follows; a comparison that no longer follows an edit
// offers nothing.
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"
#include "diff/ToolsChangeCopier.h"
#include "diff/ToolsDiffTree.h"
#include "editor/JsonEditor.h"
#include "editor/PromptEditor.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace retell::core;
using retell::ui::ChangeCopier;
using retell::ui::DiffWindow;
using retell::ui::JsonEditor;
using retell::ui::PromptEditor;
using retell::ui::ToolsDiffTree;

namespace {

const char *const kVersionTools =
    "[\n"
    "  {\"type\": \"end_call\", \"name\": \"end_call\"},\n"
    "  {\"type\": \"custom\", \"name\": \"book_appointment\", \"description\": \"Books a slot\",\n"
    "   \"url\": \"https://salon.example/book\"},\n"
    "  {\"type\": \"custom\", \"name\": \"list_services\", \"url\": "
    "\"https://salon.example/services\"}\n"
    "]";
// book_appointment: description and url changed; list_services removed;
// check_availability added. The edit keeps its own layout.
const char *const kEditTools = "[\n"
                               "  {\"type\":\"end_call\",\"name\":\"end_call\"},\n"
                               "  {\"type\": \"custom\", \"name\": \"book_appointment\", "
                               "\"description\": \"Books any slot\",\n"
                               "   \"url\": \"https://salon.example/v2/book\"},\n"
                               "  {\"type\": \"custom\", \"name\": \"check_availability\", "
                               "\"url\": \"https://salon.example/free\"}\n"
                               "]";
const char *const kEndCallAsWritten = "{\"type\":\"end_call\",\"name\":\"end_call\"}";

struct Fixture
{
    PromptEditor prompt;
    JsonEditor tools;
    DiffWindow window;
    ToolsDiffTree *tree = nullptr;

    Fixture()
    {
        prompt.setText(QStringLiteral("Greet the caller.\n"));
        tools.setText(QString::fromUtf8(kEditTools));
        tools.resize(600, 400);
        tools.show();
        window.setSides({QStringLiteral("v3 (active)"), "Greet the caller.\n", kVersionTools},
                        {QStringLiteral("your edit"), "Greet the caller.\n", kEditTools});
        window.followEdit(&prompt, Side::Right, ChangeCopier::Wording::Revert, &tools);
        window.resize(1200, 700);
        window.show();
        tree = window.view()->toolsTree();
        auto *tabs = window.findChild<QTabWidget *>();
        tabs->setCurrentWidget(tree);
        tree->setFocus();
    }
    QTreeWidgetItem *row(const QString &text) const
    {
        const QList<QTreeWidgetItem *> found =
            tree->findItems(text, Qt::MatchStartsWith | Qt::MatchRecursive);
        return found.isEmpty() ? nullptr : found.first();
    }
    QStringList changes() const
    {
        QStringList names;
        for (const ToolChange &change : window.view()->layout()->tools.changes)
            names << change.name;
        return names;
    }
    QString text() const { return tools.text(); }
};

} // namespace

class TestDiffCopyTools : public QObject
{
    Q_OBJECT

private slots:
    void altRightRevertsTheSelectedToolAndCtrlZBringsItBack()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        QCOMPARE(f.changes(),
                 QStringList({"book_appointment", "check_availability", "list_services"}));
        QTreeWidgetItem *book = f.row(QStringLiteral("book_appointment"));
        QVERIFY(book);
        f.tree->setCurrentItem(book);
        QTest::keyClick(f.tree, Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(f.changes(), QStringList({"check_availability", "list_services"}));
        QVERIFY(f.text().contains(QLatin1String(kEndCallAsWritten))); // the rest as written
        QVERIFY(f.text().contains(QStringLiteral("\"description\": \"Books a slot\"")));
        QCOMPARE(f.window.view()->side(Side::Right).toolsJson, f.text().toUtf8());
        // The selection moved on to the change that took the row's place.
        QCOMPARE(f.tree->selectedChange().name, QStringLiteral("check_availability"));

        f.tools.setFocus();
        QTest::keyClick(&f.tools, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(f.text(), QString::fromUtf8(kEditTools)); // one undo step
        QTRY_COMPARE(f.changes().size(), 3);
    }

    void onePathOfAToolIsCopiedAlone()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        QTreeWidgetItem *description = f.row(QStringLiteral("description"));
        QVERIFY(description && description->parent());
        f.tree->setCurrentItem(description);
        QTest::keyClick(f.tree, Qt::Key_Right, Qt::AltModifier);
        const ToolsDiff &diff = f.window.view()->layout()->tools;
        QCOMPARE(diff.changes.first().name, QStringLiteral("book_appointment"));
        QCOMPARE(diff.changes.first().paths.size(), 1);
        QCOMPARE(diff.changes.first().paths.first().path, QStringLiteral("url"));
        QVERIFY(f.text().contains(QStringLiteral("https://salon.example/v2/book")));
        QCOMPARE(f.tree->selectedChange().path, QStringLiteral("url"));
    }

    void contextMenuPutsARemovedToolBackAndTakesAnAddedOneOut()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        for (const QString &name :
             {QStringLiteral("list_services"), QStringLiteral("check_availability")}) {
            QTreeWidgetItem *item = f.row(name);
            QVERIFY(item);
            const QPoint point = f.tree->visualItemRect(item).center();
            QContextMenuEvent click(QContextMenuEvent::Mouse, point,
                                    f.tree->viewport()->mapToGlobal(point));
            QApplication::sendEvent(f.tree->viewport(), &click);
            QMenu *menu = nullptr;
            QTRY_VERIFY((menu = f.tree->findChild<QMenu *>(QStringLiteral("toolsDiffMenu"))) &&
                        menu->isVisible());
            QCOMPARE(menu->actions().size(), 1);
            QCOMPARE(menu->actions().first()->text(), QStringLiteral("&Revert this tool change"));
            menu->actions().first()->trigger();
            menu->close();
            QTRY_VERIFY(!f.tree->findChild<QMenu *>(QStringLiteral("toolsDiffMenu")));
            QVERIFY(!f.changes().contains(name));
        }
        QCOMPARE(f.changes(), QStringList({"book_appointment"}));
        QVERIFY(f.text().contains(QStringLiteral("https://salon.example/services")));
        QVERIFY(!f.text().contains(QStringLiteral("check_availability")));
    }

    void aComparisonThatStoppedFollowingOffersNothing()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        // A button in the bar shows in the Tools tab, the prompt's in the Prompt tab.
        const auto button = [&](const QString &text) {
            for (auto *b : f.window.findChildren<QToolButton *>()) {
                if (b->defaultAction() && b->defaultAction()->text() == text)
                    return b;
            }
            return static_cast<QToolButton *>(nullptr);
        };
        QToolButton *tools = button(QStringLiteral("&Revert this tool change"));
        QToolButton *prompt = button(QStringLiteral("&Revert this change"));
        QVERIFY(tools && prompt);
        QVERIFY(tools->isVisible() && !prompt->isVisible());
        f.window.findChild<QTabWidget *>()->setCurrentIndex(0);
        QVERIFY(!tools->isVisible() && prompt->isVisible());
        f.window.findChild<QTabWidget *>()->setCurrentWidget(f.tree);
        f.window.stopFollowingEdit();
        f.tree->setCurrentItem(f.row(QStringLiteral("book_appointment")));
        QVERIFY(!f.window.toolsCopier()->action()->isVisible());
        QTest::keyClick(f.tree, Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(f.text(), QString::fromUtf8(kEditTools));

        Fixture g;
        g.tools.setReadOnly(true);
        g.tree->setCurrentItem(g.row(QStringLiteral("book_appointment")));
        QVERIFY(!g.window.toolsCopier()->copyChange(QStringLiteral("book_appointment")));
        QCOMPARE(g.text(), QString::fromUtf8(kEditTools));
    }

    void typingInTheToolsEditorIsFollowed()
    {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.window));
        QString text = f.text();
        text.replace(QStringLiteral("Books any slot"), QStringLiteral("Books a slot"));
        text.replace(QStringLiteral("/v2/book"), QStringLiteral("/book"));
        f.tools.setText(text);
        QTRY_COMPARE(f.changes(), QStringList({"check_availability", "list_services"}));
    }
};

QTEST_MAIN(TestDiffCopyTools)
#include "tst_diff_copy_tools.moc"
