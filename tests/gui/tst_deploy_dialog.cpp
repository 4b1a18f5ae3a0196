// The deploy dialog is sized for its content: labels beside their values in
// one form, warnings with the warning symbol, finding texts wrapped to the
// dialog's width, real plurals; and it fits a 1366×768 screen.
#include "gui_support.h"

#include "app/EnglishPlurals.h"
#include "editor/EditorTheme.h"
#include "panels/DeployDialog.h"
#include "panels/StatusIcons.h"

#include <QApplication>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollBar>
#include <QTest>

using namespace retell;
using namespace retell::ui;

namespace {

core::Finding finding(core::Severity severity, const QString &message, int line)
{
    core::Finding f;
    f.severity = severity;
    f.code = severity == core::Severity::Error ? QStringLiteral("tools.missing_field")
                                               : QStringLiteral("prompt.unknown_variable");
    f.target = severity == core::Severity::Error ? core::FindingTarget::Tools
                                                 : core::FindingTarget::Prompt;
    f.message = message;
    f.line = line;
    if (severity == core::Severity::Error)
        f.jsonPath = QStringLiteral("$[2].transfer_destination");
    return f;
}

core::ValidationResult result(int errors, int warnings)
{
    core::ValidationResult r;
    r.estimatedTokens = 1234;
    for (int i = 0; i < errors; ++i)
        r.findings << finding(core::Severity::Error,
                              QStringLiteral("The tool \"transfer_to_front_desk\" of type "
                                             "transfer_call needs \"transfer_destination\": where "
                                             "the call goes, a number or a prompt that infers it."),
                              0);
    for (int i = 0; i < warnings; ++i)
        r.findings << finding(core::Severity::Warning,
                              QStringLiteral("The variable {{customer_loyalty_tier_%1}} is neither "
                                             "a branch variable nor defined by a tool, so the "
                                             "agent will say it literally if nothing sets it.")
                                  .arg(i),
                              10 + i);
    return r;
}

bool sameIcon(const QIcon &a, const QIcon &b)
{
    return a.pixmap(16, 16).toImage() == b.pixmap(16, 16).toImage();
}

} // namespace

class TestDeployDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void pluralsAreEnglish_data();
    void pluralsAreEnglish();
    void summaryCountsInRealPlurals_data();
    void summaryCountsInRealPlurals();
    void labelsSitBesideTheirValues();
    void warningsShowTheWarningSymbol();
    void findingTextsWrapInsteadOfScrolling();
    void fitsTheScreen();

private:
    test::GuiEnvironment m_env;
    EnglishPlurals m_plurals;
};

void TestDeployDialog::initTestCase()
{
    QVERIFY(QApplication::installTranslator(&m_plurals)); // as the app does
}

void TestDeployDialog::pluralsAreEnglish_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one error") << "%n error(s)" << 1 << "%n error";
    QTest::newRow("two errors") << "%n error(s)" << 2 << "%n errors";
    QTest::newRow("no warnings") << "%n warning(s) shown" << 0 << "%n warnings shown";
    QTest::newRow("branches") << "%n branch(es)" << 3 << "%n branches";
    QTest::newRow("one company") << "%n company(ies)" << 1 << "%n company";
    QTest::newRow("companies") << "%n company(ies)" << 2 << "%n companies";
    QTest::newRow("two words") << "%n error(s) in %n file(s)" << 1 << "%n error in %n file";
    QTest::newRow("no ending") << "(s) alone" << 2 << "(s) alone";
}

void TestDeployDialog::pluralsAreEnglish()
{
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QCOMPARE(EnglishPlurals::pluralize(source, n), expected);
}

void TestDeployDialog::summaryCountsInRealPlurals_data()
{
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("warnings");
    QTest::addColumn<QString>("says");
    QTest::newRow("1 error, 1 warning") << 1 << 1 << "1 error must be fixed first";
    QTest::newRow("2 errors") << 2 << 0 << "2 errors must be fixed first";
    QTest::newRow("1 warning") << 0 << 1 << "Valid, with 1 warning shown below";
    QTest::newRow("3 warnings") << 0 << 3 << "Valid, with 3 warnings shown below";
}

