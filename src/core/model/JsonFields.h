// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Brickrun {

// Reads the fields of a JSON object a person may have written (a preset file, an export),
// type by type, collecting one problem per bad field, each named with its path
// ("compute.numWorkers: must be a whole number, got a string"). A value is never echoed in a
// problem about its type: it may be a secret pasted in the wrong place.
class JsonFields
{
public:
    explicit JsonFields(const QJsonObject &json, const QString &prefix = QString());

    // Fields outside `known` are problems ("unknown field"): a typo must not pass silently.
    void allow(const QStringList &known);
    void problem(const QString &field, const QString &text);
    void mustBe(const QString &field, const QString &what);

    // Each reads `field` into *out when present and of the right type; a missing required
    // field is a problem, a missing optional one leaves *out as it was.
    void string(const QString &field, bool required, int maxLength, QString *out);
    void stringList(const QString &field, int maxItems, int maxLength, QStringList *out);
    // Whole numbers within int; negative ones are read (the value's rules say why they are
    // refused) unless `mayBeNegative` is false.
    void wholeNumber(const QString &field, bool mayBeNegative, int *out);
    void boolean(const QString &field, bool *out);

    bool ok() const { return m_problems.isEmpty(); }
    bool isBad(const QString &field) const { return m_bad.contains(field); }
    QStringList problems() const { return m_problems; }

    static QString typeName(const QJsonValue &value);
    static bool hasControlCharacter(const QString &text);

private:
    QJsonObject m_json;
    QString m_prefix;
    QStringList m_problems;
    QSet<QString> m_bad;
};

} // namespace Brickrun
