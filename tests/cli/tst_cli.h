#pragma once

// retell-admin-cli end to end: tst_cli.cpp (setup, migrate, seed, browsing),
// tst_cli_commands.cpp (deploy, templates, rollback, export/import, grants,
// branch names), tst_cli_errors.cpp (exit codes, bad inputs, error lines).

#include "TestDatabase.h"
#include "cli_runner.h"

#include "db/ServiceContext.h"

#include <QObject>
#include <QTemporaryDir>
#include <QVariantList>

class TestCli : public QObject
{
    Q_OBJECT

public:
    // Fixed ids of the demo seed (core/seed/Seeder.cpp).
    static constexpr const char *kBerlinMitte =
        "7c9e6679-7425-40de-944b-e07fc1f90ae7"; // Salon Aurora
    static constexpr const char *kHamburgAltona =
        "1b4e28ba-2fa1-41d2-883f-0016d3cca427"; // Salon Aurora
    static constexpr const char *kKielZentrum =
        "16fd2706-8baf-433b-82eb-8c7fada847da"; // Praxis Nordlicht

    // First column of the first row ("<none>", "<null>", "<error: ...>").
    static QString scalarOn(const retell::core::ConnectionSpec &spec, const QString &sql,
                            const QVariantList &bind);
    // Row counts of every table the CLI writes.
    static QString countsOn(const retell::core::ConnectionSpec &spec);

private slots:
    void initTestCase();
    // tst_cli.cpp
    void migrateSaysWhatItDid();
    void seedIsIdempotent_data();
    void seedIsIdempotent();
    void branchesListing_data();
    void branchesListing();
    void templatesListing();
    void historyAndShow();
    void validateExitCodes_data();
    void validateExitCodes();
    // tst_cli_commands.cpp
    void deployFromFiles();
    void applyTemplate();
    void saveTemplate();
    void rollbackToVersion();
    void unchangedDeployIsRefused();
    void exportImportRoundTrip_data();
    void exportImportRoundTrip();
    void grantCommands();
    void firstAdminBootstrap();
    void branchByIdAndName_data();
    void branchByIdAndName();
    // tst_cli_errors.cpp
    void errorExitCodes_data();
    void errorExitCodes();
    void passwordNeverOnCommandLine_data();
    void passwordNeverOnCommandLine();
    void badInputFiles_data();
    void badInputFiles();
    void validateBadInputFiles_data();
    void validateBadInputFiles();
    void notesStoredVerbatim_data();
    void notesStoredVerbatim();
    // tst_cli_refusals.cpp
    void databaseRefusalsAreFindings_data();
    void databaseRefusalsAreFindings();
    // tst_cli_templates.cpp
    void templatesNeedLoginAndStayInTheirCompany();
    void renameEditDeleteTemplate();
    // tst_cli_json.cpp (runs last: it deploys, rolls back and grants)
    void jsonAfterTheCommand_data();
    void jsonAfterTheCommand();

private:
    QString scalar(const QString &sql, const QVariantList &bind = {}) const;
    // Row counts and active flags of every table a command could change.
    QString snapshot() const;
    QString writeFile(const QString &name, const QByteArray &content) const;
    retell::test::CliResult cli(const QStringList &args, const retell::test::Who &who) const
    {
        return m_cli.run(args, who);
    }

    retell::test::TestDatabase m_db;
    retell::core::ServiceContext m_ctx;
    retell::test::CliRunner m_cli;
    QTemporaryDir m_files;
    QString m_prompt;     // a valid prompt file
    QString m_tools;      // a valid tools file
    QString m_promptText; // its content
};
