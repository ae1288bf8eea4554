// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Brickrun {

// Reads the YAML that Arazzo and OpenAPI files are written in into JSON values: block mappings
// and sequences (`- ` items at or beyond their key's indentation, compact `- key: v` maps),
// plain, 'single' and "double" quoted scalars (one line or several), `|` and `>` block
// scalars with their chomping (-, +) and indentation indicators, flow collections ([…], {…},
// JSON itself), comments and one document (`---` / `...` markers). Plain scalars resolve as
// YAML 1.2's core schema does: null, ~, true, false, integers and floats; the rest are strings.
//
// Not read (a file using them is refused with the line, never misread): anchors and aliases
// (&a, *a), tags (!!str), complex keys (? ), several documents, tabs as indentation, and
// duplicate keys. Brickrun has no YAML library; this is the subset the seed's Arazzo file and
// Brickrun's own exports use, and what such files written by hand or by other tools use.
class YamlReader
{
public:
    // The document's value, or an undefined value with `error` set ("line 12: …").
    static QJsonValue parse(const QString &text, QString *error);
};

} // namespace Brickrun
