// The template picker through its real widgets (issue 8 §14, issue 9 §4):
// Save as Template with the whole title and a multi-line description, rename
// with F2, edit validated like any edit, delete with a confirmation (and
// undo), built-ins read-only, a viewer's Save disabled, another company's
// templates absent.
#include "TestDatabase.h"
#include "gui_support.h"

#include "app/AppStartup.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "db/Database.h"
#include "domain/ToolsView.h"
#include "editor/AgentEditor.h"
#include "editor/JsonEditor.h"
#include "editor/ToolsEditor.h"
#include "panels/AgentPanel.h"
#include "panels/TemplateDialog.h"
#include "panels/TemplatePickerPanel.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"
#include "templates/TemplateService.h"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTest>

using namespace retell;
using namespace retell::ui;

class TestTemplatePicker final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adminSavesRenamesEditsAndDeletes();
    void builtInsAreReadOnly();
    void userLanguageComesFirst_data();
    void userLanguageComesFirst();
    void viewerSeesSaveDisabled();
    void otherCompanyNeverSeesIt();

private:
    std::unique_ptr<MainWindow> openWindow(const char *email);
    QString stored(const QString &sql, const QVariantList &bind = {}) const;
    static QPushButton *button(TemplatePickerPanel *panel, const char *name)
    {
        return panel->findChild<QPushButton *>(QString::fromLatin1(name));
    }

    test::GuiEnvironment m_env;
    test::TestDatabase m_db;
    core::ServiceContext m_context;
    ServiceWorker m_worker;
    std::unique_ptr<Settings> m_settings;
};

void TestTemplatePicker::initTestCase()
{
    RETELL_REQUIRE_DB(m_db);
    m_context.spec = m_db.spec();
    auto prepared = AppStartup::prepareDatabase(m_context, AppStartup::DemoData::Always);
    QVERIFY2(prepared.ok(), qPrintable(prepared.ok() ? QString() : prepared.error().message));
    m_settings = std::make_unique<Settings>();
}

std::unique_ptr<MainWindow> TestTemplatePicker::openWindow(const char *email)
{
    return test::openMainWindow(m_context, email, &m_worker, m_settings.get(), m_env);
}

QString TestTemplatePicker::stored(const QString &sql, const QVariantList &bind) const
{
    auto conn = core::Database::connection(m_context.spec);
    if (!conn)
        return QStringLiteral("<error>");
    auto q = core::Database::exec(conn.value(), sql, bind);
    if (!q || !q->next())
        return QStringLiteral("<none>");
    return q->value(0).toString();
}

