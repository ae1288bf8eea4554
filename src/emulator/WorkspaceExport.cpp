// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceExport.h"

#include "WorkspaceDefinition.h"

#include <QJsonArray>

namespace Brickrun::Emulator::WorkspaceExport {

namespace {

// The service's limit of an exported notebook (MAX_NOTEBOOK_SIZE_EXCEEDED past it).
constexpr qint64 kMaxExportBytes = 10 * 1024 * 1024;

QString commentOf(const QString &language)
{
    if (language == QLatin1String("SCALA"))
        return QStringLiteral("//");
    if (language == QLatin1String("SQL"))
        return QStringLiteral("--");
    return QStringLiteral("#");
}

QString fileTypeOf(const WorkspaceObject &object)
{
    if (object.objectType == QLatin1String("NOTEBOOK")) {
        if (object.language == QLatin1String("PYTHON"))
            return QStringLiteral("py");
        return object.language.toLower();
    }
    const QString name = object.path.section(QLatin1Char('/'), -1);
    return name.contains(QLatin1Char('.')) ? name.section(QLatin1Char('.'), -1) : QString();
}

QByteArray contentOf(const WorkspaceObject &object)
{
    if (object.sourceGeneratedBytes > 0) {
        // A long notebook: its header, then comment lines up to the size asked for.
        const QByteArray comment = commentOf(object.language).toUtf8();
        QByteArray text = comment + " Databricks notebook source\n";
        const QByteArray line = comment + " generated line of a long demo notebook\n";
        text.reserve(object.sourceGeneratedBytes + line.size());
        while (text.size() < object.sourceGeneratedBytes)
            text += line;
        return text;
    }
    if (!object.source.isNull())
        return object.source.toUtf8();
    return object.objectType == QLatin1String("NOTEBOOK") ? defaultSource(object).toUtf8()
                                                          : QByteArray();
}

} // namespace

QString defaultSource(const WorkspaceObject &object)
{
    const QString comment = commentOf(object.language);
    return QStringLiteral("%1 Databricks notebook source\n%1 %2: a notebook of the Brickrun "
                          "demo workspace\n")
        .arg(comment, object.path.section(QLatin1Char('/'), -1));
}

bool readFields(const QJsonObject &json, const QString &field, WorkspaceObject *object,
                QString *error)
{
    const QJsonValue source = json.value(QStringLiteral("source"));
    if (source.isString()) {
        object->source = source.toString();
    } else if (source.isArray()) { // one string per line, for readable definitions
        QStringList lines;
        for (const QJsonValue &line : source.toArray()) {
            if (!line.isString()) {
                *error = field + QStringLiteral(".source: expected a string or an array of "
                                                "strings");
                return false;
            }
            lines << line.toString();
        }
        object->source = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    } else if (!source.isUndefined()) {
        *error = field + QStringLiteral(".source: expected a string or an array of strings");
        return false;
    }
    const QJsonValue generated = json.value(QStringLiteral("source_generated_bytes"));
    if (!generated.isUndefined()) {
        const double bytes = generated.toDouble(-1);
        if (!generated.isDouble() || bytes < 1 || bytes > 64.0 * 1024 * 1024) {
            *error = field + QStringLiteral(".source_generated_bytes: expected 1..67108864");
            return false;
        }
        object->sourceGeneratedBytes = qint64(bytes);
    }
    const QJsonValue refused = json.value(QStringLiteral("export_refused"));
    if (!refused.isUndefined() && !refused.isBool()) {
        *error = field + QStringLiteral(".export_refused: expected true or false");
        return false;
    }
    object->exportRefused = refused.toBool();
    const bool exportable = object->objectType == QLatin1String("NOTEBOOK") ||
                            object->objectType == QLatin1String("FILE");
    if (!exportable && (!source.isUndefined() || !generated.isUndefined())) {
        *error = field + QStringLiteral(": only notebooks and files have a source");
        return false;
    }
    return true;
}

ApiAnswer answer(const WorkspaceDefinition &workspace, const ApiRequest &request)
{
    const QString path = request.query.value(QStringLiteral("path"));
    if (path.isEmpty())
        return ApiRouter::error(
            ApiError::invalidParameter(QStringLiteral("Missing required field: path")));
    const QString format = request.query.value(QStringLiteral("format"), QStringLiteral("SOURCE"));
    static const QStringList formats = {QStringLiteral("SOURCE"),     QStringLiteral("HTML"),
                                        QStringLiteral("JUPYTER"),    QStringLiteral("DBC"),
                                        QStringLiteral("R_MARKDOWN"), QStringLiteral("AUTO"),
                                        QStringLiteral("RAW")};
    if (!formats.contains(format))
        return ApiRouter::error(ApiError::invalidParameter(
            QStringLiteral("Invalid value for format: %1. Expected one of %2.")
                .arg(format, formats.join(QStringLiteral(", ")))));
    const WorkspaceObject *object =
        path.startsWith(QLatin1Char('/')) ? workspace.object(path) : nullptr;
    if (!object)
        return ApiRouter::error(
            ApiError::notFound(QStringLiteral("Path (%1) doesn't exist.").arg(path)));
    if (object->exportRefused)
        return ApiRouter::error(
            {403, QStringLiteral("PERMISSION_DENIED"),
             QStringLiteral("%1 does not have Read permissions on %2. Please contact the owner "
                            "or an administrator for access.")
                 .arg(workspace.userName(), object->path)});
    if (object->objectType == QLatin1String("DIRECTORY") ||
        object->objectType == QLatin1String("REPO"))
        return ApiRouter::error(ApiError::invalidParameter(
            QStringLiteral("Path (%1) is a directory: a directory can be exported only in DBC "
                           "format, which the demo workspace does not produce.")
                .arg(object->path)));
    if (format != QLatin1String("SOURCE") && format != QLatin1String("AUTO") &&
        !(format == QLatin1String("RAW") && object->objectType == QLatin1String("FILE")))
        return ApiRouter::error(ApiError::invalidParameter(
            QStringLiteral("The demo workspace exports in SOURCE (or AUTO) format only, not %1.")
                .arg(format)));
    const QByteArray content = contentOf(*object);
    if (content.size() > kMaxExportBytes)
        return ApiRouter::error(
            {400, QStringLiteral("MAX_NOTEBOOK_SIZE_EXCEEDED"),
             QStringLiteral("File size exceeds the limit of %1 bytes.").arg(kMaxExportBytes)});
    if (request.query.value(QStringLiteral("direct_download")) == QLatin1String("true")) {
        ApiAnswer raw;
        raw.contentType = "application/octet-stream";
        raw.body = content;
        return raw;
    }
    QJsonObject json{{QStringLiteral("content"), QString::fromLatin1(content.toBase64())}};
    const QString fileType = fileTypeOf(*object);
    if (!fileType.isEmpty())
        json.insert(QStringLiteral("file_type"), fileType);
    return ApiRouter::json(json);
}

} // namespace Brickrun::Emulator::WorkspaceExport
