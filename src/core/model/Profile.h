#pragma once

#include <QString>
#include <QUrl>

namespace Brickrun {

// A workspace a user works with. Its token is NOT here: it lives in the OS keychain under the
// profile's name (TokenStore), so a Profile can be saved, listed and exported freely.
struct Profile
{
    QString name;
    QUrl host; // normalised origin, see WorkspaceUrl
    QString authType = QStringLiteral("pat");
    QString clusterId; // default cluster for runs; may be empty
    QString caFile;    // extra CA certificates (PEM) to trust; may be empty

    // Empty when `name` can name a profile, else the reason (it is also the keychain key and a
    // command-line argument: letters, digits, . _ - @, at most 64 characters).
    static QString checkName(const QString &name);
};

} // namespace Brickrun
