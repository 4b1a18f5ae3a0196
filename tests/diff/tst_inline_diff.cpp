#include "DiffTestSupport.h"
#include "diff/InlineDiff.h"

#include <QTest>

using namespace retell::core;

namespace {

// "start+length" per range, comma separated.
QString rangesText(const QList<TextRange> &ranges)
{
    QStringList parts;
    for (const TextRange &range : ranges)
        parts << QStringLiteral("%1+%2").arg(range.start).arg(range.length);
    return parts.join(u',');
}

QString tokenText(QStringView line, const QList<Token> &tokens)
{
    QStringList parts;
    for (const Token &token : tokens)
        parts << line.mid(token.start, token.length).toString();
    return parts.join(u'|');
}

} // namespace

class TestInlineDiff : public QObject
{
    Q_OBJECT

private slots:
    void tokens_data();
    void tokens();
    void refine_data();
    void refine();
};

void TestInlineDiff::tokens_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("tokens");
    QTest::newRow("words and punctuation") << "Hi, Mia!"
                                           << "Hi|,| |Mia|!";
    QTest::newRow("variable is one token") << "at {{current_time}}."
                                           << "at| |{{current_time}}|.";
    QTest::newRow("variable with spaces") << "{{ first name }} ok"
                                          << "{{ first name }}| |ok";
    QTest::newRow("unclosed braces are symbols") << "{{oops"
                                                 << "{|{|oops";
    QTest::newRow("underscores join words") << "call book_appointment"
                                            << "call| |book_appointment";
    QTest::newRow("emoji stays whole") << "cut ✂️ 💇"
                                       << "cut| |✂|️| |💇";
    QTest::newRow("umlauts are letters") << "Grüße aus Köln"
                                         << "Grüße| |aus| |Köln";
}

void TestInlineDiff::tokens()
{
    QFETCH(QString, line);
    QFETCH(QString, tokens);
    QCOMPARE(tokenText(line, tokenizeLine(line)), tokens);
}

void TestInlineDiff::refine_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<bool>("ignoreCase");
    QTest::addColumn<QString>("leftRanges");
    QTest::addColumn<QString>("rightRanges");

    QTest::newRow("one word replaced") << "Offer three slots."
                                       << "Offer two slots." << false << "6+5"
                                       << "6+3";
    QTest::newRow("word edited: characters") << "Confirm the booking."
                                             << "Confirm the bookings." << false << ""
                                             << "19+1";
    QTest::newRow("variable replaced as a whole") << "Hello {{first_name}}!"
                                                  << "Hello {{last_name}}!" << false << "6+14"
                                                  << "6+13";
    QTest::newRow("variable with spaces, words after")
        << "{{ first name }} calls"
        << "{{ first name }} rings" << false << "17+5"
        << "17+5";
    QTest::newRow("word inserted") << "Ask for the day."
                                   << "Ask politely for the day." << false << ""
                                   << "4+9";
    QTest::newRow("adjacent words merge") << "call check_availability now"
                                          << "call list_services today" << false << "5+22"
                                          << "5+19";
    QTest::newRow("gap of more than blanks stays") << "a b. c"
                                                   << "x b. y" << false << "0+1,5+1"
                                                   << "0+1,5+1";
    QTest::newRow("case ignored") << "Hello World"
                                  << "hello world" << true << ""
                                  << "";
    QTest::newRow("case not ignored") << "Hello World"
                                      << "hello world" << false << "0+1,6+1"
                                      << "0+1,6+1";
    QTest::newRow("empty against text") << ""
                                        << "new" << false << ""
                                        << "0+3";
}

void TestInlineDiff::refine()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(bool, ignoreCase);
    QFETCH(QString, leftRanges);
    QFETCH(QString, rightRanges);
    DiffOptions options;
    options.ignoreCase = ignoreCase;
    const PerSide<QList<TextRange>> ranges = refineLinePair(left, right, options);
    QCOMPARE(rangesText(ranges[Side::Left]), leftRanges);
    QCOMPARE(rangesText(ranges[Side::Right]), rightRanges);
}

QTEST_GUILESS_MAIN(TestInlineDiff)
#include "tst_inline_diff.moc"
