// SPDX-License-Identifier: Apache-2.0
#include "api/WorkspaceApi.h"

#include "api/JsonMapping.h"

#include <QJsonArray>

#include <algorithm>

namespace Brickrun {

namespace {

WorkspaceObject objectFromJson(const QJsonObject &o)
{
    WorkspaceObject w;
    w.path = o.value(QLatin1String("path")).toString();
    w.type = o.value(QLatin1String("object_type")).toString();
    w.language = o.value(QLatin1String("language")).toString();
    w.objectId = JsonMapping::toInt64(o.value(QLatin1String("object_id")));
    w.createdAt = JsonMapping::toInt64(o.value(QLatin1String("created_at")));
    w.modifiedAt = JsonMapping::toInt64(o.value(QLatin1String("modified_at")));
    w.size = JsonMapping::toInt64(o.value(QLatin1String("size")));
    return w;
}

} // namespace

WorkspaceApi::WorkspaceApi(HttpTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

void WorkspaceApi::currentUser(QObject *context, Callback<CurrentUser> callback)
{
    HttpTransport::Request req;
    req.path = QStringLiteral("/api/2.0/preview/scim/v2/Me");
    req.description = QStringLiteral("scim/Me");
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<CurrentUser>::failure(r.error()));
        const QJsonObject &o = r.value();
        CurrentUser u;
        u.id = o.value(QLatin1String("id")).toString();
        u.userName = o.value(QLatin1String("userName")).toString();
        u.displayName = o.value(QLatin1String("displayName")).toString();
        u.active = o.value(QLatin1String("active")).toBool(true);
        if (u.userName.isEmpty())
            return callback(Result<CurrentUser>::failure(ApiError::badResponse(
                QStringLiteral("the answer names no user; is this a Databricks workspace?"))));
        callback(Result<CurrentUser>::success(u));
    });
}

void WorkspaceApi::listClusters(QObject *context, Callback<QList<ClusterInfo>> callback,
                                bool includeJobClusters)
{
    HttpTransport::Request req;
    req.path = QStringLiteral("/api/2.1/clusters/list");
    req.description = QStringLiteral("clusters/list");
    m_transport->send(req, context, [callback, includeJobClusters](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<QList<ClusterInfo>>::failure(r.error()));
        QList<ClusterInfo> clusters;
        const QJsonArray array = r.value().value(QLatin1String("clusters")).toArray();
        for (const QJsonValue &v : array) {
            const QJsonObject o = v.toObject();
            ClusterInfo c;
            c.id = o.value(QLatin1String("cluster_id")).toString();
            c.name = o.value(QLatin1String("cluster_name")).toString();
            c.state = o.value(QLatin1String("state")).toString();
            c.stateMessage = o.value(QLatin1String("state_message")).toString();
            c.source = o.value(QLatin1String("cluster_source")).toString();
            c.sparkVersion = o.value(QLatin1String("spark_version")).toString();
            if (c.id.isEmpty() || (c.isJobCluster() && !includeJobClusters))
                continue;
            clusters.append(c);
        }
        std::sort(clusters.begin(), clusters.end(), [](const ClusterInfo &a, const ClusterInfo &b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        });
        callback(Result<QList<ClusterInfo>>::success(clusters));
    });
}

void WorkspaceApi::listFolder(const QString &path, QObject *context,
                              Callback<QList<WorkspaceObject>> callback)
{
    HttpTransport::Request req;
    req.path = QStringLiteral("/api/2.0/workspace/list");
    req.query.addQueryItem(QStringLiteral("path"), path);
    req.description = QStringLiteral("workspace/list");
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<QList<WorkspaceObject>>::failure(r.error()));
        QList<WorkspaceObject> objects; // `objects` is absent for an empty folder
        const QJsonArray array = r.value().value(QLatin1String("objects")).toArray();
        for (const QJsonValue &v : array) {
            const WorkspaceObject w = objectFromJson(v.toObject());
            if (!w.path.isEmpty())
                objects.append(w);
        }
        std::sort(objects.begin(), objects.end(),
                  [](const WorkspaceObject &a, const WorkspaceObject &b) {
                      if (a.isFolder() != b.isFolder())
                          return a.isFolder();
                      return a.name().compare(b.name(), Qt::CaseInsensitive) < 0;
                  });
        callback(Result<QList<WorkspaceObject>>::success(objects));
    });
}

void WorkspaceApi::exportSource(const QString &path, QObject *context,
                                Callback<ExportedSource> callback)
{
    exportAs(path, QStringLiteral("SOURCE"), context, std::move(callback));
}

void WorkspaceApi::exportFile(const QString &path, QObject *context,
                              Callback<ExportedSource> callback)
{
    exportAs(path, QStringLiteral("AUTO"), context, std::move(callback));
}

void WorkspaceApi::getStatus(const QString &path, QObject *context,
                             Callback<WorkspaceObject> callback)
{
    HttpTransport::Request req;
    req.path = QStringLiteral("/api/2.0/workspace/get-status");
    req.query.addQueryItem(QStringLiteral("path"), path);
    req.description = QStringLiteral("workspace/get-status");
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<WorkspaceObject>::failure(r.error()));
        const WorkspaceObject w = objectFromJson(r.value());
        if (w.path.isEmpty())
            return callback(Result<WorkspaceObject>::failure(
                ApiError::badResponse(QStringLiteral("the status names no path"))));
        callback(Result<WorkspaceObject>::success(w));
    });
}

