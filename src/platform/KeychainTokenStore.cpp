// SPDX-License-Identifier: Apache-2.0
#include "KeychainTokenStore.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace Brickrun {

namespace {

// QtKeychain's errors in words a user can act on. QtKeychain 0.13 on Linux reports a missing
// Secret Service (or a missing session bus) as OtherError with a D-Bus or GLib message, not as
// NoBackendAvailable. The raw message goes to Outcome::detail.
TokenStore::Outcome outcomeOf(QKeychain::Job *job, const QString &profile)
{
    TokenStore::Outcome o;
    const QString detail = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        o.status = TokenStore::Status::Ok;
        return o;
    case QKeychain::EntryNotFound:
        o.status = TokenStore::Status::NotFound;
        o.message =
            QObject::tr("No token is stored for profile \"%1\": not signed in.").arg(profile);
        return o;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        o.status = TokenStore::Status::AccessDenied;
        o.message = QObject::tr("Access to the keychain was denied (%1).").arg(detail);
        o.detail = detail;
        return o;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        o.status = TokenStore::Status::NoBackend;
        break;
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
        if (detail.contains(QLatin1String("org.freedesktop.secrets")) ||
            detail.contains(QLatin1String("org.freedesktop.DBus")) ||
            detail.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive) ||
            detail.contains(QLatin1String("No such secret collection")) ||
            detail.contains(QLatin1String("Could not connect")) ||
            detail.contains(QLatin1String("/org/freedesktop/secrets/collection")) ||
            detail.contains(QLatin1String("not provided by any .service")) ||
            // No session bus at all: libsecret tries to start one with dbus-launch.
            detail.contains(QLatin1String("dbus-launch")) ||
            detail.contains(QLatin1String("autolaunch"), Qt::CaseInsensitive) ||
            detail.contains(QLatin1String("DBUS_SESSION_BUS_ADDRESS"))) {
            o.status = TokenStore::Status::NoBackend;
            break;
        }
        o.status = TokenStore::Status::Failed;
        o.message = QObject::tr("The keychain failed: %1").arg(detail);
        o.detail = detail;
        return o;
    }
    o.message = KeychainTokenStore::noKeychainMessage();
    o.detail = detail;
    return o;
}

template<typename Job>
void run(Job *job, const QString &profile, QObject *context, TokenStore::Callback callback,
         bool readsToken)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(profile);
    const bool hasContext = context != nullptr;
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [profile, guard = QPointer<QObject>(context), hasContext, callback,
                      readsToken](QKeychain::Job *done) {
                         if (hasContext && !guard)
                             return;
                         TokenStore::Outcome o = outcomeOf(done, profile);
                         if (o.isOk() && readsToken)
                             o.token = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
                         // Deleting what is not there leaves the wished-for state.
                         if (!readsToken && o.status == TokenStore::Status::NotFound)
                             o = TokenStore::Outcome{TokenStore::Status::Ok, {}, {}};
                         callback(o);
                     });
    job->start();
}

} // namespace

QString KeychainTokenStore::noKeychainMessage()
{
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    return QObject::tr("The system keychain did not answer, so Brickrun cannot keep the secret "
                       "(it never writes secrets to a file). Sign in to your user account "
                       "normally and try again.");
#else
    return QObject::tr("No keychain service is running, so Brickrun cannot keep the secret: it "
                       "keeps secrets only in a keychain, never in a file. Install and start one "
                       "(GNOME Keyring, KWallet, or KeePassXC with its Secret Service "
                       "integration turned on), then try again.");
#endif
}

KeychainTokenStore::KeychainTokenStore(QObject *parent, const QString &service)
    : TokenStore(parent)
    , m_service(service)
{}

void KeychainTokenStore::readToken(const QString &profile, QObject *context, Callback callback)
{
    run(new QKeychain::ReadPasswordJob(m_service, this), profile, context, std::move(callback),
        true);
}

void KeychainTokenStore::writeToken(const QString &profile, const QString &token, QObject *context,
                                    Callback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setTextData(token);
    run(job, profile, context, std::move(callback), false);
}

void KeychainTokenStore::removeToken(const QString &profile, QObject *context, Callback callback)
{
    run(new QKeychain::DeletePasswordJob(m_service, this), profile, context, std::move(callback),
        false);
}

} // namespace Brickrun
