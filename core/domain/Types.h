#pragma once

#include "domain/Finding.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace retell::core {

using UserId = qint64;

struct Company
{
    QString id; // BIGINT or UUID in the web app's schema; kept as text
    QString name;
};

struct Branch
{
    QString id; // CHAR(36) UUID
    QString companyId;
    QString companyName;
    QString name;
    std::optional<int> activeVersion;
    ValidationStatus activeStatus = ValidationStatus::Pending;
};

// The content an agent runs: Retell general_prompt + general_tools.
struct AgentConfig
{
    QString prompt;
    QString toolsJson; // a JSON array, kept as the text the admin wrote
    friend bool operator==(const AgentConfig &, const AgentConfig &) = default;
};

// One immutable row of retell_agent_prompts (not a template row).
struct PromptVersion
{
    qint64 rowId = 0;
    QString branchId;
    int version = 0;
    AgentConfig config;
    bool isActive = false;
    QString templateName;
    QDateTime deployedAt; // UTC
    std::optional<UserId> deployedBy;
    QString deployedByName;
    ValidationStatus validationStatus = ValidationStatus::Pending;
    QString validationErrorsJson;
    QString notes;
    QDateTime createdAt; // UTC
};

// Lightweight history row: everything but the (large) content.
struct VersionSummary
{
    int version = 0;
    bool isActive = false;
    QString templateName;
    QDateTime deployedAt;
    QString deployedByName;
    ValidationStatus validationStatus = ValidationStatus::Pending;
    QString notes;
};

enum class TemplateSource
{
    BuiltIn,
    Custom,
    WebApp
};

struct Template
{
    QString name;
    QString description;
    AgentConfig config;
    TemplateSource source = TemplateSource::BuiltIn;
    // The language the prompt speaks, ISO 639-1 ("en", "de"); empty when
    // nobody said (custom templates saved before, web-app templates).
    QString language;
    // Custom templates only: the row in retell_admin_templates, the owning
    // company (empty: shared with every company) and who saved it.
    qint64 id = 0;
    QString companyId;
    QString companyName;
    std::optional<UserId> createdBy;
    // Whether the actor the list was made for may rename, edit and delete it.
    bool changeable = false;
};

enum class Role
{
    Viewer = 1,
    Editor = 2,
    Admin = 3
};
enum class GrantScope
{
    Global,
    Company,
    Branch
};

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
QString scopeName(GrantScope scope);

struct Grant
{
    qint64 id = 0;
    UserId userId = 0;
    QString userEmail;
    GrantScope scope = GrantScope::Global;
    QString scopeId; // company id or branch id; empty for Global
    Role role = Role::Viewer;
};

struct User
{
    UserId id = 0;
    QString name;
    QString email;
};

} // namespace retell::core

Q_DECLARE_METATYPE(retell::core::Branch)
Q_DECLARE_METATYPE(retell::core::PromptVersion)
Q_DECLARE_METATYPE(retell::core::Template)
