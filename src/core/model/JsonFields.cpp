// SPDX-License-Identifier: Apache-2.0
#include "model/JsonFields.h"

#include <QJsonArray>

#include <cmath>

namespace Brickrun {

JsonFields::JsonFields(const QJsonObject &json, const QString &prefix)
    : m_json(json)
    , m_prefix(prefix)
{}

void JsonFields::allow(const QStringList &known)
{
    for (auto it = m_json.begin(); it != m_json.end(); ++it) {
        if (!known.contains(it.key()))
            problem(it.key().left(100), QStringLiteral("unknown field"));
    }
}

void JsonFields::problem(const QString &field, const QString &text)
{
    m_problems << m_prefix + field + QStringLiteral(": ") + text;
    m_bad.insert(field);
}

void JsonFields::mustBe(const QString &field, const QString &what)
{
    problem(field, QStringLiteral("must be %1, got %2").arg(what, typeName(m_json.value(field))));
}

void JsonFields::string(const QString &field, bool required, int maxLength, QString *out)
{
    const QJsonValue v = m_json.value(field);
    if (v.isUndefined()) {
        if (required)
            problem(field, QStringLiteral("is missing"));
        return;
    }
    if (!v.isString())
        return mustBe(field, QStringLiteral("a string"));
    const QString s = v.toString();
    if (s.size() > maxLength)
        return problem(
            field, QStringLiteral("longer than %1 characters (%2)").arg(maxLength).arg(s.size()));
    if (hasControlCharacter(s))
        return problem(field, QStringLiteral("holds a control character"));
    *out = s;
}

void JsonFields::stringList(const QString &field, int maxItems, int maxLength, QStringList *out)
{
    const QJsonValue v = m_json.value(field);
    if (v.isUndefined())
        return;
    if (!v.isArray())
        return mustBe(field, QStringLiteral("an array of strings"));
    const QJsonArray array = v.toArray();
    if (array.size() > maxItems)
        return problem(field, QStringLiteral("more than %1 entries").arg(maxItems));
    QStringList list;
    for (int i = 0; i < array.size(); ++i) {
        const QString entry = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (!array.at(i).isString())
            return problem(entry,
                           QStringLiteral("must be a string, got %1").arg(typeName(array.at(i))));
        const QString s = array.at(i).toString();
        if (s.size() > maxLength)
            return problem(
                entry,
                QStringLiteral("longer than %1 characters (%2)").arg(maxLength).arg(s.size()));
        if (hasControlCharacter(s))
            return problem(entry, QStringLiteral("holds a control character"));
        list << s;
    }
    *out = list;
}

void JsonFields::wholeNumber(const QString &field, bool mayBeNegative, int *out)
{
    const QJsonValue v = m_json.value(field);
    if (v.isUndefined())
        return;
    const double d = v.toDouble();
    if (!v.isDouble() || d != std::floor(d) || (d < 0 && !mayBeNegative) || d < -2147483648.0 ||
        d > 2147483647.0)
        return mustBe(field, mayBeNegative ? QStringLiteral("a whole number")
                                           : QStringLiteral("a whole number, 0 or more"));
    *out = int(d);
}

void JsonFields::boolean(const QString &field, bool *out)
{
    const QJsonValue v = m_json.value(field);
    if (v.isUndefined())
        return;
    if (!v.isBool())
        return mustBe(field, QStringLiteral("true or false"));
    *out = v.toBool();
}

QString JsonFields::typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

bool JsonFields::hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace Brickrun
