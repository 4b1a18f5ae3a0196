// Setup, migrate, seed, and the read-only commands (branches, templates,
// history, show, validate) of retell-admin-cli.
#include "tst_cli.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"
#include "templates/TemplateService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <limits>

using namespace retell::core;
using namespace retell::test;

namespace {

const Who kNobody{QStringLiteral("nobody@example.test"), QStringLiteral("demo-password")};

} // namespace

QString TestCli::scalarOn(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind)
{
    auto conn = Database::connection(spec);
    if (!conn)
        return QStringLiteral("<error: %1>").arg(conn.error().message);
    auto q = Database::exec(conn.value(), sql, bind);
    if (!q)
        return QStringLiteral("<error: %1 %2>").arg(q.error().message, q.error().detail);
    if (!q->next())
        return QStringLiteral("<none>");
    return q->value(0).isNull() ? QStringLiteral("<null>") : q->value(0).toString();
}

QString TestCli::countsOn(const ConnectionSpec &spec)
{
    QStringList parts;
    for (const char *table : {"users", "companies", "branches", "retell_agent_prompts",
                              "retell_admin_grants", "retell_admin_templates"})
        parts << QStringLiteral("%1=%2").arg(
            QString::fromLatin1(table),
            scalarOn(spec,
                     QStringLiteral("SELECT COUNT(*) FROM %1").arg(QString::fromLatin1(table)),
                     {}));
    return parts.join(QLatin1Char(' '));
}

QString TestCli::scalar(const QString &sql, const QVariantList &bind) const
{
    return scalarOn(m_ctx.spec, sql, bind);
}

QString TestCli::snapshot() const
{
    QString active;
    auto conn = Database::connection(m_ctx.spec);
    if (conn) {
        auto q = Database::exec(
            conn.value(), QStringLiteral("SELECT branch_id, version FROM retell_agent_prompts "
                                         "WHERE is_active = TRUE ORDER BY branch_id"));
        while (q && q->next())
            active += q->value(0).toString() + QLatin1Char('@') + q->value(1).toString() +
                      QLatin1Char(' ');
    }
    return countsOn(m_ctx.spec) + QStringLiteral(" active: ") + active;
}

QString TestCli::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_files.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(RETELL_CLI_PATH)));
    QVERIFY(m_files.isValid());
    RETELL_REQUIRE_DB(m_db);
    m_ctx.spec = m_db.spec();
    auto migrated = Migrator::migrate(m_ctx.spec);
    QVERIFY2(migrated,
             qPrintable(migrated ? QString() : migrated.error().message + migrated.error().detail));
    auto seeded = Seeder::seedDemo(m_ctx);
    QVERIFY2(seeded,
             qPrintable(seeded ? QString() : seeded.error().message + seeded.error().detail));
    auto hash = AuthService::hashPassword(QByteArrayLiteral("demo-password"), 10);
    QVERIFY(hash);
    auto conn = Database::connection(m_ctx.spec);
    QVERIFY(conn);
    QVERIFY(Database::exec(
        conn.value(), QStringLiteral("INSERT INTO users (name, email, password) VALUES (?, ?, ?)"),
        {QStringLiteral("No Body"), kNobody.email, QString::fromLatin1(hash.value())}));
    m_cli.setSpec(m_ctx.spec);
    if (TestDatabase::isMariaDb()) {
        // On MariaDB the CLI acts through the least-privilege account (db-roles).
        auto app = CliRunner::leastPrivilegeAccount(m_ctx.spec);
        QVERIFY2(app, qPrintable(app ? QString() : app.error().message));
        m_cli.setSpec(app.value());
    }

    const Template basic = TemplateService::builtIns().value(1);
    QCOMPARE(basic.name, QStringLiteral("Basic Appointment Booking"));
    m_promptText =
        basic.config.prompt +
        QStringLiteral("\n\n## Begrüßung\nSag „Grüß Gott“ 🚀 — und nenne {{branch_name}}.\n");
    m_prompt = writeFile(QStringLiteral("prompt.txt"), m_promptText.toUtf8());
    m_tools = writeFile(QStringLiteral("tools.json"), basic.config.toolsJson.toUtf8());
}

