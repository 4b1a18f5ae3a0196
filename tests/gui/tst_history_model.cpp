#include "panels/HistoryModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QTranslator>

using namespace retell;
using retell::ui::HistoryModel;

class TestHistoryModel final : public QObject
{
    Q_OBJECT

private slots:
    void fetchesPagesUntilTheEnd_data();
    void fetchesPagesUntilTheEnd();
    void dropsPagesOfAnEarlierBranch();
    void showsColumns();
    void reportsLoadFailure();
    void rendersRollbackNotesInTheUiLanguage();
};

namespace {
// Versions total..1 newest first, served asynchronously in pages of pageSize.
HistoryModel::PageLoader fakeLoader(int total, int pageSize, int *calls = nullptr)
{
    return [=](const QString &, int before, HistoryModel::PageCallback callback) {
        if (calls)
            ++*calls;
        QTimer::singleShot(0, [=] {
            core::HistoryPage page;
            const int start = before == 0 ? total : before - 1;
            for (int v = start; v >= 1 && page.rows.size() < pageSize; --v) {
                core::VersionSummary row;
                row.version = v;
                row.isActive = v == total;
                row.templateName = QStringLiteral("Information Only");
                row.deployedByName = QStringLiteral("Ada Admin");
                row.deployedAt =
                    QDateTime(QDate(2025, 1, 1), QTime(8, 0), QTimeZone::utc()).addSecs(v * 60);
                row.validationStatus = core::ValidationStatus::Valid;
                row.notes = QStringLiteral("note %1").arg(v);
                page.rows << row;
            }
            page.total = total;
            page.hasMore = !page.rows.isEmpty() && page.rows.constLast().version > 1;
            callback(page);
        });
    };
}
} // namespace

void TestHistoryModel::fetchesPagesUntilTheEnd_data()
{
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("empty branch") << 0 << 100;
    QTest::newRow("one short page") << 7 << 100;
    QTest::newRow("exact pages") << 300 << 100;
    QTest::newRow("many pages, no cap") << 2501 << 200;
}

void TestHistoryModel::fetchesPagesUntilTheEnd()
{
    QFETCH(int, total);
    QFETCH(int, pageSize);
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int calls = 0;
    model.setPageLoader(fakeLoader(total, pageSize, &calls));
    model.setBranch(QStringLiteral("b"));
    QTRY_VERIFY(!model.isFetching());
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one request at a time
        QTRY_VERIFY(!model.isFetching());
    }
    QCOMPARE(model.rowCount(), total);
    QCOMPARE(model.totalVersions(), total);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.summary(row - 1).version > model.summary(row).version);
    if (total > 0)
        QCOMPARE(model.activeVersion(), std::optional<int>(total));
    QVERIFY(calls <= total / pageSize + 2);
}

void TestHistoryModel::dropsPagesOfAnEarlierBranch()
{
    HistoryModel model;
    model.setPageLoader(fakeLoader(50, 100));
    model.setBranch(QStringLiteral("first"));
    model.setPageLoader(fakeLoader(3, 100));
    model.setBranch(QStringLiteral("second")); // before the first page arrived
    QSignalSpy loaded(&model, &HistoryModel::pageLoaded);
    QTRY_COMPARE(loaded.count(), 1);
    QTest::qWait(20);
    QCOMPARE(model.rowCount(), 3);
}

void TestHistoryModel::showsColumns()
{
    HistoryModel model;
    model.setPageLoader(fakeLoader(2, 100));
    model.setBranch(QStringLiteral("b"));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
    QCOMPARE(model.index(0, HistoryModel::VersionColumn).data().toString(), QStringLiteral("v2"));
    QCOMPARE(model.index(0, HistoryModel::ActiveColumn).data().toString(),
             QStringLiteral("active"));
    QCOMPARE(model.index(1, HistoryModel::ActiveColumn).data().toString(), QString());
    QCOMPARE(model.index(0, HistoryModel::StatusColumn).data().toString(), QStringLiteral("valid"));
    QCOMPARE(model.index(0, HistoryModel::DeployedByColumn).data().toString(),
             QStringLiteral("Ada Admin"));
    QVERIFY(!model.index(0, HistoryModel::DeployedAtColumn).data().toString().isEmpty());
    QCOMPARE(model.index(1, HistoryModel::NotesColumn).data().toString(), QStringLiteral("note 1"));
    QCOMPARE(model.index(0, HistoryModel::VersionColumn).data(HistoryModel::SortRole).toInt(), 2);
    QCOMPARE(model.headerData(HistoryModel::DeployedByColumn, Qt::Horizontal).toString(),
             QStringLiteral("Deployed by"));
}

void TestHistoryModel::reportsLoadFailure()
{
    HistoryModel model;
    model.setPageLoader([](const QString &, int, HistoryModel::PageCallback callback) {
        QTimer::singleShot(0, [callback] {
            callback(core::Error::database(QStringLiteral("The database is unreachable.")));
        });
    });
    QSignalSpy failed(&model, &HistoryModel::loadFailed);
    model.setBranch(QStringLiteral("b"));
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("The database is unreachable."));
    QVERIFY(!model.canFetchMore({}));
}

namespace {
class GermanHistory final : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char * = nullptr,
                      int = -1) const override
    {
        if (qstrcmp(context, "retell::ui::HistoryModel") == 0 &&
            qstrcmp(source, "Rollback to version %1") == 0)
            return QStringLiteral("Zurück zu Version %1");
        return {};
    }
};
} // namespace

// The stored note is English (the CLI prints it as it is); the history shows
// it in the UI's language, with the admin's own words as written.
void TestHistoryModel::rendersRollbackNotesInTheUiLanguage()
{
    HistoryModel model;
    model.setPageLoader([](const QString &, int, HistoryModel::PageCallback callback) {
        QTimer::singleShot(0, [callback] {
            core::HistoryPage page;
            for (const auto &[version, notes] :
                 {std::pair{3, "Rollback to version 1: callers were confused"},
                  std::pair{2, "Rollback to version 1"}, std::pair{1, "Rollback to the old one"}}) {
                core::VersionSummary row;
                row.version = version;
                row.notes = QString::fromUtf8(notes);
                page.rows << row;
            }
            callback(page);
        });
    });
    model.setBranch(QStringLiteral("b"));
    QTRY_COMPARE(model.rowCount(), 3);
    const auto notes = [&](int row) {
        return model.index(row, HistoryModel::NotesColumn).data().toString();
    };
    QCOMPARE(notes(0), QStringLiteral("Rollback to version 1: callers were confused"));
    GermanHistory german;
    QVERIFY(QCoreApplication::installTranslator(&german));
    QCOMPARE(notes(0), QStringLiteral("Zurück zu Version 1: callers were confused"));
    QCOMPARE(notes(1), QStringLiteral("Zurück zu Version 1"));
    QCOMPARE(notes(2), QStringLiteral("Rollback to the old one"));
    QCoreApplication::removeTranslator(&german);
}

QTEST_MAIN(TestHistoryModel)
#include "tst_history_model.moc"
