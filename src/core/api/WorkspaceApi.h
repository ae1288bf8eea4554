#pragma once

#include "api/HttpTransport.h"
#include "api/Result.h"

#include <QObject>

namespace Brickrun {

// The signed-in user, from SCIM Me.
struct CurrentUser
{
    QString id;
    QString userName; // e.g. me@example.com; the home folder is /Users/<userName>
    QString displayName;
    bool active = true;
};

// What "Test connection" found, in steps a person can follow.
struct ConnectionReport
{
    bool hostAnswers = false;
    bool tokenAccepted = false;
    CurrentUser user;
    ApiError error;  // why it stopped, when it did
    QString summary; // one sentence
};

// Workspace calls outside the Jobs API (identity now; clusters and the workspace tree later).
class WorkspaceApi : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const Result<T> &)>;

    explicit WorkspaceApi(HttpTransport *transport, QObject *parent = nullptr);

    void currentUser(QObject *context, Callback<CurrentUser> callback);
    // Whether the host answers, whether the token is accepted and whose it is.
    void testConnection(QObject *context, std::function<void(const ConnectionReport &)> callback);

private:
    HttpTransport *m_transport;
};

} // namespace Brickrun
