// The fleet query (issue 13 §1): every branch an actor may see with its
// active version, template, tokens and drift against a reference; company
// filters; drift computed later with progress and cancel; and the user
// search of the grants dialog (§7), tenant by tenant.
#include "FleetWorld.h"
#include "TestDatabase.h"

#include "access/AccessService.h"
#include "fleet/FleetService.h"
#include "templates/TemplateService.h"
#include "validation/Validator.h"
#include "versions/VersionService.h"

#include <QTest>

using namespace retell::core;
using retell::test::FleetWorld;
using retell::test::TestDatabase;
using retell::test::TestWorld;

namespace {

Template builtIn(const QString &name)
{
    for (const Template &t : TemplateService::builtIns())
        if (t.name == name)
            return t;
    qFatal("no built-in template %s", qPrintable(name));
}

QStringList branchNames(const QList<FleetRow> &rows)
{
    QStringList names;
    for (const FleetRow &r : rows)
        names << r.branch.companyName + QLatin1Char('/') + r.branch.name;
    return names;
}

const FleetRow *rowOf(const QList<FleetRow> &rows, const QString &branchId)
{
    for (const FleetRow &r : rows)
        if (r.branch.id == branchId)
            return &r;
    return nullptr;
}

} // namespace

class TestFleet final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qInfo("backend: %s", qPrintable(TestDatabase::backend()));
        RETELL_REQUIRE_DB(m_db);
        m_ctx = ServiceContext{m_db.spec(),
                               [] { return QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC); }};
        m_world = FleetWorld::create(m_ctx);
        // Alpha: the basic template plus one line of its own; Gamma: the
        // information template as it is; Beta: nothing deployed.
        const Template basic = builtIn(QStringLiteral("Basic Appointment Booking"));
        const Template info = builtIn(QStringLiteral("Information Only"));
        VersionService versions(m_ctx);
        AgentConfig alpha = basic.config;
        if (!alpha.prompt.endsWith(QLatin1Char('\n')))
            alpha.prompt += QLatin1Char('\n');
        alpha.prompt += QStringLiteral("Always mention the parking behind the salon.\n");
        auto a = versions.deploy(m_world.ann, TestWorld::kBranchA,
                                 DeployRequest{alpha, basic.name, QStringLiteral("own line")});
        QVERIFY2(a, a ? "" : qPrintable(a.error().message));
        auto c = versions.deploy(m_world.carl, FleetWorld::kBranchC,
                                 DeployRequest{info.config, info.name, QStringLiteral("start")});
        QVERIFY2(c, c ? "" : qPrintable(c.error().message));
    }

    void rowsOfAGlobalAdmin()
    {
        auto rows = FleetService(m_ctx).rows(m_world.ann, {});
        QVERIFY2(rows, rows ? "" : qPrintable(rows.error().message));
        QCOMPARE(branchNames(rows.value()), QStringList({QStringLiteral("Acme Salons/Alpha"),
                                                         QStringLiteral("Acme Salons/Beta"),
                                                         QStringLiteral("Bravo Clinics/Gamma")}));
        const FleetRow *alpha = rowOf(rows.value(), TestWorld::kBranchA);
        QCOMPARE(alpha->branch.activeVersion, std::optional<int>(1));
        QCOMPARE(alpha->branch.activeStatus, ValidationStatus::Valid);
        QCOMPARE(alpha->templateName, QStringLiteral("Basic Appointment Booking"));
        QCOMPARE(alpha->deployedByName, QStringLiteral("Ann Admin"));
        QCOMPARE(alpha->deployedAt, QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC));
        QCOMPARE(alpha->estimatedTokens, Validator::estimateTokens(alpha->config.prompt));
        QVERIFY(alpha->estimatedTokens > 100);
        QCOMPARE(alpha->role, Role::Admin);
        QCOMPARE(alpha->referenceLabel, QStringLiteral("template Basic Appointment Booking"));
        QVERIFY(alpha->drift.computed);
        QCOMPARE(alpha->drift.linesAdded, 1);
        QCOMPARE(alpha->drift.linesRemoved, 0);
        QCOMPARE(alpha->drift.toolsChanged, 0);

        const FleetRow *beta = rowOf(rows.value(), TestWorld::kBranchB);
        QVERIFY(!beta->hasActive());
        QVERIFY(!beta->drift.computed);
        QCOMPARE(beta->estimatedTokens, 0);

        const FleetRow *gamma = rowOf(rows.value(), FleetWorld::kBranchC);
        QVERIFY(gamma->drift.none());
        QCOMPARE(gamma->deployedByName, QStringLiteral("Carl Clinic"));
    }

    void driftAgainstATemplate()
    {
        FleetQuery query;
        query.reference = FleetReference::parse(QStringLiteral("template:information only"));
        QCOMPARE(query.reference.kind, FleetReference::Kind::Template);
        auto rows = FleetService(m_ctx).rows(m_world.ann, query);
        QVERIFY2(rows, rows ? "" : qPrintable(rows.error().message));
        const FleetRow *alpha = rowOf(rows.value(), TestWorld::kBranchA);
        QCOMPARE(alpha->referenceLabel, QStringLiteral("template Information Only"));
        // Basic booking has four tools the information template lacks and
        // lacks its get_opening_hours; end_call is in both.
        QCOMPARE(alpha->drift.toolsChanged, 5);
        QVERIFY(alpha->drift.linesAdded > 0 && alpha->drift.linesRemoved > 0);
        QVERIFY(rowOf(rows.value(), FleetWorld::kBranchC)->drift.none());
    }

    void driftAgainstABranch()
    {
        FleetQuery query;
        query.reference = FleetReference::parse(QStringLiteral("Alpha"));
        QCOMPARE(query.reference.kind, FleetReference::Kind::Branch);
        auto rows = FleetService(m_ctx).rows(m_world.ann, query);
        QVERIFY2(rows, rows ? "" : qPrintable(rows.error().message));
        const FleetRow *alpha = rowOf(rows.value(), TestWorld::kBranchA);
        QCOMPARE(alpha->referenceLabel, QStringLiteral("Acme Salons/Alpha v1"));
        QVERIFY(alpha->drift.none());
        const FleetRow *gamma = rowOf(rows.value(), FleetWorld::kBranchC);
        QCOMPARE(gamma->drift.toolsChanged, 5);
    }

    void companyFilter_data()
    {
        QTest::addColumn<QString>("company");
        QTest::addColumn<QStringList>("branches");
        QTest::newRow("by id") << QStringLiteral("2")
                               << QStringList{QStringLiteral("Bravo Clinics/Gamma")};
        QTest::newRow("by name, any case")
            << QStringLiteral("acme salons")
            << QStringList{QStringLiteral("Acme Salons/Alpha"), QStringLiteral("Acme Salons/Beta")};
    }

    void companyFilter()
    {
        QFETCH(QString, company);
        QFETCH(QStringList, branches);
        FleetQuery query;
        query.company = company;
        auto rows = FleetService(m_ctx).rows(m_world.ann, query);
        QVERIFY2(rows, rows ? "" : qPrintable(rows.error().message));
        QCOMPARE(branchNames(rows.value()), branches);
    }

    void unknownCompanyIsNotFound()
    {
        FleetQuery query;
        query.company = QStringLiteral("Nowhere Ltd");
        auto rows = FleetService(m_ctx).rows(m_world.ann, query);
        QVERIFY(!rows);
        QCOMPARE(rows.error().kind, ErrorKind::NotFound);
    }

    // Tenant isolation: a company admin's fleet is their company; the other
    // company is not found, neither as a filter nor as a reference.
    void companyAdminSeesOnlyTheirCompany()
    {
        FleetService fleet(m_ctx);
        auto carl = fleet.rows(m_world.carl, {});
        QVERIFY2(carl, carl ? "" : qPrintable(carl.error().message));
        QCOMPARE(branchNames(carl.value()), QStringList{QStringLiteral("Bravo Clinics/Gamma")});
        auto olga = fleet.rows(m_world.olga, {});
        QVERIFY(olga);
        QCOMPARE(branchNames(olga.value()), QStringList({QStringLiteral("Acme Salons/Alpha"),
                                                         QStringLiteral("Acme Salons/Beta")}));
        auto vera = fleet.rows(m_world.vera, {});
        QVERIFY(vera);
        QCOMPARE(branchNames(vera.value()), QStringList{QStringLiteral("Acme Salons/Alpha")});
        QCOMPARE(vera->first().role, Role::Viewer);

        FleetQuery other;
        other.company = QStringLiteral("1");
        auto filtered = fleet.rows(m_world.carl, other);
        QVERIFY(!filtered);
        QCOMPARE(filtered.error().kind, ErrorKind::NotFound);
        FleetQuery reference;
        reference.reference = FleetReference::parse(TestWorld::kBranchA);
        auto referenced = fleet.rows(m_world.carl, reference);
        QVERIFY(!referenced);
        QCOMPARE(referenced.error().kind, ErrorKind::NotFound);
    }

    void driftLaterWithProgressAndCancel()
    {
        FleetQuery query;
        query.withDrift = false;
        auto rows = FleetService(m_ctx).rows(m_world.ann, query);
        QVERIFY(rows);
        for (const FleetRow &r : std::as_const(*rows))
            QVERIFY(!r.drift.computed);
        QList<FleetRow> cancelled = rows.value();
        std::stop_source stop;
        int calls = 0;
        FleetService::computeDrift(
            cancelled,
            [&](int done, int) {
                ++calls;
                if (done == 1)
                    stop.request_stop();
            },
            stop.get_token());
        QCOMPARE(calls, 1);
        QVERIFY(rowOf(cancelled, TestWorld::kBranchA)->drift.computed);
        QVERIFY(!rowOf(cancelled, FleetWorld::kBranchC)->drift.computed);

        QList<QPair<int, int>> progress;
        FleetService::computeDrift(
            rows.value(), [&](int done, int total) { progress << qMakePair(done, total); });
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.last(), qMakePair(3, 3));
        QCOMPARE(rowOf(rows.value(), TestWorld::kBranchA)->drift.linesAdded, 1);
    }

    void driftCountsLines_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("removed");
        QTest::newRow("same") << "a\nb\n"
                              << "a\nb\n"
                              << 0 << 0;
        QTest::newRow("one line changed") << "a\nb\nc\n"
                                          << "a\nB\nc\n"
                                          << 1 << 1;
        QTest::newRow("appended") << "a\nb"
                                  << "a\nb\nc" << 1 << 0;
        QTest::newRow("removed twice") << "x\na\nx\n"
                                       << "a\n"
                                       << 0 << 2;
        QTest::newRow("from nothing") << ""
                                      << "a\nb\n"
                                      << 2 << 0;
    }

    void driftCountsLines()
    {
        QFETCH(QString, reference);
        QFETCH(QString, prompt);
        QFETCH(int, added);
        QFETCH(int, removed);
        const FleetDrift d =
            FleetService::drift({reference, QStringLiteral("[]")}, {prompt, QStringLiteral("[]")});
        QCOMPARE(d.linesAdded, added);
        QCOMPARE(d.linesRemoved, removed);
        QCOMPARE(d.toolsChanged, 0);
    }

    void unreadableToolsAreMarked()
    {
        const FleetDrift d = FleetService::drift({QStringLiteral("a"), QStringLiteral("[]")},
                                                 {QStringLiteral("a"), QStringLiteral("{oops")});
        QCOMPARE(d.toolsChanged, -1);
    }

    // The grants dialog's search (issue 13 §7).
    void userSearch_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("emails");
        QTest::addColumn<QString>("error");
        const QString ann = QStringLiteral("ann@example.com");
        QTest::newRow("global admin, by name")
            << ann << QStringLiteral("CL") << QStringList{FleetWorld::kCarl} << QString();
        QTest::newRow("global admin, by e-mail part")
            << ann << QStringLiteral("@acme.") << QStringList{FleetWorld::kOlga, FleetWorld::kVera}
            << QString();
        QTest::newRow("global admin, everyone")
            << ann << QString()
            << QStringList{ann, FleetWorld::kCarl, FleetWorld::kNina, FleetWorld::kOlga,
                           FleetWorld::kVera}
            << QString();
        QTest::newRow("wildcards are literal")
            << ann << QStringLiteral("%") << QStringList() << QString();
        QTest::newRow("company admin: own people")
            << FleetWorld::kOlga << QStringLiteral("a")
            << QStringList{FleetWorld::kOlga, FleetWorld::kVera} << QString();
        QTest::newRow("company admin: another company's admin stays hidden")
            << FleetWorld::kOlga << QStringLiteral("carl") << QStringList() << QString();
        QTest::newRow("company admin: a whole e-mail finds a new colleague")
            << FleetWorld::kOlga << QStringLiteral("NINA@bravo.example")
            << QStringList{FleetWorld::kNina} << QString();
        QTest::newRow("viewer may not look") << FleetWorld::kVera << QStringLiteral("a")
                                             << QStringList() << QStringLiteral("Permission");
    }

    void userSearch()
    {
        QFETCH(QString, actor);
        QFETCH(QString, search);
        QFETCH(QStringList, emails);
        QFETCH(QString, error);
        const Actor who = FleetWorld::login(m_ctx, actor);
        auto users = AccessService(m_ctx).users(who, search);
        if (!error.isEmpty()) {
            QVERIFY(!users);
            QCOMPARE(users.error().kind, ErrorKind::Permission);
            return;
        }
        QVERIFY2(users, users ? "" : qPrintable(users.error().message));
        QStringList found;
        for (const User &u : std::as_const(*users))
            found << u.email;
        QCOMPARE(found, emails);
    }

private:
    TestDatabase m_db;
    ServiceContext m_ctx;
    FleetWorld m_world;
};

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
