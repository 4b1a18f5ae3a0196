// A rollout through the real dialog on a real database (issue 13 §3-5,
// "what it must show"): Berlin's vA→vB edit (one line) rolled out to
// Hamburg (another line changed: clean), Kiel (has it: unchanged), Köln
// (the same line changed otherwise: one conflict) and München (nothing
// deployed). Preview with outcomes and the proposed diff, notes typed,
// apply, the conflict resolved in the merge window, the summary, and the
// undo (asked first): Hamburg and Köln go back, Kiel stays.
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/FleetUi.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "diff/DiffView.h"
#include "merge/MergeWindow.h"
#include "rollout/RolloutChangePicker.h"
#include "rollout/RolloutDialog.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "templates/TemplateService.h"
#include "versions/VersionService.h"

#include "app/EnglishPlurals.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace retell;
using namespace retell::ui;

namespace {
const QString kBerlin = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");
const QString kHamburg = QStringLiteral("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
const QString kMuenchen = QStringLiteral("6fa459ea-ee8a-4ca4-894e-db77e160355e");
const QString kKiel = QStringLiteral("16fd2706-8baf-433b-82eb-8c7fada847da");
const QString kKoeln = QStringLiteral("c56a4180-65aa-42ec-a945-5fd21dec0538");

QPushButton *buttonNamed(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>()) {
        if (b->text() == text && b->isVisible())
            return b;
    }
    return nullptr;
}

QTreeWidgetItem *rowOf(RolloutDialog *dialog, const QString &name)
{
    const auto found =
        dialog->branchList()->findItems(name, Qt::MatchEndsWith, RolloutDialog::BranchColumn);
    return found.size() == 1 ? found.constFirst() : nullptr;
}
} // namespace

class TestRolloutDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void previewApplyResolveUndo();

private:
    EnglishPlurals m_plurals;
    core::AgentConfig config(const QStringList &lines) const
    {
        return core::AgentConfig{lines.join(QLatin1Char('\n')) + QLatin1Char('\n'), m_tools};
    }
    core::PromptVersion active(const QString &branchId) const;

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
    QString m_tools;
};

void TestRolloutDialog::initTestCase()
{
    const QString failed = test::prepareDemoGui(m_plurals, m_db, m_context, m_settings);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    m_tools = core::TemplateService::builtIns().value(0).config.toolsJson;
}

core::PromptVersion TestRolloutDialog::active(const QString &branchId) const
{
    auto admin = test::login(m_context, core::demo::kSuperAdmin);
    auto v = core::VersionService(m_context).active(admin.value(), branchId);
    return v ? v.value() : core::PromptVersion{};
}

