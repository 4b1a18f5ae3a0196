// Filling and refreshing a local replica from the shared database (issue 12
// §1), with the server on every backend (NAME_sqlite, _mariadb, _pgsql) and
// the replica a real SQLite file: what the user may see and nothing more,
// versions by id with who deployed them, the active flag moved, a deleted
// branch gone, a second pull with nothing new changes nothing, a cancelled
// fill resumes where it stopped.
#include "TestDatabase.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "offline/ReplicaPull.h"
#include "seed/Seeder.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

QString scalar(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind = {})
{
    auto conn = Database::connection(spec);
    if (!conn)
        return QStringLiteral("<%1>").arg(conn.error().message);
    auto q = Database::exec(conn.value(), sql, bind);
    if (!q)
        return QStringLiteral("<%1>").arg(q.error().message);
    return q->next() ? q->value(0).toString() : QString();
}

// "branch:version:active" rows of a database, for comparing server and replica.
QStringList versions(const ConnectionSpec &spec, const QSet<QString> &branches)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return {conn.error().message};
    auto q = Database::exec(
        conn.value(), QStringLiteral("SELECT id, branch_id, version, is_active, prompt_content "
                                     "FROM retell_agent_prompts ORDER BY id"));
    if (!q)
        return {q.error().message};
    QStringList out;
    while (q->next()) {
        if (!branches.contains(q->value(1).toString()))
            continue;
        out << QStringLiteral("%1:%2:v%3:%4:%5")
                   .arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                        q->value(3).toBool() ? QStringLiteral("active") : QString())
                   .arg(qHash(q->value(4).toString()));
    }
    return out;
}

} // namespace