void TestDeployDialog::summaryCountsInRealPlurals()
{
    QFETCH(int, errors);
    QFETCH(int, warnings);
    QFETCH(QString, says);
    DeployDialog dialog(QStringLiteral("Berlin Mitte"), result(errors, warnings), QString());
    const QString summary = dialog.findChild<QLabel *>(QStringLiteral("deploySummary"))->text();
    QVERIFY2(summary.contains(says), qPrintable(summary));
    QVERIFY2(!summary.contains(QLatin1String("(s)")), qPrintable(summary));
}

void TestDeployDialog::labelsSitBesideTheirValues()
{
    DeployDialog dialog(QStringLiteral("Berlin Mitte"), result(1, 3), QStringLiteral("Salon"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *findings = dialog.findChild<QListWidget *>(QStringLiteral("deployFindings"));
    auto *notes = dialog.findChild<QPlainTextEdit *>(QStringLiteral("deployNotes"));
    const QList<QFormLayout *> forms = dialog.findChildren<QFormLayout *>();
    QCOMPARE(forms.size(), 1);
    QFormLayout *form = forms.constFirst();
    for (QWidget *field : {static_cast<QWidget *>(findings), static_cast<QWidget *>(notes)}) {
        QWidget *label = form->labelForField(field);
        QVERIFY2(label, qPrintable(field->objectName()));
        // The label stands left of the field, level with its first line.
        const QRect l = label->geometry();
        const QRect f = field->geometry();
        QVERIFY2(l.right() < f.left(), qPrintable(field->objectName()));
        QVERIFY2(std::abs(l.top() - f.top()) <= label->fontMetrics().height(),
                 qPrintable(field->objectName()));
    }
}

void TestDeployDialog::warningsShowTheWarningSymbol()
{
    DeployDialog dialog(QStringLiteral("Berlin Mitte"), result(1, 2), QString());
    auto *findings = dialog.findChild<QListWidget *>(QStringLiteral("deployFindings"));
    QCOMPARE(findings->count(), 3);
    const EditorTheme theme = EditorTheme::fromPalette(dialog.palette());
    QVERIFY(sameIcon(findings->item(0)->icon(), theme.severityIcon(core::Severity::Error)));
    for (int row : {1, 2}) {
        const QIcon icon = findings->item(row)->icon();
        QVERIFY(!sameIcon(icon, statusIcon(core::ValidationStatus::Pending)));
        QVERIFY(sameIcon(icon, theme.severityIcon(core::Severity::Warning)));
    }
}

void TestDeployDialog::findingTextsWrapInsteadOfScrolling()
{
    DeployDialog dialog(QStringLiteral("Berlin Mitte"), result(1, 3), QString());
    dialog.resize(520, dialog.height()); // narrower than one finding's text
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *findings = dialog.findChild<QListWidget *>(QStringLiteral("deployFindings"));
    QTRY_VERIFY(findings->viewport()->width() > 0);
    QVERIFY(!findings->horizontalScrollBar()->isVisible());
    const int line = findings->fontMetrics().lineSpacing();
    for (int row = 0; row < findings->count(); ++row) {
        const QRect rect = findings->visualItemRect(findings->item(row));
        QVERIFY2(rect.right() <= findings->viewport()->width(), qPrintable(QString::number(row)));
        QVERIFY2(rect.height() >= 2 * line, qPrintable(QString::number(row))); // wrapped
    }
}

void TestDeployDialog::fitsTheScreen()
{
    DeployDialog dialog(QStringLiteral("Berlin Mitte"), result(1, 30), QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QRect available = dialog.screen()->availableGeometry();
    QVERIFY(dialog.frameGeometry().width() <= available.width());
    QVERIFY(dialog.frameGeometry().height() <= available.height());
    // Sized for the content: wide enough for a finding line of ~90 characters.
    QVERIFY(dialog.width() >=
            std::min(available.width() - 40, dialog.fontMetrics().averageCharWidth() * 90));
}

QTEST_MAIN(TestDeployDialog)
#include "tst_deploy_dialog.moc"
