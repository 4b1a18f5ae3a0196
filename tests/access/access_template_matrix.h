#pragma once

// The template access matrix shared by tst_access_templates*.cpp: the
// templates by letter and the expected outcome per actor.

#include "access_support.h"
#include "seed/Seeder.h"

#include <QList>
#include <QString>

#include <cstring>

namespace retell::test::template_matrix {

using namespace retell::core;

inline const QString kNordlichtAdmin =
    QStringLiteral("owner@praxis-nordlicht.example"); // demo: admin of Praxis Nordlicht
inline const char *kLuebeck =
    "886313e1-3b8a-4372-9b90-0c9aee199e5d"; // Praxis Nordlicht, holds the web template row

// The templates of the matrix, by letter. Custom ones are written with fixed
// ids before every row that could change them.
struct Fixture
{
    char letter;
    const char *name;
    qint64 id;           // custom templates only
    const char *company; // custom: owning company's name, "" = every company
    const char *author;  // custom: e-mail of who saved it
};

inline const QList<Fixture> &fixtures()
{
    static const QList<Fixture> list = {
        {'D', "Dynamic Service Selection", 0, nullptr, nullptr}, // built-in
        {'W', "Web Shared", 0, nullptr, nullptr}, // the web application's template row
        {'S', "Shared Everywhere", 9004, "", demo::kSuperAdmin},
        {'A', "Aurora House Style", 9001, "Salon Aurora", demo::kCompanyAdmin},
        {'E', "Aurora Editor Draft", 9002, "Salon Aurora", demo::kBranchEditor},
        {'N', "Nordlicht Praxis", 9003, "Praxis Nordlicht", "owner@praxis-nordlicht.example"},
    };
    return list;
}

// Expected outcomes per actor, written out (not derived from the code under
// test). Apply targets: B = Berlin Mitte, H = Hamburg Altona (both Salon
// Aurora), K = Kiel Zentrum (Praxis Nordlicht). Save owners: a = Salon
// Aurora, n = Praxis Nordlicht, g = every company.
struct TemplateExpectation
{
    const char *actor;
    const char *email;
    const char *sees;
    const char *appliesB;
    const char *appliesH;
    const char *appliesK;
    const char *saves;
    const char *changes; // rename, edit, delete
};

inline const QList<TemplateExpectation> &templateExpectations()
{
    static const QList<TemplateExpectation> list = {
        {"viewer (company Salon Aurora)", demo::kViewer, "DSAE", "", "", "", "", ""},
        {"editor (branch Berlin Mitte)", demo::kBranchEditor, "DWSAE", "DWSAE", "", "", "a", "E"},
        {"admin (company Salon Aurora)", demo::kCompanyAdmin, "DWSAE", "DWSAE", "DWSAE", "", "a",
         "AE"},
        {"admin (branch Hamburg Altona)", "branch-admin@salon-aurora.example", "DWSAE", "", "DWSAE",
         "", "a", ""},
        {"admin (company Praxis Nordlicht)", "owner@praxis-nordlicht.example", "DWSN", "", "",
         "DWSN", "n", "N"},
        {"global admin", demo::kSuperAdmin, "DWSAEN", "DWSAE", "DWSAE", "DWSN", "ang", "SAEN"},
        {"user without grants", "nobody@example.test", "DS", "", "", "", "", ""},
    };
    return list;
}

inline bool has(const char *letters, char letter)
{
    return std::strchr(letters, letter) != nullptr;
}

inline const Fixture &fixture(char letter)
{
    for (const Fixture &f : fixtures())
        if (f.letter == letter)
            return f;
    qFatal("no fixture %c", letter);
}

enum class Change
{
    Rename,
    Edit,
    Delete
};

} // namespace retell::test::template_matrix
