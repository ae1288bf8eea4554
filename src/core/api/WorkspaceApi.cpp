#include "api/WorkspaceApi.h"

namespace Brickrun {

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
        const QJsonObject o = r.value();
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
                                 .arg(host, e.message);
        else if (e.isPermission())
            report.summary = QObject::tr("%1 accepted the token, but its user may not read its "
                                         "own identity (%2).")
                                 .arg(host, e.message);
        else if (e.kind == ApiError::Kind::BadResponse || e.httpStatus == 404)
            report.summary = QObject::tr("%1 answers, but does not look like a Databricks "
                                         "workspace (%2).")
                                 .arg(host, e.toString());
        else
            report.summary = QObject::tr("%1 answers with an error: %2").arg(host, e.toString());
        callback(report);
    });
}

} // namespace Brickrun