void TestTemplatePicker::adminSavesRenamesEditsAndDeletes()
{
    auto window = openWindow(core::demo::kCompanyAdmin);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    const auto branch = window->agentPanel()->branch();
    QVERIFY(branch);
    QCOMPARE(branch->companyName, QStringLiteral("Salon Aurora"));
    TemplatePickerPanel *panel = window->templatePanel();
    auto *list = panel->findChild<QListWidget *>(QStringLiteral("templateList"));
    QVERIFY(list);

    // Save as Template: the whole title fits, the description takes lines.
    QPushButton *save = button(panel, "saveTemplateButton");
    QTRY_VERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    TemplateDialog *dialog = panel->openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->minimumWidth() >
            dialog->fontMetrics().horizontalAdvance(dialog->windowTitle()));
    QVERIFY(dialog->descriptionEdit()->height() >=
            3 * dialog->descriptionEdit()->fontMetrics().lineSpacing());
    QVERIFY(!dialog->saveButton()->isEnabled()); // no name yet
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Aurora Evening"));
    QTest::keyClicks(dialog->descriptionEdit(), QStringLiteral("Late opening."));
    QTest::keyClick(dialog->descriptionEdit(), Qt::Key_Return);
    QTest::keyClicks(dialog->descriptionEdit(), QStringLiteral("Second line."));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->openDialog(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->selectTemplate(QStringLiteral("Aurora Evening")), 10000);
    const QString row = QStringLiteral(" FROM retell_admin_templates WHERE name = ?");
    QCOMPARE(stored(QStringLiteral("SELECT description") + row, {QStringLiteral("Aurora Evening")}),
             QStringLiteral("Late opening.\nSecond line."));
    QCOMPARE(stored(QStringLiteral("SELECT company_id") + row, {QStringLiteral("Aurora Evening")}),
             branch->companyId);
    QCOMPARE(
        stored(QStringLiteral("SELECT prompt_content") + row, {QStringLiteral("Aurora Evening")}),
        window->agentPanel()->config().prompt);

    // F2 on the list renames.
    QTRY_VERIFY(button(panel, "renameTemplateButton")->isEnabled());
    list->setFocus();
    QTest::keyClick(list, Qt::Key_F2);
    dialog = panel->openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Aurora Evening"));
    QVERIFY(!dialog->descriptionEdit()); // renaming asks for the name only
    dialog->nameEdit()->selectAll();
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Aurora Late"));
    QTest::keyClick(dialog->nameEdit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->openDialog(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(
        stored(QStringLiteral("SELECT COUNT(*)") + row, {QStringLiteral("Aurora Late")}),
        QStringLiteral("1"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentTemplate() &&
                                 panel->currentTemplate()->name == QLatin1String("Aurora Late"),
                             10000);

    // Edit: broken tools keep Save disabled; a fixed edit is stored.
    QTest::mouseClick(button(panel, "editTemplateButton"), Qt::LeftButton);
    dialog = panel->openDialog();
    QVERIFY(dialog && dialog->editor());
    const QString goodTools = dialog->editor()->config().toolsJson;
    dialog->editor()->toolsEditor()->editor()->setText(QStringLiteral("[{\"type\": \"end_call\""));
    dialog->editor()->validateNow();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->editor()->lastResult().hasErrors(), 10000);
    QVERIFY(!dialog->saveButton()->isEnabled());
    dialog->editor()->toolsEditor()->editor()->setText(goodTools);
    dialog->editor()->validateNow();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->saveButton()->isEnabled(), 10000);
    dialog->descriptionEdit()->selectAll();
    QTest::keyClicks(dialog->descriptionEdit(), QStringLiteral("Edited in the dialog"));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->openDialog(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(
        stored(QStringLiteral("SELECT description") + row, {QStringLiteral("Aurora Late")}),
        QStringLiteral("Edited in the dialog"), 10000);

    // Del asks first; Cancel keeps it.
    QTRY_VERIFY(button(panel, "deleteTemplateButton")->isEnabled());
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QMessageBox *confirm = panel->openConfirmation();
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(QLatin1String("Aurora Late")));
    QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!panel->openConfirmation());
    QCOMPARE(stored(QStringLiteral("SELECT COUNT(*)") + row, {QStringLiteral("Aurora Late")}),
             QStringLiteral("1"));

    // Confirmed from the context menu: gone, and undoable.
    QAction *deleteAction =
        panel->contextMenu()->findChild<QAction *>(QStringLiteral("deleteTemplateButtonAction"));
    QVERIFY(deleteAction && deleteAction->isEnabled());
    deleteAction->trigger();
    confirm = panel->openConfirmation();
    QVERIFY(confirm);
    QTest::mouseClick(
        confirm->findChild<QPushButton *>(QStringLiteral("confirmDeleteTemplateButton")),
        Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        stored(QStringLiteral("SELECT COUNT(*)") + row, {QStringLiteral("Aurora Late")}),
        QStringLiteral("0"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->selectTemplate(QStringLiteral("Aurora Late")), 10000);
    QPushButton *undo = button(panel, "undoDeleteTemplateButton");
    QVERIFY(undo->isVisible());
    QTest::mouseClick(undo, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(
        stored(QStringLiteral("SELECT description") + row, {QStringLiteral("Aurora Late")}),
        QStringLiteral("Edited in the dialog"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->selectTemplate(QStringLiteral("Aurora Late")), 10000);
    QVERIFY(!undo->isVisible());
}

void TestTemplatePicker::userLanguageComesFirst_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QString>("languageShown");
    QTest::newRow("German") << QStringLiteral("de_DE")
                            << QStringList{QStringLiteral("Dynamische Leistungsauswahl"),
                                           QStringLiteral("Einfache Terminbuchung"),
                                           QStringLiteral("Nur Auskunft")}
                            << QStringLiteral("German");
    QTest::newRow("English") << QStringLiteral("en_US")
                             << QStringList{QStringLiteral("Dynamic Service Selection"),
                                            QStringLiteral("Basic Appointment Booking"),
                                            QStringLiteral("Information Only")}
                             << QStringLiteral("English");
}

// The built-ins come in English and German; the picker lists the user's
// language first and names each template's language.
void TestTemplatePicker::userLanguageComesFirst()
{
    QFETCH(QString, locale);
    QFETCH(QStringList, first);
    QFETCH(QString, languageShown);
    const QLocale previous;
    QLocale::setDefault(QLocale(locale));
    auto restore = qScopeGuard([&] { QLocale::setDefault(previous); });
    auto window = openWindow(core::demo::kSuperAdmin);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    TemplatePickerPanel *panel = window->templatePanel();
    auto *list = panel->findChild<QListWidget *>(QStringLiteral("templateList"));
    QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 6, 10000);
    for (int row = 0; row < first.size(); ++row) {
        QVERIFY2(list->item(row)->text().startsWith(first.at(row)),
                 qPrintable(list->item(row)->text()));
        QVERIFY2(list->item(row)->text().endsWith(languageShown),
                 qPrintable(list->item(row)->text()));
    }
    QVERIFY(panel->selectTemplate(first.constFirst()));
    // Its content is in that language, with the same tools as its counterpart.
    const auto chosen = panel->currentTemplate();
    QVERIFY(chosen);
    QCOMPARE(chosen->language, QLocale(locale).name().left(2));
    QCOMPARE(core::ToolsView::parse(chosen->config.toolsJson).names(),
             core::ToolsView::parse(core::TemplateService::builtIns().value(0).config.toolsJson)
                 .names());
}

