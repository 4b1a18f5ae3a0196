// What the services store is what was given, byte for byte, and in no
// reader's language: findings and automatic notes are kept as codes and
// arguments, rendered when read.
#include "TestDatabase.h"
#include "TestWorld.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Migrator.h"
#include "seed/Seeder.h"
#include "templates/TemplateService.h"
#include "versions/BranchService.h"
#include "versions/VersionNotes.h"
#include "versions/VersionService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <QTest>
#include <QThread>
#include <QTranslator>

#include <thread>

using namespace retell::core;
using retell::test::TestDatabase;

namespace {

using retell::test::TestWorld;
const QString kBranchA = TestWorld::kBranchA;
const QString kTools = TestWorld::kTools;

QString scalar(const ConnectionSpec &spec, const QString &sql, const QVariantList &bind = {})
{
    return TestWorld::scalar(spec, sql, bind);
}

DeployRequest request(const QString &prompt, const QString &notes = QStringLiteral("test deploy"))
{
    return DeployRequest{AgentConfig{prompt, kTools}, QString(), notes};
}

// Whoever deploys runs the app in German: every "Validator" text comes back
// translated, as it would with a German .qm installed.
class GermanTranslator final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char * = nullptr,
                      int = -1) const override
    {
        if (qstrcmp(context, "Validator") != 0)
            return {};
        if (qstrcmp(source, "Tool %1") == 0)
            return QStringLiteral("Werkzeug %1");
        return QStringLiteral("[de] ") + QString::fromUtf8(source);
    }
};

} // namespace

class TestStoredText final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("backend: %s", qPrintable(TestDatabase::backend())); }
    void storedTextIsLanguageNeutral()
    {
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = TestWorld::create(db.spec());
        VersionService versions(ServiceContext{db.spec()});
        GermanTranslator german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const auto cleanup = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });

        const QString tools = QStringLiteral(
            R"([{"type": "end_call", "name": "end_call", "description": "Hang up.", "colour": 1}])");
        auto out = versions.deploy(
            ann, kBranchA,
            DeployRequest{{QStringLiteral("Hello {{mystery_value}}; end with end_call."), tools},
                          {},
                          QStringLiteral("first")});
        QVERIFY2(out, out ? "" : qPrintable(out.error().message));
        QVERIFY(versions.deploy(ann, kBranchA, request(QStringLiteral("Second, then end_call."))));
        const QByteArray stored =
            scalar(db.spec(),
                   QStringLiteral("SELECT validation_errors FROM retell_agent_prompts WHERE "
                                  "branch_id = ? AND version = 1"),
                   {kBranchA})
                .toUtf8();
        const QJsonArray findings = QJsonDocument::fromJson(stored).array();
        QVERIFY2(!findings.isEmpty(), stored.constData());
        QStringList codes;
        for (const QJsonValue &v : findings) {
            const QJsonObject f = v.toObject();
            codes << f.value(QLatin1String("code")).toString();
            const QString message = f.value(QLatin1String("message")).toString();
            QVERIFY2(!message.contains(QLatin1String("[de]")) &&
                         !message.contains(QLatin1String("Werkzeug")),
                     qPrintable(message));
            QVERIFY(!f.value(QLatin1String("format")).toString().isEmpty());
        }
        QVERIFY2(codes.contains(QLatin1String("prompt.unknown_variable")),
                 qPrintable(codes.join(u' ')));
        QVERIFY2(codes.contains(QLatin1String("tools.unknown_field")),
                 qPrintable(codes.join(u' ')));
        const QList<Finding> read = ValidationResult::findingsFromJson(stored);
        const auto unknown = std::find_if(read.cbegin(), read.cend(), [](const Finding &f) {
            return f.code == QLatin1String("prompt.unknown_variable");
        });
        QVERIFY(unknown != read.cend());
        QCOMPARE(unknown->args, QStringList{QStringLiteral("mystery_value")});
        QVERIFY(unknown->message.startsWith(QLatin1String("{{mystery_value}} is neither")));
        // Rendered at the edge: the reader's language, the same arguments.
        QVERIFY(findingMessage(*unknown).startsWith(QLatin1String("[de] {{mystery_value}}")));
        const auto field = std::find_if(read.cbegin(), read.cend(), [](const Finding &f) {
            return f.code == QLatin1String("tools.unknown_field");
        });
        QVERIFY(field != read.cend());
        QVERIFY2(field->message.startsWith(QLatin1String("Tool 1")), qPrintable(field->message));

        auto rolled = versions.rollback(ann, kBranchA, 1, QStringLiteral("zurück"));
        QVERIFY2(rolled, rolled ? "" : qPrintable(rolled.error().message));
        const QString notes =
            scalar(db.spec(),
                   QStringLiteral("SELECT deployment_notes FROM retell_agent_prompts WHERE "
                                  "branch_id = ? AND version = 3"),
                   {kBranchA});
        QCOMPARE(notes, QStringLiteral("Rollback to version 1: zurück"));
        QCOMPARE(parseAutomaticNote(notes),
                 (AutomaticNote{AutomaticNote::Kind::Rollback, 1, QStringLiteral("zurück")}));
    }

    void textIsStoredVerbatim_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("sql metacharacters")
            << QStringLiteral("'; DROP TABLE users; -- \" \\ %_ `x`");
        QTest::newRow("emoji and scripts")
            << QStringLiteral("Grüße 🚀💇‍♀️ 日本語 עברית");
        QTest::newRow("control characters") << QStringLiteral("tab\there\r\nCRLF\nend");
    }

    void textIsStoredVerbatim()
    {
        QFETCH(QString, text);
        TestDatabase db;
        RETELL_REQUIRE_DB(db);
        const Actor ann = TestWorld::create(db.spec());
        ServiceContext ctx{db.spec()};
        VersionService versions(ctx);
        const QString prompt =
            QStringLiteral("Begin. ") + text + QStringLiteral(" Use end_call to finish.");
        auto out =
            versions.deploy(ann, kBranchA, DeployRequest{AgentConfig{prompt, kTools}, text, text});
        QVERIFY2(out, out ? "" : qPrintable(out.error().message));
        auto back = versions.version(ann, kBranchA, out->version.version);
        QVERIFY(back);
        QCOMPARE(back->notes, text);
        QCOMPARE(back->templateName, text);
        QCOMPARE(back->config.prompt, prompt);
        QCOMPARE(TestWorld::promptRows(db.spec()), 1);
        auto tmpl = TemplateService(ctx).save(ann, QStringLiteral("1"), text, text,
                                              AgentConfig{prompt, kTools});
        QVERIFY2(tmpl, tmpl ? "" : qPrintable(tmpl.error().message));
        auto found = TemplateService(ctx).find(ann, text);
        QVERIFY(found);
        QCOMPARE(found->description, text);
        auto again = TemplateService(ctx).save(ann, QStringLiteral("1"), text, text,
                                               AgentConfig{prompt, kTools});
        QVERIFY(!again);
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
    }
};

QTEST_GUILESS_MAIN(TestStoredText)
#include "tst_stored_text.moc"
