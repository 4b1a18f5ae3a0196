#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>

#include <iterator>

// Low-entropy prompt text for tests and benchmarks: lines made of a few
// salon words, so that lines repeat and resemble each other the way a long
// real prompt's do (the hard case for a diff, a merge and move detection).
namespace retell::test::salon {

inline const char *word(QRandomGenerator &random)
{
    static const char *const words[] = {"caller",
                                        "appointment",
                                        "{{branch_name}}",
                                        "service",
                                        "colour",
                                        "cut",
                                        "Tuesday",
                                        "confirm",
                                        "slot",
                                        "the",
                                        "a",
                                        "and",
                                        "with",
                                        "book_appointment",
                                        "price",
                                        "stylist",
                                        "{{current_time}}",
                                        "name"};
    return words[random.bounded(int(std::size(words)))];
}

// `words` words separated by spaces, no newline.
inline QByteArray sentence(QRandomGenerator &random, int words)
{
    QByteArray line;
    for (int w = 0; w < words; ++w) {
        if (w)
            line += ' ';
        line += word(random);
    }
    return line;
}

// Lines of 3 to 14 words (one in twelve empty) until `bytes` are reached.
inline QList<QByteArray> promptLines(quint32 seed, qsizetype bytes)
{
    QRandomGenerator random(seed);
    QList<QByteArray> lines;
    qsizetype size = 0;
    while (size < bytes) {
        QByteArray line =
            random.bounded(12) == 0 ? QByteArray() : sentence(random, 3 + int(random.bounded(12)));
        size += line.size() + 1;
        lines.append(std::move(line));
    }
    return lines;
}

} // namespace retell::test::salon
