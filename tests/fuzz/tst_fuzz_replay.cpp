// Replays one fuzz target (FUZZ_TARGET, linked in) on its committed inputs:
// the seed corpus and the regressions, i.e. inputs that once crashed it. A
// broken invariant aborts, which fails the test with the file's name on
// stderr (QTest prints the row before running it).
#include "FuzzInput.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestFuzzReplay final : public QObject
{
    Q_OBJECT

private slots:
    void replay_data();
    void replay();
};

void TestFuzzReplay::replay_data()
{
    QTest::addColumn<QString>("path");
    int count = 0;
    for (const char *kind : {"corpus", "regressions"}) {
        const QDir dir(QStringLiteral(FUZZ_DIR "/%1/" FUZZ_TARGET).arg(QString::fromLatin1(kind)));
        for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
            QTest::addRow("%s/%s", kind, qPrintable(file)) << dir.filePath(file);
            ++count;
        }
    }
    if (count == 0)
        QTest::addRow("no inputs") << QString();
}

void TestFuzzReplay::replay()
{
    QFETCH(QString, path);
    QVERIFY2(!path.isEmpty(), "fuzz/corpus/" FUZZ_TARGET " has no seed inputs");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray input = file.readAll();
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()),
                           std::size_t(input.size()));
}

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "tst_fuzz_replay.moc"
