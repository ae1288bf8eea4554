// SPDX-License-Identifier: Apache-2.0
#include "ConnectionTester.h"

#include "ProfileText.h"
#include "api/HttpTransport.h"
#include "api/WorkspaceApi.h"
#include "auth/Credentials.h"
#include "auth/ProfileConnector.h"

#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>

#include <chrono>

namespace Brickrun {

namespace {

QPixmap resultPixmap(QWidget *widget, bool success)
{
    const int size = widget->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, widget);
    const QIcon icon(success ? QStringLiteral(":/icons/state-success.svg")
                             : QStringLiteral(":/icons/state-failed.svg"));
    return icon.pixmap(QSize(size, size), widget->devicePixelRatioF());
}

} // namespace

ConnectionTester::ConnectionTester(QNetworkAccessManager *network, ProfileConnector *connector,
                                   const Widgets &widgets, QObject *parent)
    : QObject(parent)
    , m_widgets(widgets)
    , m_connector(connector)
    , m_network(network)
    , m_transport(new HttpTransport(network, this))
    , m_api(new WorkspaceApi(m_transport, this))
{
    // A test should answer quickly and say what it found, not try again for minutes.
    m_transport->setRetryPolicy(RetryPolicy::none());
    m_transport->setTransferTimeout(std::chrono::seconds(20));
    m_widgets.busy->hide();
    m_widgets.icon->hide();
    m_widgets.text->hide();
}

int ConnectionTester::begin()
{
    m_transport->abortAll();
    m_running = true;
    m_widgets.busy->show();
    Q_EMIT runningChanged(true);
    return ++m_generation;
}

void ConnectionTester::announce(const QString &host)
{
    m_widgets.icon->hide();
    m_widgets.text->setText(tr("Asking %1…").arg(host));
    m_widgets.text->show();
}

void ConnectionTester::test(const Profile &profile, const QString &secret,
                            const QList<QSslCertificate> &certificates, const QString &method,
                            const AccessToken &current, const Then &then)
{
    const int generation = begin();
    Credentials *credentials =
        ProfileConnector::credentialsFor(profile, secret, m_network, certificates, nullptr);
    if (!current.isEmpty())
        credentials->setCurrent(current);
    m_transport->setExtraCaCertificates(certificates);
    m_transport->setEndpoint(profile.host, credentials);
    m_api->testConnection(this, [this, generation, method, then](const ConnectionReport &report) {
        if (generation != m_generation)
            return;
        if (then)
            then(report);
        show(report, method);
    });
}

void ConnectionTester::testStored(const Profile &profile, const QString &method)
{
    const int generation = begin();
    m_connector->connectTransport(
        profile, m_transport, this,
        [this, profile, generation, method](const ProfileConnector::Outcome &o) {
            if (generation != m_generation)
                return;
            if (!o.isOk()) {
                QString why = ProfileText::asSentence(o.error);
                if (o.noKeychain)
                    why = tr("No secret is stored for this profile (no keychain is running); "
                             "enter it to test it.");
                else if (o.failure == ProfileConnector::Failure::NotSignedIn)
                    why = profile.authType == AuthType::OAuthU2M
                              ? tr("This profile is not signed in; sign in to test it.")
                              : tr("No secret is stored for this profile; enter one to test it.");
                finish(false, why);
                return;
            }
            m_api->testConnection(this, [this, generation, method](const ConnectionReport &report) {
                if (generation == m_generation)
                    show(report, method);
            });
        });
}

void ConnectionTester::show(const ConnectionReport &report, const QString &method)
{
    QString text = report.summary;
    if (report.tokenAccepted) {
        const Credentials *credentials = m_transport->credentials();
        text += QLatin1Char(' ') + tr("Sign-in method: %1.").arg(method);
        if (credentials && credentials->current().expiresAt.isValid())
            text += QLatin1Char(' ') +
                    tr("The access token is valid until %1.")
                        .arg(QLocale().toString(credentials->current().expiresAt.toLocalTime(),
                                                QLocale::ShortFormat));
    }
    finish(report.tokenAccepted, text);
}

void ConnectionTester::finish(bool success, const QString &text)
{
    m_running = false;
    m_widgets.busy->hide();
    m_widgets.icon->setPixmap(resultPixmap(m_widgets.icon, success));
    m_widgets.icon->show();
    m_widgets.text->setText(text);
    m_widgets.text->show();
    Q_EMIT runningChanged(false);
}

void ConnectionTester::cancel()
{
    // What was found no longer describes the fields.
    ++m_generation;
    m_transport->abortAll();
    m_widgets.icon->hide();
    m_widgets.text->hide();
    m_widgets.text->clear();
    if (m_running) {
        m_running = false;
        m_widgets.busy->hide();
        Q_EMIT runningChanged(false);
    }
}

} // namespace Brickrun
