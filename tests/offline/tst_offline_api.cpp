// The shared offline API (issue 12 §1-3) on every backend, the replica a real
// SQLite file: its name and location carry no secret and its file is 0600;
// work queued offline is checked like online work (grants, validation,
// unchanged content) and based on the replica's active version; a sync pushes
// then pulls; an offline login works for the user who synced and for no one
// else, with the same refusal as a wrong password.
#include "FileMode.h"
#include "TestDatabase.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "offline/OfflineWork.h"
#include "offline/Outbox.h"
#include "offline/Replica.h"
#include "offline/Sync.h"
#include "seed/Seeder.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace retell::core;
using namespace retell::test;

namespace {

Actor loginOrFail(const ServiceContext &context, const char *email)
{
    auto actor = AuthService(context).login(QString::fromLatin1(email),
                                            QString::fromLatin1(demo::kPassword));
    return actor ? actor.value() : Actor{};
}

// A replica synced by the demo company admin, logged in offline, with the
// first branch it sees and that branch's active version there.
struct Synced
{
    ServiceContext replica;
    Actor online;
    Actor offline;
    QString branch;
    PromptVersion active;
    QString error;
};

Synced syncedReplica(const ServiceContext &server, const QString &path)
{
    Synced s;
    auto replica = openReplica(path);
    if (!replica)
        return Synced{{}, {}, {}, {}, {}, replica.error().message};
    s.replica = replica.value();
    s.online = loginOrFail(server, demo::kCompanyAdmin);
    if (auto synced = Sync(server, s.replica).run(s.online); !synced)
        s.error = synced.error().message;
    auto offline = loginOffline(s.replica, QString::fromLatin1(demo::kCompanyAdmin),
                                QString::fromLatin1(demo::kPassword));
    auto branches = offline ? BranchService(s.replica).branches(offline.value())
                            : Result<QList<Branch>>(offline.error());
    if (!branches || branches->isEmpty())
        return Synced{{}, {}, {}, {}, {}, QStringLiteral("no branch offline")};
    s.offline = offline.value();
    s.branch = branches->first().id;
    auto active = VersionService(s.replica).active(s.offline, s.branch);
    if (!active)
        s.error = active.error().message;
    else
        s.active = active.value();
    return s;
}

} // namespace