void TestTemplatePicker::builtInsAreReadOnly()
{
    auto window = openWindow(core::demo::kSuperAdmin);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    TemplatePickerPanel *panel = window->templatePanel();
    QVERIFY(panel->selectTemplate(QStringLiteral("Information Only")));
    for (const char *name : {"renameTemplateButton", "editTemplateButton", "deleteTemplateButton"})
        QVERIFY2(!button(panel, name)->isEnabled(), name);
    auto *list = panel->findChild<QListWidget *>(QStringLiteral("templateList"));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QTest::keyClick(list, Qt::Key_F2);
    QVERIFY(!panel->openConfirmation());
    QVERIFY(!panel->openDialog());
    QVERIFY(button(panel, "applyTemplateButton")->isEnabled());
}

void TestTemplatePicker::viewerSeesSaveDisabled()
{
    auto window = openWindow(core::demo::kViewer);
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    QVERIFY(window->agentPanel()->branch());
    TemplatePickerPanel *panel = window->templatePanel();
    QPushButton *save = button(panel, "saveTemplateButton");
    QVERIFY(!save->isEnabled());
    QVERIFY(!save->toolTip().isEmpty());
    QVERIFY(!panel->contextMenu()
                 ->findChild<QAction *>(QStringLiteral("saveTemplateButtonAction"))
                 ->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(!panel->openDialog());
    panel->promptSaveAsTemplate(window->agentPanel()->config()); // ignored as well
    QVERIFY(!panel->openDialog());
    // The viewer sees the company's templates but may change none of them.
    QVERIFY(panel->selectTemplate(QStringLiteral("Aurora Late")));
    QVERIFY(!button(panel, "renameTemplateButton")->isEnabled());
    QVERIFY(!button(panel, "deleteTemplateButton")->isEnabled());
}

void TestTemplatePicker::otherCompanyNeverSeesIt()
{
    auto window = openWindow("owner@praxis-nordlicht.example");
    QVERIFY(window);
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 10000);
    TemplatePickerPanel *panel = window->templatePanel();
    QVERIFY(panel->selectTemplate(QStringLiteral("Information Only")));
    QVERIFY(!panel->selectTemplate(QStringLiteral("Aurora Late")));
    for (const core::Template &t : panel->templates())
        QVERIFY2(t.companyName != QLatin1String("Salon Aurora"), qPrintable(t.name));
}

QTEST_MAIN(TestTemplatePicker)
#include "tst_template_picker.moc"
