#pragma once

// The world of tst_publish: a database with Ann (global admin), the
// loopback Retell stand-in with one agent, the services on an injected clock.
#include "FakeRetell.h"
#include "TestDatabase.h"
#include "TestWorld.h"

#include "RetellHttpApi.h"
#include "publish/Publishing.h"
#include "versions/VersionService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <memory>

namespace retell::test {

inline const QString kBranchA = TestWorld::kBranchA;
inline const QString kBranchB = TestWorld::kBranchB;

inline QString salonPrompt(const QString &line)
{
    return QStringLiteral("You are the receptionist of Alpha salon. %1 Book appointments politely "
                          "and end the call when the caller is done.")
        .arg(line);
}

// Everything one test needs: a database with Ann (global admin), the fake
// Retell with one agent, the services on an injected clock.
struct World
{
    TestDatabase db;
    core::Actor ann;
    std::shared_ptr<QDateTime> now =
        std::make_shared<QDateTime>(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
    core::ServiceContext context;
    FakeRetellRunner fake;
    core::RetellApiFactory factory;
    QString agentId;
    QString llmId;

    World()
    {
        if (!db.isValid() || !fake.isListening())
            return;
        ann = TestWorld::create(db.spec());
        context.spec = db.spec();
        context.clock = [t = now] { return *t; };
        factory = retell::net::makeRetellApiFactory({fake.baseUrl(), fake.apiKey()});
        const QJsonObject agent = fake.model().addAgent(
            {{QStringLiteral("general_prompt"), QStringLiteral("The prompt made in Retell.")},
             {QStringLiteral("general_tools"), QJsonArray()}});
        agentId = agent.value(QStringLiteral("agent_id")).toString();
        llmId = agent.value(QStringLiteral("llm_id")).toString();
    }
    bool ok() const { return db.isValid() && fake.isListening(); }
    void advance(int seconds) { *now = now->addSecs(seconds); }

    core::Result<core::RetellLink> link(const QString &branch = kBranchA)
    {
        return core::LinkService(context).link(ann, branch, agentId, llmId);
    }
    core::Result<core::DeployOutcome> deploy(const QString &line, const QString &branch = kBranchA)
    {
        core::DeployRequest request;
        request.config = {salonPrompt(line), TestWorld::kTools};
        request.notes = QStringLiteral("Deploy: %1").arg(line);
        return core::VersionService(context).deploy(ann, branch, request);
    }
    core::Result<core::Publication> publish(bool force = false)
    {
        return core::Publisher(context, factory).publishBranch(ann, kBranchA, force);
    }
    // The background retry, as Ann.
    core::Result<QList<core::Publication>> publishDue()
    {
        return core::Publisher(context, factory).publishDue(ann);
    }
    // Alpha linked, `line` deployed and live: where most cases start.
    core::Result<core::Publication> linkedAndLive(const QString &line)
    {
        if (auto linked = link(); !linked)
            return linked.error();
        if (auto deployed = deploy(line); !deployed)
            return deployed.error();
        return publish();
    }
    QString sql(const QString &query, const QVariantList &bind = {}) const
    {
        return TestWorld::scalar(db.spec(), query, bind);
    }
    // Requests the fake received whose path starts with prefix.
    int requests(const QString &prefix)
    {
        int n = 0;
        for (const QJsonValue &e : fake.model().log())
            n += e.toObject().value(QStringLiteral("path")).toString().startsWith(prefix);
        return n;
    }
    // Published agent versions whose description carries the marker of
    // the branch's version `version`.
    int publishedWithMarkerOf(int version)
    {
        const QString promptId = sql(QStringLiteral("SELECT id FROM retell_agent_prompts WHERE "
                                                    "branch_id = ? AND version = ?"),
                                     {kBranchA, version});
        const QString marker = QStringLiteral("[retell-admin %1@%2]").arg(promptId, kBranchA);
        int n = 0;
        const QJsonArray versions =
            fake.model().state(agentId).value(QStringLiteral("versions")).toArray();
        for (const QJsonValue &v : versions) {
            const QJsonObject o = v.toObject();
            n += o.value(QStringLiteral("is_published")).toBool() &&
                 o.value(QStringLiteral("version_description")).toString().contains(marker);
        }
        return n;
    }
    int publishedVersions()
    {
        int n = 0;
        const QJsonArray versions =
            fake.model().state(agentId).value(QStringLiteral("versions")).toArray();
        for (const QJsonValue &v : versions)
            n += v.toObject().value(QStringLiteral("is_published")).toBool();
        return n;
    }
    // The prompt of Retell's latest published version.
    QString retellPrompt()
    {
        const QJsonArray versions =
            fake.model().state(agentId).value(QStringLiteral("versions")).toArray();
        QString prompt;
        for (const QJsonValue &v : versions)
            if (v.toObject().value(QStringLiteral("is_published")).toBool())
                prompt = v.toObject().value(QStringLiteral("general_prompt")).toString();
        return prompt;
    }
    void fault(const QString &prefix, FakeFault::Mode mode, int status = 500,
               const QString &message = {}, const QString &retryAfter = {})
    {
        FakeFault f;
        f.pathPrefix = prefix;
        f.mode = mode;
        f.status = status;
        f.message = message;
        f.retryAfter = retryAfter;
        f.count = 1;
        fake.model().addFault(f);
    }
};

#define REQUIRE_WORLD(w)                                                                           \
    do {                                                                                           \
        RETELL_REQUIRE_DB((w).db);                                                                 \
        QVERIFY2((w).fake.isListening(), "the fake Retell server did not start");                  \
    } while (false)

// Evaluates `call` once (a publish or deploy must not run twice).
#define VERIFY_OK(call)                                                                            \
    do {                                                                                           \
        const auto &result_ = (call);                                                              \
        QVERIFY2(result_.ok(), result_.ok() ? "" : qPrintable(result_.error().message));           \
    } while (false)

} // namespace retell::test
