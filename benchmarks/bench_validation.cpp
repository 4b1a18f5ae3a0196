// Validation speed against the web implementation's 0.8 ms per validation.
// Inputs are built here (the bench links only retell_core_validation): a
// realistic prompt paragraph with variables, tool mentions, numbers and
// markdown, repeated to size, plus four custom tools with JSON-Schema
// parameters.
#include "BenchTable.h"

#include "validation/Validator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace retell;
using namespace retell::core;

namespace {

constexpr double kWebMs = 0.8;

QString promptOfSize(qsizetype chars)
{
    const QString paragraph = QStringLiteral(
        "## Booking\n"
        "You answer calls for {{company_name}}, branch {{branch_name}} at {{branch_address}}. "
        "The time is {{current_time}}; the caller's number is {{user_number}}. Ask one "
        "question at a time. Call `list_services` before naming a service, then "
        "`collect_appointment_data` to check and book the slot. To move a booking use "
        "reschedule_appointment; to cancel use cancel_appointment. Opening hours: "
        "{{opening_hours}}. Read dates back in full, e.g. \"Tuesday, 4 March 2025 at 14:30\", "
        "and spell names back letter by letter (Müller: M-Ü-L-L-E-R).\n\n");
    QString out;
    out.reserve(chars + paragraph.size());
    while (out.size() + paragraph.size() <= chars)
        out += paragraph;
    // Pad with plain words so no placeholder is cut in half.
    while (out.size() < chars)
        out += QStringLiteral("word ");
    out.truncate(chars);
    return out;
}

QString fourTools()
{
    QJsonArray tools;
    const char *names[] = {"list_services", "collect_appointment_data", "cancel_appointment",
                           "reschedule_appointment"};
    for (const char *name : names) {
        const QString n = QString::fromLatin1(name);
        QJsonObject properties{
            {QStringLiteral("customer_name"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                         {QStringLiteral("description"), QStringLiteral("Caller's full name")}}},
            {QStringLiteral("customer_phone"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                         {QStringLiteral("description"), QStringLiteral("E.164 number")}}},
            {QStringLiteral("date"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                         {QStringLiteral("format"), QStringLiteral("date")}}},
        };
        tools.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("custom")},
            {QStringLiteral("name"), n},
            {QStringLiteral("description"),
             QStringLiteral("Handles ") + n +
                 QStringLiteral(" for the branch and returns the result.")},
            {QStringLiteral("url"), QStringLiteral("https://api.example-salon.com/retell/") + n},
            {QStringLiteral("speak_during_execution"), true},
            {QStringLiteral("execution_message_description"), QStringLiteral("One moment.")},
            {QStringLiteral("timeout_ms"), 10000},
            {QStringLiteral("parameters"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                         {QStringLiteral("properties"), properties},
                         {QStringLiteral("required"),
                          QJsonArray{QStringLiteral("customer_name"), QStringLiteral("date")}}}},
        });
    }
    return QString::fromUtf8(QJsonDocument(tools).toJson(QJsonDocument::Indented));
}

} // namespace

int main()
{
    const QString tools = fourTools();
    ValidationContext context;
    context.knownVariables = {QStringLiteral("company_name"), QStringLiteral("branch_name"),
                              QStringLiteral("branch_address"), QStringLiteral("opening_hours")};

    struct Case
    {
        QString label;
        qsizetype chars;
        int samples;
    };
    const QList<Case> cases = {
        {QStringLiteral("8 KB prompt, 4 tools"), 8 * 1024, 2000},
        {QStringLiteral("64 KB prompt, 4 tools"), 64 * 1024, 300},
        {QStringLiteral("256 KB prompt, 4 tools"), 256 * 1024, 80},
        {QStringLiteral("1 MB prompt, 4 tools"), 1024 * 1024, 25},
    };

    QList<QStringList> rows = {{QStringLiteral("case"), QStringLiteral("median ms"),
                                QStringLiteral("p95 ms"), QStringLiteral("µs per KB"),
                                QStringLiteral("findings"), QStringLiteral("vs web 0.8 ms")}};
    for (const Case &c : cases) {
        const AgentConfig config{promptOfSize(c.chars), tools};
        int findings = 0;
        const bench::Stats s = bench::measure(
            [&] { findings = int(Validator::validate(config, context).findings.size()); },
            c.samples);
        rows.append({c.label, bench::ms(s.medianMs), bench::ms(s.p95Ms),
                     QString::number(s.medianMs * 1000.0 / (c.chars / 1024.0), 'f', 2),
                     QString::number(findings),
                     // The web figure is for one ordinary prompt: compare the 8 KB row.
                     c.chars <= 8 * 1024
                         ? QString::number(kWebMs / s.medianMs, 'f', 0) + QStringLiteral("x faster")
                         : QStringLiteral("-")});
    }
    {
        const QByteArray prompt = promptOfSize(8 * 1024).toUtf8();
        const QByteArray toolBytes = tools.toUtf8();
        const bench::Stats s =
            bench::measure([&] { Validator::validateBytes(prompt, toolBytes, context); }, 2000);
        rows.append({QStringLiteral("8 KB as bytes (validateBytes)"), bench::ms(s.medianMs),
                     bench::ms(s.p95Ms),
                     QString::number(s.medianMs * 1000.0 / (prompt.size() / 1024.0), 'f', 2),
                     QStringLiteral("-"),
                     QString::number(kWebMs / s.medianMs, 'f', 0) + QStringLiteral("x faster")});
    }
    {
        const QString prompt = promptOfSize(1024 * 1024);
        const bench::Stats s = bench::measure([&] { Validator::estimateTokens(prompt); }, 25);
        rows.append({QStringLiteral("estimateTokens, 1 MB"), bench::ms(s.medianMs),
                     bench::ms(s.p95Ms), QString::number(s.medianMs * 1000.0 / 1024.0, 'f', 2),
                     QStringLiteral("-"), QStringLiteral("-")});
    }
    bench::printTable(QStringLiteral("Validator::validate (target: 8 KB + 4 tools <= 0.05 ms "
                                     "median; web implementation: 0.8 ms)"),
                      rows);
    return 0;
}
