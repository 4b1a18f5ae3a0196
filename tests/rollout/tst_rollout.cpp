// The rollout engine on a real database (issue 13 §3-5): preview, apply with
// a branch deployed meanwhile, a conflict resolved, undo, tenant isolation.
#include "RolloutWorld.h"
#include "TestDatabase.h"
#include "TestWorld.h"

#include "rollout/Rollout.h"
#include "versions/VersionNotes.h"
#include "versions/VersionService.h"

#include <QTest>

using namespace retell::core;
using retell::test::RolloutWorld;
using retell::test::TestDatabase;
using retell::test::TestWorld;

namespace {

RolloutChange berlinEdit()
{
    return RolloutChange::difference(RolloutWorld::base(), RolloutWorld::edited(),
                                     QStringLiteral("Berlin@3 -> Berlin@4"));
}

int activeVersion(const ConnectionSpec &spec, const QString &branch)
{
    return TestWorld::scalar(spec,
                             QStringLiteral("SELECT version FROM retell_agent_prompts WHERE "
                                            "branch_id = ? AND is_active = TRUE"),
                             {branch})
        .toInt();
}

QString activePrompt(const ConnectionSpec &spec, const QString &branch)
{
    return TestWorld::scalar(spec,
                             QStringLiteral("SELECT prompt_content FROM retell_agent_prompts "
                                            "WHERE branch_id = ? AND is_active = TRUE"),
                             {branch});
}

const RolloutBranch *find(const Rollout &rollout, const QString &branchId)
{
    for (const RolloutBranch &b : rollout.branches)
        if (b.branchId.compare(branchId, Qt::CaseInsensitive) == 0)
            return &b;
    return nullptr;
}

const RolloutPreviewItem *find(const RolloutPreview &preview, const QString &branchId)
{
    for (const RolloutPreviewItem &i : preview.items)
        if (i.branch.id.compare(branchId, Qt::CaseInsensitive) == 0)
            return &i;
    return nullptr;
}

} // namespace

namespace QTest {
template <> char *toString(const RolloutOutcome &outcome)
{
    return qstrdup(qPrintable(rolloutOutcomeName(outcome)));
}
template <> char *toString(const RolloutPreviewOutcome &outcome)
{
    return qstrdup(qPrintable(rolloutPreviewOutcomeName(outcome)));
}
template <> char *toString(const RolloutUndoOutcome &outcome)
{
    return qstrdup(qPrintable(rolloutUndoOutcomeName(outcome)));
}
} // namespace QTest

