#include "editor/AgentEditor.h"
#include "editor/FindingsList.h"
#include "editor/JsonEditor.h"
#include "editor/PromptEditor.h"
#include "editor/PromptLexer.h"
#include "editor/ToolsEditor.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using retell::core::AgentConfig;
using retell::core::Finding;
using retell::core::FindingTarget;
using retell::core::ValidationResult;
using retell::ui::AgentEditor;

namespace {

const QString kTools =
    QStringLiteral("[\n"
                   "  {\n"
                   "    \"type\": \"custom\",\n"
                   "    \"name\": \"list_services\",\n"
                   "    \"description\": \"List the services of this branch.\",\n"
                   "    \"url\": \"https://example.com/services\"\n"
                   "  }\n"
                   "]");

const QString kPrompt =
    QStringLiteral("## Role\nYou book for {{branch_name}}. Call list_services.\n");

bool hasCode(const ValidationResult &result, const QString &code)
{
    return std::any_of(result.findings.cbegin(), result.findings.cend(),
                       [&](const Finding &f) { return f.code == code; });
}

Finding findingWithCode(const ValidationResult &result, const QString &code)
{
    for (const Finding &f : result.findings) {
        if (f.code == code)
            return f;
    }
    return {};
}

} // namespace

class TestAgentEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loadingIsNotAModification();
    void findingAppearsThenDisappearsWhileTyping();
    void activationJumpsToTheFindingLine();
    void activationSwitchesToTheToolsTab();
    void nextFindingCyclesThroughTheList();
    void statusShowsTokensAndValidity();
    void knownVariablesComeFromTheBranch();
    void toolNamesReachTheLexer();
    void readOnlyRefusesEdits();
    void largePromptsValidateOffTheGuiThread();

private:
    std::unique_ptr<AgentEditor> m_editor;
};

void TestAgentEditor::init()
{
    m_editor = std::make_unique<AgentEditor>();
    m_editor->resize(1000, 700);
    m_editor->setKnownVariables({QStringLiteral("branch_name")});
    m_editor->setConfig({kPrompt, kTools});
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
}

void TestAgentEditor::cleanup()
{
    m_editor.reset();
}

void TestAgentEditor::loadingIsNotAModification()
{
    QSignalSpy edited(m_editor.get(), &AgentEditor::configEdited);
    m_editor->setConfig({kPrompt, kTools});
    QVERIFY(!m_editor->isModified());
    QCOMPARE(edited.count(), 0);
    QCOMPARE(m_editor->config(), (AgentConfig{kPrompt, kTools}));
    QVERIFY2(!m_editor->lastResult().hasErrors(),
             m_editor->lastResult().findingsJson().constData());
}

void TestAgentEditor::findingAppearsThenDisappearsWhileTyping()
{
    QSignalSpy edited(m_editor.get(), &AgentEditor::configEdited);
    auto *prompt = m_editor->promptEditor();
    prompt->setFocus();
    prompt->setCursorPosition(2, 0);
    QTest::keyClicks(prompt, QStringLiteral("Ask for {{foo}}."));
    QVERIFY(m_editor->isModified());
    QVERIFY(edited.count() > 0);
    QTRY_VERIFY(hasCode(m_editor->lastResult(), QStringLiteral("prompt.unknown_variable")));
    QCOMPARE(m_editor->findingsList()->findings().size(), m_editor->lastResult().findings.size());
    const Finding f =
        findingWithCode(m_editor->lastResult(), QStringLiteral("prompt.unknown_variable"));
    QCOMPARE(f.line, 3);
    QVERIFY(prompt->markersAtLine(2) & (1 << retell::ui::CodeEditor::WarningMarker));

    // Fix it: replace "foo}}." by a known variable.
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(prompt, Qt::Key_Backspace);
    QTest::keyClicks(prompt, QStringLiteral("branch_name}}."));
    QTRY_VERIFY(!hasCode(m_editor->lastResult(), QStringLiteral("prompt.unknown_variable")));
    QVERIFY(!(prompt->markersAtLine(2) & (1 << retell::ui::CodeEditor::WarningMarker)));
    QVERIFY(m_editor->config().prompt.contains(QStringLiteral("Ask for {{branch_name}}.")));
}

void TestAgentEditor::activationJumpsToTheFindingLine()
{
    const QString prompt = QStringLiteral("## Role\n😀 Greet.\n\nUse {{mystery}} now.\n");
    m_editor->setConfig({prompt, kTools});
    const Finding f =
        findingWithCode(m_editor->lastResult(), QStringLiteral("prompt.unknown_variable"));
    QCOMPARE(f.line, 4);
    const int row = int(m_editor->findingsList()->findings().indexOf(f));
    QVERIFY(row >= 0);
    m_editor->promptEditor()->setCursorPosition(0, 0);
    m_editor->findingsList()->activateRow(row);
    QCOMPARE(m_editor->tabs()->currentIndex(), int(AgentEditor::PromptTab));
    QCOMPARE(m_editor->promptEditor()->caretLine(), 3);
    QCOMPARE(m_editor->promptEditor()->selectedText(), QStringLiteral("{{mystery}}"));
}

