// How long the prompt editor's lexer takes to style a whole prompt in one
// call (PromptEditor::recolor), from a few KB to 5 MB. This was a timed
// assertion in tst_prompt_lexer ("well under a second in a release build");
// timing belongs here, the test keeps the styling checks.
#include "BenchTable.h"

#include "editor/PromptEditor.h"

#include <QApplication>

using namespace retell;

namespace {

QString promptOfSize(qsizetype chars)
{
    const QString block = QStringLiteral(
        "## Step {{current_time}}\n- Ask for the **service** and call list_services 😀.\n"
        "Then confirm {{unknown_thing}} with `code` and *care*; 2 * 3 = 6.\n");
    QString text;
    text.reserve(chars + block.size());
    while (text.size() < chars)
        text += block;
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    struct Case
    {
        QString label;
        qsizetype chars;
        int samples;
    };
    const QList<Case> cases = {
        {QStringLiteral("8 KB prompt"), 8 * 1024, 200},
        {QStringLiteral("256 KB prompt"), 256 * 1024, 20},
        {QStringLiteral("5 MB prompt"), 5 * 1024 * 1024, 5},
    };
    QList<QStringList> rows = {{QStringLiteral("case"), QStringLiteral("median ms"),
                                QStringLiteral("p95 ms"), QStringLiteral("µs per KB")}};
    for (const Case &c : cases) {
        ui::PromptEditor editor;
        editor.setToolNames({QStringLiteral("list_services")});
        editor.setText(promptOfSize(c.chars));
        const bench::Stats s = bench::measure([&] { editor.recolor(); }, c.samples, 1);
        rows.append({c.label, bench::ms(s.medianMs), bench::ms(s.p95Ms),
                     QString::number(s.medianMs * 1000.0 / (c.chars / 1024.0), 'f', 2)});
    }
    bench::printTable(QStringLiteral("Prompt editor: styling the whole prompt in one call"), rows);
    return 0;
}
