// deploy BRANCH ... --base N [--merge] (issue 11 §10): a deploy whose base
// version is no longer active is refused with exit 6; with --merge the edit
// is merged with what was deployed since N and deployed when the merge is
// clean and valid, else nothing is deployed (exit 6 with the markers, or
// exit 3 with the findings).
#include "TestDatabase.h"
#include "cli_runner.h"

#include "db/Database.h"
#include "templates/TemplateService.h"
#include "validation/Validator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace retell::core;
using namespace retell::test;

namespace {

const QString kBranch = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7"); // Berlin Mitte

// A prompt of numbered lines; `changes` replaces line i (0-based) by its text.
QByteArray numberedPrompt(const QString &tag, const QMap<int, QString> &changes = {})
{
    QByteArray out;
    for (int i = 0; i < 12; ++i) {
        const QString line =
            changes.contains(i) ? changes.value(i)
                                : QStringLiteral("Step %1 of the %2 booking flow.").arg(i).arg(tag);
        out += line.toUtf8() + '\n';
    }
    return out;
}

} // namespace

class TestCliDeployMerge final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        RETELL_REQUIRE_DB(m_db);
        auto app = CliRunner::seededDemo(m_db.spec());
        QVERIFY2(app, qPrintable(app ? QString() : app.error().message));
        m_cli.setSpec(app.value());
        m_tools = writeFile(QStringLiteral("tools.json"),
                            TemplateService::builtIns().value(1).config.toolsJson.toUtf8());
    }

    void staleBaseIsRefused()
    {
        const int base = deployBase(QStringLiteral("stale"));
        QVERIFY(base > 0);
        QCOMPARE(deploy(numberedPrompt(QStringLiteral("stale"), {{2, QStringLiteral("Theirs.")}}),
                        base, QStringLiteral("colleague"))
                     .exitCode,
                 0);
        // The base still active: accepted.
        const QString before = snapshot();
        const CliResult refused =
            deploy(numberedPrompt(QStringLiteral("stale"), {{5, QStringLiteral("Ours.")}}), base,
                   QStringLiteral("mine"));
        QVERIFY2(refused.exitCode == 6, qPrintable(refused.describe()));
        RETELL_VERIFY_CLEAN_ERROR(refused);
        QVERIFY2(refused.firstErrorLine().contains(
                     QStringLiteral("Version %1 was deployed by").arg(base + 1)),
                 qPrintable(refused.describe()));
        QCOMPARE(snapshot(), before);

        const CliResult json =
            deploy(numberedPrompt(QStringLiteral("stale"), {{5, QStringLiteral("Ours.")}}), base,
                   QStringLiteral("mine"), {QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 6, qPrintable(json.describe()));
        const QJsonObject o = json.json().object();
        QCOMPARE(o.value(QStringLiteral("deployed")).toBool(true), false);
        QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("conflict"));
        QCOMPARE(o.value(QStringLiteral("base_version")).toInt(), base);
        QCOMPARE(o.value(QStringLiteral("current"))[QStringLiteral("version")].toInt(), base + 1);
        QCOMPARE(snapshot(), before);

        // The current version as base: deployed.
        const CliResult current =
            deploy(numberedPrompt(QStringLiteral("stale"), {{5, QStringLiteral("Ours.")}}),
                   base + 1, QStringLiteral("mine"));
        QVERIFY2(current.exitCode == 0, qPrintable(current.describe()));
        QCOMPARE(active(QStringLiteral("version")).toInt(), base + 2);
    }

    void cleanMergeIsDeployedWithNotes_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("text") << false;
        QTest::newRow("--json") << true;
    }

    void cleanMergeIsDeployedWithNotes()
    {
        QFETCH(bool, json);
        const QString tag = json ? QStringLiteral("clean-json") : QStringLiteral("clean");
        const int base = deployBase(tag);
        QVERIFY(base > 0);
        QCOMPARE(deploy(numberedPrompt(tag, {{2, QStringLiteral("Their change.")}}), base,
                        QStringLiteral("colleague"))
                     .exitCode,
                 0);
        const CliResult merged =
            deploy(numberedPrompt(tag, {{8, QStringLiteral("Our change.")}}), base,
                   QStringLiteral("Opening hours"),
                   json ? QStringList{QStringLiteral("--merge"), QStringLiteral("--json")}
                        : QStringList{QStringLiteral("--merge")});
        QVERIFY2(merged.exitCode == 0, qPrintable(merged.describe()));
        QCOMPARE(active(QStringLiteral("version")).toInt(), base + 2);
        QCOMPARE(active(QStringLiteral("prompt_content")).toUtf8(),
                 numberedPrompt(tag, {{2, QStringLiteral("Their change.")},
                                      {8, QStringLiteral("Our change.")}}));
        QCOMPARE(active(QStringLiteral("deployment_notes")),
                 QStringLiteral("Opening hours (merged with v%1)").arg(base + 1));
        if (json) {
            const QJsonObject o = merged.json().object();
            QCOMPARE(o.value(QStringLiteral("version")).toInt(), base + 2);
            QCOMPARE(o.value(QStringLiteral("merged_with")).toInt(), base + 1);
            QCOMPARE(o.value(QStringLiteral("base_version")).toInt(), base);
        } else {
            QVERIFY2(merged.stdoutText().contains(QStringLiteral("Merged with v%1").arg(base + 1)),
                     qPrintable(merged.describe()));
        }
    }

    void conflictingMergeWritesMarkers_data()
    {
        QTest::addColumn<QString>("mode"); // "stderr", "output", "json"
        QTest::newRow("markers on stderr") << QStringLiteral("stderr");
        QTest::newRow("markers in --output") << QStringLiteral("output");
        QTest::newRow("--json") << QStringLiteral("json");
    }

    void conflictingMergeWritesMarkers()
    {
        QFETCH(QString, mode);
        const QString tag = QStringLiteral("conflict-") + mode;
        const int base = deployBase(tag);
        QVERIFY(base > 0);
        QCOMPARE(deploy(numberedPrompt(tag, {{2, QStringLiteral("Their line two.")},
                                             {9, QStringLiteral("Their line nine.")}}),
                        base, QStringLiteral("colleague"))
                     .exitCode,
                 0);
        const QString output = m_files.filePath(tag + QStringLiteral(".merged"));
        QStringList extra{QStringLiteral("--merge")};
        if (mode == QLatin1String("output"))
            extra << QStringLiteral("--output") << output;
        if (mode == QLatin1String("json"))
            extra << QStringLiteral("--json");
        const QString before = snapshot();
        const CliResult r = deploy(numberedPrompt(tag, {{2, QStringLiteral("Our line two.")},
                                                        {5, QStringLiteral("Our line five.")}}),
                                   base, QStringLiteral("mine"), extra);
        QVERIFY2(r.exitCode == 6, qPrintable(r.describe()));
        QCOMPARE(snapshot(), before);
        QVERIFY2(r.firstErrorLine().contains(QLatin1String("1 conflict(s); nothing was deployed")),
                 qPrintable(r.describe()));
        // What `merge` writes: the prompt with markers (the tools file is
        // unchanged on both sides, so the edit's tools stay as they are).
        const QByteArray expected =
            "<<<<<<< ours\nOur line two.\n||||||| base\n" +
            QStringLiteral("Step 2 of the %1 booking flow.\n").arg(tag).toUtf8() +
            "=======\nTheir line two.\n>>>>>>> theirs\n";
        if (mode == QLatin1String("stderr")) {
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains(expected), qPrintable(r.describe()));
            QVERIFY2(r.err.contains("Our line five.\n") && r.err.contains("Their line nine.\n"),
                     qPrintable(r.describe()));
        } else if (mode == QLatin1String("output")) {
            QVERIFY(r.out.isEmpty());
            QFile file(output);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray written = file.readAll();
            QVERIFY2(written.contains(expected), written.constData());
            QVERIFY(written.contains("Our line five.\n") && written.contains("Their line nine.\n"));
            QVERIFY2(!r.err.contains("<<<<<<<"), qPrintable(r.describe()));
        } else {
            const QJsonObject o = r.json().object();
            QCOMPARE(o.value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("merge_conflict"));
            QCOMPARE(o.value(QStringLiteral("current"))[QStringLiteral("version")].toInt(),
                     base + 1);
            const QJsonObject merge = o.value(QStringLiteral("merge")).toObject();
            QCOMPARE(merge.value(QStringLiteral("format")).toString(),
                     QStringLiteral("retell-admin-merge/1"));
            QCOMPARE(merge.value(QStringLiteral("clean")).toBool(true), false);
            QVERIFY(merge.value(QStringLiteral("prompt")).toString().toUtf8().contains(expected));
            QCOMPARE(merge.value(QStringLiteral("conflicts")).toArray().size(), 1);
        }
    }

    // Each side's addition fits Retell's token limit; both together do not.
    void mergedButInvalidIsNotDeployed()
    {
        const QString tag = QStringLiteral("invalid");
        const int base = deployBase(tag);
        QVERIFY(base > 0);
        QString block;
        for (int i = 0; Validator::estimateTokens(block) < 4600; ++i)
            block += QStringLiteral("Extra guidance %1: greet the caller, name the salon and "
                                    "offer the next free appointment slot.\n")
                         .arg(i);
        QVERIFY(Validator::estimateTokens(block) < 5000);
        QCOMPARE(deploy(numberedPrompt(tag, {{1, QStringLiteral("Theirs.\n") + block.trimmed()}}),
                        base, QStringLiteral("colleague"))
                     .exitCode,
                 0);
        const QString before = snapshot();
        const QString output = m_files.filePath(QStringLiteral("invalid.merged"));
        const CliResult r =
            deploy(numberedPrompt(tag, {{10, QStringLiteral("Ours.\n") + block.trimmed()}}), base,
                   QStringLiteral("mine"),
                   {QStringLiteral("--merge"), QStringLiteral("--output"), output});
        QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
        RETELL_VERIFY_CLEAN_ERROR(r);
        QVERIFY2(r.stderrText().contains(QLatin1String("prompt.token_limit")),
                 qPrintable(r.describe()));
        QCOMPARE(snapshot(), before);
        QVERIFY(QFile::exists(output)); // the clean merge, to fix by hand

        const CliResult json =
            deploy(numberedPrompt(tag, {{10, QStringLiteral("Ours.\n") + block.trimmed()}}), base,
                   QStringLiteral("mine"), {QStringLiteral("--merge"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 3, qPrintable(json.describe()));
        const QJsonObject o = json.json().object();
        QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("merge_invalid"));
        QCOMPARE(o.value(QStringLiteral("merge"))[QStringLiteral("clean")].toBool(false), true);
        QVERIFY(!o.value(QStringLiteral("findings")).toArray().isEmpty());
        QCOMPARE(snapshot(), before);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("--merge without --base") << QStringList{QStringLiteral("--merge")};
        QTest::newRow("--output without --merge")
            << QStringList{QStringLiteral("--base"), QStringLiteral("1"),
                           QStringLiteral("--output"), QStringLiteral("x")};
        QTest::newRow("negative base")
            << QStringList{QStringLiteral("--base"), QStringLiteral("-1")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, extra);
        const QString before = snapshot();
        const CliResult r =
            m_cli.run(QStringList{QStringLiteral("deploy"), kBranch, QStringLiteral("--prompt"),
                                  writeFile(QStringLiteral("usage.txt"), "Hello.\n"),
                                  QStringLiteral("--tools"), m_tools, QStringLiteral("--notes"),
                                  QStringLiteral("n")} +
                          extra,
                      kEditor);
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        RETELL_VERIFY_CLEAN_ERROR(r);
        QCOMPARE(snapshot(), before);
    }

private:
    QString writeFile(const QString &name, const QByteArray &content) const
    {
        return writeTestFile(m_files, name, content);
    }

    // deploy kBranch with this prompt and the template's tools, --base base
    // (none when negative).
    CliResult deploy(const QByteArray &prompt, int base, const QString &notes,
                     const QStringList &extra = {}) const
    {
        QStringList args{QStringLiteral("deploy"),
                         kBranch,
                         QStringLiteral("--prompt"),
                         writeFile(QStringLiteral("prompt-%1.txt").arg(++m_filesWritten), prompt),
                         QStringLiteral("--tools"),
                         m_tools,
                         QStringLiteral("--notes"),
                         notes};
        if (base >= 0)
            args << QStringLiteral("--base") << QString::number(base);
        return m_cli.run(args + extra, kEditor);
    }

    // Deploys the numbered prompt tagged `tag`; returns its version (0: failed).
    int deployBase(const QString &tag) const
    {
        const CliResult r = deploy(numberedPrompt(tag), -1, QStringLiteral("base for ") + tag);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return r.exitCode == 0 ? active(QStringLiteral("version")).toInt() : 0;
    }

    // A column of the branch's active version.
    QString active(const QString &column) const
    {
        auto conn = Database::connection(m_db.spec());
        if (!conn)
            return conn.error().message;
        auto q = Database::exec(conn.value(),
                                QStringLiteral("SELECT %1 FROM retell_agent_prompts WHERE "
                                               "branch_id = ? AND is_active = TRUE")
                                    .arg(column),
                                {kBranch});
        const QString value = q && q->next() ? q->value(0).toString() : QStringLiteral("<none>");
        Database::releaseStatements();
        return value;
    }

    // Number of versions and the active one.
    QString snapshot() const
    {
        auto conn = Database::connection(m_db.spec());
        if (!conn)
            return conn.error().message;
        auto q = Database::exec(
            conn.value(),
            QStringLiteral("SELECT COUNT(*), MAX(version) FROM retell_agent_prompts WHERE "
                           "branch_id = ?"),
            {kBranch});
        const QString value =
            q && q->next() ? q->value(0).toString() + QLatin1Char('/') + q->value(1).toString()
                           : QStringLiteral("<none>");
        Database::releaseStatements();
        return value + QLatin1Char('@') + active(QStringLiteral("version"));
    }

    TestDatabase m_db;
    CliRunner m_cli;
    QTemporaryDir m_files;
    QString m_tools;
    mutable int m_filesWritten = 0;
};

QTEST_GUILESS_MAIN(TestCliDeployMerge)
#include "tst_cli_deploy_merge.moc"
