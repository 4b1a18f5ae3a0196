#include "BenchTable.h"

#include <QByteArray>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace retell::bench {

Stats measure(const std::function<void()> &fn, int samples, int warmup)
{
    for (int i = 0; i < warmup; ++i)
        fn();
    std::vector<double> times;
    times.reserve(samples);
    QElapsedTimer timer;
    for (int i = 0; i < samples; ++i) {
        timer.start();
        fn();
        times.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    Stats s;
    s.samples = samples;
    if (!times.empty()) {
        s.medianMs = times[times.size() / 2];
        s.p95Ms = times[std::min(times.size() - 1, size_t(times.size() * 0.95))];
    }
    return s;
}

QString ms(double value)
{
    if (value < 0.01)
        return QString::number(value, 'f', 4);
    if (value < 1)
        return QString::number(value, 'f', 3);
    return QString::number(value, 'f', 2);
}

void printTable(const QString &title, const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return;
    QList<int> widths(rows.first().size(), 0);
    for (const auto &row : rows)
        for (int c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], int(row[c].size()));
    auto line = [&](const QStringList &row) {
        QString out = QStringLiteral("|");
        for (int c = 0; c < widths.size(); ++c)
            out += QLatin1Char(' ') + row.value(c).leftJustified(widths[c]) + QStringLiteral(" |");
        return out;
    };
    std::printf("\n%s\n\n", qPrintable(title));
    std::printf("%s\n", qPrintable(line(rows.first())));
    QString sep = QStringLiteral("|");
    for (int w : widths)
        sep += QString(w + 2, QLatin1Char('-')) + QLatin1Char('|');
    std::printf("%s\n", qPrintable(sep));
    for (int r = 1; r < rows.size(); ++r)
        std::printf("%s\n", qPrintable(line(rows[r])));
    std::fflush(stdout);
}

void progressBar(const char *what, qint64 done, qint64 total)
{
    const int width = 40;
    const int filled = total > 0 ? int(width * done / total) : width;
    std::fprintf(stderr, "\r  %s [%s%s] %lld/%lld", what, QByteArray(filled, '#').constData(),
                 QByteArray(width - filled, '.').constData(), done, total);
    if (done >= total)
        std::fprintf(stderr, "\n");
    std::fflush(stderr);
}

} // namespace retell::bench
