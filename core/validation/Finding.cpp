#include "validation/Validator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace retell::core {

MessageText MessageText::arg(const QString &a) const
{
    MessageText out = *this;
    out.m_args.append(a);
    return out;
}

QString MessageText::substitute(const QString &format, const QStringList &args)
{
    QString out;
    out.reserve(format.size() + 16 * args.size());
    const qsizetype n = format.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = format.at(i);
        if (c != u'%' || i + 1 >= n || !format.at(i + 1).isDigit() || format.at(i + 1) == u'0') {
            out.append(c);
            continue;
        }
        qsizetype end = i + 1;
        int number = 0;
        while (end < n && end < i + 3 && format.at(end).isDigit())
            number = number * 10 + format.at(end++).digitValue();
        if (number > args.size()) {
            out.append(QStringView(format).mid(i, end - i));
        } else {
            out.append(args.at(number - 1));
        }
        i = end - 1;
    }
    return out;
}

QString findingMessage(const Finding &finding)
{
    if (finding.format.isEmpty())
        return finding.message;
    const QByteArray source = finding.format.toUtf8();
    QStringList args = finding.args;
    // Arguments core composed itself (the JSON parser's reason, where in the
    // tools a value sits: "Tool 3, \"type\"") are translated too; the rest is
    // user content.
    if (finding.code == QLatin1String("tools.invalid_json") && !args.isEmpty())
        args[0] = QCoreApplication::translate("Validator", args.at(0).toUtf8().constData());
    static const QRegularExpression toolPlace(QStringLiteral("^Tool (\\d+)(, .*)?$"));
    for (QString &a : args) {
        if (a == QLatin1String("The tools configuration")) {
            a = QCoreApplication::translate("Validator", "The tools configuration");
        } else if (const auto m = toolPlace.match(a); m.hasMatch()) {
            a = MessageText::substitute(QCoreApplication::translate("Validator", "Tool %1"),
                                        {m.captured(1)}) +
                m.captured(2);
        }
    }
    return MessageText::substitute(QCoreApplication::translate("Validator", source.constData()),
                                   args);
}

QString severityName(Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

Severity severityFromName(const QString &name)
{
    return name == QLatin1String("warning") ? Severity::Warning : Severity::Error;
}

QString findingTargetName(FindingTarget target)
{
    switch (target) {
    case FindingTarget::Tools:
        return QStringLiteral("tools");
    case FindingTarget::Notes:
        return QStringLiteral("notes");
    case FindingTarget::Prompt:
        break;
    }
    return QStringLiteral("prompt");
}

FindingTarget findingTargetFromName(const QString &name)
{
    if (name == QLatin1String("tools"))
        return FindingTarget::Tools;
    return name == QLatin1String("notes") ? FindingTarget::Notes : FindingTarget::Prompt;
}

bool ValidationResult::hasErrors() const
{
    for (const Finding &f : findings) {
        if (f.isError())
            return true;
    }
    return false;
}

int ValidationResult::errorCount() const
{
    int n = 0;
    for (const Finding &f : findings)
        n += f.isError() ? 1 : 0;
    return n;
}

int ValidationResult::warningCount() const
{
    return int(findings.size()) - errorCount();
}

ValidationStatus ValidationResult::status() const
{
    return hasErrors() ? ValidationStatus::Invalid : ValidationStatus::Valid;
}

QByteArray ValidationResult::findingsJson() const
{
    QJsonArray array;
    for (const Finding &f : findings) {
        QJsonObject o;
        o.insert(QLatin1String("severity"), severityName(f.severity));
        o.insert(QLatin1String("code"), f.code);
        o.insert(QLatin1String("message"), f.message);
        if (!f.format.isEmpty()) {
            o.insert(QLatin1String("format"), f.format);
            o.insert(QLatin1String("args"), QJsonArray::fromStringList(f.args));
        }
        o.insert(QLatin1String("target"), findingTargetName(f.target));
        o.insert(QLatin1String("line"), f.line);
        o.insert(QLatin1String("column"), f.column);
        o.insert(QLatin1String("offset"), f.offset);
        o.insert(QLatin1String("length"), f.length);
        o.insert(QLatin1String("path"), f.jsonPath);
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// Tolerant: rows written by the web application may be plain strings or
// objects with only a message; they come back as errors without a position
// (and without a format: they are shown as written).
QList<Finding> ValidationResult::findingsFromJson(const QByteArray &json)
{
    QList<Finding> out;
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonArray array = doc.array();
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        Finding f;
        if (v.isString()) {
            f.message = v.toString();
            out.append(f);
            continue;
        }
        const QJsonObject o = v.toObject();
        if (o.isEmpty())
            continue;
        f.severity = severityFromName(o.value(QLatin1String("severity")).toString());
        f.code = o.value(QLatin1String("code")).toString();
        f.message = o.value(QLatin1String("message")).toString();
        f.format = o.value(QLatin1String("format")).toString();
        for (const QJsonValue &a : o.value(QLatin1String("args")).toArray())
            f.args.append(a.toString());
        f.target = findingTargetFromName(o.value(QLatin1String("target")).toString());
        f.line = o.value(QLatin1String("line")).toInt();
        f.column = o.value(QLatin1String("column")).toInt();
        f.offset = o.value(QLatin1String("offset")).toInt(-1);
        f.length = o.value(QLatin1String("length")).toInt();
        f.jsonPath = o.value(QLatin1String("path")).toString();
        out.append(f);
    }
    return out;
}

} // namespace retell::core
