// mergeConfig: a whole agent configuration merged (prompt + tools), the
// tools text of an input kept when the merged tools equal it.
#include "merge/ConfigMerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace retell::core;

namespace {

const QString kPrompt = QStringLiteral("Line one.\nLine two.\n\nLine four.\nLine five.\n");
// Hand-formatted: a merge that takes nothing from theirs must not reformat it.
const QString kTools = QStringLiteral(
    "[ {\"type\": \"end_call\", \"name\": \"end_call\", \"description\": \"Bye.\"} ]");
const QString kToolsTheirs =
    QStringLiteral("[{\"type\":\"end_call\",\"name\":\"end_call\",\"description\":\"Goodbye.\"}]");

} // namespace

class TestConfigMerge final : public QObject
{
    Q_OBJECT

private slots:
    void promptOnlyChangeKeepsOurToolsText()
    {
        const AgentConfig base{kPrompt, kTools};
        AgentConfig ours = base;
        ours.prompt.replace(QStringLiteral("Line one."), QStringLiteral("Our line one."));
        AgentConfig theirs = base;
        theirs.prompt.replace(QStringLiteral("Line five."), QStringLiteral("Their line five."));
        theirs.toolsJson = QStringLiteral("[{\"type\":\"end_call\",\"name\":\"end_call\","
                                          "\"description\":\"Bye.\"}]"); // same array, other text
        const ConfigMerge merge = mergeConfig(base, ours, theirs);
        QVERIFY(merge.ok());
        QVERIFY(merge.clean());
        QCOMPARE(merge.conflictCount(), 0);
        const AgentConfig result = merge.result().value();
        QCOMPARE(result.prompt,
                 QStringLiteral("Our line one.\nLine two.\n\nLine four.\nTheir line five.\n"));
        QCOMPARE(result.toolsJson, kTools);
    }

    void theirToolsTakenAsTheyWrote()
    {
        const AgentConfig base{kPrompt, kTools};
        const AgentConfig theirs{kPrompt, kToolsTheirs};
        const ConfigMerge merge = mergeConfig(base, base, theirs);
        QVERIFY(merge.clean());
        QCOMPARE(merge.merged(), theirs);
    }

    void emptyToolsStayEmpty()
    {
        const AgentConfig base{kPrompt, QString()};
        AgentConfig theirs = base;
        theirs.prompt += QStringLiteral("Line six.\n");
        QCOMPARE(mergeConfig(base, base, theirs).merged().toolsJson, QString());
    }

    void conflictsOfBothParts()
    {
        const AgentConfig base{kPrompt, kTools};
        AgentConfig ours{kPrompt, QStringLiteral("[{\"type\":\"end_call\",\"name\":\"end_call\","
                                                 "\"description\":\"Ciao.\"}]")};
        ours.prompt.replace(QStringLiteral("Line two."), QStringLiteral("Ours two."));
        AgentConfig theirs{kPrompt, kToolsTheirs};
        theirs.prompt.replace(QStringLiteral("Line two."), QStringLiteral("Theirs two."));
        const ConfigMerge merge = mergeConfig(base, ours, theirs);
        QVERIFY(merge.ok());
        QVERIFY(!merge.clean());
        QCOMPARE(merge.conflictCount(), 2);
        QVERIFY(!merge.result().has_value());
        const AgentConfig unresolved = merge.merged();
        QVERIFY(unresolved.prompt.contains(QStringLiteral("<<<<<<<")));
        QCOMPARE(unresolved.toolsJson, ours.toolsJson); // a tools conflict keeps ours
        const AgentConfig resolved =
            merge.merged({ConflictChoice::Theirs}, {ConflictChoice::Theirs});
        QCOMPARE(resolved, theirs);
    }

    void unreadableInputIsAnError()
    {
        const DiffSide base{QString(), QByteArray("a\n"), QByteArray("[]")};
        const DiffSide ours{QString(), QByteArray("a\xff\n"), QByteArray("[]")};
        const ConfigMerge bad = mergeConfig(base, ours, base);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.prompt.error->input, MergeInput::Ours);
        const DiffSide notArray{QString(), QByteArray("a\n"), QByteArray("{}")};
        const ConfigMerge tools = mergeConfig(base, base, notArray);
        QVERIFY(!tools.ok());
        QCOMPARE(tools.tools.error->kind, ToolsMergeError::NotArray);
    }
};

QTEST_GUILESS_MAIN(TestConfigMerge)
#include "tst_config_merge.moc"
