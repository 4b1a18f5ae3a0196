// Renders the merge window on a salon receptionist's prompt edited by two
// admins to PNGs for the README (scripts/screenshot-merge.sh). Not a test.
//   merge-conflict.png  both changed the opening hours: a conflict to resolve
//   merge-inline.png    both changed different words of one line: merged
//                       inside the line, highlighted for review
#include "app/EnglishPlurals.h"
#include "merge/MergeWindow.h"
#include "merge/PromptMergePane.h"
#include "versions/BranchService.h"

#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QScreen>
#include <QTest>

using namespace retell;

namespace {

const char *const kBase = R"(## Identity
You are Mia at {{branch_name}}, {{branch_address}}.
The caller's number is {{user_number}}.

## Style
- Speak in short, warm sentences; one question at a time.
- Confirm every date and time twice.

## Task
1. Greet; offer cut, colour, blow-dry.
2. Call check_availability for the service and day.
3. Offer at most three slots, earliest first.
4. Call book_appointment once the caller picks a slot.

## Rules
- Opening hours: Tuesday to Saturday, 9:00 to 18:00.
- End the call politely with end_call.
)";

// Anna (the edit): closing time, confirmation, a rule added, a word in the greeting.
const char *const kOurs = R"(## Identity
You are Mia at {{branch_name}}, {{branch_address}}.
The caller's number is {{user_number}}.

## Style
- Speak in short, warm sentences; one question at a time.
- Confirm every date and time twice, slowly.

## Task
1. Greet warmly; offer cut, colour, blow-dry.
2. Call check_availability for the service and day.
3. Offer at most three slots, earliest first.
4. Call book_appointment once the caller picks a slot.

## Rules
- Opening hours: Tuesday to Saturday, 9:00 to 19:00.
- Never promise a discount.
- End the call politely with end_call.
)";

// Ben (deployed meanwhile): another closing time and confirmation (both
// conflicts), balayage added in the same line as Anna's "warmly".
const char *const kTheirs = R"(## Identity
You are Mia at {{branch_name}}, {{branch_address}}.
The caller's number is {{user_number}}.

## Style
- Speak in short, warm sentences; one question at a time.
- Confirm every date and time once, at the end.

## Task
1. Greet; offer cut, colour, balayage, blow-dry.
2. Call check_availability for the service and day.
3. Offer at most three slots, earliest first.
4. Call book_appointment once the caller picks a slot.

## Rules
- Opening hours: Tuesday to Saturday, 9:00 to 20:00.
- End the call politely with end_call.
)";

const char *const kTools =
    R"([{"type": "end_call", "name": "end_call"},
 {"type": "custom", "name": "check_availability", "url": "https://salon.example/api/slots",
  "description": "Free slots for a service on a day",
  "parameters": {"type": "object", "properties": {"service": {"type": "string"}}}},
 {"type": "custom", "name": "book_appointment", "url": "https://salon.example/api/book",
  "description": "Books the slot the caller picked",
  "parameters": {"type": "object", "properties": {"slot_id": {"type": "string"}}}}])";

core::DiffSide side(const QString &title, const char *prompt)
{
    return core::DiffSide{title, QByteArray(prompt), QByteArray(kTools)};
}

bool save(QWidget *window, const QString &path)
{
    QApplication::processEvents();
    QTest::qWait(200);
    const bool ok = window->grab().save(path);
    if (!ok)
        qWarning("could not write %s", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    ui::EnglishPlurals plurals; // "1 region", "2 conflicts", as in the app
    QCoreApplication::installTranslator(&plurals);
    const QString outDir =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(outDir);

    ui::MergeWindow window;
    core::ValidationContext validation;
    validation.knownVariables = core::BranchService::branchVariables();
    window.setValidationContext(validation);
    if (!window.setInputs(side(QStringLiteral("v7 (base)"), kBase),
                          side(QStringLiteral("your edit"), kOurs),
                          side(QStringLiteral("v8 · 2025-03-04 14:30 · Ben Berger"), kTheirs))) {
        qWarning("%s", qPrintable(window.errorString()));
        return 1;
    }
    window.setWindowTitle(
        QStringLiteral("Berlin Mitte — merge your edit (on v7) with v8 — Retell Agent Admin"));
    const QRect available = window.screen()->availableGeometry();
    window.setGeometry(available);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    bool ok = save(&window, outDir + QStringLiteral("/merge-conflict.png"));

    // Both conflicts resolved: what is left to look at is the in-line merge.
    window.promptPane()->take(core::ConflictChoice::Theirs);
    window.promptPane()->take(core::ConflictChoice::Ours);
    window.promptPane()->resultEditor()->moveCursor(QTextCursor::Start);
    ok = save(&window, outDir + QStringLiteral("/merge-inline.png")) && ok;
    return ok ? 0 : 1;
}
