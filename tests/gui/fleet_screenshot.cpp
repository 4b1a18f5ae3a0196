// Renders issue 13's windows for the README (scripts/screenshot-fleet.sh):
// the fleet of a salon chain with its drift from Berlin Mitte, the preview
// of rolling Berlin's latest edit out to the chain, and the audit log after
// that rollout. Not a test. A demo SQLite database with nine more salons.
//   fleet-window.png  rollout-preview.png  audit-log.png         1366x768
//   fleet-window-1600.png  rollout-preview-1600.png  audit-log-1600.png
#include "app/EnglishPlurals.h"
#include "app/FleetUi.h"
#include "app/MainWindow.h"
#include "app/Settings.h"
#include "audit/AuditModel.h"
#include "audit/AuditWindow.h"
#include "db/Database.h"
#include "db/Dialect.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetWindow.h"
#include "panels/BranchTreePanel.h"
#include "rollout/RolloutChangePicker.h"
#include "rollout/RolloutDialog.h"
#include "screenshot_support.h"
#include "seed/Seeder.h"
#include "services/ServiceWorker.h"
#include "services/Session.h"
#include "versions/BranchService.h"
#include "versions/VersionService.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

using namespace retell;
using namespace retell::ui;
using retell::test::fail;

namespace {

const QString kBerlin = QStringLiteral("7c9e6679-7425-40de-944b-e07fc1f90ae7");

// Nine more salons of Salon Aurora, each running Berlin's configuration of
// three weeks ago with an edit of its own (or none).
core::Result<void> addSalons(const core::ServiceContext &context, const core::Actor &admin)
{
    const QStringList names = {
        QStringLiteral("Dresden Neustadt"), QStringLiteral("Leipzig Zentrum"),
        QStringLiteral("Köln Südstadt"),    QStringLiteral("Frankfurt Sachsenhausen"),
        QStringLiteral("Stuttgart West"),   QStringLiteral("Düsseldorf Altstadt"),
        QStringLiteral("Hannover List"),    QStringLiteral("Nürnberg Gostenhof"),
        QStringLiteral("Bremen Viertel"),
    };
    const core::VersionService versions(context);
    auto history = versions.history(admin, kBerlin, 0, 10);
    if (!history)
        return history.error();
    // The salons run Berlin's version before its last edit, each with a
    // section of its own on top; one added its section at the end (where
    // Berlin's edit goes too), one took Berlin's latest already.
    const int latest = history->rows.constFirst().version;
    auto base = versions.version(admin, kBerlin, latest - 1);
    auto newest = versions.version(admin, kBerlin, latest);
    if (!base || !newest)
        return base ? newest.error() : base.error();
    const QString stamp = core::toSqlTimestamp(context.clock());
    auto added =
        core::Database::writeTransaction(context.spec, [&](QSqlDatabase &db) -> core::Result<void> {
            auto company = core::Database::exec(
                db, QStringLiteral("SELECT id FROM companies WHERE name = 'Salon Aurora'"));
            if (!company || !company->next())
                return core::Error::notFound(QStringLiteral("no Salon Aurora"));
            const QVariant companyId = company->value(0);
            for (int i = 0; i < names.size(); ++i) {
                auto ins = core::Database::exec(
                    db,
                    QStringLiteral(
                        "INSERT INTO branches (id, company_id, name, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?)"),
                    {QStringLiteral("5a10aa00-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')),
                     companyId, names.at(i), stamp, stamp});
                if (!ins)
                    return ins.error();
            }
            return {};
        });
    if (!added)
        return added.error();
    const QStringList edits = {
        QString(),
        QStringLiteral("## Parking\nCustomers park for free in the Karstadt garage.\n\n"),
        QStringLiteral("## Languages\nOffer to continue in English or Turkish.\n\n"),
        QString(),
        QStringLiteral("## Students\nStudents get 15 % off on Tuesdays.\n\n"),
        QStringLiteral("## Parking\nThe nearest car park is Carlsplatz.\n\n"),
        QStringLiteral("\n\n## Late opening\nOn Thursdays we are open until 21:00."),
        QStringLiteral("## Accessibility\nThe salon is on the ground floor; a ramp is at the "
                       "side entrance.\n\n"),
        QString(),
    };
    const int conflicting = 6;
    const int upToDate = 8;
    for (int i = 0; i < names.size(); ++i) {
        const QString id =
            QStringLiteral("5a10aa00-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        core::DeployRequest request{base->config, base->templateName,
                                    QStringLiteral("Opening of %1").arg(names.at(i)), std::nullopt};
        if (auto d = versions.deploy(admin, id, request); !d)
            return d.error();
        if (i == upToDate) {
            request.config = newest->config;
        } else if (edits.at(i).isEmpty()) {
            continue;
        } else if (i == conflicting) {
            request.config.prompt += edits.at(i);
        } else {
            request.config.prompt.prepend(edits.at(i));
        }
        request.notes = QStringLiteral("Local details");
        request.baseVersion = 1;
        if (auto d = versions.deploy(admin, id, request); !d)
            return d.error();
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    EnglishPlurals plurals;
    QApplication::installTranslator(&plurals);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    const test::ScreenshotStage stage;
    const auto demo = stage.demo(QStringLiteral("demo.sqlite"));
    if (!demo)
        return fail(demo.error().message);
    const core::ServiceContext &context = demo->first;
    const core::Actor &actor = demo->second;
    if (auto added = addSalons(context, actor); !added)
        return fail(added.error().message);
    auto berlinHistory = core::VersionService(context).history(actor, kBerlin, 0, 10);
    if (!berlinHistory)
        return fail(berlinHistory.error().message);
    const int latest = berlinHistory->rows.constFirst().version;

    ServiceWorker worker;
    Settings settings;
    auto session = std::make_shared<Session>(context, actor, &worker);
    int status = 0;
    bool applied = false;
    for (const QSize size : {QSize(1366, 768), QSize(1600, 1000)}) {
        MainWindow window(session, &settings, stage.path(QStringLiteral("drafts")));
        window.resize(size);
        window.show();
        window.start();
        if (!QTest::qWaitFor([&] { return window.isReady(); }, 20000))
            return fail(QStringLiteral("window not ready"));
        const QList<core::Branch> branches = window.branchTree()->branches();
        window.branchTree()->setHasDraft(branches.value(4).id, true);

        // The fleet, measured against Berlin Mitte, most drift first.
        window.fleet()->showFleet();
        FleetWindow *fleet = window.fleet()->fleetWindow();
        fleet->setGeometry(QRect(QPoint(0, 0), size));
        if (!QTest::qWaitFor([&] { return !fleet->isLoading() && fleet->model()->rowCount() > 0; },
                             20000))
            return fail(QStringLiteral("fleet not loaded"));
        fleet->setReference(kBerlin);
        fleet->reload();
        if (!QTest::qWaitFor([&] { return !fleet->isLoading(); }, 20000))
            return fail(QStringLiteral("fleet not measured"));
        fleet->view()->sortByColumn(FleetModel::DriftColumn, Qt::DescendingOrder);
        fleet->view()->resizeColumnsToContents();
        fleet->companyBox()->setCurrentIndex(
            fleet->companyBox()->findText(QStringLiteral("Salon Aurora")));
        fleet->selectBranches({branches.value(4).id});
        QTest::qWait(300);
        status |= test::savePng(fleet, out, QStringLiteral("fleet-window"), size) ? 0 : 1;

        // The rollout of Berlin's last edit to the chain, previewed.
        QList<core::Branch> salons;
        for (const core::Branch &b : branches) {
            if (b.companyName == QLatin1String("Salon Aurora") && b.id != kBerlin)
                salons << b;
        }
        fleet->close();
        window.fleet()->showRollout(salons);
        RolloutDialog *rollout = window.fleet()->rolloutDialog();
        rollout->setGeometry(QRect(QPoint(0, 0), size));
        if (!QTest::qWaitFor(
                [&] {
                    return rollout->changePicker()->chooseVersions(kBerlin, latest - 1, latest);
                },
                10000))
            return fail(QStringLiteral("rollout dialog not filled"));
        rollout->startPreview();
        if (!QTest::qWaitFor([&] { return rollout->preview() && !rollout->isBusy(); }, 20000))
            return fail(QStringLiteral("no preview"));
        rollout->selectBranch(
            QStringLiteral("5a10aa00-0000-4000-8000-%1").arg(1, 12, 10, QLatin1Char('0')));
        rollout->notesEdit()->setText(QStringLiteral("Welcome regulars back in every salon"));
        QTest::qWait(500);
        status |= test::savePng(rollout, out, QStringLiteral("rollout-preview"), size) ? 0 : 1;
        if (!applied) { // the audit log shows the rollout
            rollout->startApply();
            if (!QTest::qWaitFor([&] { return rollout->rollout() && !rollout->isBusy(); }, 20000))
                return fail(QStringLiteral("not applied"));
            applied = true;
        }
        rollout->close();

        window.fleet()->showAudit();
        AuditWindow *audit = window.fleet()->auditWindow();
        audit->setGeometry(QRect(QPoint(0, 0), size));
        if (!QTest::qWaitFor([&] { return !audit->isLoading() && audit->model()->rowCount() > 0; },
                             20000))
            return fail(QStringLiteral("audit log not loaded"));
        audit->view()->resizeColumnsToContents();
        audit->selectRow(0);
        QTest::qWait(300);
        status |= test::savePng(audit, out, QStringLiteral("audit-log"), size) ? 0 : 1;
        audit->close();
    }
    return status;
}
