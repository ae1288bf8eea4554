// SPDX-License-Identifier: Apache-2.0
#include "BrowserSignInRow.h"

#include "auth/BrowserSignIn.h"
#include "auth/OAuthClient.h"

#include <QDesktopServices>
#include <QLabel>
#include <QPushButton>

namespace Brickrun {

BrowserSignInRow::BrowserSignInRow(QNetworkAccessManager *network, QPushButton *button,
                                   QLabel *status, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_button(button)
    , m_status(status)
{
    m_status->setTextFormat(Qt::RichText); // only text Brickrun writes, escaped
    m_status->setOpenExternalLinks(true);
}

void BrowserSignInRow::start(const QUrl &host, const QList<QSslCertificate> &certificates)
{
    forget();
    auto *oauth = new OAuthClient(m_network);
    oauth->setExtraCaCertificates(certificates);
    m_signIn = new BrowserSignIn(oauth, host, this);
    oauth->setParent(m_signIn);
    connect(m_signIn, &BrowserSignIn::authorizationUrlReady, this, [this](const QUrl &url) {
        m_signInUrl = url;
        const QString link = QStringLiteral("<a href=\"%1\">%2</a>")
                                 .arg(QString::fromUtf8(url.toEncoded()).toHtmlEscaped(),
                                      tr("open the sign-in page"));
        const bool opened = QDesktopServices::openUrl(url);
        m_status->setText(
            opened ? tr("Waiting for the browser… If no browser window appeared, %1.").arg(link)
                   : tr("No browser could be opened: %1 in a browser on this computer.").arg(link));
    });
    connect(m_signIn, &BrowserSignIn::exchangingCode, this,
            [this] { m_status->setText(tr("Finishing the sign-in…")); });
    connect(m_signIn, &BrowserSignIn::finished, this,
            [this, host](const BrowserSignIn::Outcome &outcome) {
                m_signIn->deleteLater();
                m_signIn = nullptr;
                m_button->setText(tr("Sign in…"));
                if (!outcome.isOk()) {
                    m_status->setText(outcome.error.toHtmlEscaped());
                    Q_EMIT runningChanged(false);
                    return;
                }
                m_host = host;
                m_refreshToken = outcome.tokens.refreshToken;
                m_access = outcome.tokens.access;
                m_user.clear();
                m_status->setText(tr("Signed in; asking the workspace who you are…"));
                Q_EMIT runningChanged(false);
                Q_EMIT signedIn();
            });
    m_button->setText(tr("Cancel sign-in"));
    m_status->setText(tr("Reading the workspace's sign-in settings…"));
    Q_EMIT runningChanged(true);
    m_button->setEnabled(true);
    m_signIn->start();
}

void BrowserSignInRow::cancel()
{
    if (m_signIn)
        m_signIn->cancel();
}

void BrowserSignInRow::forget()
{
    cancel();
    m_host.clear();
    m_refreshToken.clear();
    m_access = {};
    m_user.clear();
    m_signInUrl.clear();
}

void BrowserSignInRow::showState(bool keepsStored, const QString &storedUser)
{
    if (m_signIn)
        return;
    if (isSignedIn())
        m_status->setText(
            tr("Signed in as %1.")
                .arg(m_user.isEmpty() ? tr("an unnamed user") : m_user.toHtmlEscaped()));
    else if (keepsStored && !storedUser.isEmpty())
        m_status->setText(tr("Signed in as %1.").arg(storedUser.toHtmlEscaped()));
    else
        m_status->setText(tr("Not signed in yet."));
    m_button->setText(keepsStored || isSignedIn() ? tr("Sign in again…") : tr("Sign in…"));
}

} // namespace Brickrun
