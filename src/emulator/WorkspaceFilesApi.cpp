// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceFilesApi.h"

#include "WorkspaceDefinition.h"
#include "WorkspaceExport.h"
#include "WorkspaceFiles.h"

#include <QJsonArray>

namespace Brickrun::Emulator::WorkspaceFilesApi {

namespace {

// The service's limit of an imported object (MAX_NOTEBOOK_SIZE_EXCEEDED past it).
constexpr qint64 kMaxImportBytes = 10 * 1024 * 1024;

const QStringList &importFormats()
{
    static const QStringList formats = {QStringLiteral("SOURCE"),     QStringLiteral("HTML"),
                                        QStringLiteral("JUPYTER"),    QStringLiteral("DBC"),
                                        QStringLiteral("R_MARKDOWN"), QStringLiteral("AUTO"),
                                        QStringLiteral("RAW")};
    return formats;
}

ApiAnswer fail(const ApiError &error)
{
    return ApiRouter::error(error);
}

// AUTO: a source file that starts with the notebook header becomes a notebook (without its
// extension); anything else stays a file of that name.
void detectNotebook(WrittenObject *object)
{
    static const QList<QPair<QString, QString>> kinds{
        {QStringLiteral(".py"), QStringLiteral("PYTHON")},
        {QStringLiteral(".scala"), QStringLiteral("SCALA")},
        {QStringLiteral(".sql"), QStringLiteral("SQL")},
        {QStringLiteral(".r"), QStringLiteral("R")}};
    const QByteArray head = object->content.left(64);
    for (const auto &kind : kinds) {
        if (!object->path.endsWith(kind.first, Qt::CaseInsensitive) ||
            !head.contains("Databricks notebook source"))
            continue;
        object->path.chop(kind.first.size());
        object->objectType = QStringLiteral("NOTEBOOK");
        object->language = kind.second;
        return;
    }
}

// A POST body with a "path": the body and the path as the service takes it.
ApiError readPathBody(const ApiRequest &request, QJsonObject *body, QString *path)
{
    if (const ApiError bad = readRequestObject(request.body, body); bad.isError())
        return bad;
    return WorkspaceFiles::checkPath(body->value(QStringLiteral("path")).toString(), path);
}

ApiAnswer importObject(WorkspaceFiles &files, const ApiRequest &request)
{
    QJsonObject body;
    WrittenObject object;
    if (const ApiError bad = readPathBody(request, &body, &object.path); bad.isError())
        return fail(bad);
    const QString format = body.value(QStringLiteral("format")).toString(QStringLiteral("SOURCE"));
    if (!importFormats().contains(format))
        return fail(ApiError::invalidParameter(
            QStringLiteral("Invalid value for format: %1. Expected one of %2.")
                .arg(format, importFormats().join(QStringLiteral(", ")))));
    const QJsonValue overwrite = body.value(QStringLiteral("overwrite"));
    if (!overwrite.isUndefined() && !overwrite.isBool())
        return fail(ApiError::malformedRequest(
            QStringLiteral("Could not parse request object: Expected a boolean for field "
                           "'overwrite'")));
    const QJsonValue content = body.value(QStringLiteral("content"));
    if (!content.isUndefined() && !content.isString())
        return fail(ApiError::invalidParameter(QStringLiteral("content: expected base64 text")));
    const auto decoded = QByteArray::fromBase64Encoding(content.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return fail(ApiError::invalidParameter(QStringLiteral("The content is not valid base64.")));
    object.content = *decoded;
    if (object.content.size() > kMaxImportBytes)
        return fail({400, QStringLiteral("MAX_NOTEBOOK_SIZE_EXCEEDED"),
                     QStringLiteral("File size imported is (%1 bytes), exceeded max size (%2 "
                                    "bytes)")
                         .arg(object.content.size())
                         .arg(kMaxImportBytes)});
    object.language = body.value(QStringLiteral("language")).toString();
    if (format == QLatin1String("SOURCE")) {
        static const QStringList languages = {QStringLiteral("PYTHON"), QStringLiteral("SCALA"),
                                              QStringLiteral("SQL"), QStringLiteral("R")};
        if (!languages.contains(object.language))
            return fail(ApiError::invalidParameter(
                QStringLiteral("The language field is required to import a single file in "
                               "SOURCE format (one of PYTHON, SCALA, SQL, R).")));
        object.objectType = QStringLiteral("NOTEBOOK");
    } else if (format == QLatin1String("AUTO") || format == QLatin1String("RAW")) {
        object.language.clear();
        object.objectType = QStringLiteral("FILE");
        if (format == QLatin1String("AUTO"))
            detectNotebook(&object);
    } else {
        return fail(ApiError::invalidParameter(
            QStringLiteral("The demo workspace imports in SOURCE, AUTO or RAW format only, not "
                           "%1.")
                .arg(format)));
    }
    const ApiError failure = files.write(object, overwrite.toBool(false));
    return failure.isError() ? fail(failure) : ApiRouter::json(QJsonObject());
}

ApiAnswer mkdirs(WorkspaceFiles &files, const ApiRequest &request)
{
    QJsonObject body;
    QString path;
    if (const ApiError bad = readPathBody(request, &body, &path); bad.isError())
        return fail(bad);
    const ApiError failure = files.makeFolders(path);
    return failure.isError() ? fail(failure) : ApiRouter::json(QJsonObject());
}

ApiAnswer deleteObject(WorkspaceFiles &files, const ApiRequest &request)
{
    QJsonObject body;
    QString path;
    if (const ApiError bad = readPathBody(request, &body, &path); bad.isError())
        return fail(bad);
    const QJsonValue recursive = body.value(QStringLiteral("recursive"));
    if (!recursive.isUndefined() && !recursive.isBool())
        return fail(ApiError::malformedRequest(
            QStringLiteral("Could not parse request object: Expected a boolean for field "
                           "'recursive'")));
    const ApiError failure = files.remove(path, recursive.toBool(false));
    return failure.isError() ? fail(failure) : ApiRouter::json(QJsonObject());
}

// ObjectInfo of a definition object (members as the list answer has always sent them).
QJsonObject infoOf(const WorkspaceDefinition &workspace, const WorkspaceObject &o)
{
    QJsonObject json{{QStringLiteral("path"), o.path},
                     {QStringLiteral("object_type"), o.objectType},
                     {QStringLiteral("object_id"), static_cast<double>(o.objectId)}};
    if (!o.language.isEmpty())
        json.insert(QStringLiteral("language"), o.language);
    if (o.objectType != QLatin1String("DIRECTORY")) {
        json.insert(QStringLiteral("created_at"), static_cast<double>(workspace.createdAt()));
        json.insert(QStringLiteral("modified_at"), static_cast<double>(workspace.createdAt()));
    }
    if (o.objectType == QLatin1String("FILE") || o.objectType == QLatin1String("NOTEBOOK"))
        json.insert(QStringLiteral("resource_id"), QString::number(o.objectId));
    return json;
}

// ObjectInfo of a written object: files carry created_at, modified_at and size.
QJsonObject infoOf(const WrittenObject &o)
{
    QJsonObject json{{QStringLiteral("path"), o.path},
                     {QStringLiteral("object_type"), o.objectType},
                     {QStringLiteral("object_id"), static_cast<double>(o.objectId)},
                     {QStringLiteral("resource_id"), QString::number(o.objectId)}};
    if (!o.language.isEmpty())
        json.insert(QStringLiteral("language"), o.language);
    if (o.objectType != QLatin1String("DIRECTORY")) {
        json.insert(QStringLiteral("created_at"), static_cast<double>(o.createdAt));
        json.insert(QStringLiteral("modified_at"), static_cast<double>(o.modifiedAt));
    }
    if (o.objectType == QLatin1String("FILE"))
        json.insert(QStringLiteral("size"), static_cast<double>(o.content.size()));
    return json;
}

ApiAnswer getStatus(const WorkspaceDefinition &workspace, const WorkspaceFiles &files,
                    const ApiRequest &request)
{
    QString path;
    if (const ApiError bad =
            WorkspaceFiles::checkPath(request.query.value(QStringLiteral("path")), &path);
        bad.isError())
        return fail(bad);
    if (const WorkspaceObject *o = workspace.object(path))
        return ApiRouter::json(infoOf(workspace, *o));
    const WrittenObject written = files.find(path);
    if (written.objectType.isEmpty())
        return fail(ApiError::notFound(QStringLiteral("Path (%1) doesn't exist.").arg(path)));
    return ApiRouter::json(infoOf(written));
}

ApiAnswer list(const WorkspaceDefinition &workspace, const WorkspaceFiles &files,
               const ApiRequest &request)
{
    const QString asked = request.query.value(QStringLiteral("path"));
    if (asked.isEmpty())
        return fail(ApiError::invalidParameter(QStringLiteral("Missing required field: path")));
    QString path;
    const WorkspaceObject *object = nullptr;
    WrittenObject written;
    if (!WorkspaceFiles::checkPath(asked, &path).isError()) {
        object = workspace.object(path);
        if (!object)
            written = files.find(path);
    }
    if (!object && written.objectType.isEmpty())
        return fail(ApiError::notFound(QStringLiteral("Path (%1) doesn't exist.").arg(asked)));
    QJsonArray array;
    if (object && object->objectType != QLatin1String("DIRECTORY") &&
        object->objectType != QLatin1String("REPO")) {
        array.append(infoOf(workspace, *object));
    } else if (written.objectType.isEmpty() || written.objectType == QLatin1String("DIRECTORY")) {
        if (object) {
            for (const WorkspaceObject *o : workspace.children(object->path))
                array.append(infoOf(workspace, *o));
        }
        for (const WrittenObject &o : files.children(path))
            array.append(infoOf(o));
    } else {
        array.append(infoOf(written));
    }
    QJsonObject answer; // `objects` is absent for an empty folder, as the service sends it
    if (!array.isEmpty())
        answer.insert(QStringLiteral("objects"), array);
    return ApiRouter::json(answer);
}

// workspace/export of a written object; false when the path is none (the definition's then).
bool exportWritten(const WorkspaceFiles &files, const ApiRequest &request, ApiAnswer *answer)
{
    QString path;
    if (WorkspaceFiles::checkPath(request.query.value(QStringLiteral("path")), &path).isError())
        return false;
    const WrittenObject o = files.find(path);
    if (o.objectType.isEmpty())
        return false;
    const QString format = request.query.value(QStringLiteral("format"), QStringLiteral("SOURCE"));
    if (o.objectType == QLatin1String("DIRECTORY")) {
        *answer = fail(ApiError::invalidParameter(
            QStringLiteral("Path (%1) is a directory: a directory can be exported only in DBC "
                           "format, which the demo workspace does not produce.")
                .arg(path)));
    } else if (format != QLatin1String("SOURCE") && format != QLatin1String("AUTO") &&
               format != QLatin1String("RAW")) {
        *answer = fail(ApiError::invalidParameter(
            QStringLiteral("The demo workspace exports in SOURCE (or AUTO) format only, not %1.")
                .arg(format)));
    } else if (request.query.value(QStringLiteral("direct_download")) == QLatin1String("true")) {
        answer->contentType = "application/octet-stream";
        answer->body = o.content;
    } else {
        QJsonObject json{{QStringLiteral("content"), QString::fromLatin1(o.content.toBase64())}};
        const QString name = path.section(QLatin1Char('/'), -1);
        const QString fileType =
            o.objectType == QLatin1String("NOTEBOOK")
                ? (o.language == QLatin1String("PYTHON") ? QStringLiteral("py")
                                                         : o.language.toLower())
            : name.contains(QLatin1Char('.')) ? name.section(QLatin1Char('.'), -1)
                                              : QString();
        if (!fileType.isEmpty())
            json.insert(QStringLiteral("file_type"), fileType);
        *answer = ApiRouter::json(json);
    }
    return true;
}

} // namespace

bool handle(const WorkspaceDefinition &workspace, WorkspaceFiles &files, const QString &route,
            const ApiRequest &request, ApiAnswer *answer)
{
    const bool get =
        request.method == QLatin1String("GET") || request.method == QLatin1String("HEAD");
    const bool post = request.method == QLatin1String("POST");
    if (route == QLatin1String("/workspace/import") && post)
        *answer = importObject(files, request);
    else if (route == QLatin1String("/workspace/mkdirs") && post)
        *answer = mkdirs(files, request);
    else if (route == QLatin1String("/workspace/delete") && post)
        *answer = deleteObject(files, request);
    else if (route == QLatin1String("/workspace/get-status") && get)
        *answer = getStatus(workspace, files, request);
    else if (route == QLatin1String("/workspace/list") && get)
        *answer = list(workspace, files, request);
    else if (route == QLatin1String("/workspace/export") && get) {
        if (!exportWritten(files, request, answer))
            *answer = WorkspaceExport::answer(workspace, request);
    } else
        return false;
    return true;
}

} // namespace Brickrun::Emulator::WorkspaceFilesApi
