// Renders AgentEditor with a realistic salon-booking config to PNG files, for
// looking at colours, margins and contrast (scripts/screenshot-editor.sh).
#include "editor/AgentEditor.h"
#include "editor/FindingsList.h"
#include "editor/PromptEditor.h"

#include <QApplication>
#include <QDir>
#include <QPalette>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTimer>

namespace {

const char *kPrompt = R"(## Role
You are the friendly phone receptionist of {{branch_name}}, a hair salon. 💇
Today is {{current_time}}. Speak naturally, keep answers **short** and never invent prices.

## Booking workflow
1. Greet the caller and ask which service they want.
2. Call list_services to read the *current* services and prices of this branch.
3. Ask for the preferred date and time, then the caller's name.
4. Confirm everything, then call collect_appointment_data.

## Rules
- Only offer services returned by list_services.
- If the caller wants to cancel, use cancel_appointment; to move a booking, use reschedule_appointment.
- Ask for their loyalty number: {{loyalty_number}}
- Never read out `service_id` values.
- Stylist on duty: {{ stylist name }}
)";

const char *kTools = R"([
  {
    "type": "custom",
    "name": "list_services",
    "description": "Lists the services this branch offers, with duration and price.",
    "url": "https://api.example-salon.com/retell/services",
    "speak_during_execution": true,
    "parameters": {"type": "object", "properties": {}}
  },
  {
    "type": "custom",
    "name": "collect_appointment_data",
    "description": "Books the appointment the caller agreed to.",
    "url": "https://api.example-salon.com/retell/appointments",
    "timeout_ms": 20000,
    "parameters": {
      "type": "object",
      "properties": {
        "service_id": {"type": "integer"},
        "date": {"type": "string", "description": "YYYY-MM-DD"},
        "time": {"type": "string"},
        "customer_name": {"type": "string"}
      },
      "required": ["service_id", "date", "time", "customer_name"]
    }
  },
  {
    "type": "custom",
    "name": "cancel_appointment",
    "description": "Cancels an existing appointment.",
    "url": "https://api.example-salon.com/retell/cancel",
    "timeout_ms": 500
  },
  {
    "type": "custom",
    "name": "reschedule_appointment",
    "description": "Moves an existing appointment to a new date and time.",
    "url": "https://api.example-salon.com/retell/reschedule"
  },
  {"type": "end_call", "name": "end_call", "description": "Ends the call politely."}
])";

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x50));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6f, 0x73, 0x78));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6f, 0x73, 0x78));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6f, 0x73, 0x78));
    return p;
}

bool save(QWidget &widget, const QString &path)
{
    QApplication::processEvents();
    const bool ok = widget.grab().save(path);
    qInfo("%s %s", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshots");
    QDir().mkpath(dir);

    retell::ui::AgentEditor editor;
    editor.setWindowTitle(QStringLiteral("Agent editor"));
    editor.resize(1280, 820);
    editor.setKnownVariables({QStringLiteral("branch_name"), QStringLiteral("branch_phone")});
    editor.setConfig({QString::fromUtf8(kPrompt), QString::fromUtf8(kTools)});
    editor.show();
    editor.promptEditor()->setCursorPosition(7, 20);
    editor.promptEditor()->setFocus();

    bool ok = true;
    QTimer::singleShot(300, &app, [&] {
        ok &= save(editor, dir + QStringLiteral("/editor.png"));
        editor.tabs()->setCurrentIndex(retell::ui::AgentEditor::ToolsTab);
        QTimer::singleShot(200, &app, [&] {
            ok &= save(editor, dir + QStringLiteral("/editor-tools.png"));
            QApplication::setPalette(darkPalette());
            editor.tabs()->setCurrentIndex(retell::ui::AgentEditor::PromptTab);
            QTimer::singleShot(300, &app, [&] {
                ok &= save(editor, dir + QStringLiteral("/editor-dark.png"));
                editor.tabs()->setCurrentIndex(retell::ui::AgentEditor::ToolsTab);
                QTimer::singleShot(200, &app, [&] {
                    ok &= save(editor, dir + QStringLiteral("/editor-tools-dark.png"));
                    app.exit(ok ? 0 : 1);
                });
            });
        });
    });
    return app.exec();
}
