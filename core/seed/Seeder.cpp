#include "seed/Seeder.h"

#include "access/AuthService.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "templates/TemplateService.h"
#include "versions/VersionService.h"

#include <QRegularExpression>

namespace retell::core {

QStringList SeedReport::lines() const
{
    QStringList out;
    auto line = [&](int n, const char *what) {
        if (n > 0)
            out << QStringLiteral("added %1 %2").arg(n).arg(QString::fromLatin1(what));
    };
    line(templatesAdded, "built-in template(s)");
    line(companiesAdded, "demo company(ies)");
    line(branchesAdded, "demo branch(es)");
    line(usersAdded, "demo user(s)");
    line(grantsAdded, "demo grant(s)");
    line(versionsAdded, "demo version(s)");
    if (out.isEmpty())
        out << QStringLiteral("nothing to add: the seed data is already there");
    return out;
}

Result<SeedReport> Seeder::seedTemplates(const ServiceContext &context)
{
    SeedReport report;
    const QString now = toSqlTimestamp(context.clock());
    auto r = Database::writeTransaction(context.spec, [&](QSqlDatabase &db) -> Result<void> {
        report.templatesAdded = 0;
        for (const Template &t : TemplateService::builtIns()) {
            auto q = Database::exec(
                db,
                QStringLiteral(
                    "SELECT COUNT(*) FROM retell_admin_templates WHERE LOWER(name) = LOWER(?)"),
                {t.name});
            if (!q)
                return q.error();
            if (q->next() && q->value(0).toInt() > 0)
                continue;
            auto ins = Database::exec(
                db,
                QStringLiteral(
                    "INSERT INTO retell_admin_templates (name, description, prompt_content, "
                    "functions_config, is_builtin, language, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, TRUE, ?, ?, ?)"),
                {t.name, t.description, t.config.prompt, t.config.toolsJson, t.language, now, now});
            if (!ins)
                return ins.error();
            ++report.templatesAdded;
        }
        return {};
    });
    if (!r)
        return r.error();
    return report;
}

namespace {

struct DemoBranch
{
    const char *id;
    const char *name;
};

struct DemoCompany
{
    const char *name;
    QList<DemoBranch> branches;
};

struct DemoUser
{
    const char *name;
    const char *email;
    const char *role;
    const char *scope; // global | company | branch
    int companyIndex;  // for company/branch scopes
    int branchIndex;   // for branch scope
};

const QList<DemoCompany> &demoCompanies()
{
    static const QList<DemoCompany> companies = {
        {"Salon Aurora",
         {{"7c9e6679-7425-40de-944b-e07fc1f90ae7", "Berlin Mitte"},
          {"1b4e28ba-2fa1-41d2-883f-0016d3cca427", "Hamburg Altona"},
          {"6fa459ea-ee8a-4ca4-894e-db77e160355e", "München Schwabing"}}},
        {"Praxis Nordlicht",
         {{"16fd2706-8baf-433b-82eb-8c7fada847da", "Kiel Zentrum"},
          {"886313e1-3b8a-4372-9b90-0c9aee199e5d", "Lübeck Altstadt"}}},
        {"AutoWerk Schmidt",
         {{"c56a4180-65aa-42ec-a945-5fd21dec0538", "Köln Ehrenfeld"},
          {"9b2f8d1e-5c3a-4e7b-8f6d-2a1c0e9b7d4f", "Bonn Beuel"}}},
    };
    return companies;
}

const QList<DemoUser> &demoUsers()
{
    static const QList<DemoUser> users = {
        {"Ada Admin", demo::kSuperAdmin, "admin", "global", -1, -1},
        {"Olivia Owner", demo::kCompanyAdmin, "admin", "company", 0, -1},
        {"Emil Editor", demo::kBranchEditor, "editor", "branch", 0, 0},
        {"Vera Viewer", demo::kViewer, "viewer", "company", 0, -1},
        {"Nora Nordlicht", "owner@praxis-nordlicht.example", "admin", "company", 1, -1},
        {"Sam Schmidt", "werkstatt@autowerk-schmidt.example", "editor", "company", 2, -1},
    };
    return users;
}

} // namespace

Result<SeedReport> Seeder::seedDemo(const ServiceContext &context)
{
    auto templatesSeeded = seedTemplates(context);
    if (!templatesSeeded)
        return templatesSeeded.error();
    SeedReport report = templatesSeeded.value();
    QList<QString> companyIds;
    QList<qint64> userIds;
    const QDateTime seedTime = context.clock().toUTC();
    const QString now = toSqlTimestamp(seedTime);
    // Hash outside the transaction: bcrypt is deliberately slow.
    QHash<QString, QByteArray> hashes;
    {
        auto conn = Database::connection(context.spec);
        if (!conn)
            return conn.error();
        for (const DemoUser &u : demoUsers()) {
            auto q = Database::exec(conn.value(),
                                    QStringLiteral("SELECT COUNT(*) FROM users WHERE email = ?"),
                                    {QString::fromLatin1(u.email)});
            if (!q)
                return q.error();
            if (q->next() && q->value(0).toInt() > 0)
                continue;
            auto hash = AuthService::hashPassword(QByteArray(demo::kPassword), 10);
            if (!hash)
                return hash.error();
            hashes.insert(QString::fromLatin1(u.email), hash.value());
        }
    }
    auto r = Database::writeTransaction(context.spec, [&](QSqlDatabase &db) -> Result<void> {
        companyIds.clear();
        userIds.clear();
        report.companiesAdded = report.branchesAdded = report.usersAdded = report.grantsAdded = 0;
        for (const DemoCompany &c : demoCompanies()) {
            auto q = Database::exec(db, QStringLiteral("SELECT id FROM companies WHERE name = ?"),
                                    {QString::fromUtf8(c.name)});
            if (!q)
                return q.error();
            QString id;
            if (q->next()) {
                id = q->value(0).toString();
            } else {
                auto ins = insertReturningId(
                    db,
                    QStringLiteral(
                        "INSERT INTO companies (name, created_at, updated_at) VALUES (?, ?, ?)"),
                    {QString::fromUtf8(c.name), now, now});
                if (!ins)
                    return ins.error();
                id = QString::number(ins.value());
                ++report.companiesAdded;
            }
            companyIds << id;
            for (const DemoBranch &b : c.branches) {
                auto exists =
                    Database::exec(db, QStringLiteral("SELECT COUNT(*) FROM branches WHERE id = ?"),
                                   {QString::fromLatin1(b.id)});
                if (!exists)
                    return exists.error();
                if (exists->next() && exists->value(0).toInt() > 0)
                    continue;
                auto ins = Database::exec(
                    db,
                    QStringLiteral("INSERT INTO branches (id, company_id, name, created_at, "
                                   "updated_at) VALUES (?, ?, ?, ?, ?)"),
                    {QString::fromLatin1(b.id), id, QString::fromUtf8(b.name), now, now});
                if (!ins)
                    return ins.error();
                ++report.branchesAdded;
            }
        }
        for (const DemoUser &u : demoUsers()) {
            const QString email = QString::fromLatin1(u.email);
            auto q =
                Database::exec(db, QStringLiteral("SELECT id FROM users WHERE email = ?"), {email});
            if (!q)
                return q.error();
            qint64 userId = 0;
            if (q->next()) {
                userId = q->value(0).toLongLong();
            } else {
                auto ins = insertReturningId(
                    db,
                    QStringLiteral("INSERT INTO users (name, email, email_verified_at, password, "
                                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
                    {QString::fromLatin1(u.name), email, now,
                     QString::fromLatin1(hashes.value(email)), now, now});
                if (!ins)
                    return ins.error();
                userId = ins.value();
                ++report.usersAdded;
            }
            userIds << userId;
            const QString scope = QString::fromLatin1(u.scope);
            QString scopeId;
            if (scope == QLatin1String("company"))
                scopeId = companyIds.value(u.companyIndex);
            else if (scope == QLatin1String("branch"))
                scopeId =
                    QString::fromLatin1(demoCompanies()[u.companyIndex].branches[u.branchIndex].id);
            auto g = Database::exec(db,
                                    QStringLiteral("SELECT COUNT(*) FROM retell_admin_grants WHERE "
                                                   "user_id = ? AND scope = ? AND scope_id = ?"),
                                    {userId, scope, scopeId});
            if (!g)
                return g.error();
            if (g->next() && g->value(0).toInt() > 0)
                continue;
            auto ins =
                Database::exec(db,
                               QStringLiteral("INSERT INTO retell_admin_grants (user_id, scope, "
                                              "scope_id, role, created_at) VALUES (?, ?, ?, ?, ?)"),
                               {userId, scope, scopeId, QString::fromLatin1(u.role), now});
            if (!ins)
                return ins.error();
            ++report.grantsAdded;
        }
        return {};
    });
    if (!r)
        return r.error();

    // A believable history for the first branches: written through the real
    // deploy path, with the clock set back so the history spans weeks.
    QList<Actor> actors;
    for (int i = 0; i < demoUsers().size(); ++i) {
        const DemoUser &u = demoUsers()[i];
        auto auth = AuthService(context).reload(
            User{userIds.value(i), QString::fromLatin1(u.name), QString::fromLatin1(u.email)});
        if (!auth)
            return auth.error();
        actors << auth.value();
    }
    const Actor &admin = actors.first();
    const QList<Template> templates = TemplateService::builtIns();
    // user: index into demoUsers(), who deploys the step.
    struct Step
    {
        int company;
        int branch;
        int templateIndex;
        int daysAgo;
        int user;
        const char *notes;
        const char *edit;
    };
    const QList<Step> steps = {
        {0, 0, 1, 41, 1, "First agent for Berlin Mitte", nullptr},
        {0, 0, 0, 27, 1, "Switch to dynamic service selection", nullptr},
        {0, 0, 0, 12, 2, "Mention the parking garage",
         "\n\n## Directions\nThe entrance is in the courtyard; the nearest parking garage is on "
         "Rosenthaler Straße."},
        {0, 0, 0, 3, 2, "Friendlier greeting for regulars",
         "\n\n## Regular customers\nIf the caller says they have been here before, welcome them "
         "back warmly."},
        {0, 1, 1, 30, 1, "Launch Hamburg Altona", nullptr},
        {0, 1, 1, 9, 0, "Ask for the stylist's name",
         "\n\n## Stylist preference\nAsk whether the caller prefers a particular stylist before "
         "offering times."},
        {1, 0, 2, 20, 4, "Information line for the practice", nullptr},
        {2, 0, 1, 15, 5, "Workshop booking line", nullptr},
    };
    VersionService versions(context);
    for (const Step &s : steps) {
        const QString branchId =
            QString::fromLatin1(demoCompanies()[s.company].branches[s.branch].id);
        // Skip steps already recorded (the seed is idempotent per note).
        auto all = versions.history(admin, branchId, 0, 100);
        if (!all)
            return all.error();
        bool done = false;
        for (const VersionSummary &v : std::as_const(all->rows))
            done = done || v.notes == QString::fromLatin1(s.notes);
        if (done)
            continue;
        const Template &t = templates.value(s.templateIndex);
        DeployRequest request;
        request.config = t.config;
        if (s.edit) {
            auto active = versions.active(admin, branchId);
            if (active)
                request.config = active->config;
            request.config.prompt += QString::fromUtf8(s.edit);
        }
        request.templateName = t.name;
        request.notes = QString::fromLatin1(s.notes);
        ServiceContext past = context;
        past.clock = [seedTime, s] {
            return seedTime.addDays(-s.daysAgo).addSecs(-3600 * (s.daysAgo % 7));
        };
        auto deployed = VersionService(past).deploy(actors.value(s.user, admin), branchId, request);
        if (!deployed)
            return deployed.error();
        ++report.versionsAdded;
    }
    return report;
}

Result<SeedReport> Seeder::seedScale(const ServiceContext &context, int branches,
                                     int versionsPerBranch)
{
    SeedReport report;
    const QList<Template> templates = TemplateService::builtIns();
    if (templates.isEmpty())
        return Error::io(QStringLiteral("The built-in templates are missing from the resources."));
    const QString stamp = toSqlTimestamp(context.clock());
    auto r = Database::writeTransaction(
        context.spec,
        [&](QSqlDatabase &db) -> Result<void> {
            report = SeedReport{};
            auto admin = Database::exec(db, QStringLiteral("SELECT id FROM users WHERE email = ?"),
                                        {QString::fromLatin1(demo::kSuperAdmin)});
            if (!admin)
                return admin.error();
            const QVariant adminId = admin->next() ? admin->value(0) : QVariant();
            QString companyId;
            for (int b = 0; b < branches; ++b) {
                if (b % 10 == 0) {
                    auto c =
                        insertReturningId(db,
                                          QStringLiteral("INSERT INTO companies (name, created_at, "
                                                         "updated_at) VALUES (?, ?, ?)"),
                                          {QStringLiteral("Scale Company %1")
                                               .arg(b / 10 + 1, 4, 10, QLatin1Char('0')),
                                           stamp, stamp});
                    if (!c)
                        return c.error();
                    companyId = QString::number(c.value());
                    ++report.companiesAdded;
                }
                const QString branchId =
                    QStringLiteral("5ca1e000-0000-4000-8000-%1").arg(b, 12, 10, QLatin1Char('0'));
                auto ins = Database::exec(
                    db,
                    QStringLiteral("INSERT INTO branches (id, company_id, name, created_at, "
                                   "updated_at) VALUES (?, ?, ?, ?, ?)"),
                    {branchId, companyId,
                     QStringLiteral("Scale Branch %1").arg(b + 1, 5, 10, QLatin1Char('0')), stamp,
                     stamp});
                if (!ins)
                    return ins.error();
                ++report.branchesAdded;
                const Template &t = templates[b % templates.size()];
                for (int v = 1; v <= versionsPerBranch; ++v) {
                    auto row = Database::exec(
                        db,
                        QStringLiteral(
                            "INSERT INTO retell_agent_prompts (branch_id, version, prompt_content, "
                            "functions_config, is_active, is_template, "
                            "template_name, deployed_at, deployed_by, validation_status, "
                            "validation_errors, deployment_notes, created_at, updated_at) "
                            "VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?, 'valid', '[]', ?, ?, ?)"),
                        {branchId, v, t.config.prompt, t.config.toolsJson, v == versionsPerBranch,
                         t.name, stamp, adminId, QStringLiteral("Scale version %1").arg(v), stamp,
                         stamp});
                    if (!row)
                        return row.error();
                    ++report.versionsAdded;
                }
            }
            return {};
        },
        1);
    if (!r)
        return r.error();
    return report;
}

} // namespace retell::core