void WorkspaceApi::importFile(const QString &path, const QByteArray &content, bool overwrite,
                              QObject *context, Callback<bool> callback)
{
    post(QStringLiteral("import"),
         QJsonObject{{QStringLiteral("path"), path},
                     {QStringLiteral("format"), QStringLiteral("AUTO")},
                     {QStringLiteral("content"), QString::fromLatin1(content.toBase64())},
                     {QStringLiteral("overwrite"), overwrite}},
         overwrite, context, std::move(callback));
}

void WorkspaceApi::makeFolders(const QString &path, QObject *context, Callback<bool> callback)
{
    post(QStringLiteral("mkdirs"), QJsonObject{{QStringLiteral("path"), path}}, true, context,
         std::move(callback));
}

void WorkspaceApi::deletePath(const QString &path, bool recursive, QObject *context,
                              Callback<bool> callback)
{
    post(QStringLiteral("delete"),
         QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("recursive"), recursive}},
         true, context, std::move(callback));
}

void WorkspaceApi::post(const QString &route, const QJsonObject &body, bool idempotent,
                        QObject *context, Callback<bool> callback)
{
    HttpTransport::Request req;
    req.method = "POST";
    req.path = QStringLiteral("/api/2.0/workspace/") + route;
    req.body = body;
    req.idempotent = idempotent;
    req.description = QStringLiteral("workspace/") + route;
    m_transport->send(req, context, [callback](const Result<QJsonObject> &r) {
        callback(r ? Result<bool>::success(true) : Result<bool>::failure(r.error()));
    });
}

void WorkspaceApi::exportAs(const QString &path, const QString &format, QObject *context,
                            Callback<ExportedSource> callback)
{
    HttpTransport::Request req;
    req.path = QStringLiteral("/api/2.0/workspace/export");
    req.query.addQueryItem(QStringLiteral("path"), path);
    req.query.addQueryItem(QStringLiteral("format"), format);
    req.description = QStringLiteral("workspace/export");
    req.maxAnswerBytes = MaxExportAnswerBytes;
    m_transport->send(req, context, [callback, path](const Result<QJsonObject> &r) {
        if (!r)
            return callback(Result<ExportedSource>::failure(r.error()));
        const QJsonValue content = r.value().value(QLatin1String("content"));
        const auto decoded = QByteArray::fromBase64Encoding(
            content.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!content.isString() || !decoded)
            return callback(Result<ExportedSource>::failure(ApiError::badResponse(
                QStringLiteral("the export of %1 holds no base64 content").arg(path))));
        ExportedSource source;
        source.path = path;
        source.fileType = r.value().value(QLatin1String("file_type")).toString();
        const QString type = source.fileType.toLower();
        if (type == QLatin1String("py") || type == QLatin1String("python"))
            source.language = QStringLiteral("PYTHON");
        else if (type == QLatin1String("scala") || type == QLatin1String("sql") ||
                 type == QLatin1String("r"))
            source.language = type.toUpper();
        source.content = *decoded;
        callback(Result<ExportedSource>::success(source));
    });
}

void WorkspaceApi::testConnection(QObject *context,
                                  std::function<void(const ConnectionReport &)> callback)
{
    const QString host = m_transport->baseUrl().host();
    currentUser(context, [callback, host](const Result<CurrentUser> &r) {
        ConnectionReport report;
        if (r) {
            report.hostAnswers = report.tokenAccepted = true;
            report.user = r.value();
            report.summary = QObject::tr("Connected to %1 as %2%3.")
                                 .arg(host, report.user.userName,
                                      report.user.displayName.isEmpty() ||
                                              report.user.displayName == report.user.userName
                                          ? QString()
                                          : QStringLiteral(" (%1)").arg(report.user.displayName));
            return callback(report);
        }
        report.error = r.error();
        const ApiError &e = r.error();
        report.hostAnswers =
            e.kind == ApiError::Kind::Http || e.kind == ApiError::Kind::BadResponse;
        if (e.kind == ApiError::Kind::Tls)
            report.summary = QObject::tr("%1 answers, but its certificate is not trusted: %2")
                                 .arg(host, e.message);
        else if (!report.hostAnswers)
            report.summary = QObject::tr("%1 does not answer: %2").arg(host, e.message);
        else if (e.isAuthentication())
            report.summary = QObject::tr("%1 answers, but it refused the token (%2). Create a "
                                         "new token and store it again.")
                                 .arg(host, ApiError::inParentheses(e.message));
        else if (e.isPermission())
            report.summary = QObject::tr("%1 accepted the token, but its user may not read its "
                                         "own identity (%2).")
                                 .arg(host, ApiError::inParentheses(e.message));
        else if (e.kind == ApiError::Kind::BadResponse || e.httpStatus == 404)
            report.summary = QObject::tr("%1 answers, but does not look like a Databricks "
                                         "workspace (%2).")
                                 .arg(host, ApiError::inParentheses(e.toString()));
        else
            report.summary = QObject::tr("%1 answers with an error: %2").arg(host, e.toString());
        callback(report);
    });
}

} // namespace Brickrun
