#pragma once

#include "common/Result.h"
#include "db/ServiceContext.h"

#include <QStringList>

namespace retell::core {

struct SeedReport
{
    int templatesAdded = 0;
    int companiesAdded = 0;
    int branchesAdded = 0;
    int usersAdded = 0;
    int versionsAdded = 0;
    int grantsAdded = 0;
    QStringList lines() const; // what was done, for people
};

// Idempotent seeds: the three built-in templates; optionally demo companies,
// branches (UUIDs), users of each role (passwords in the README) and a
// believable version history.
class Seeder final
{
public:
    static Result<SeedReport> seedTemplates(const ServiceContext &context);
    static Result<SeedReport> seedDemo(const ServiceContext &context);
    // Bulk data for benchmarks: `branches` branches in companies of ten, each
    // with `versionsPerBranch` versions (the last one active), written in one
    // transaction. Expects seedDemo to have run (versions are by its admin).
    static Result<SeedReport> seedScale(const ServiceContext &context, int branches,
                                        int versionsPerBranch);
};

// Demo accounts (all with password "demo-password"): see README.
namespace demo {
inline constexpr const char *kPassword = "demo-password";
inline constexpr const char *kSuperAdmin = "admin@example.com";             // global admin
inline constexpr const char *kCompanyAdmin = "owner@salon-aurora.example";  // admin of Salon Aurora
inline constexpr const char *kBranchEditor = "editor@salon-aurora.example"; // editor of one branch
inline constexpr const char *kViewer = "viewer@salon-aurora.example"; // viewer of Salon Aurora
} // namespace demo

} // namespace retell::core