class TestRollout final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("backend: %s", qPrintable(TestDatabase::backend())); }

    // The story of issue 13: 20 branches, 15 clean, 3 already have it, 2
    // conflict; one deployed between preview and apply; one conflict
    // resolved; undo with one branch changed since.
    void previewApplyResolveUndo()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const RolloutWorld w = RolloutWorld::create(db.spec());
        QDateTime now(QDate(2026, 11, 30), QTime(7, 0), Qt::UTC);
        const ServiceContext ctx{db.spec(), [&] { return now; }};
        RolloutService rollouts(ctx);
        VersionService versions(ctx);

        QList<int> progress;
        auto preview =
            rollouts.preview(w.carl, berlinEdit(), w.targets(), [&](int done, int total) {
                QCOMPARE(total, 20);
                progress << done;
            });
        QVERIFY2(preview, preview ? "" : qPrintable(preview.error().message));
        QCOMPARE(preview->items.size(), 20);
        QCOMPARE(progress.size(), 20);
        QCOMPARE(progress.last(), 20);
        QCOMPARE(preview->count(RolloutPreviewOutcome::Clean), 15);
        QCOMPARE(preview->count(RolloutPreviewOutcome::AlreadyHas), 3);
        QCOMPARE(preview->count(RolloutPreviewOutcome::Conflict), 2);
        for (const QString &id : w.conflicting) {
            const RolloutPreviewItem *item = find(preview.value(), id);
            QVERIFY(item);
            QCOMPARE(item->outcome, RolloutPreviewOutcome::Conflict);
            QCOMPARE(item->conflictCount, 1);
            QCOMPARE(item->merge.prompt.conflicts.size(), 1);
            QVERIFY(item->proposed.prompt.contains(QStringLiteral("<<<<<<<")));
        }
        const RolloutPreviewItem *first = find(preview.value(), w.clean.first());
        QVERIFY(first);
        QCOMPARE(first->proposed, RolloutWorld::customisedEdited(QStringLiteral("City 01")));
        QCOMPARE(first->baseVersion, 1);
        QCOMPARE(first->branch.name, QStringLiteral("City 01"));
        QCOMPARE(TestWorld::scalar(db.spec(),
                                   QStringLiteral("SELECT COUNT(*) FROM retell_admin_rollouts")),
                 QStringLiteral("0")); // a preview writes nothing

        // Someone deploys to a clean branch after the preview: reported, not overwritten.
        const QString meanwhile = w.clean.at(4);
        const int before = activeVersion(db.spec(), meanwhile);
        QVERIFY(versions.deploy(w.ann, meanwhile,
                                DeployRequest{RolloutWorld::customised(QStringLiteral("Elsewhere")),
                                              QString(), QStringLiteral("meanwhile")}));
        const QString meanwhilePrompt = activePrompt(db.spec(), meanwhile);

        now = now.addSecs(60);
        progress.clear();
        auto applied = rollouts.apply(w.carl, preview->change, preview->items,
                                      QStringLiteral("two appointments everywhere"),
                                      [&](int done, int) { progress << done; });
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        QVERIFY(applied->id > 0);
        QCOMPARE(progress.size(), 20);
        QCOMPARE(applied->count(RolloutOutcome::Applied), 14);
        QCOMPARE(applied->count(RolloutOutcome::Stale), 1);
        QCOMPARE(applied->count(RolloutOutcome::Unchanged), 3);
        QCOMPARE(applied->count(RolloutOutcome::Conflict), 2);
        QVERIFY(applied->needsAttention());
        const RolloutBranch *stale = find(applied.value(), meanwhile);
        QVERIFY(stale);
        QCOMPARE(stale->outcome, RolloutOutcome::Stale);
        QCOMPARE(stale->currentVersion, before + 1);
        QCOMPARE(activeVersion(db.spec(), meanwhile), before + 1);
        QCOMPARE(activePrompt(db.spec(), meanwhile), meanwhilePrompt);

        // Each applied branch got the merge, its own greeting kept, and a note naming the rollout.
        const QString expectedNote =
            QStringLiteral("Rollout #%1: two appointments everywhere").arg(applied->id);
        for (const QString &id : w.clean) {
            if (id == meanwhile)
                continue;
            const RolloutBranch *b = find(applied.value(), id);
            QVERIFY(b);
            QCOMPARE(b->outcome, RolloutOutcome::Applied);
            QCOMPARE(b->versionWritten.value_or(0), b->baseVersion + 1);
            auto active = versions.active(w.carl, id);
            QVERIFY(active);
            QCOMPARE(active->version, b->versionWritten.value_or(0));
            QCOMPARE(active->config, RolloutWorld::customisedEdited(b->branchName));
            QCOMPARE(active->notes, expectedNote);
            QCOMPARE(parseAutomaticNote(active->notes).kind, AutomaticNote::Kind::Rollout);
            QCOMPARE(parseAutomaticNote(active->notes).version, int(applied->id));
        }
        for (const QString &id : w.alreadyHas + w.conflicting)
            QCOMPARE(activeVersion(db.spec(), id), 1); // untouched

        // Recorded: the rollout and a row per branch, as read back.
        auto stored = rollouts.rollout(w.carl, applied->id);
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
        QCOMPARE(stored->branches.size(), 20);
        QCOMPARE(stored->count(RolloutOutcome::Applied), 14);
        QCOMPARE(stored->count(RolloutOutcome::Stale), 1);
        QCOMPARE(stored->createdByName, QStringLiteral("Carl Acme"));
        QCOMPARE(stored->createdAt, now);
        QCOMPARE(stored->change.description, QStringLiteral("Berlin@3 -> Berlin@4"));
        QCOMPARE(stored->change.after, RolloutWorld::edited());
        QCOMPARE(stored->notes, QStringLiteral("two appointments everywhere"));
        QCOMPARE(find(stored.value(), w.clean.first())->versionWritten.value_or(0), 2);
        auto list = rollouts.rollouts(w.carl);
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().branchCount, 20);
        QCOMPARE(list->first().appliedCount, 14);

        // One conflict resolved in the merge window: their line taken.
        const RolloutPreviewItem *conflict = find(preview.value(), w.conflicting.first());
        const AgentConfig resolution = conflict->merge.merged({ConflictChoice::Theirs});
        auto resolved = rollouts.resolve(w.carl, applied->id, w.conflicting.first(),
                                         conflict->baseVersion, resolution);
        QVERIFY2(resolved, resolved ? "" : qPrintable(resolved.error().message));
        QCOMPARE(resolved->outcome, RolloutOutcome::Resolved);
        QCOMPARE(resolved->versionWritten.value_or(0), 2);
        QCOMPARE(activePrompt(db.spec(), w.conflicting.first()), RolloutWorld::edited().prompt);
        auto again = rollouts.resolve(w.carl, applied->id, w.conflicting.first(),
                                      conflict->baseVersion, resolution);
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ErrorKind::Conflict);

        // A branch changed after the rollout: listed by undo, not touched.
        const QString changedSince = w.clean.at(7);
        auto manual =
            versions.deploy(w.carl, changedSince,
                            DeployRequest{RolloutWorld::customised(QStringLiteral("Manual")),
                                          QString(), QStringLiteral("changed after the rollout")});
        QVERIFY(manual);
        const int promptRows = TestWorld::promptRows(db.spec());
        now = now.addSecs(60);
        auto undone = rollouts.undo(w.carl, applied->id);
        QVERIFY2(undone, undone ? "" : qPrintable(undone.error().message));
        int undoneCount = 0;
        for (const RolloutBranch &b : undone->branches) {
            if (b.undo == RolloutUndoOutcome::Undone) {
                ++undoneCount;
                QCOMPARE(activeVersion(db.spec(), b.branchId), b.undoVersion.value_or(-1));
                auto active = versions.active(w.carl, b.branchId);
                QVERIFY(active);
                QCOMPARE(active->notes,
                         QStringLiteral("Rollback to version %1: undo of rollout #%2")
                             .arg(b.baseVersion)
                             .arg(applied->id));
            }
        }
        QCOMPARE(undoneCount, 14); // 13 applied + 1 resolved
        const RolloutBranch *listed = find(undone.value(), changedSince);
        QCOMPARE(listed->undo, RolloutUndoOutcome::ChangedSince);
        QCOMPARE(listed->activeVersion, manual->version.version);
        QCOMPARE(activeVersion(db.spec(), changedSince), manual->version.version);
        QCOMPARE(TestWorld::promptRows(db.spec()), promptRows + 14);
        QCOMPARE(activePrompt(db.spec(), w.clean.first()),
                 RolloutWorld::customised(QStringLiteral("City 01")).prompt);
        QCOMPARE(activePrompt(db.spec(), w.conflicting.first()),
                 TestWorld::scalar(db.spec(),
                                   QStringLiteral("SELECT prompt_content FROM "
                                                  "retell_agent_prompts WHERE branch_id = ? AND "
                                                  "version = 1"),
                                   {w.conflicting.first()}));
        auto afterUndo = rollouts.rollout(w.carl, applied->id);
        QVERIFY(afterUndo);
        QVERIFY(afterUndo->undoneAt.has_value());
        QCOMPARE(afterUndo->undoneByName, QStringLiteral("Carl Acme"));
        QCOMPARE(find(afterUndo.value(), changedSince)->undo, RolloutUndoOutcome::ChangedSince);
        QCOMPARE(find(afterUndo.value(), w.clean.first())->undo, RolloutUndoOutcome::Undone);

        // Undo again: what was undone stays; the changed branch is still listed.
        auto twice = rollouts.undo(w.carl, applied->id);
        QVERIFY(twice);
        QCOMPARE(TestWorld::promptRows(db.spec()), promptRows + 14);
        QCOMPARE(find(twice.value(), changedSince)->undo, RolloutUndoOutcome::ChangedSince);
    }

    // An admin of one company sees and touches nothing of another.
    void tenantIsolation()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const RolloutWorld w = RolloutWorld::create(db.spec());
        const ServiceContext ctx{db.spec()};
        RolloutService rollouts(ctx);

        // Bea (Other Co) previews on Acme's branches: denied, nothing told.
        auto beaPreview = rollouts.preview(w.bea, berlinEdit(), w.targets() + w.others);
        QVERIFY(beaPreview);
        QCOMPARE(beaPreview->count(RolloutPreviewOutcome::Denied), 20);
        QCOMPARE(beaPreview->count(RolloutPreviewOutcome::Clean), 2);
        for (const RolloutPreviewItem &item : beaPreview->items) {
            if (item.outcome == RolloutPreviewOutcome::Denied) {
                QVERIFY(item.branch.name.isEmpty());
                QVERIFY(item.active.prompt.isEmpty());
            }
        }
        // ... and an unknown or malformed id is denied the same way.
        auto unknown = rollouts.preview(
            w.bea, berlinEdit(),
            {QStringLiteral("not-a-uuid"), QStringLiteral("00000000-0000-4000-8000-000000000000")});
        QVERIFY(unknown);
        QCOMPARE(unknown->count(RolloutPreviewOutcome::Denied), 2);

        // Carl's clean preview items, applied by Bea: denied, nothing written.
        auto carlPreview = rollouts.preview(w.carl, berlinEdit(), w.targets() + w.others);
        QVERIFY(carlPreview);
        QCOMPARE(carlPreview->count(RolloutPreviewOutcome::Clean), 15);
        QCOMPARE(carlPreview->count(RolloutPreviewOutcome::Denied), 2); // Other Co's
        const int rows = TestWorld::promptRows(db.spec());
        auto forged = rollouts.apply(w.bea, berlinEdit(), carlPreview->items.mid(0, 20),
                                     QStringLiteral("not mine"));
        QVERIFY(forged);
        QCOMPARE(forged->count(RolloutOutcome::Applied), 0);
        QCOMPARE(forged->count(RolloutOutcome::Denied), 20);
        for (const RolloutBranch &b : forged->branches)
            QVERIFY(b.branchName.isEmpty());
        QCOMPARE(TestWorld::promptRows(db.spec()), rows);

        // Ann (global) rolls out to both companies; Carl and Bea each see
        // and undo only their own part.
        auto annPreview = rollouts.preview(w.ann, berlinEdit(), w.clean.mid(0, 3) + w.others);
        QVERIFY(annPreview);
        QCOMPARE(annPreview->count(RolloutPreviewOutcome::Clean), 5);
        auto both = rollouts.apply(w.ann, berlinEdit(), annPreview->items,
                                   QStringLiteral("both companies"));
        QVERIFY(both);
        QCOMPARE(both->count(RolloutOutcome::Applied), 5);
        auto seenByBea = rollouts.rollout(w.bea, both->id);
        QVERIFY(seenByBea);
        QCOMPARE(seenByBea->branches.size(), 2);
        auto beaList = rollouts.rollouts(w.bea);
        QVERIFY(beaList);
        QCOMPARE(beaList->size(), 1);
        QCOMPARE(beaList->first().id, both->id);
        QCOMPARE(beaList->first().branchCount, 2);
        // Bea's own forged rollout recorded only denied Acme rows: not hers to see.
        auto forgedSeen = rollouts.rollout(w.bea, forged->id);
        QVERIFY(!forgedSeen);
        QCOMPARE(forgedSeen.error().kind, ErrorKind::NotFound);

        auto beaUndo = rollouts.undo(w.bea, both->id);
        QVERIFY2(beaUndo, beaUndo ? "" : qPrintable(beaUndo.error().message));
        QCOMPARE(beaUndo->branches.size(), 2);
        for (const QString &id : w.others)
            QCOMPARE(activeVersion(db.spec(), id), 3); // v1, rollout v2, undo v3
        for (const QString &id : w.clean.mid(0, 3))
            QCOMPARE(activePrompt(db.spec(), id).contains(QStringLiteral("two free")), true);

        // A rollout only in Acme: Bea cannot see or undo it.
        auto acmeOnly = rollouts.apply(
            w.carl, berlinEdit(), rollouts.preview(w.carl, berlinEdit(), w.clean.mid(5, 2))->items,
            QStringLiteral("acme only"));
        QVERIFY(acmeOnly);
        QCOMPARE(acmeOnly->count(RolloutOutcome::Applied), 2);
        auto refused = rollouts.undo(w.bea, acmeOnly->id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::NotFound);
        QCOMPARE(activeVersion(db.spec(), w.clean.at(5)),
                 acmeOnly->branches.first().versionWritten.value_or(-1));
        auto refusedResolve =
            rollouts.resolve(w.bea, both->id, w.clean.first(), 2, RolloutWorld::base());
        QVERIFY(!refusedResolve);
    }

    // A template applied as a whole: its content as it is, also on a branch
    // with no version yet; a branch that has it already is left alone.
    void wholeTemplate()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const RolloutWorld w = RolloutWorld::create(db.spec());
        RolloutService rollouts(ServiceContext{db.spec()});
        const RolloutChange change =
            RolloutChange::wholeTemplate(QStringLiteral("Chain basic"), RolloutWorld::edited());
        QCOMPARE(change.description, QStringLiteral("template:Chain basic"));
        // Alpha has no version; Berlin runs the template's content already.
        auto preview =
            rollouts.preview(w.ann, change, {TestWorld::kBranchA, w.berlin, w.clean.first()});
        QVERIFY(preview);
        QCOMPARE(preview->items.at(0).outcome, RolloutPreviewOutcome::Clean);
        QCOMPARE(preview->items.at(0).baseVersion, 0);
        QCOMPARE(preview->items.at(1).outcome, RolloutPreviewOutcome::AlreadyHas);
        QCOMPARE(preview->items.at(2).outcome, RolloutPreviewOutcome::Clean);
        QCOMPARE(preview->items.at(2).proposed, RolloutWorld::edited());
        auto applied = rollouts.apply(w.ann, change, preview->items, QStringLiteral("chain basic"));
        QVERIFY(applied);
        QCOMPARE(applied->count(RolloutOutcome::Applied), 2);
        QCOMPARE(TestWorld::scalar(db.spec(),
                                   QStringLiteral("SELECT template_name FROM retell_agent_prompts "
                                                  "WHERE branch_id = ? AND is_active = TRUE"),
                                   {TestWorld::kBranchA}),
                 QStringLiteral("Chain basic"));
        // A difference needs something to merge into.
        auto fresh = rollouts.preview(w.ann, berlinEdit(), {TestWorld::kBranchB});
        QVERIFY(fresh);
        QCOMPARE(fresh->items.first().outcome, RolloutPreviewOutcome::NoActiveVersion);
        // Undo: Alpha had nothing before, the other goes back.
        auto undone = rollouts.undo(w.ann, applied->id);
        QVERIFY(undone);
        QCOMPARE(find(undone.value(), TestWorld::kBranchA)->undo,
                 RolloutUndoOutcome::NothingBefore);
        QCOMPARE(find(undone.value(), w.clean.first())->undo, RolloutUndoOutcome::Undone);
    }

    // Results that would fail validation are not deployed; notes are required.
    void invalidResultsAndNotes()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const RolloutWorld w = RolloutWorld::create(db.spec());
        RolloutService rollouts(ServiceContext{db.spec()});
        AgentConfig broken = RolloutWorld::edited();
        broken.toolsJson = QStringLiteral("[{\"type\":\"end_call\"}]"); // a tool without a name
        const RolloutChange change =
            RolloutChange::difference(RolloutWorld::base(), broken, QStringLiteral("broken"));
        auto preview = rollouts.preview(w.ann, change, w.clean.mid(0, 2));
        QVERIFY(preview);
        QCOMPARE(preview->count(RolloutPreviewOutcome::Invalid), 2);
        QVERIFY(!preview->items.first().findings.isEmpty());
        auto noNotes = rollouts.apply(w.ann, change, preview->items, QStringLiteral("  "));
        QVERIFY(!noNotes);
        QCOMPARE(noNotes.error().kind, ErrorKind::Usage);
        const int rows = TestWorld::promptRows(db.spec());
        auto applied = rollouts.apply(w.ann, change, preview->items, QStringLiteral("try"));
        QVERIFY(applied);
        QCOMPARE(applied->count(RolloutOutcome::Invalid), 2);
        QCOMPARE(TestWorld::promptRows(db.spec()), rows);
    }

    // A branch given twice is previewed and rolled out once; a conflict's
    // inputs open in the merge window as they were merged.
    void duplicatesAndMergeInputs()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const RolloutWorld w = RolloutWorld::create(db.spec());
        RolloutService rollouts(ServiceContext{db.spec()});
        const QStringList ids = {w.clean.first(), w.clean.first().toUpper(), w.conflicting.first()};
        auto preview = rollouts.preview(w.ann, berlinEdit(), ids);
        QVERIFY(preview);
        QCOMPARE(preview->items.size(), 2);
        const PerInput<DiffSide> sides = mergeInputs(preview->change, preview->items.at(1));
        QCOMPARE(sides[MergeInput::Ours].title, QStringLiteral("City 19@1"));
        QCOMPARE(sides[MergeInput::Theirs].title, QStringLiteral("Berlin@3 -> Berlin@4 (after)"));
        const ConfigMerge again = mergeConfig(sides[MergeInput::Base], sides[MergeInput::Ours],
                                              sides[MergeInput::Theirs]);
        QCOMPARE(again.conflictCount(), preview->items.at(1).conflictCount);
        QList<int> progress;
        auto applied = rollouts.apply(w.ann, berlinEdit(), preview->items + preview->items,
                                      QStringLiteral("twice"),
                                      [&](int done, int total) { progress << done * 10 + total; });
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        QCOMPARE(applied->branches.size(), 2);
        QCOMPARE(applied->count(RolloutOutcome::Applied), 1);
        QCOMPARE(progress, (QList<int>{12, 22}));
        QCOMPARE(activeVersion(db.spec(), w.clean.first()), 2);
    }

    // A cancel stops before the next branch; the rest is recorded as skipped.
    void cancelLeavesTheRestSkipped()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const RolloutWorld w = RolloutWorld::create(db.spec());
        RolloutService rollouts(ServiceContext{db.spec()});
        auto preview = rollouts.preview(w.ann, berlinEdit(), w.clean);
        QVERIFY(preview);
        std::stop_source stop;
        auto applied = rollouts.apply(
            w.ann, berlinEdit(), preview->items, QStringLiteral("some"),
            [&](int done, int) {
                if (done == 4)
                    stop.request_stop();
            },
            stop.get_token());
        QVERIFY(applied);
        QVERIFY(applied->cancelled);
        QCOMPARE(applied->count(RolloutOutcome::Applied), 4);
        QCOMPARE(applied->count(RolloutOutcome::Skipped), 11);
        auto stored = rollouts.rollout(w.ann, applied->id);
        QVERIFY(stored);
        QCOMPARE(stored->count(RolloutOutcome::Skipped), 11);
    }
};

QTEST_GUILESS_MAIN(TestRollout)
#include "tst_rollout.moc"
