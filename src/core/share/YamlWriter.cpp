// SPDX-License-Identifier: Apache-2.0
#include "share/YamlWriter.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Brickrun {

namespace {

bool plainStart(QChar c)
{
    return (c.unicode() < 128 && c.isLetter()) || c == u'_' || c == u'$' || c == u'/' ||
           c == u'(' || (c.unicode() >= 128 && c.isLetter());
}

bool plainInner(QChar c)
{
    if (c.unicode() >= 128)
        return c.isLetterOrNumber();
    if (c.isLetterOrNumber())
        return true;
    static const QString allowed = QStringLiteral(" _$/.=()+,-@~<>*&!|'%#;");
    return allowed.contains(c);
}

bool readsAsItself(const QString &s)
{
    // "../openapi/x.yml" reads as itself; ".5" and ".inf" do not.
    if (s.startsWith(QLatin1Char('.')))
        return s.size() > 1 && !s.at(1).isDigit() &&
               !s.startsWith(QLatin1String(".inf"), Qt::CaseInsensitive) &&
               !s.startsWith(QLatin1String(".nan"), Qt::CaseInsensitive) &&
               readsAsItself(QLatin1Char('x') + s.mid(1));
    if (s.isEmpty() || !plainStart(s.front()) || s.back() == u' ' || s.back() == u':' ||
        s.contains(QLatin1String(": ")) || s.contains(QLatin1String(" #")))
        return false;
    if (!std::all_of(s.begin(), s.end(), plainInner))
        return false;
    static const QStringList reserved{
        QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null"),
        QStringLiteral("yes"),  QStringLiteral("no"),    QStringLiteral("on"),
        QStringLiteral("off"),  QStringLiteral("y"),     QStringLiteral("n")};
    return !reserved.contains(s.toLower());
}

QString hex4(char16_t c)
{
    return QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
}

} // namespace

YamlWriter::YamlWriter(QStringList keyOrder)
    : m_keyOrder(std::move(keyOrder))
{}

QString YamlWriter::scalar(const QString &text)
{
    return readsAsItself(text) ? text : doubleQuoted(text);
}

QString YamlWriter::doubleQuoted(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        default:
            if (u < 0x20 || (u >= 0x7f && u < 0xa0) || u == 0x2028 || u == 0x2029 || u == 0xfeff)
                out += hex4(u);
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString YamlWriter::number(double value)
{
    if (std::isfinite(value) && std::floor(value) == value && std::abs(value) < 9.0e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 17);
}

QString YamlWriter::write(const QJsonValue &value) const
{
    QString out;
    if (value.isObject() && !value.toObject().isEmpty())
        writeObject(value.toObject(), 0, false, &out);
    else if (value.isArray() && !value.toArray().isEmpty())
        writeArray(value.toArray(), 0, &out);
    else
        out = inlineValue(value) + QLatin1Char('\n');
    return out;
}

QString YamlWriter::inlineValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return number(value.toDouble());
    case QJsonValue::String:
        return scalar(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("[]");
    case QJsonValue::Object:
        return QStringLiteral("{}");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("null");
}

QStringList YamlWriter::orderedKeys(const QJsonObject &object) const
{
    QStringList keys = object.keys();
    std::stable_sort(keys.begin(), keys.end(), [this](const QString &a, const QString &b) {
        const qsizetype ra = m_keyOrder.indexOf(a);
        const qsizetype rb = m_keyOrder.indexOf(b);
        if (ra >= 0 && rb >= 0)
            return ra < rb;
        return ra >= 0 && rb < 0;
    });
    return keys;
}

// A value after "key:" (or "- "): inline when it is a scalar or empty, else on the next lines.
void YamlWriter::writeValue(const QJsonValue &value, int indent, QString *out) const
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        *out += QLatin1Char('\n');
        writeObject(value.toObject(), indent + 2, false, out);
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        *out += QLatin1Char('\n');
        writeArray(value.toArray(), indent, out); // the seed's style: "- " at the key's column
    } else {
        *out += QLatin1Char(' ') + inlineValue(value) + QLatin1Char('\n');
    }
}

void YamlWriter::writeObject(const QJsonObject &object, int indent, bool inlineFirst,
                             QString *out) const
{
    bool first = true;
    for (const QString &key : orderedKeys(object)) {
        if (!(first && inlineFirst))
            *out += QString(indent, QLatin1Char(' '));
        first = false;
        *out += scalar(key) + QLatin1Char(':');
        writeValue(object.value(key), indent, out);
    }
}

void YamlWriter::writeArray(const QJsonArray &array, int indent, QString *out) const
{
    for (const QJsonValue &item : array) {
        *out += QString(indent, QLatin1Char(' ')) + QStringLiteral("- ");
        if (item.isObject() && !item.toObject().isEmpty()) {
            writeObject(item.toObject(), indent + 2, true, out);
        } else if (item.isArray() && !item.toArray().isEmpty()) {
            *out += QLatin1Char('\n');
            writeArray(item.toArray(), indent + 2, out);
        } else {
            *out += inlineValue(item) + QLatin1Char('\n');
        }
    }
}

} // namespace Brickrun
