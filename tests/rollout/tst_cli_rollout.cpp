// rollout / rollout-undo through the real CLI (issue 13 §8): --dry-run
// writes nothing, --json's shape, exit codes 0 / 6 / 4, undo, isolation.
#include "RolloutWorld.h"
#include "TestDatabase.h"
#include "TestWorld.h"
#include "cli_runner.h"

#include "templates/TemplateService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const Who kCarl{QStringLiteral("carl@example.com"), QStringLiteral("pw")};
const Who kBea{QStringLiteral("bea@example.com"), QStringLiteral("pw")};

QMap<QString, int> outcomes(const QJsonObject &o, const QString &key = QStringLiteral("outcome"))
{
    QMap<QString, int> counts;
    for (const QJsonValue &b : o.value(QStringLiteral("branches")).toArray())
        ++counts[b.toObject().value(key).toString()];
    return counts;
}

} // namespace

class TestCliRollout final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RETELL_REQUIRE_DB(m_db);
        m_world = RolloutWorld::create(m_db.spec());
        auto app = TestDatabase::isServer() ? CliRunner::leastPrivilegeAccount(m_db.spec())
                                            : Result<ConnectionSpec>(m_db.spec());
        QVERIFY2(app, qPrintable(app ? QString() : app.error().message));
        m_cli.setSpec(app.value());
    }

    void dryRunWritesNothing()
    {
        const int rows = TestWorld::promptRows(m_db.spec());
        const CliResult r = m_cli.run({QStringLiteral("--json"), QStringLiteral("rollout"),
                                       QStringLiteral("--change"), QStringLiteral("Berlin@3"),
                                       QStringLiteral("Berlin@4"), QStringLiteral("--company"),
                                       QStringLiteral("Acme Salons"), QStringLiteral("--dry-run")},
                                      kCarl);
        QVERIFY2(r.exitCode == 6, qPrintable(r.describe())); // two branches would conflict
        const QJsonObject o = r.json().object();
        QVERIFY(o.value(QStringLiteral("id")).isNull());
        QCOMPARE(o.value(QStringLiteral("dry_run")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("change")).toString(),
                 QStringLiteral("Berlin@3 -> Berlin@4"));
        const auto counts = outcomes(o);
        QCOMPARE(counts.value(QStringLiteral("clean")), 15);
        QCOMPARE(counts.value(QStringLiteral("already_has")), 4); // Berlin itself too
        QCOMPARE(counts.value(QStringLiteral("conflict")), 2);
        QCOMPARE(counts.value(QStringLiteral("no_active_version")), 2); // Alpha, Beta
        QCOMPARE(TestWorld::promptRows(m_db.spec()), rows);
        QCOMPARE(TestWorld::scalar(m_db.spec(),
                                   QStringLiteral("SELECT COUNT(*) FROM retell_admin_rollouts")),
                 QStringLiteral("0"));

        const CliResult text = m_cli.run(
            {QStringLiteral("rollout"), QStringLiteral("--change"), QStringLiteral("Berlin@3"),
             QStringLiteral("Berlin@4"), QStringLiteral("--branches"),
             m_world.clean.mid(0, 2).join(QLatin1Char(',')), QStringLiteral("--dry-run")},
            kCarl);
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.stdoutText().contains(QStringLiteral("Acme Salons / City 01")),
                 qPrintable(text.describe()));
        QVERIFY(text.stdoutText().contains(QStringLiteral("2 clean, 0 already have it")));
    }

    void applyThenUndo()
    {
        // By name and by id, mixed.
        QStringList branches = m_world.clean.mid(1) + m_world.alreadyHas;
        branches.prepend(QStringLiteral("City 01"));
        const CliResult r = m_cli.run(
            {QStringLiteral("rollout"), QStringLiteral("--change"), QStringLiteral("Berlin@3"),
             QStringLiteral("Berlin@4"), QStringLiteral("--branches"),
             branches.join(QLatin1Char(',')), QStringLiteral("--notes"),
             QStringLiteral("two appointments"), QStringLiteral("--json")},
            kCarl);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject o = r.json().object();
        const int id = o.value(QStringLiteral("id")).toInt();
        QVERIFY(id > 0);
        const auto counts = outcomes(o);
        QCOMPARE(counts.value(QStringLiteral("applied")), 15);
        QCOMPARE(counts.value(QStringLiteral("unchanged")), 3);
        for (const QJsonValue &v : o.value(QStringLiteral("branches")).toArray()) {
            const QJsonObject b = v.toObject();
            QVERIFY(b.contains(QStringLiteral("branch_id")));
            if (b.value(QStringLiteral("outcome")).toString() == QLatin1String("applied"))
                QVERIFY(b.value(QStringLiteral("version")).toInt() >= 2);
            else
                QVERIFY(b.value(QStringLiteral("version")).isNull());
        }
        QCOMPARE(
            TestWorld::scalar(m_db.spec(),
                              QStringLiteral("SELECT deployment_notes FROM retell_agent_prompts "
                                             "WHERE branch_id = ? AND is_active = TRUE"),
                              {m_world.clean.first()}),
            QStringLiteral("Rollout #%1: two appointments").arg(id));

        // The conflicting ones: exit 6, nothing written there.
        const CliResult conflicts = m_cli.run(
            {QStringLiteral("rollout"), QStringLiteral("--change"), QStringLiteral("Berlin@3"),
             QStringLiteral("Berlin@4"), QStringLiteral("--branches"),
             m_world.conflicting.join(QLatin1Char(',')), QStringLiteral("--notes"),
             QStringLiteral("again"), QStringLiteral("--json")},
            kCarl);
        QVERIFY2(conflicts.exitCode == 6, qPrintable(conflicts.describe()));
        QCOMPARE(outcomes(conflicts.json().object()).value(QStringLiteral("conflict")), 2);

        // Bea (another company) can neither see nor undo it.
        const CliResult foreign =
            m_cli.run({QStringLiteral("rollout-undo"), QString::number(id)}, kBea);
        QVERIFY2(foreign.exitCode == 5, qPrintable(foreign.describe()));
        RETELL_VERIFY_CLEAN_ERROR(foreign);

        const CliResult undo = m_cli.run(
            {QStringLiteral("rollout-undo"), QString::number(id), QStringLiteral("--json")}, kCarl);
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.describe()));
        const QJsonObject u = undo.json().object();
        QCOMPARE(u.value(QStringLiteral("id")).toInt(), id);
        QCOMPARE(outcomes(u, QStringLiteral("undo")).value(QStringLiteral("undone")), 15);
        QCOMPARE(TestWorld::scalar(m_db.spec(),
                                   QStringLiteral("SELECT prompt_content FROM retell_agent_prompts "
                                                  "WHERE branch_id = ? AND is_active = TRUE"),
                                   {m_world.clean.first()}),
                 RolloutWorld::customised(QStringLiteral("City 01")).prompt);
        const CliResult shown = m_cli.run(
            {QStringLiteral("rollout-show"), QString::number(id), QStringLiteral("--json")}, kCarl);
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
        const QJsonObject s = shown.json().object();
        QCOMPARE(s.value(QStringLiteral("user")).toString(), QStringLiteral("Carl Acme"));
        QCOMPARE(s.value(QStringLiteral("notes")).toString(), QStringLiteral("two appointments"));
        QVERIFY(!s.value(QStringLiteral("undone_at")).isNull());
        QCOMPARE(outcomes(s, QStringLiteral("undo")).value(QStringLiteral("undone")), 15);
        const CliResult listed =
            m_cli.run({QStringLiteral("rollouts"), QStringLiteral("--json")}, kCarl);
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        const QJsonArray rollouts = listed.json().array();
        QCOMPARE(rollouts.size(), 2); // this one and the conflicting one
        QCOMPARE(rollouts.last().toObject().value(QStringLiteral("id")).toInt(), id);
        QCOMPARE(rollouts.last().toObject().value(QStringLiteral("applied")).toInt(), 15);
        const CliResult beaList =
            m_cli.run({QStringLiteral("rollouts"), QStringLiteral("--json")}, kBea);
        QCOMPARE(beaList.json().array().size(), 0);
        const CliResult beaShow =
            m_cli.run({QStringLiteral("rollout-show"), QString::number(id)}, kBea);
        QCOMPARE(beaShow.exitCode, 5);

        // Undone already: a conflict.
        const CliResult twice =
            m_cli.run({QStringLiteral("rollout-undo"), QString::number(id)}, kCarl);
        QVERIFY2(twice.exitCode == 6, qPrintable(twice.describe()));
    }

    void otherCompanyIsDenied()
    {
        const int rows = TestWorld::promptRows(m_db.spec());
        const CliResult r =
            m_cli.run({QStringLiteral("rollout"), QStringLiteral("--change"),
                       QStringLiteral("template:nothing"), QStringLiteral("Berlin@4"),
                       QStringLiteral("--branches"), m_world.clean.join(QLatin1Char(',')),
                       QStringLiteral("--notes"), QStringLiteral("not mine")},
                      kBea);
        // Bea cannot even read Berlin: the operand is not found.
        QVERIFY2(r.exitCode == 5, qPrintable(r.describe()));
        RETELL_VERIFY_CLEAN_ERROR(r);

        const QString before = writeChange(QStringLiteral("before.json"), RolloutWorld::base());
        const QString after = writeChange(QStringLiteral("after.json"), RolloutWorld::edited());
        const CliResult denied =
            m_cli.run({QStringLiteral("--json"), QStringLiteral("rollout"),
                       QStringLiteral("--change"), before, after, QStringLiteral("--branches"),
                       (m_world.clean + m_world.others).join(QLatin1Char(',')),
                       QStringLiteral("--notes"), QStringLiteral("mine and not mine")},
                      kBea);
        QVERIFY2(denied.exitCode == 4, qPrintable(denied.describe()));
        const auto counts = outcomes(denied.json().object());
        QCOMPARE(counts.value(QStringLiteral("denied")), 15);
        QCOMPARE(counts.value(QStringLiteral("applied")), 2);
        QCOMPARE(TestWorld::promptRows(m_db.spec()), rows + 2);
    }

    void wholeTemplateDryRun()
    {
        const QString name = TemplateService::builtIns().first().name;
        const CliResult r =
            m_cli.run({QStringLiteral("rollout"), QStringLiteral("--template"), name,
                       QStringLiteral("--branches"), QStringLiteral("Alpha,Beta"),
                       QStringLiteral("--dry-run"), QStringLiteral("--json")},
                      kCarl);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(QStringLiteral("change")).toString(), QStringLiteral("template:") + name);
        QCOMPARE(outcomes(o).value(QStringLiteral("clean")), 2);
        QCOMPARE(o.value(QStringLiteral("branches"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("base_version")),
                 QJsonValue(0));
    }

    void usageErrors()
    {
        const CliResult noNotes =
            m_cli.run({QStringLiteral("rollout"), QStringLiteral("--change"),
                       QStringLiteral("Berlin@3"), QStringLiteral("Berlin@4"),
                       QStringLiteral("--company"), QStringLiteral("Acme Salons")},
                      kCarl);
        QCOMPARE(noNotes.exitCode, 2);
        RETELL_VERIFY_CLEAN_ERROR(noNotes);
        const CliResult both = m_cli.run({QStringLiteral("rollout"), QStringLiteral("--template"),
                                          QStringLiteral("x"), QStringLiteral("--branches"),
                                          QStringLiteral("a"), QStringLiteral("--company"),
                                          QStringLiteral("b"), QStringLiteral("--dry-run")},
                                         kCarl);
        QCOMPARE(both.exitCode, 2);
        const CliResult badId =
            m_cli.run({QStringLiteral("rollout-undo"), QStringLiteral("x")}, kCarl);
        QCOMPARE(badId.exitCode, 2);
    }

private:
    QString writeChange(const QString &name, const AgentConfig &config)
    {
        const QJsonObject o{
            {QStringLiteral("prompt"), config.prompt},
            {QStringLiteral("tools"), QJsonDocument::fromJson(config.toolsJson.toUtf8()).array()}};
        return writeTestFile(m_files, name, QJsonDocument(o).toJson());
    }

    TestDatabase m_db;
    RolloutWorld m_world;
    CliRunner m_cli;
    QTemporaryDir m_files;
};

QTEST_GUILESS_MAIN(TestCliRollout)
#include "tst_cli_rollout.moc"
