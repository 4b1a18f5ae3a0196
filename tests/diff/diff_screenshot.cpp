// Renders DiffWindow on two versions of a hair-salon booking agent to PNGs
// for review (scripts/screenshot-diff.sh). Not a test.
#include "diff/DiffView.h"
#include "diff/DiffWindow.h"
#include "diff/ToolsDiffTree.h"
#include "editor/JsonEditor.h"
#include "editor/PromptEditor.h"

#include <QApplication>
#include <QDir>
#include <QTabWidget>
#include <QTest>

using namespace retell;

namespace {

const char *const kPromptV3 = R"(## Identity
You are Mia, the friendly receptionist of {{branch_name}} in {{branch_city}}.
Today is {{current_time_Europe/Berlin}}. The caller's number is {{user_number}}.

## Style
- Speak in short, warm sentences; one question at a time.
- Never read out URLs or e-mail addresses.
- Confirm every date and time twice.

## Task
1. Greet the caller and ask which service they want (cut, colour, blow-dry).
2. Call list_services if they ask about prices or durations.
3. Call check_availability with the service and the preferred day.
4. Offer at most three slots, earliest first.
5. Call book_appointment once the caller picks a slot.
6. Spell the caller's name back to them letter by letter.

## Rules
- Opening hours: Tuesday to Saturday, 9:00 to 18:00.
- If the caller is upset, call transfer_call to reach a stylist.
- Do not promise discounts.
- End the call politely with end_call.
)";

const char *const kPromptV4 = R"(## Identity
You are Mia, the friendly receptionist of {{branch_name}} in {{branch_city}}.
Today is {{current_time_Europe/Berlin}}. The caller's number is {{user_number}}.

## Style
- Speak in short, warm sentences; one question at a time.
- Never read out URLs, e-mail addresses or internal notes.
- Confirm every date and time once, at the end.

## Task
1. Greet the caller by name if {{customer_name}} is known, and ask which service they want (cut, colour, balayage, blow-dry).
2. Call list_services if they ask about prices or durations.
3. Call check_availability with the service, the stylist and the preferred day.
4. Offer at most three slots, earliest first.
5. Call book_appointment once the caller picks a slot.
6. Send the confirmation with send_sms.

## Rules
- Opening hours: Tuesday to Friday, 9:00 to 19:00; Saturday 9:00 to 16:00.
- If the caller is upset, call transfer_call to reach a stylist.
- End the call politely with end_call.
)";

const char *const kToolsV3 = R"([
  {"type": "custom", "name": "check_availability", "url": "https://salon.example/api/slots",
   "parameters": {"type": "object", "properties": {
     "service": {"type": "string"}, "date": {"type": "string", "description": "YYYY-MM-DD"}},
     "required": ["service", "date"]}},
  {"type": "custom", "name": "book_appointment", "url": "https://salon.example/api/book",
   "parameters": {"type": "object", "properties": {"slot_id": {"type": "string"}}}},
  {"type": "transfer_call", "name": "transfer_call", "number": "+49 30 1234567"},
  {"type": "end_call", "name": "end_call"}
])";

const char *const kToolsV4 = R"([
  {"type": "end_call", "name": "end_call"},
  {"type": "custom", "name": "check_availability", "url": "https://salon.example/api/v2/slots",
   "parameters": {"type": "object", "properties": {
     "service": {"type": "string"}, "stylist": {"type": "string"},
     "date": {"type": "string", "description": "YYYY-MM-DD"}},
     "required": ["service", "date"]}},
  {"type": "custom", "name": "book_appointment", "url": "https://salon.example/api/book",
   "parameters": {"type": "object", "properties": {"slot_id": {"type": "string"}}}},
  {"type": "transfer_call", "name": "transfer_call", "number": "+49 30 1234567"},
  {"type": "custom", "name": "send_sms", "url": "https://salon.example/api/sms",
   "parameters": {"type": "object", "properties": {"text": {"type": "string"}}}}
])";

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
    const QString outDir =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(outDir);

    ui::DiffWindow window;
    window.setSides(
        {QStringLiteral("Berlin Mitte · v3 · 2025-03-04 14:30 · Anna"), kPromptV3, kToolsV3},
        {QStringLiteral("Berlin Mitte · v4 (draft)"), kPromptV4, kToolsV4});
    window.resize(1560, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    window.view()->nextChange();
    window.view()->nextChange();
    bool ok = save(&window, outDir + QStringLiteral("/diff-viewer.png"));

    // The Tools tab of a comparison with an edit: the selected change can be
    // reverted into the tools editor (the button in the bar, Alt+Right).
    ui::PromptEditor promptEdit;
    ui::JsonEditor toolsEdit;
    promptEdit.setText(QString::fromUtf8(kPromptV4));
    toolsEdit.setText(QString::fromUtf8(kToolsV4));
    window.followEdit(&promptEdit, core::Side::Right, ui::ChangeCopier::Wording::Revert,
                      &toolsEdit);
    auto *tabs = window.view()->findChild<QTabWidget *>();
    tabs->setCurrentIndex(1);
    auto *tree = window.view()->toolsTree();
    const auto rows = tree->findItems(QStringLiteral("url"), Qt::MatchExactly | Qt::MatchRecursive);
    if (!rows.isEmpty())
        tree->setCurrentItem(rows.first());
    ok = save(&window, outDir + QStringLiteral("/diff-tools.png")) && ok;
    window.stopFollowingEdit();
    tabs->setCurrentIndex(0);
    window.view()->setUnified(true);
    ok = save(&window, outDir + QStringLiteral("/diff-unified.png")) && ok;
    return ok ? 0 : 1;
}