class TestOfflineApi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RETELL_REQUIRE_DB(m_db);
        QVERIFY(m_dir.isValid());
        QVERIFY(Migrator::migrate(m_db.spec()));
        QVERIFY(Seeder::seedDemo(ServiceContext{m_db.spec()}));
    }

    void cleanupTestCase() { Database::dropConnection(m_db.spec()); }

    void fileNameIsStableAndHasNoSecret()
    {
        auto spec = ConnectionSpec::parse(
            QStringLiteral("mysql://retell@db.example.com:3307/shop?ssl_ca=/etc/ca.pem"));
        QVERIFY(spec);
        spec->password = QStringLiteral("s3cret/../x");
        const QString name = replicaFileName(spec.value());
        QCOMPARE(name, replicaFileName(spec.value()));
        QVERIFY(!name.contains(QStringLiteral("s3cret")));
        QVERIFY(!name.contains(QStringLiteral("ca.pem")));
        QVERIFY(name.contains(QStringLiteral("db.example.com")));
        QVERIFY(name.endsWith(QStringLiteral(".sqlite")));
        for (const QChar c : name)
            QVERIFY2(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') ||
                         c == QLatin1Char('-'),
                     qPrintable(name));
        // Another password: the same file; another database or user: another one.
        ConnectionSpec other = spec.value();
        other.password = QStringLiteral("different");
        QCOMPARE(replicaFileName(other), name);
        other.database = QStringLiteral("shop2");
        QVERIFY(replicaFileName(other) != name);
        other = spec.value();
        other.user = QStringLiteral("retell/");
        QVERIFY(replicaFileName(other) != name);
        QVERIFY(defaultReplicaPath(spec.value()).endsWith(QStringLiteral("/replicas/") + name));
    }

    void replicaFileIsPrivate()
    {
        const QString path = m_dir.filePath(QStringLiteral("private/sub/r.sqlite"));
        auto replica = openReplica(path);
        QVERIFY2(replica, qPrintable(replica ? QString() : replica.error().message));
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(fileMode(m_dir.filePath(QStringLiteral("private/sub"))), 0700);
        // A folder that exists already is not changed (a replica in /tmp
        // must not lock everyone else out of /tmp).
        const QString shared = m_dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(shared));
        QVERIFY(::chmod(QFile::encodeName(shared).constData(), 01777) == 0);
        auto inShared = openReplica(shared + QStringLiteral("/r.sqlite"));
        QVERIFY(inShared);
        QCOMPARE(fileMode(shared + QStringLiteral("/r.sqlite")), 0600);
        struct stat info
        {
        };
        QVERIFY(::stat(QFile::encodeName(shared).constData(), &info) == 0);
        QCOMPARE(int(info.st_mode & 07777), 01777);
        Database::dropConnection(inShared->spec);
        // Written to (WAL) and made readable by someone: opened again, private again.
        QVERIFY(Migrator::check(replica->spec));
        Database::dropConnection(replica->spec);
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QVERIFY(openReplica(path));
        QCOMPARE(fileMode(path), 0600);
        const QString wal = path + QStringLiteral("-wal");
        if (QFile::exists(wal))
            QCOMPARE(fileMode(wal), 0600);
        Database::dropConnection(replica->spec);
    }

    // Another account cannot read a replica, in a folder it may enter. The
    // same read of a 0644 file works, so the check can fail.
    void replicaFileIsUnreadableToOtherAccounts()
    {
        if (::geteuid() != 0)
            QSKIP("acting as another account needs root (the mode is checked above)");
        QTemporaryDir open(QDir::tempPath() + QStringLiteral("/replica-XXXXXX"));
        QVERIFY(open.isValid());
        QVERIFY(::chmod(QFile::encodeName(open.path()).constData(), 0755) == 0);
        const QString path = open.filePath(QStringLiteral("r.sqlite"));
        auto replica = openReplica(path);
        QVERIFY(replica);
        Database::dropConnection(replica->spec);
        const auto readAsNobody = [](const QString &file) {
            QProcess reader;
            reader.start(QStringLiteral("setpriv"),
                         {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                          QStringLiteral("--clear-groups"), QStringLiteral("--"),
                          QStringLiteral("head"), QStringLiteral("-c"), QStringLiteral("16"),
                          file});
            reader.waitForFinished(10000);
            return std::pair{reader.exitCode(), reader.readAllStandardOutput()};
        };
        const auto [refused, nothing] = readAsNobody(path);
        QVERIFY(refused != 0);
        QVERIFY(nothing.isEmpty());
        const QString control = open.filePath(QStringLiteral("readable"));
        QFile file(control);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("SQLite format 3");
        file.close();
        QVERIFY(::chmod(QFile::encodeName(control).constData(), 0644) == 0);
        const auto [read, content] = readAsNobody(control);
        QCOMPARE(read, 0);
        QCOMPARE(content, QByteArray("SQLite format 3"));
    }

    void queuedWorkIsCheckedSyncedAndLoggedInOffline()
    {
        const ServiceContext server{m_db.spec()};
        auto replica = openReplica(m_dir.filePath(QStringLiteral("work.sqlite")));
        QVERIFY(replica);
        const Actor owner = loginOrFail(server, demo::kCompanyAdmin);
        const Actor viewer = loginOrFail(server, demo::kViewer);
        QVERIFY(owner.user.id > 0 && viewer.user.id > 0);

        // The viewer pulls first, then the owner: only the owner's login stays.
        QVERIFY(ReplicaPull(server, replica.value()).pull(viewer));
        auto viewerOffline = loginOffline(replica.value(), QString::fromLatin1(demo::kViewer),
                                          QString::fromLatin1(demo::kPassword));
        QVERIFY(viewerOffline);
        {
            // A viewer may not deploy, offline as online (the replica's grants).
            auto seen = BranchService(replica.value()).branches(viewerOffline.value());
            QVERIFY(seen && !seen->isEmpty());
            auto a =
                VersionService(replica.value()).active(viewerOffline.value(), seen->first().id);
            QVERIFY(a);
            DeployRequest r{{a->config.prompt + QStringLiteral("\nViewer.\n"), a->config.toolsJson},
                            {},
                            QStringLiteral("not allowed")};
            auto refused =
                OfflineWork(replica.value()).deploy(viewerOffline.value(), seen->first().id, r);
            QVERIFY(!refused);
            QCOMPARE(refused.error().kind, ErrorKind::Permission);
        }
        auto first = Sync(server, replica.value()).run(owner);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QVERIFY(first->pulled);
        QCOMPARE(first->push.applied, 0);
        auto offline = loginOffline(replica.value(), QString::fromLatin1(demo::kCompanyAdmin),
                                    QString::fromLatin1(demo::kPassword));
        QVERIFY2(offline, qPrintable(offline ? QString() : offline.error().message));
        QCOMPARE(offline->user.id, owner.user.id);
        QVERIFY(!offline->grants.isEmpty());
        const auto wrong = loginOffline(replica.value(), QString::fromLatin1(demo::kCompanyAdmin),
                                        QStringLiteral("not-the-password"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, ErrorKind::Authentication);
        for (const char *someoneElse : {demo::kViewer, demo::kSuperAdmin, "nobody@example.com"}) {
            const auto refused = loginOffline(replica.value(), QString::fromLatin1(someoneElse),
                                              QString::fromLatin1(demo::kPassword));
            QVERIFY2(!refused, someoneElse);
            QCOMPARE(refused.error().kind, wrong.error().kind);
            QCOMPARE(refused.error().message, wrong.error().message);
        }
        {
            auto conn = Database::connection(replica->spec);
            QVERIFY(conn);
            auto q = Database::exec(
                conn.value(),
                QStringLiteral("SELECT COUNT(*) FROM users WHERE password <> '' AND id <> ?"),
                {owner.user.id});
            QVERIFY(q && q->next());
            QCOMPARE(q->value(0).toInt(), 0);
            auto g = Database::exec(
                conn.value(),
                QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants WHERE user_id <> ?"),
                {owner.user.id});
            QVERIFY(g && g->next());
            QCOMPARE(g->value(0).toInt(), 0);
        }

        // Offline work, checked like online work on the replica.
        const OfflineWork work(replica.value());
        auto branches = BranchService(replica.value()).branches(offline.value());
        QVERIFY(branches && branches->size() >= 2);
        const QString one = branches->at(0).id, two = branches->at(1).id;
        auto active = VersionService(replica.value()).active(offline.value(), one);
        QVERIFY(active);
        DeployRequest request{
            {active->config.prompt + QStringLiteral("\nOffline.\n"), active->config.toolsJson},
            {},
            QStringLiteral("offline change")};
        auto queued = work.deploy(offline.value(), one, request);
        QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().message));
        QCOMPARE(queued->baseVersion.value_or(-1), active->version);
        QCOMPARE(queued->kind, QueuedOperation::Kind::Deploy);
        QCOMPARE(queued->userId, owner.user.id);
        // The same content again: nothing would change.
        auto same = work.deploy(offline.value(), one, request);
        QVERIFY(!same);
        QCOMPARE(same.error().kind, ErrorKind::Unchanged);
        // Blocking findings, missing notes, a viewer: refused as online.
        DeployRequest broken = request;
        broken.config.toolsJson = QStringLiteral("{not json");
        QCOMPARE(work.deploy(offline.value(), one, broken).error().kind, ErrorKind::Validation);
        DeployRequest noNotes = request;
        noNotes.notes.clear();
        QCOMPARE(work.deploy(offline.value(), one, noNotes).error().kind, ErrorKind::Usage);
        // A rollback and a template apply on branch two.
        auto history = VersionService(replica.value()).history(offline.value(), two);
        QVERIFY(history && history->rows.size() >= 2);
        auto back = work.rollback(offline.value(), two, history->rows.last().version,
                                  QStringLiteral("back offline"));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->kind, QueuedOperation::Kind::Rollback);
        auto templates = TemplateService(replica.value()).templates(offline.value());
        QVERIFY(templates && !templates->isEmpty());
        auto applied = work.applyTemplate(offline.value(), two, templates->first().name,
                                          QStringLiteral("template offline"));
        QVERIFY2(applied, qPrintable(applied ? QString() : applied.error().message));
        QCOMPARE(applied->templateName, templates->first().name);
        QCOMPARE(work.pending(two)->size(), 2);
        QCOMPARE(work.queued()->size(), 3);

        // Sync: the three apply in order, the replica shows what they produced.
        auto synced = Sync(server, replica.value()).run(owner);
        QVERIFY2(synced, qPrintable(synced ? QString() : synced.error().message));
        QCOMPARE(synced->push.applied, 3);
        QCOMPARE(synced->needsAdmin(), 0);
        QVERIFY(synced->pulled);
        QCOMPARE(synced->pull.versionsAdded, 3);
        QVERIFY(work.queued()->isEmpty());
        auto now = VersionService(replica.value()).active(offline.value(), one);
        QVERIFY(now);
        QCOMPARE(now->version, active->version + 1);
        QCOMPARE(now->config, request.config);
        auto again = Sync(server, replica.value()).run(owner);
        QVERIFY(again);
        QCOMPARE(again->push.applied, 0);
        QCOMPARE(again->pull.versionsAdded, 0);
        QCOMPARE(again->pull.activeChanged, 0);
    }

    void templatesWorkOffline()
    {
        const ServiceContext server{m_db.spec()};
        const Actor owner = loginOrFail(server, demo::kCompanyAdmin);
        const Actor root = loginOrFail(server, demo::kSuperAdmin);
        auto mine = BranchService(server).branches(owner);
        auto all = BranchService(server).branches(root);
        QVERIFY(mine && all && all->size() > mine->size());
        QString elsewhere; // a branch the owner does not see
        for (const Branch &b : std::as_const(*all)) {
            if (std::none_of(mine->begin(), mine->end(),
                             [&](const Branch &m) { return m.id == b.id; }))
                elsewhere = b.id;
        }
        QVERIFY(!elsewhere.isEmpty());
        auto base = VersionService(server).active(owner, mine->first().id);
        QVERIFY(base);
        // The web application's template row on that branch, and a custom template.
        {
            auto conn = Database::connection(server.spec);
            QVERIFY(conn);
            auto max = Database::exec(
                conn.value(),
                QStringLiteral("SELECT MAX(version) FROM retell_agent_prompts WHERE branch_id = ?"),
                {elsewhere});
            QVERIFY(max && max->next());
            const int next = max->value(0).toInt() + 1;
            auto row = Database::exec(
                conn.value(),
                QStringLiteral("INSERT INTO retell_agent_prompts (branch_id, version, "
                               "prompt_content, functions_config, is_active, is_template, "
                               "template_name, validation_status) VALUES (?, ?, ?, ?, FALSE, "
                               "TRUE, ?, 'valid')"),
                {elsewhere, next, base->config.prompt + QStringLiteral("\nFrom the web.\n"),
                 base->config.toolsJson, QStringLiteral("Web Greeting")});
            QVERIFY2(row, qPrintable(row ? QString() : row.error().message));
        }
        auto saved = TemplateService(server).save(
            owner, mine->first().companyId, QStringLiteral("Owner Offline Template"),
            QStringLiteral("saved online"),
            {base->config.prompt + QStringLiteral("\nCustom.\n"), base->config.toolsJson});
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));

        auto replica = openReplica(m_dir.filePath(QStringLiteral("templates.sqlite")));
        QVERIFY(replica);
        auto pulled = ReplicaPull(server, replica.value()).pull(owner);
        QVERIFY2(pulled, qPrintable(pulled ? QString() : pulled.error().message));
        QVERIFY(pulled->templates >= 2);
        auto offline = loginOffline(replica.value(), QString::fromLatin1(demo::kCompanyAdmin),
                                    QString::fromLatin1(demo::kPassword));
        QVERIFY(offline);
        auto online = TemplateService(server).templates(owner);
        auto here = TemplateService(replica.value()).templates(offline.value());
        QVERIFY(online && here);
        QStringList onlineNames, offlineNames;
        for (const Template &t : std::as_const(*online))
            onlineNames << t.name;
        for (const Template &t : std::as_const(*here))
            offlineNames << t.name;
        onlineNames.sort();
        offlineNames.sort();
        QCOMPARE(offlineNames, onlineNames);
        QVERIFY(offlineNames.contains(QStringLiteral("Web Greeting")));
        QVERIFY(offlineNames.contains(QStringLiteral("Owner Offline Template")));
        // Both apply offline, with their content and name.
        const OfflineWork work(replica.value());
        for (const QString &name :
             {QStringLiteral("Web Greeting"), QStringLiteral("Owner Offline Template")}) {
            auto op = work.applyTemplate(offline.value(), mine->first().id, name,
                                         QStringLiteral("offline template"));
            QVERIFY2(op, qPrintable(op ? QString() : op.error().message));
            QCOMPARE(op->templateName, name);
        }
        // A second pull keeps the same set, once.
        auto again = ReplicaPull(server, replica.value()).pull(owner);
        QVERIFY(again);
        QCOMPARE(again->templates, pulled->templates);
    }

    void staleRollbackIsAConflictAndOtherServersAreRefused()
    {
        const ServiceContext server{m_db.spec()};
        const Synced w = syncedReplica(server, m_dir.filePath(QStringLiteral("rollback.sqlite")));
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        QVERIFY(w.active.version >= 2);
        const Actor &owner = w.online;
        const OfflineWork work(w.replica);
        auto back = work.rollback(w.offline, w.branch, 1, QStringLiteral("back offline"));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->baseVersion.value_or(-1), w.active.version);
        // Meanwhile someone deploys: the rollback would undo that.
        DeployRequest theirs{
            {w.active.config.prompt + QStringLiteral("\nMeanwhile.\n"), w.active.config.toolsJson},
            {},
            QStringLiteral("meanwhile")};
        QVERIFY(VersionService(server).deploy(owner, w.branch, theirs));
        auto synced = Sync(server, w.replica).run(owner);
        QVERIFY(synced);
        QCOMPARE(synced->push.conflicts, 1);
        QCOMPARE(synced->push.applied, 0);
        auto now = VersionService(server).active(owner, w.branch);
        QVERIFY(now);
        QCOMPARE(now->config, theirs.config);
        auto resolved = work.resolve(w.offline, back->id, theirs.config);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().code, QStringLiteral("offline.rollback_conflict"));
        QVERIFY(Outbox(w.replica).remove(back->id));

        // The replica belongs to its server: another database is refused before any push.
        ConnectionSpec other = server.spec;
        other.database += QStringLiteral("_other");
        other.path += QStringLiteral(".other");
        QVERIFY(work.deploy(w.offline, w.branch,
                            DeployRequest{{theirs.config.prompt + QStringLiteral("\nMine.\n"),
                                           theirs.config.toolsJson},
                                          {},
                                          QStringLiteral("mine")}));
        auto refused = Sync(ServiceContext{other}, w.replica).run(owner);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("offline.other_server"));
        QCOMPARE(work.queued()->size(), 1);
        QCOMPARE(work.queued()->first().state, QueuedOperation::State::Pending);
    }

    void anotherUsersWorkWaitsForThatUser()
    {
        const ServiceContext server{m_db.spec()};
        const Synced w = syncedReplica(server, m_dir.filePath(QStringLiteral("two-users.sqlite")));
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        const Actor root = loginOrFail(server, demo::kSuperAdmin);
        const Actor &owner = w.online;
        auto queued = OfflineWork(w.replica).deploy(
            w.offline, w.branch,
            DeployRequest{{w.active.config.prompt + QStringLiteral("\nThe owner's.\n"),
                           w.active.config.toolsJson},
                          {},
                          QStringLiteral("owner offline")});
        QVERIFY(queued);
        // Another user syncs this replica: the owner's operation is not
        // pushed under that user's name, and the owner can no longer log in
        // offline here (one login per replica).
        auto other = Sync(server, w.replica).run(root);
        QVERIFY2(other, qPrintable(other ? QString() : other.error().message));
        QCOMPARE(other->push.applied, 0);
        QCOMPARE(other->push.waiting, 1);
        QCOMPARE(VersionService(server).active(owner, w.branch)->version, w.active.version);
        QVERIFY(!loginOffline(w.replica, QString::fromLatin1(demo::kCompanyAdmin),
                              QString::fromLatin1(demo::kPassword)));
        // The owner's own sync (an online login) pushes it.
        auto mine = Sync(server, w.replica).run(owner);
        QVERIFY(mine);
        QCOMPARE(mine->push.applied, 1);
        QCOMPARE(VersionService(server).active(owner, w.branch)->version, w.active.version + 1);
    }

    void cancelledSyncDoesNothing()
    {
        const ServiceContext server{m_db.spec()};
        auto replica = openReplica(m_dir.filePath(QStringLiteral("cancel.sqlite")));
        QVERIFY(replica);
        PullProgress stop;
        stop.cancelled = [] { return true; };
        auto r = Sync(server, replica.value()).run(loginOrFail(server, demo::kCompanyAdmin), stop);
        QVERIFY(r);
        QVERIFY(!r->pulled);
        QVERIFY(r->pull.cancelled);
    }

private:
    TestDatabase m_db;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestOfflineApi)
#include "tst_offline_api.moc"