void TestCli::migrateSaysWhatItDid()
{
    TestDatabase fresh;
    RETELL_REQUIRE_DB(fresh);
    const CliRunner runner(fresh.spec());
    const CliResult first = runner.run({QStringLiteral("migrate")});
    QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
    QVERIFY2(first.stdoutText().contains(QLatin1String("applied ")), qPrintable(first.describe()));
    const int latest = Migrator::latestKnownVersion(fresh.dialect());
    QVERIFY2(first.stdoutText().contains(QStringLiteral("version %1").arg(latest)),
             qPrintable(first.describe()));
    QCOMPARE(scalarOn(fresh.spec(), QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants"), {}),
             QStringLiteral("0"));

    const CliResult second = runner.run({QStringLiteral("migrate")});
    QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
    QVERIFY2(second.stdoutText().contains(QLatin1String("Nothing to do")),
             qPrintable(second.describe()));
    QVERIFY2(!second.stdoutText().contains(QLatin1String("applied ")),
             qPrintable(second.describe()));

    const CliResult json = runner.run({QStringLiteral("--json"), QStringLiteral("migrate")});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    QString error;
    const QJsonObject o = json.json(&error).object();
    QVERIFY2(error.isEmpty(), qPrintable(error + json.describe()));
    QCOMPARE(o.value(QStringLiteral("applied")).toArray().size(), 0);
    QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), latest);
}

void TestCli::seedIsIdempotent_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("firstRunSays");
    QTest::newRow("seed: built-in templates")
        << QStringList{QStringLiteral("seed")}
        << QStringList{QStringLiteral("added 6 built-in template(s)")};
    QTest::newRow("seed --demo: companies, branches, users, grants, history")
        << QStringList{QStringLiteral("seed"), QStringLiteral("--demo")}
        << QStringList{QStringLiteral("added 6 built-in template(s)"),
                       QStringLiteral("added 3 demo company(ies)"),
                       QStringLiteral("added 7 demo branch(es)"),
                       QStringLiteral("demo user(s)"),
                       QStringLiteral("demo grant(s)"),
                       QStringLiteral("demo version(s)")};
}

void TestCli::seedIsIdempotent()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, firstRunSays);
    TestDatabase fresh;
    RETELL_REQUIRE_DB(fresh);
    QVERIFY(Migrator::migrate(fresh.spec()));
    const CliRunner runner(fresh.spec());
    const CliResult first = runner.run(args);
    QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
    for (const QString &line : std::as_const(firstRunSays))
        QVERIFY2(first.stdoutText().contains(line),
                 qPrintable(line + QStringLiteral(" missing: ") + first.describe()));
    const QString afterFirst = countsOn(fresh.spec());

    const CliResult second = runner.run(args);
    QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
    QVERIFY2(second.stdoutText().contains(QLatin1String("nothing to add")),
             qPrintable(second.describe()));
    QCOMPARE(countsOn(fresh.spec()), afterFirst);

    const CliResult json = runner.run(QStringList{QStringLiteral("--json")} + args);
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    const QJsonObject o = json.json().object();
    QVERIFY(!o.isEmpty());
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        QVERIFY2(it.value().toInt(-1) == 0,
                 qPrintable(it.key() + QStringLiteral(" after a repeated seed")));
    QCOMPARE(countsOn(fresh.spec()), afterFirst);
}

void TestCli::branchesListing_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QStringList>("companies"); // the companies whose branches the user sees
    QTest::addColumn<int>("branchCount");       // -1: every branch in the database
    QTest::newRow("global admin sees every branch")
        << kAdmin.email
        << QStringList{QStringLiteral("AutoWerk Schmidt"), QStringLiteral("Praxis Nordlicht"),
                       QStringLiteral("Salon Aurora")}
        << -1;
    QTest::newRow("company admin sees the company's branches")
        << kOwner.email << QStringList{QStringLiteral("Salon Aurora")} << 3;
    QTest::newRow("company viewer sees the company's branches")
        << kViewer.email << QStringList{QStringLiteral("Salon Aurora")} << 3;
    QTest::newRow("branch editor sees one branch")
        << kEditor.email << QStringList{QStringLiteral("Salon Aurora")} << 1;
    QTest::newRow("user without grants sees nothing") << kNobody.email << QStringList() << 0;
}

