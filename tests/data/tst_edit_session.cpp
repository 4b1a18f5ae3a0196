// One branch's edit without widgets: what counts as the edit's own (a
// draft to keep, a deploy to make) once it was queued offline.
#include "versions/EditSession.h"

#include <QTest>

using namespace retell::core;

namespace {

PromptVersion version(int number, const QString &prompt)
{
    PromptVersion v;
    v.branchId = QStringLiteral("b");
    v.version = number;
    v.isActive = true;
    v.config = AgentConfig{prompt, QStringLiteral("[]")};
    return v;
}

Branch branch()
{
    Branch b;
    b.id = QStringLiteral("b");
    b.name = QStringLiteral("Berlin Mitte");
    b.activeVersion = 4;
    return b;
}

} // namespace

class TestEditSession final : public QObject
{
    Q_OBJECT

private slots:
    void queuedContentIsNoLongerADraft()
    {
        EditSession edit;
        edit.open(branch(), version(4, QStringLiteral("v4")));
        QVERIFY(!edit.differsFromActive());
        edit.setContent(AgentConfig{QStringLiteral("mine"), QStringLiteral("[]")});
        QVERIFY(edit.isEdited());
        QVERIFY(edit.differsFromActive());

        edit.queued(); // the outbox holds it now
        QVERIFY(!edit.isEdited());
        QVERIFY(!edit.differsFromActive());
        QCOMPARE(edit.content().prompt, QStringLiteral("mine")); // still shown

        // The replica read again (nothing new): the queued content stays.
        QVERIFY(!edit.updateActive(version(4, QStringLiteral("v4"))));
        QCOMPARE(edit.content().prompt, QStringLiteral("mine"));
        QVERIFY(!edit.differsFromActive());

        // Edited further: that is the admin's own again.
        edit.setContent(AgentConfig{QStringLiteral("mine, more"), QStringLiteral("[]")});
        QVERIFY(edit.isEdited());
        QVERIFY(edit.differsFromActive());
        // Back to what was queued (undo): nothing of its own.
        edit.setContent(AgentConfig{QStringLiteral("mine"), QStringLiteral("[]")});
        QVERIFY(!edit.differsFromActive());
    }

    void anotherBranchOrADeployForgetsTheQueuedContent()
    {
        EditSession edit;
        edit.open(branch(), version(4, QStringLiteral("v4")));
        edit.setContent(AgentConfig{QStringLiteral("mine"), QStringLiteral("[]")});
        edit.queued();
        edit.open(branch(), version(4, QStringLiteral("v4")));
        edit.setContent(AgentConfig{QStringLiteral("mine"), QStringLiteral("[]")});
        QVERIFY(edit.differsFromActive()); // a new edit, not the queued one

        edit.queued();
        edit.deployed(version(5, QStringLiteral("v5")));
        edit.setContent(AgentConfig{QStringLiteral("mine"), QStringLiteral("[]")});
        QVERIFY(edit.differsFromActive());
    }
};

QTEST_GUILESS_MAIN(TestEditSession)
#include "tst_edit_session.moc"
