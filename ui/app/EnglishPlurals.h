#pragma once

#include <QTranslator>

namespace retell::ui {

// English plural forms for the source texts: tr("%n error(s)", nullptr, n)
// reads "1 error" and "2 errors"; "branch(es)" and "company(ies)" likewise.
// Only texts with a count are touched. A real translation installed later
// wins over it (Qt asks the newest translator first).
class EnglishPlurals final : public QTranslator
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnglishPlurals)

public:
    explicit EnglishPlurals(QObject *parent = nullptr);
    ~EnglishPlurals() override;

    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override;

    // The form of `text` for the count n: "error(s)" → "error" or "errors".
    static QString pluralize(const QString &text, int n);
};

} // namespace retell::ui
