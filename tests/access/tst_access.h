#pragma once

// Access control, enforced in the services themselves: each role x each
// operation x own branch / sibling branch / other company (tst_access.cpp),
// the same for templates (tst_access_templates.cpp),
// logins against real bcrypt hashes and the first-admin bootstrap rule
// (tst_access_login.cpp).

#include "TestDatabase.h"

#include "access/Actor.h"
#include "db/ServiceContext.h"

#include <QHash>
#include <QObject>

class TestAccess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void login_data();
    void login();
    void matrix_data();
    void matrix();
    void grantListing_data();
    void grantListing();
    void revokedAccessEndsAtNextLogin();
    void bcryptHashes_data();
    void bcryptHashes();
    void ownHashVerifiesWithHtpasswd();
    void bootstrap_data();
    void bootstrap();
    void bootstrapOnlyOnce();
    void lastGlobalAdminSurvivesConcurrentRevokes();
    // tst_access_templates.cpp
    void templateListing_data();
    void templateListing();
    void templateApply_data();
    void templateApply();
    void templateSave_data();
    void templateSave();
    void templateChange_data();
    void templateChange();
    void templateNamesPerCompany();
    void deletingATemplateKeepsItsVersions();
    void legacyTemplatesGetAnOwner();

private:
    bool setUpTemplates();
    bool resetTemplateFixtures();
    retell::core::Actor actorFor(const QString &email) const { return m_actors.value(email); }

    retell::test::TestDatabase m_db;
    retell::core::ServiceContext m_ctx;
    QHash<QString, retell::core::Actor> m_actors;
};