void TestCli::branchesListing()
{
    QFETCH(QString, email);
    QFETCH(QStringList, companies);
    QFETCH(int, branchCount);
    const Who who{email, QStringLiteral("demo-password")};
    if (branchCount < 0)
        branchCount = scalar(QStringLiteral("SELECT COUNT(*) FROM branches")).toInt();

    const CliResult json = cli({QStringLiteral("--json"), QStringLiteral("branches")}, who);
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    QString error;
    const QJsonArray list = json.json(&error).array();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(list.size(), branchCount);
    QSet<QString> seen;
    for (const QJsonValue &v : list) {
        const QJsonObject b = v.toObject();
        seen.insert(b.value(QStringLiteral("company")).toString());
        QCOMPARE(b.value(QStringLiteral("id")).toString().size(), 36);
        QCOMPARE(scalar(QStringLiteral("SELECT name FROM branches WHERE id = ?"),
                        {b.value(QStringLiteral("id")).toString()}),
                 b.value(QStringLiteral("name")).toString());
        const QString active = scalar(QStringLiteral("SELECT version FROM retell_agent_prompts "
                                                     "WHERE branch_id = ? AND is_active = TRUE"),
                                      {b.value(QStringLiteral("id")).toString()});
        QCOMPARE(b.value(QStringLiteral("active_version")).isNull()
                     ? QStringLiteral("<none>")
                     : QString::number(b.value(QStringLiteral("active_version")).toInt()),
                 active);
    }
    QStringList seenSorted(seen.begin(), seen.end());
    seenSorted.sort();
    QCOMPARE(seenSorted, companies);

    const CliResult text = cli({QStringLiteral("branches")}, who);
    QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
    for (const QString &company : std::as_const(companies))
        QVERIFY2(text.stdoutText().contains(company), qPrintable(text.describe()));
    QCOMPARE(text.stdoutText().contains(QLatin1String("Kiel Zentrum")),
             companies.contains(QStringLiteral("Praxis Nordlicht")));
    if (branchCount == 0)
        QVERIFY2(text.stdoutText().contains(QLatin1String("may not see any branch")),
                 qPrintable(text.describe()));
}

void TestCli::templatesListing()
{
    const CliResult json = cli({QStringLiteral("--json"), QStringLiteral("templates")}, kViewer);
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue &v : json.json().array())
        byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
    for (const char *name :
         {"Dynamic Service Selection", "Basic Appointment Booking", "Information Only"}) {
        QVERIFY2(byName.contains(QString::fromLatin1(name)), name);
        QCOMPARE(byName.value(QString::fromLatin1(name)).value(QStringLiteral("source")).toString(),
                 QStringLiteral("built-in"));
    }
    const QJsonArray infoTools =
        byName.value(QStringLiteral("Information Only")).value(QStringLiteral("tools")).toArray();
    QVERIFY(infoTools.contains(QStringLiteral("get_opening_hours")));
    QVERIFY2(!infoTools.contains(QStringLiteral("collect_appointment_data")),
             "the information line books appointments");
    const QJsonArray bookingTools = byName.value(QStringLiteral("Dynamic Service Selection"))
                                        .value(QStringLiteral("tools"))
                                        .toArray();
    for (const char *tool : {"list_services", "collect_appointment_data", "cancel_appointment",
                             "reschedule_appointment"})
        QVERIFY2(bookingTools.contains(QString::fromLatin1(tool)), tool);

    const CliResult text = cli({QStringLiteral("templates")}, kViewer);
    QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
    QVERIFY(text.stdoutText().contains(QLatin1String("Information Only  [built-in, en]")));
    QVERIFY(text.stdoutText().contains(QLatin1String("Nur Auskunft  [built-in, de]")));
    QVERIFY(text.stdoutText().contains(QLatin1String("get_opening_hours")));
}

