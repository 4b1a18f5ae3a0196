// Issue 9 §10: what the database would refuse is refused by the validator
// first, as findings with exit 3, and nothing is written (never a raw
// database error with exit 7).
#include "tst_cli.h"

#include <QTest>

using namespace retell::core;
using namespace retell::test;

void TestCli::databaseRefusalsAreFindings_data()
{
    QTest::addColumn<QByteArray>("prompt"); // empty: the valid prompt file
    QTest::addColumn<QByteArray>("tools");  // empty: the valid tools file
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QString>("code");

    const QString notes = QStringLiteral("Refused before the database");
    QByteArray deep =
        QByteArrayLiteral("[{\"type\": \"end_call\", \"name\": \"end_call\", \"x\": ");
    for (int i = 0; i < 31; ++i)
        deep += '[';
    deep += QByteArray(31, ']') + QByteArrayLiteral("}]");
    QTest::newRow("empty tools file")
        << QByteArray() << QByteArrayLiteral(" \n") << notes << QStringLiteral("tools.empty");
    QTest::newRow("duplicate url key hiding a javascript: URL")
        << QByteArray()
        << QByteArrayLiteral(
               "[{\"type\": \"custom\", \"name\": \"lookup\", \"description\": \"d\", "
               "\"url\": \"https://x.example\", \"url\": \"javascript:alert(1)\"}]")
        << notes << QStringLiteral("tools.duplicate_key");
    QTest::newRow("JSON nested 33 levels deep")
        << QByteArray() << deep << notes << QStringLiteral("tools.too_deep");
    QTest::newRow("NUL in the prompt") << QByteArray("Use end_call.\0hidden", 20) << QByteArray()
                                       << notes << QStringLiteral("prompt.nul_character");
    // 21,846 euro signs: fewer characters than before, but 65,538 bytes.
    QTest::newRow("notes of 65,538 bytes")
        << QByteArray() << QByteArray() << QString(21846, QChar(0x20AC))
        << QStringLiteral("notes.too_long");
}

void TestCli::databaseRefusalsAreFindings()
{
    QFETCH(QByteArray, prompt);
    QFETCH(QByteArray, tools);
    QFETCH(QString, notes);
    QFETCH(QString, code);
    const QString promptFile =
        prompt.isEmpty() ? m_prompt : writeFile(QStringLiteral("r-prompt.txt"), prompt);
    const QString toolsFile =
        tools.isEmpty() ? m_tools : writeFile(QStringLiteral("r-tools.json"), tools);
    const QString before = snapshot();
    const CliResult r = cli({QStringLiteral("deploy"), QString::fromLatin1(kBerlinMitte),
                             QStringLiteral("--prompt"), promptFile, QStringLiteral("--tools"),
                             toolsFile, QStringLiteral("--notes"), notes},
                            kEditor);
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    QVERIFY2(r.stderrText().contains(code) || r.stdoutText().contains(code),
             qPrintable(r.describe()));
    QCOMPARE(snapshot(), before);
}