void TestRolloutDialog::previewApplyResolveUndo()
{
    const char *admin = core::demo::kSuperAdmin;
    const QStringList base = test::salonPromptLines();
    QStringList edited = base;
    edited[5] = QStringLiteral("We open at 8:30.");
    const int from = test::deployAs(m_context, admin, kBerlin, config(base));
    const int to = test::deployAs(m_context, admin, kBerlin, config(edited), from);
    QVERIFY(from > 0 && to == from + 1);
    QStringList hamburg = base;
    hamburg[0] = QStringLiteral("## Role and tone");
    const int hamburgBefore = test::deployAs(m_context, admin, kHamburg, config(hamburg));
    QVERIFY(test::deployAs(m_context, admin, kKiel, config(edited)) > 0);
    QStringList koeln = base;
    koeln[5] = QStringLiteral("We open at 10:00.");
    const int koelnBefore = test::deployAs(m_context, admin, kKoeln, config(koeln));
    QVERIFY(hamburgBefore > 0 && koelnBefore > 0);

    auto window = test::openMainWindow(m_context, admin, &m_worker, m_settings.get(), m_env,
                                       test::WindowWait::Ready);
    QVERIFY(window);
    QTest::keyClick(window.get(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
    RolloutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->fleet()->rolloutDialog()));
    QTRY_COMPARE(dialog->branchList()->topLevelItemCount(), 7);
    QVERIFY(!dialog->previewButton()->isEnabled()); // no branch chosen yet
    QTRY_VERIFY(dialog->changePicker()->chooseVersions(kBerlin, from, to));

    // Branches chosen by keyboard: Space on each row.
    for (const char *name :
         {"Hamburg Altona", "Kiel Zentrum", "Köln Ehrenfeld", "München Schwabing"}) {
        QTreeWidgetItem *item = rowOf(dialog, QString::fromUtf8(name));
        QVERIFY2(item, name);
        dialog->branchList()->setCurrentItem(item);
        dialog->branchList()->setFocus();
        QTest::keyClick(dialog->branchList(), Qt::Key_Space);
        QCOMPARE(item->checkState(RolloutDialog::BranchColumn), Qt::Checked);
    }

    // Preview: nothing written, an outcome per branch, the proposed diff.
    QVERIFY(dialog->previewButton()->isEnabled());
    QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->preview() && !dialog->isBusy(), 20000);
    QCOMPARE(rowOf(dialog, QStringLiteral("Hamburg Altona"))->text(RolloutDialog::OutcomeColumn),
             QStringLiteral("would change cleanly"));
    QCOMPARE(rowOf(dialog, QStringLiteral("Kiel Zentrum"))->text(RolloutDialog::OutcomeColumn),
             QStringLiteral("already has it"));
    QCOMPARE(rowOf(dialog, QStringLiteral("Köln Ehrenfeld"))->text(RolloutDialog::OutcomeColumn),
             QStringLiteral("1 conflict"));
    QTreeWidgetItem *muenchen = rowOf(dialog, QStringLiteral("München Schwabing"));
    QCOMPARE(muenchen->text(RolloutDialog::OutcomeColumn), QStringLiteral("nothing deployed"));
    QCOMPARE(muenchen->checkState(RolloutDialog::BranchColumn), Qt::Unchecked);
    QVERIFY2(dialog->summaryLabel()->text().contains(QStringLiteral("1 would change cleanly")),
             qPrintable(dialog->summaryLabel()->text()));
    QCOMPARE(active(kHamburg).version, hamburgBefore);
    dialog->selectBranch(kHamburg);
    const QByteArray proposed = dialog->diffView()->side(core::Side::Right).prompt;
    QVERIFY(proposed.contains("## Role and tone") && proposed.contains("8:30"));

    // Apply needs notes; then each version written names the rollout.
    QVERIFY(!dialog->applyButton()->isEnabled());
    dialog->notesEdit()->setFocus();
    QTest::keyClicks(dialog->notesEdit(), QStringLiteral("Earlier opening"));
    QVERIFY(dialog->applyButton()->isEnabled());
    QCOMPARE(dialog->applyButton()->text(), QStringLiteral("&Apply to 3 Branches"));
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->rollout() && !dialog->isBusy(), 20000);
    const qint64 id = dialog->rollout()->id;
    QVERIFY(id > 0);
    const core::PromptVersion applied = active(kHamburg);
    QCOMPARE(applied.version, hamburgBefore + 1);
    QVERIFY(applied.notes.contains(QStringLiteral("Rollout #%1").arg(id)));
    QVERIFY(applied.config.prompt.contains(QStringLiteral("## Role and tone")));
    QVERIFY(applied.config.prompt.contains(QStringLiteral("8:30")));
    QCOMPARE(active(kKoeln).version, koelnBefore); // left for the merge window
    const QString summary = dialog->summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("applied to 1 branch")) &&
                 summary.contains(QStringLiteral("1 already had it")) &&
                 summary.contains(QStringLiteral("1 conflict left to resolve")),
             qPrintable(summary));

    // Köln's conflict, in the merge window: take theirs (the change), deploy.
    dialog->selectBranch(kKoeln);
    QVERIFY(dialog->resolveButton()->isEnabled());
    QTest::mouseClick(dialog->resolveButton(), Qt::LeftButton);
    MergeWindow *merge = nullptr;
    QTRY_VERIFY((merge = dialog->mergeWindow()));
    QTRY_VERIFY(merge->isVisible());
    QCOMPARE(merge->conflictsLeft(), 1);
    QTest::mouseClick(buttonNamed(merge, QStringLiteral("Take theirs")), Qt::LeftButton);
    QCOMPARE(merge->conflictsLeft(), 0);
    QTRY_VERIFY(merge->deployButton()->isEnabled());
    QTest::mouseClick(merge->deployButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(active(kKoeln).version == koelnBefore + 1, 20000);
    QTRY_COMPARE(
        rowOf(dialog, QStringLiteral("Köln Ehrenfeld"))->text(RolloutDialog::OutcomeColumn),
        QStringLiteral("resolved"));
    QVERIFY(active(kKoeln).config.prompt.contains(QStringLiteral("8:30")));
    QVERIFY(active(kKoeln).notes.contains(QStringLiteral("Rollout #%1").arg(id)));

    // Undo asks first; Cancel leaves everything.
    QVERIFY(dialog->undoButton()->isEnabled());
    QTest::mouseClick(dialog->undoButton(), Qt::LeftButton);
    QMessageBox *confirm = dialog->openConfirmation();
    QVERIFY(confirm);
    QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
    QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!dialog->openConfirmation());
    QCOMPARE(active(kHamburg).version, hamburgBefore + 1);
    QTest::mouseClick(dialog->undoButton(), Qt::LeftButton);
    confirm = dialog->openConfirmation();
    QVERIFY(confirm);
    QTest::mouseClick(buttonNamed(confirm, QStringLiteral("&Undo Rollout")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->rollout()->undoneAt.has_value() && !dialog->isBusy(), 20000);
    QCOMPARE(active(kHamburg).config.prompt, config(hamburg).prompt);
    QCOMPARE(active(kKoeln).config.prompt, config(koeln).prompt);
    QCOMPARE(active(kKiel).config.prompt, config(edited).prompt); // nothing was written there
    QVERIFY2(dialog->summaryLabel()->text().contains(QStringLiteral("undone on 2 branches")),
             qPrintable(dialog->summaryLabel()->text()));
    QVERIFY(!dialog->undoButton()->isEnabled());
    dialog->close();
}

QTEST_MAIN(TestRolloutDialog)
#include "tst_rollout_dialog.moc"
