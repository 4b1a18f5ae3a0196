#include "EditorTheme.h"

#include <QFontDatabase>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace retell::ui {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

} // namespace

EditorTheme EditorTheme::fromPalette(const QPalette &palette)
{
    EditorTheme t;
    t.paper = palette.color(QPalette::Active, QPalette::Base);
    t.text = palette.color(QPalette::Active, QPalette::Text);
    t.dark = t.paper.lightness() < 128;

    t.marginPaper = mix(t.paper, palette.color(QPalette::Active, QPalette::Window), 0.6);
    t.marginText = mix(t.text, t.marginPaper, 0.5);
    t.caret = t.text;
    t.caretLine = mix(t.paper, t.text, t.dark ? 0.07 : 0.04);
    t.selection = palette.color(QPalette::Active, QPalette::Highlight);
    t.selectionText = palette.color(QPalette::Active, QPalette::HighlightedText);

    if (t.dark) {
        t.error = QColor(0xff, 0x6b, 0x6b);
        t.warning = QColor(0xf0, 0xb4, 0x29);
        t.ok = QColor(0x6c, 0xcf, 0x7f);
        t.heading = QColor(0x82, 0xaa, 0xff);
        t.listMarker = QColor(0xff, 0xa6, 0x57);
        t.emphasis = QColor(0xe6, 0xe6, 0xe6);
        t.code = QColor(0xc3, 0xe8, 0x8d);
        t.knownVariable = QColor(0x4f, 0xd6, 0xbe);
        t.unknownVariable = QColor(0xff, 0x9e, 0x64);
        t.malformed = QColor(0xff, 0x6b, 0x6b);
        t.toolName = QColor(0xc0, 0x99, 0xff);
        t.jsonProperty = QColor(0x82, 0xaa, 0xff);
        t.jsonString = QColor(0xc3, 0xe8, 0x8d);
        t.jsonNumber = QColor(0xff, 0x9e, 0x64);
        t.jsonKeyword = QColor(0xc0, 0x99, 0xff);
        t.jsonOperator = QColor(0x9a, 0xa5, 0xce);
        t.jsonComment = QColor(0x70, 0x78, 0x90);
    } else {
        t.error = QColor(0xc6, 0x28, 0x28);
        t.warning = QColor(0xb2, 0x6b, 0x00);
        t.ok = QColor(0x2e, 0x7d, 0x32);
        t.heading = QColor(0x1a, 0x4f, 0xa0);
        t.listMarker = QColor(0xb2, 0x4a, 0x00);
        t.emphasis = t.text;
        t.code = QColor(0x2e, 0x6b, 0x1f);
        t.knownVariable = QColor(0x00, 0x6d, 0x6f);
        t.unknownVariable = QColor(0xa8, 0x4a, 0x00);
        t.malformed = QColor(0xc6, 0x28, 0x28);
        t.toolName = QColor(0x6a, 0x1b, 0x9a);
        t.jsonProperty = QColor(0x1a, 0x4f, 0xa0);
        t.jsonString = QColor(0x2e, 0x6b, 0x1f);
        t.jsonNumber = QColor(0xa8, 0x4a, 0x00);
        t.jsonKeyword = QColor(0x6a, 0x1b, 0x9a);
        t.jsonOperator = QColor(0x55, 0x55, 0x55);
        t.jsonComment = QColor(0x80, 0x80, 0x80);
    }
    t.codePaper = mix(t.paper, t.text, t.dark ? 0.08 : 0.05);
    t.variablePaper = mix(t.paper, t.knownVariable, t.dark ? 0.14 : 0.10);
    t.unknownVariablePaper = mix(t.paper, t.unknownVariable, t.dark ? 0.16 : 0.12);
    t.braceMatch = mix(t.paper, t.knownVariable, 0.3);
    return t;
}

QImage EditorTheme::severityImage(core::Severity severity, const QColor &colour, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF box(1, 1, size - 2, size - 2);
    if (severity == core::Severity::Error) {
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(box);
        p.setPen(QPen(Qt::white, size / 7.0, Qt::SolidLine, Qt::RoundCap));
        const qreal m = size * 0.32;
        p.drawLine(QPointF(m, m), QPointF(size - m, size - m));
        p.drawLine(QPointF(size - m, m), QPointF(m, size - m));
    } else {
        QPainterPath triangle;
        triangle.moveTo(box.center().x(), box.top());
        triangle.lineTo(box.right(), box.bottom());
        triangle.lineTo(box.left(), box.bottom());
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawPath(triangle);
        p.setPen(QPen(Qt::black, size / 8.0, Qt::SolidLine, Qt::RoundCap));
        const qreal x = box.center().x();
        p.drawLine(QPointF(x, size * 0.38), QPointF(x, size * 0.66));
        p.drawPoint(QPointF(x, size * 0.80));
    }
    return image;
}

QIcon EditorTheme::severityIcon(core::Severity severity) const
{
    QIcon icon;
    for (int size : {16, 32})
        icon.addPixmap(QPixmap::fromImage(
            severityImage(severity, severity == core::Severity::Error ? error : warning, size)));
    return icon;
}

QFont EditorTheme::editorFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    if (font.pointSizeF() > 0 && font.pointSizeF() < 10)
        font.setPointSizeF(10);
    return font;
}

} // namespace retell::ui
