#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace retell::bench {

struct Stats
{
    double medianMs = 0;
    double p95Ms = 0;
    int samples = 0;
};

// Runs fn `samples` times after `warmup` runs; returns median and p95 in ms.
Stats measure(const std::function<void()> &fn, int samples, int warmup = 3);

// A plain-text table: first row is the header.
void printTable(const QString &title, const QList<QStringList> &rows);
QString ms(double value);
// "\r  what [####....] done/total" on stderr, a line end when done.
void progressBar(const char *what, qint64 done, qint64 total);

} // namespace retell::bench
