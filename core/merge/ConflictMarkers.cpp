#include "merge/ConflictMarkers.h"

namespace retell::core {

namespace {

bool isMarker(QStringView line, QChar c)
{
    if (line.size() < 7)
        return false;
    for (int i = 0; i < 7; ++i) {
        if (line[i] != c)
            return false;
    }
    return line.size() == 7 || line[7] == u' ';
}

} // namespace

QList<MarkerBlock> findConflictMarkers(QStringView text)
{
    enum class State
    {
        Outside,
        Ours,
        Base,
        Theirs
    };
    QList<MarkerBlock> blocks;
    MarkerBlock block;
    State state = State::Outside;
    qsizetype sectionStart = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype lf = text.indexOf(u'\n', pos);
        const qsizetype next = lf < 0 ? text.size() : lf + 1;
        QStringView line = text.sliced(pos, (lf < 0 ? text.size() : lf) - pos);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const auto section = [&] {
            return text.sliced(sectionStart, pos - sectionStart).toString();
        };
        if (isMarker(line, u'<')) {
            block = MarkerBlock{};
            block.start = pos;
            state = State::Ours;
            sectionStart = next;
        } else if (state == State::Ours && isMarker(line, u'|')) {
            block.ours = section();
            block.hasBase = true;
            state = State::Base;
            sectionStart = next;
        } else if ((state == State::Ours || state == State::Base) &&
                   line == QLatin1String("=======")) {
            (state == State::Ours ? block.ours : block.base) = section();
            state = State::Theirs;
            sectionStart = next;
        } else if (state == State::Theirs && isMarker(line, u'>')) {
            block.theirs = section();
            block.end = next;
            blocks.append(block);
            state = State::Outside;
        }
        pos = next;
    }
    return blocks;
}

QString resolvedBlock(QStringView text, const MarkerBlock &block, ConflictChoice choice)
{
    switch (choice) {
    case ConflictChoice::Ours:
        return block.ours;
    case ConflictChoice::Theirs:
        return block.theirs;
    case ConflictChoice::Base:
        return block.base;
    case ConflictChoice::OursThenTheirs:
        return block.ours + block.theirs;
    case ConflictChoice::TheirsThenOurs:
        return block.theirs + block.ours;
    case ConflictChoice::Unresolved:
        break;
    }
    return text.sliced(block.start, block.end - block.start).toString();
}

} // namespace retell::core
