// retell-admin-cli fleet and audit (issue 13 §8) on the demo seed: JSON and
// CSV forms, filters, exit codes, and each company admin kept to their company.
#include "TestDatabase.h"
#include "cli_runner.h"

#include "db/Database.h"
#include "seed/Seeder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kAuroraOwner = QString::fromLatin1(demo::kCompanyAdmin);
const QString kNordlichtOwner = QStringLiteral("owner@praxis-nordlicht.example");

QSet<QString> values(const QJsonArray &array, const QString &key)
{
    QSet<QString> out;
    for (const QJsonValue &v : array)
        out.insert(v.toObject().value(key).toVariant().toString());
    return out;
}

} // namespace

class TestCliFleet final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qInfo("backend: %s", qPrintable(TestDatabase::backend()));
        QVERIFY(QFile::exists(QStringLiteral(RETELL_CLI_PATH)));
        RETELL_REQUIRE_DB(m_db);
        auto spec = CliRunner::seededDemo(m_db.spec());
        QVERIFY2(spec, qPrintable(spec ? QString() : spec.error().message));
        m_cli.setSpec(spec.value());
        m_aurora = scalar(QStringLiteral("SELECT id FROM companies WHERE name = 'Salon Aurora'"));
        QVERIFY(!m_aurora.isEmpty());
    }

    void fleetJson()
    {
        const CliResult r = m_cli.run({QStringLiteral("fleet"), QStringLiteral("--json")},
                                      CliRunner::demoUser(demo::kSuperAdmin));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonArray rows = r.json().array();
        QCOMPARE(rows.size(), scalar(QStringLiteral("SELECT COUNT(*) FROM branches")).toInt());
        for (const char *key :
             {"company_id", "company", "branch_id", "branch", "active_version", "template_name",
              "deployed_at", "deployed_by", "validation_status", "estimated_tokens", "reference",
              "drift_lines_added", "drift_lines_removed", "drift_tools_changed"})
            QVERIFY2(rows.first().toObject().contains(QLatin1String(key)), key);
        // Berlin Mitte runs a version of a template: its drift is known.
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("branch")).toString() != QStringLiteral("Berlin Mitte"))
                continue;
            QVERIFY(o.value(QStringLiteral("active_version")).toInt() > 0);
            QVERIFY(o.value(QStringLiteral("estimated_tokens")).toInt() > 0);
            QVERIFY(o.value(QStringLiteral("drift_tools_changed")).isDouble());
        }
    }

    void fleetCsvAgainstATemplate()
    {
        const CliResult r =
            m_cli.run({QStringLiteral("fleet"), QStringLiteral("--csv"),
                       QStringLiteral("--company"), QStringLiteral("salon aurora"),
                       QStringLiteral("--reference"), QStringLiteral("template:Information Only")},
                      CliRunner::demoUser(demo::kSuperAdmin));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QStringList lines = r.stdoutText().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("company_id,company,branch_id,branch,role,active_version,"
                                "template_name,deployed_at,deployed_by,validation_status,"
                                "estimated_tokens,reference,drift_lines_added,"
                                "drift_lines_removed,drift_tools_changed"));
        QCOMPARE(lines.size(), 1 + 3);
        for (const QString &line : lines.mid(1)) {
            QVERIFY2(line.startsWith(m_aurora + QStringLiteral(",Salon Aurora,")),
                     qPrintable(line));
            QVERIFY2(line.contains(QStringLiteral(",template Information Only,")) ||
                         line.contains(QStringLiteral(",,,,")),
                     qPrintable(line));
        }
    }

    void fleetRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("json and csv")
            << QStringList{QStringLiteral("--json"), QStringLiteral("--csv")}
            << QString::fromLatin1(demo::kSuperAdmin) << 2;
        QTest::newRow("another company")
            << QStringList{QStringLiteral("--company"), QStringLiteral("Praxis Nordlicht")}
            << kAuroraOwner << 5;
        QTest::newRow("another company's branch as reference")
            << QStringList{QStringLiteral("--reference"), QStringLiteral("Kiel Zentrum")}
            << kAuroraOwner << 5;
        QTest::newRow("unknown template")
            << QStringList{QStringLiteral("--reference"), QStringLiteral("template:Nope")}
            << QString::fromLatin1(demo::kSuperAdmin) << 5;
    }

    void fleetRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, user);
        QFETCH(int, exitCode);
        const CliResult r = m_cli.run(QStringList{QStringLiteral("fleet")} + args,
                                      CliRunner::demoUser(qPrintable(user)));
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
    }

    void companyAdminFleet()
    {
        const CliResult r = m_cli.run({QStringLiteral("fleet"), QStringLiteral("--json")},
                                      CliRunner::demoUser(demo::kCompanyAdmin));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(values(r.json().array(), QStringLiteral("company")),
                 QSet<QString>{QStringLiteral("Salon Aurora")});
    }

    // A refused login (a writing command, so the process may record it)
    // and an import, then the log as JSON and CSV.
    void auditLists()
    {
        const CliResult refused =
            m_cli.run({QStringLiteral("rollback"), QString::fromLatin1(kBerlin),
                       QStringLiteral("--to"), QStringLiteral("1")},
                      Who{QStringLiteral("intruder@example.net"), QStringLiteral("guess")});
        QCOMPARE(refused.exitCode, 4);

        const CliResult all =
            m_cli.run({QStringLiteral("audit"), QStringLiteral("--format"), QStringLiteral("json")},
                      CliRunner::demoUser(demo::kSuperAdmin));
        QVERIFY2(all.exitCode == 0, qPrintable(all.describe()));
        const QJsonArray entries = all.json().array();
        QVERIFY(!entries.isEmpty());
        for (const char *key :
             {"at", "kind", "user", "company_id", "branch_id", "version", "notes"})
            QVERIFY2(entries.first().toObject().contains(QLatin1String(key)), key);
        QVERIFY(values(entries, QStringLiteral("kind")).contains(QStringLiteral("deploy")));
        const QJsonObject newest = entries.first().toObject();
        QCOMPARE(newest.value(QStringLiteral("kind")).toString(), QStringLiteral("login-refused"));
        QCOMPARE(newest.value(QStringLiteral("user")).toString(),
                 QStringLiteral("intruder@example.net"));
        QVERIFY(!all.stdoutText().contains(QStringLiteral("guess")));

        const CliResult csv =
            m_cli.run({QStringLiteral("audit"), QStringLiteral("--format"), QStringLiteral("csv"),
                       QStringLiteral("--kind"), QStringLiteral("login-refused")},
                      CliRunner::demoUser(demo::kSuperAdmin));
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.describe()));
        const QStringList lines =
            csv.stdoutText().split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.first().startsWith(QStringLiteral("at,kind,user,user_name,company_id,")));
        QVERIFY2(lines.last().contains(QStringLiteral(",login-refused,intruder@example.net,")),
                 qPrintable(lines.last()));
    }

    void auditOfACompanyAdmin()
    {
        const CliResult r = m_cli.run({QStringLiteral("audit"), QStringLiteral("--json")},
                                      CliRunner::demoUser(qPrintable(kNordlichtOwner)));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonArray entries = r.json().array();
        QVERIFY(!entries.isEmpty());
        const QString nordlicht =
            scalar(QStringLiteral("SELECT id FROM companies WHERE name = 'Praxis Nordlicht'"));
        QCOMPARE(values(entries, QStringLiteral("company_id")), QSet<QString>{nordlicht});
        QVERIFY(!values(entries, QStringLiteral("kind")).contains(QStringLiteral("login-refused")));
    }

    void auditFiltersAndRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("entries"); // -1: any number, or none printed
        const QString admin = QString::fromLatin1(demo::kSuperAdmin);
        QTest::newRow("nothing after 2999")
            << QStringList{QStringLiteral("--since"), QStringLiteral("2999-01-01")} << admin << 0
            << 0;
        QTest::newRow("until a day includes it")
            << QStringList{QStringLiteral("--until"), QStringLiteral("2999-01-01"),
                           QStringLiteral("--kind"), QStringLiteral("login-refused")}
            << admin << 0 << 1;
        QTest::newRow("one branch")
            << QStringList{QStringLiteral("--branch"), QStringLiteral("Berlin Mitte"),
                           QStringLiteral("--limit"), QStringLiteral("2")}
            << admin << 0 << 2;
        QTest::newRow("a viewer may not")
            << QStringList() << QString::fromLatin1(demo::kViewer) << 4 << -1;
        QTest::newRow("unknown kind")
            << QStringList{QStringLiteral("--kind"), QStringLiteral("deploy,oops")} << admin << 2
            << -1;
        QTest::newRow("bad date") << QStringList{QStringLiteral("--since"),
                                                 QStringLiteral("yesterday")}
                                  << admin << 2 << -1;
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("--format"), QStringLiteral("xml")} << admin << 2 << -1;
        QTest::newRow("another company's branch")
            << QStringList{QStringLiteral("--branch"), QStringLiteral("Berlin Mitte")}
            << kNordlichtOwner << 5 << -1;
    }

    void auditFiltersAndRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, user);
        QFETCH(int, exitCode);
        QFETCH(int, entries);
        const CliResult r =
            m_cli.run(QStringList{QStringLiteral("audit"), QStringLiteral("--json")} + args,
                      CliRunner::demoUser(qPrintable(user)));
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.describe()));
        if (entries >= 0)
            QCOMPARE(r.json().array().size(), entries);
        else if (exitCode != 0)
            QVERIFY(r.out.isEmpty());
    }

private:
    QString scalar(const QString &sql)
    {
        auto conn = Database::connection(m_db.spec());
        if (!conn)
            return {};
        auto q = Database::exec(conn.value(), sql);
        return q && q->next() ? q->value(0).toString() : QString();
    }

    static constexpr const char *kBerlin = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    TestDatabase m_db;
    CliRunner m_cli;
    QString m_aurora;
};

QTEST_GUILESS_MAIN(TestCliFleet)
#include "tst_cli_fleet.moc"