void TestCli::historyAndShow()
{
    const QString bm = QString::fromLatin1(kBerlinMitte);
    const QString total = scalar(QStringLiteral("SELECT COUNT(*) FROM retell_agent_prompts WHERE "
                                                "branch_id = ? AND is_template = FALSE"),
                                 {bm});
    const QString active = scalar(
        QStringLiteral(
            "SELECT version FROM retell_agent_prompts WHERE branch_id = ? AND is_active = TRUE"),
        {bm});
    QVERIFY(total.toInt() >= 4);

    const CliResult text = cli({QStringLiteral("history"), bm}, kViewer);
    QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
    QVERIFY2(text.stdoutText().contains(
                 QStringLiteral("Salon Aurora / Berlin Mitte: %1 version(s)").arg(total)),
             qPrintable(text.describe()));
    QVERIFY(text.stdoutText().contains(QStringLiteral("* v%1").arg(active)));
    QVERIFY(text.stdoutText().contains(QLatin1String("First agent for Berlin Mitte")));

    const CliResult json = cli({QStringLiteral("--json"), QStringLiteral("history"), bm}, kViewer);
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    const QJsonObject h = json.json().object();
    QCOMPARE(QString::number(h.value(QStringLiteral("total")).toInt()), total);
    const QJsonArray versions = h.value(QStringLiteral("versions")).toArray();
    QCOMPARE(QString::number(versions.size()), total);
    int previous = std::numeric_limits<int>::max();
    int activeRows = 0;
    for (const QJsonValue &v : versions) {
        const QJsonObject o = v.toObject();
        QVERIFY2(o.value(QStringLiteral("version")).toInt() < previous,
                 "history is not newest first");
        previous = o.value(QStringLiteral("version")).toInt();
        if (o.value(QStringLiteral("active")).toBool()) {
            ++activeRows;
            QCOMPARE(QString::number(previous), active);
        }
        QVERIFY(!o.value(QStringLiteral("deployed_by")).toString().isEmpty());
    }
    QCOMPARE(activeRows, 1);
    QCOMPARE(h.value(QStringLiteral("branch")).toObject().value(QStringLiteral("id")).toString(),
             bm);

    const CliResult show = cli({QStringLiteral("--json"), QStringLiteral("show"), bm}, kViewer);
    QVERIFY2(show.exitCode == 0, qPrintable(show.describe()));
    const QJsonObject s = show.json().object();
    QCOMPARE(QString::number(s.value(QStringLiteral("version")).toInt()), active);
    QCOMPARE(s.value(QStringLiteral("active")).toBool(), true);
    QCOMPARE(s.value(QStringLiteral("prompt")).toString(),
             scalar(QStringLiteral("SELECT prompt_content FROM retell_agent_prompts WHERE "
                                   "branch_id = ? AND is_active = TRUE"),
                    {bm}));
    QVERIFY(!s.value(QStringLiteral("tools")).toArray().isEmpty());
    QCOMPARE(s.value(QStringLiteral("branch")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Berlin Mitte"));

    const CliResult v1 = cli({QStringLiteral("--json"), QStringLiteral("show"), bm,
                              QStringLiteral("--version"), QStringLiteral("1")},
                             kViewer);
    QVERIFY2(v1.exitCode == 0, qPrintable(v1.describe()));
    QCOMPARE(v1.json().object().value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(v1.json().object().value(QStringLiteral("active")).toBool(), false);
    QCOMPARE(v1.json().object().value(QStringLiteral("notes")).toString(),
             QStringLiteral("First agent for Berlin Mitte"));

    const CliResult showText = cli({QStringLiteral("show"), bm}, kViewer);
    QVERIFY2(showText.exitCode == 0, qPrintable(showText.describe()));
    QVERIFY2(showText.stdoutText().contains(
                 QStringLiteral("Berlin Mitte — version %1 (active)").arg(active)),
             qPrintable(showText.describe()));
    QVERIFY(showText.stdoutText().contains(QLatin1String("--- prompt ---")));
}

void TestCli::validateExitCodes_data()
{
    QTest::addColumn<QByteArray>("prompt"); // empty: the valid prompt file
    QTest::addColumn<QByteArray>("tools");  // empty: the valid tools file
    QTest::addColumn<int>("exitCode");
    QTest::newRow("valid prompt and tools -> 0") << QByteArray() << QByteArray() << 0;
    QTest::newRow("unbalanced {{ in the prompt -> 3")
        << QByteArrayLiteral("Hello {{customer_name, how can I help?") << QByteArray() << 3;
    QTest::newRow("empty prompt -> 3") << QByteArrayLiteral("   \n") << QByteArray() << 3;
    QTest::newRow("tools not JSON -> 3")
        << QByteArray() << QByteArrayLiteral("[{\"type\": \"end_call\",") << 3;
    QTest::newRow("tools an object, not an array -> 3")
        << QByteArray() << QByteArrayLiteral("{\"type\": \"end_call\"}") << 3;
    QTest::newRow("custom tool without url -> 3")
        << QByteArray()
        << QByteArrayLiteral(
               "[{\"type\": \"custom\", \"name\": \"lookup\", \"description\": \"Looks up\"}]")
        << 3;
    QTest::newRow("duplicate tool names -> 3")
        << QByteArray()
        << QByteArrayLiteral("[{\"type\": \"end_call\", \"name\": \"bye\"}, {\"type\": "
                             "\"end_call\", \"name\": \"bye\"}]")
        << 3;
}

void TestCli::validateExitCodes()
{
    QFETCH(QByteArray, prompt);
    QFETCH(QByteArray, tools);
    QFETCH(int, exitCode);
    const QString promptFile =
        prompt.isEmpty() ? m_prompt : writeFile(QStringLiteral("v-prompt.txt"), prompt);
    const QString toolsFile =
        tools.isEmpty() ? m_tools : writeFile(QStringLiteral("v-tools.json"), tools);
    const QString before = snapshot();
    const QStringList args{QStringLiteral("validate"), QStringLiteral("--prompt"), promptFile,
                           QStringLiteral("--tools"), toolsFile};

    const CliResult text = cli(args, {});
    QVERIFY2(text.exitCode == exitCode, qPrintable(text.describe()));
    QVERIFY2(text.stdoutText().contains(exitCode == 0 ? QLatin1String("valid: 0 error(s)")
                                                      : QLatin1String("invalid: ")),
             qPrintable(text.describe()));
    if (exitCode != 0)
        QVERIFY2(text.stdoutText().startsWith(QLatin1String("error")) ||
                     text.stdoutText().contains(QLatin1String("\nerror")),
                 qPrintable(text.describe()));

    const CliResult json = cli(QStringList{QStringLiteral("--json")} + args, {});
    QVERIFY2(json.exitCode == exitCode, qPrintable(json.describe()));
    QString error;
    const QJsonObject o = json.json(&error).object();
    QVERIFY2(error.isEmpty(), qPrintable(error + json.describe()));
    QCOMPARE(o.value(QStringLiteral("status")).toString(),
             exitCode == 0 ? QStringLiteral("valid") : QStringLiteral("invalid"));
    QCOMPARE(o.value(QStringLiteral("errors")).toInt() > 0, exitCode != 0);
    int errorFindings = 0;
    for (const QJsonValue &f : o.value(QStringLiteral("findings")).toArray()) {
        QVERIFY(!f.toObject().value(QStringLiteral("code")).toString().isEmpty());
        QVERIFY(!f.toObject().value(QStringLiteral("message")).toString().isEmpty());
        errorFindings +=
            f.toObject().value(QStringLiteral("severity")).toString() == QLatin1String("error");
    }
    QCOMPARE(errorFindings, o.value(QStringLiteral("errors")).toInt());
    QCOMPARE(snapshot(), before); // validate never writes
}

QTEST_GUILESS_MAIN(TestCli)
