// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceDialogs.h"

#include "MainWindow.h"
#include "ProfileDialog.h"
#include "api/ApiError.h"
#include "auth/ConnectionRegistry.h"
#include "auth/Credentials.h"
#include "config/ProfileStore.h"
#include "workflow/RunMonitor.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace Brickrun {

WorkspaceDialogs::WorkspaceDialogs(ProfileStore *profiles, TokenStore *tokens,
                                   QNetworkAccessManager *network, ConnectionRegistry *connections,
                                   RunMonitor *monitor, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_tokens(tokens)
    , m_network(network)
    , m_connections(connections)
    , m_monitor(monitor)
    , m_window(window)
{}

void WorkspaceDialogs::addWorkspace()
{
    ProfileDialog dialog(m_profiles, m_tokens, m_network, m_window);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT profilesChanged(dialog.profileName());
}

void WorkspaceDialogs::editWorkspace(const QString &profile)
{
    if (profile.isEmpty() || !m_profiles->profile(profile)) {
        addWorkspace();
        return;
    }
    editProfile(profile, false);
}

void WorkspaceDialogs::editProfile(const QString &profile, bool signInNow,
                                   std::function<void()> signedIn)
{
    ProfileDialog dialog(m_profiles, m_tokens, m_network, m_window, profile);
    if (signInNow)
        QTimer::singleShot(0, &dialog, &ProfileDialog::startSignIn);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // New credentials may have been stored: connect again and let paused runs go on.
    m_connections->invalidate(profile);
    m_connections->load(profile, [this, profile, signedIn](const QString &error) {
        if (!error.isEmpty())
            return;
        m_monitor->resume(profile);
        if (signedIn)
            signedIn();
    });
    Q_EMIT profilesChanged(profile);
}

void WorkspaceDialogs::offerSignInAgain(const QString &profile, const ApiError &error)
{
    m_connections->invalidate(profile);
    const auto p = m_profiles->profile(profile);
    const bool browser = p && p->authType == AuthType::OAuthU2M;
    m_window->showStatus(tr("Workspace \"%1\" refused the sign-in (%2). Its runs are kept and go "
                            "on after you sign in again.")
                             .arg(profile, ApiError::inParentheses(error.toString())));
    if (m_signInAgainBoxes.contains(profile))
        return;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Sign in again"),
                        tr("Workspace “%1” no longer accepts Brickrun's sign-in.").arg(profile),
                        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("signInAgainBox"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(
        tr("%1\n\nIts runs are kept: they are followed again as soon as you sign in.")
            .arg(error.toString()));
    QPushButton *again = box->addButton(browser ? tr("&Sign in again…") : tr("&Update sign-in…"),
                                        QMessageBox::AcceptRole);
    again->setObjectName(QStringLiteral("signInAgainButton"));
    box->addButton(tr("&Later"), QMessageBox::RejectRole);
    box->setDefaultButton(again);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_signInAgainBoxes.insert(profile, box);
    connect(box, &QObject::destroyed, this,
            [this, profile] { m_signInAgainBoxes.remove(profile); });
    connect(box, &QMessageBox::buttonClicked, this,
            [this, profile, again, browser](QAbstractButton *b) {
                if (b == again)
                    QTimer::singleShot(0, this,
                                       [this, profile, browser] { editProfile(profile, browser); });
            });
    box->open();
}

} // namespace Brickrun