class TestReplicaPull final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RETELL_REQUIRE_DB(m_db);
        QVERIFY(m_dir.isValid());
        auto migrated = Migrator::migrate(m_db.spec());
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().message));
        auto seeded = Seeder::seedDemo(ServiceContext{m_db.spec()});
        QVERIFY2(seeded, qPrintable(seeded ? QString() : seeded.error().message));
    }

    void cleanupTestCase() { Database::dropConnection(m_db.spec()); }

    void fillsWhatTheUserMaySeeAndRefreshes()
    {
        const ServiceContext server{m_db.spec()};
        const ServiceContext replica = newReplica(QStringLiteral("editor"));
        auto editor = AuthService(server).login(QString::fromLatin1(demo::kBranchEditor),
                                                QString::fromLatin1(demo::kPassword));
        QVERIFY2(editor, qPrintable(editor ? QString() : editor.error().message));
        auto visible = BranchService(server).branches(editor.value());
        QVERIFY(visible && !visible->isEmpty());
        QSet<QString> ids;
        for (const Branch &b : std::as_const(*visible))
            ids.insert(b.id);

        QList<std::pair<qint64, qint64>> steps;
        PullProgress progress;
        progress.report = [&](qint64 done, qint64 total) { steps.append({done, total}); };
        auto first = ReplicaPull(server, replica).pull(editor.value(), progress);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->branches, int(ids.size()));
        QVERIFY(first->versionsAdded > 0);
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.constLast().first, steps.constLast().second);
        QCOMPARE(versions(replica.spec, ids), versions(server.spec, ids));
        // Only the visible branches, the user's own password hash, no one else's.
        QCOMPARE(scalar(replica.spec, QStringLiteral("SELECT COUNT(*) FROM branches")),
                 QString::number(ids.size()));
        QCOMPARE(scalar(replica.spec, QStringLiteral("SELECT password FROM users WHERE id = ?"),
                        {editor->user.id}),
                 scalar(server.spec, QStringLiteral("SELECT password FROM users WHERE id = ?"),
                        {editor->user.id}));
        QCOMPARE(
            scalar(replica.spec,
                   QStringLiteral("SELECT COUNT(*) FROM users WHERE id <> ? AND password <> ''"),
                   {editor->user.id}),
            QStringLiteral("0"));
        QCOMPARE(
            scalar(replica.spec,
                   QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants WHERE user_id = ?"),
                   {editor->user.id}),
            scalar(server.spec,
                   QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants WHERE user_id = ?"),
                   {editor->user.id}));

        // Nothing new: nothing changes.
        auto again = ReplicaPull(server, replica).pull(editor.value());
        QVERIFY(again);
        QCOMPARE(again->versionsAdded, 0);
        QCOMPARE(again->activeChanged, 0);
        QCOMPARE(again->branchesRemoved, 0);

        // A deploy and a rollback on the server: the new version arrives and
        // the active flag follows.
        const QString branch = visible->first().id;
        DeployRequest request;
        request.config = {QStringLiteral("Pulled into the replica.\n"), QStringLiteral("[]")};
        request.notes = QStringLiteral("server side");
        auto deployed = VersionService(server).deploy(editor.value(), branch, request);
        QVERIFY2(deployed, qPrintable(deployed ? QString() : deployed.error().message));
        auto third = ReplicaPull(server, replica).pull(editor.value());
        QVERIFY(third);
        QCOMPARE(third->versionsAdded, 1);
        QCOMPARE(third->activeChanged, 1);
        QCOMPARE(versions(replica.spec, ids), versions(server.spec, ids));
        auto rolledBack =
            VersionService(server).rollback(editor.value(), branch, 1, QStringLiteral("back"));
        QVERIFY2(rolledBack, qPrintable(rolledBack ? QString() : rolledBack.error().message));
        QVERIFY(ReplicaPull(server, replica).pull(editor.value()));
        QCOMPARE(versions(replica.spec, ids), versions(server.spec, ids));
        QCOMPARE(scalar(replica.spec,
                        QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE branch_id "
                                       "= ? AND is_active = 1"),
                        {branch}),
                 QStringLiteral("1"));
    }

    void aDeletedBranchLeavesTheReplica()
    {
        const ServiceContext server{m_db.spec()};
        const ServiceContext replica = newReplica(QStringLiteral("admin"));
        auto admin = AuthService(server).login(QString::fromLatin1(demo::kSuperAdmin),
                                               QString::fromLatin1(demo::kPassword));
        QVERIFY(admin);
        auto first = ReplicaPull(server, replica).pull(admin.value());
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        auto visible = BranchService(server).branches(admin.value());
        QVERIFY(visible && visible->size() >= 2);
        const QString doomed = visible->constLast().id;
        auto conn = Database::connection(server.spec);
        QVERIFY(conn);
        QVERIFY(Database::exec(conn.value(),
                               QStringLiteral("UPDATE branches SET deleted_at = ? WHERE id = ?"),
                               {QStringLiteral("2026-11-30 09:00:00"), doomed}));
        auto second = ReplicaPull(server, replica).pull(admin.value());
        QVERIFY(second);
        QCOMPARE(second->branchesRemoved, 1);
        QCOMPARE(scalar(replica.spec, QStringLiteral("SELECT COUNT(*) FROM branches WHERE id = ?"),
                        {doomed}),
                 QStringLiteral("0"));
        QCOMPARE(
            scalar(replica.spec,
                   QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE branch_id = ?"),
                   {doomed}),
            QStringLiteral("0"));
        QVERIFY(Database::exec(conn.value(),
                               QStringLiteral("UPDATE branches SET deleted_at = NULL WHERE id = ?"),
                               {doomed}));
        // Visible again: its whole history comes back.
        auto third = ReplicaPull(server, replica).pull(admin.value());
        QVERIFY(third);
        QSet<QString> all;
        for (const Branch &b : std::as_const(*visible))
            all.insert(b.id);
        QCOMPARE(versions(replica.spec, all), versions(server.spec, all));
    }

    void aCancelledFillResumes()
    {
        const ServiceContext server{m_db.spec()};
        const ServiceContext replica = newReplica(QStringLiteral("cancelled"));
        auto admin = AuthService(server).login(QString::fromLatin1(demo::kSuperAdmin),
                                               QString::fromLatin1(demo::kPassword));
        QVERIFY(admin);
        PullProgress stop;
        stop.cancelled = [] { return true; };
        auto cancelled = ReplicaPull(server, replica).pull(admin.value(), stop);
        QVERIFY(cancelled);
        QVERIFY(cancelled->cancelled);
        auto resumed = ReplicaPull(server, replica).pull(admin.value());
        QVERIFY(resumed && !resumed->cancelled);
        auto visible = BranchService(server).branches(admin.value());
        QVERIFY(visible);
        QSet<QString> all;
        for (const Branch &b : std::as_const(*visible))
            all.insert(b.id);
        QCOMPARE(versions(replica.spec, all), versions(server.spec, all));
    }

    // A pull writes only what changed; a renamed branch and company still
    // reach the replica.
    void aRenameReachesTheReplica()
    {
        const ServiceContext server{m_db.spec()};
        const ServiceContext replica = newReplica(QStringLiteral("renamed"));
        auto admin = AuthService(server).login(QString::fromLatin1(demo::kSuperAdmin),
                                               QString::fromLatin1(demo::kPassword));
        QVERIFY(admin);
        QVERIFY(ReplicaPull(server, replica).pull(admin.value()));
        auto visible = BranchService(server).branches(admin.value());
        QVERIFY(visible && !visible->isEmpty());
        const Branch renamed = visible->constFirst();
        auto conn = Database::connection(server.spec);
        QVERIFY(conn);
        QVERIFY(Database::exec(conn.value(),
                               QStringLiteral("UPDATE branches SET name = ? WHERE id = ?"),
                               {QStringLiteral("Renamed branch"), renamed.id}));
        QVERIFY(Database::exec(conn.value(),
                               QStringLiteral("UPDATE companies SET name = ? WHERE id = ?"),
                               {QStringLiteral("Renamed company"), renamed.companyId}));
        QVERIFY(ReplicaPull(server, replica).pull(admin.value()));
        QCOMPARE(scalar(replica.spec, QStringLiteral("SELECT name FROM branches WHERE id = ?"),
                        {renamed.id}),
                 QStringLiteral("Renamed branch"));
        QCOMPARE(scalar(replica.spec, QStringLiteral("SELECT name FROM companies WHERE id = ?"),
                        {renamed.companyId}),
                 QStringLiteral("Renamed company"));
        QVERIFY(Database::exec(conn.value(),
                               QStringLiteral("UPDATE branches SET name = ? WHERE id = ?"),
                               {renamed.name, renamed.id}));
        QVERIFY(Database::exec(conn.value(),
                               QStringLiteral("UPDATE companies SET name = ? WHERE id = ?"),
                               {renamed.companyName, renamed.companyId}));
    }

    // A version another client (the web app) wrote without findings: its
    // NULL columns stay NULL in the replica (on PostgreSQL they came as
    // empty text, which the replica's JSON check refused: the fill failed).
    void aVersionWithNullColumnsIsPulled()
    {
        const ServiceContext server{m_db.spec()};
        const ServiceContext replica = newReplica(QStringLiteral("nulls"));
        auto admin = AuthService(server).login(QString::fromLatin1(demo::kSuperAdmin),
                                               QString::fromLatin1(demo::kPassword));
        QVERIFY(admin);
        auto visible = BranchService(server).branches(admin.value());
        QVERIFY(visible && !visible->isEmpty());
        const QString branch = visible->constFirst().id;
        const int next = scalar(server.spec,
                                QStringLiteral("SELECT MAX(version) FROM retell_agent_prompts "
                                               "WHERE branch_id = ?"),
                                {branch})
                             .toInt() +
                         1;
        auto conn = Database::connection(server.spec);
        QVERIFY(conn);
        QVERIFY(Database::exec(
            conn.value(),
            QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                           "functions_config, is_active, deployed_at) VALUES (?, ?, ?, ?, ?, ?)"),
            {branch, next, QStringLiteral("Written by the web app."), QStringLiteral("[]"), false,
             QStringLiteral("2026-11-30 09:00:00")}));
        auto pulled = ReplicaPull(server, replica).pull(admin.value());
        QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
        QCOMPARE(scalar(replica.spec,
                        QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE "
                                       "branch_id = ? AND version = ? AND validation_errors IS "
                                       "NULL AND template_name IS NULL"),
                        {branch, next}),
                 QStringLiteral("1"));
    }

private:
    ServiceContext newReplica(const QString &name)
    {
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(name + QStringLiteral(".replica.db")));
        if (!spec)
            qFatal("%s", qPrintable(spec.error().message));
        auto migrated = Migrator::migrate(spec.value());
        if (!migrated)
            qFatal("%s", qPrintable(migrated.error().message));
        return ServiceContext{spec.value()};
    }

    TestDatabase m_db;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestReplicaPull)
#include "tst_replica_pull.moc"
