// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Brickrun {

// Writes a JSON value as block-style YAML 1.2 (the style of the seed's Arazzo file: sequences
// at their key's indentation, `- ` items, two spaces a level). Every string that would not
// read back as the same string (a number, true, null, a leading `-`, `: `, ` #`, quotes,
// control characters…) is written double-quoted with JSON escapes, which YAML reads the same;
// so the output always reads back as the value it came from.
//
// Object keys come in `keyOrder`'s order first, the others after them alphabetically (a
// QJsonObject forgets the order it was built in; a reader of the file wants "arazzo" first).
class YamlWriter
{
public:
    explicit YamlWriter(QStringList keyOrder = {});

    QString write(const QJsonValue &value) const;

    // A scalar as YAML: plain when that reads back as the same string, else double-quoted.
    static QString scalar(const QString &text);
    // "…" with ", \, newlines, tabs and control characters (C0, DEL, C1, U+2028/9, BOM) escaped
    // as \n, \uXXXX…: a string YAML, JSON and Python read the same.
    static QString doubleQuoted(const QString &text);
    static QString number(double value);

private:
    void writeValue(const QJsonValue &value, int indent, QString *out) const;
    void writeObject(const QJsonObject &object, int indent, bool inlineFirst, QString *out) const;
    void writeArray(const QJsonArray &array, int indent, QString *out) const;
    QStringList orderedKeys(const QJsonObject &object) const;
    static QString inlineValue(const QJsonValue &value);

    QStringList m_keyOrder;
};

} // namespace Brickrun