void TestAgentEditor::activationSwitchesToTheToolsTab()
{
    const QString tools =
        QStringLiteral("[\n  {\"type\": \"custom\", \"name\": \"list_services\",\n"
                       "   \"description\": \"x\"}\n]");
    m_editor->setConfig({kPrompt, tools});
    const Finding f =
        findingWithCode(m_editor->lastResult(), QStringLiteral("tools.missing_field"));
    QCOMPARE(f.target, FindingTarget::Tools);
    m_editor->findingsList()->activateRow(int(m_editor->findingsList()->findings().indexOf(f)));
    QCOMPARE(m_editor->tabs()->currentIndex(), int(AgentEditor::ToolsTab));
    const int expectedLine = f.line > 0 ? f.line - 1 : 0;
    QCOMPARE(m_editor->toolsEditor()->editor()->caretLine(), expectedLine);
}

void TestAgentEditor::nextFindingCyclesThroughTheList()
{
    m_editor->setConfig({QStringLiteral("{{a1}}\n{{b2}}\n"), kTools});
    const auto findings = m_editor->findingsList()->findings();
    QVERIFY(findings.size() >= 2);
    m_editor->nextFinding();
    QCOMPARE(m_editor->findingsList()->currentRow(), 0);
    m_editor->nextFinding();
    QCOMPARE(m_editor->findingsList()->currentRow(), 1);
    m_editor->previousFinding();
    QCOMPARE(m_editor->findingsList()->currentRow(), 0);
    m_editor->previousFinding();
    QCOMPARE(m_editor->findingsList()->currentRow(), int(findings.size()) - 1);
}

void TestAgentEditor::statusShowsTokensAndValidity()
{
    const QString status = m_editor->statusText();
    QVERIFY2(status.contains(QStringLiteral("/ 8,192 tokens")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("Valid")), qPrintable(status));

    QSignalSpy changed(m_editor.get(), &AgentEditor::validationChanged);
    m_editor->setConfig({QStringLiteral("Hello {{"), kTools});
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.at(0).at(0).value<ValidationResult>().hasErrors());
    QVERIFY2(m_editor->statusText().contains(QStringLiteral("Invalid")),
             qPrintable(m_editor->statusText()));
    QVERIFY(
        m_editor->tabs()->tabText(AgentEditor::PromptTab).startsWith(QStringLiteral("Prompt (")));

    QString big;
    while (big.size() < 20000)
        big += QStringLiteral("Please confirm the appointment details with the caller. ");
    m_editor->setConfig({big, kTools});
    QVERIFY(m_editor->lastResult().estimatedTokens > 3500);
    QVERIFY(m_editor->statusText().contains(QStringLiteral("color:")));
}

void TestAgentEditor::knownVariablesComeFromTheBranch()
{
    m_editor->setConfig({QStringLiteral("Call {{salon_city}}."), kTools});
    QVERIFY(hasCode(m_editor->lastResult(), QStringLiteral("prompt.unknown_variable")));
    m_editor->setKnownVariables({QStringLiteral("salon_city")});
    QVERIFY(!hasCode(m_editor->lastResult(), QStringLiteral("prompt.unknown_variable")));
    QVERIFY(!m_editor->isModified());
}

void TestAgentEditor::toolNamesReachTheLexer()
{
    QCOMPARE(m_editor->promptEditor()->promptLexer()->toolNames(),
             QSet<QString>{QStringLiteral("list_services")});
}

void TestAgentEditor::readOnlyRefusesEdits()
{
    m_editor->setReadOnly(true);
    auto *prompt = m_editor->promptEditor();
    prompt->setFocus();
    QTest::keyClicks(prompt, QStringLiteral("xyz"));
    QCOMPARE(m_editor->config().prompt, kPrompt);
    QVERIFY(!m_editor->isModified());
    m_editor->setConfig({QStringLiteral("Other"), kTools}); // loading still works
    QCOMPARE(m_editor->config().prompt, QStringLiteral("Other"));
}

void TestAgentEditor::largePromptsValidateOffTheGuiThread()
{
    QString big;
    big.reserve(1024 * 1024 + 200);
    while (big.size() < 1024 * 1024)
        big += QStringLiteral(
            "## Step\n- Ask the caller for the service, then call list_services. 😀\n");
    QSignalSpy changed(m_editor.get(), &AgentEditor::validationChanged);

    QElapsedTimer timer;
    timer.start();
    m_editor->setConfig({big, kTools});
    qInfo("setConfig with %lld characters returned after %lld ms", qint64(big.size()),
          timer.elapsed());
    QVERIFY(!m_editor->isValidationCurrent());

    // An edit while the first validation runs makes its result stale.
    m_editor->promptEditor()->setFocus();
    m_editor->promptEditor()->setCursorPosition(0, 0);
    QTest::keyClicks(m_editor->promptEditor(), QStringLiteral("X"));
    QTRY_VERIFY_WITH_TIMEOUT(m_editor->isValidationCurrent(), 20000);
    QCOMPARE(changed.count(), 1); // only the current generation was applied
    QCOMPARE(m_editor->lastResult().characters, int(big.size()) + 1);
}

QTEST_MAIN(TestAgentEditor)
#include "tst_agent_editor.moc"
