// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Profile.h"

#include <QDialog>
#include <QSslCertificate>
#include <QUrl>

#include <memory>
#include <optional>

class QLabel;
class QNetworkAccessManager;

namespace Brickrun {

class BrowserSignInRow;
class ConnectionTester;
class NoKeychainNotice;
class ProfileConnector;
class ProfileSaver;
class ProfileStore;
class TokenStore;

namespace Ui {
class ProfileDialog;
}

// Adds a workspace profile or edits one, with its sign-in method: the browser (OAuth, the
// default), the Azure CLI, a service principal's client secret (Databricks or Entra ID) or a
// personal access token. The fields are checked as the user types, with the reason next to the
// field; OK stays disabled while anything is wrong. OK stores the secret in the keychain first
// and only then the profile (ProfileSaver); when the keychain fails the dialog says why, stays
// open and saves nothing. Without any keychain it says what is missing and offers "Use for
// this session only" (NoKeychainNotice): the profile is saved, its secret kept in memory until
// the program quits, never in a file. A changed workspace or method removes the stored
// secrets: they never follow a profile to another host. "Sign in…" opens the browser at the
// workspace's consent page; "Test connection" (ConnectionTester) asks the workspace who the
// credentials belong to. Neither blocks the window.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    // With `editName`, edits that profile: its name is fixed (it is the keychain key) and an
    // empty token field keeps the stored token.
    ProfileDialog(Brickrun::ProfileStore *profiles, Brickrun::TokenStore *tokens,
                  QNetworkAccessManager *network, QWidget *parent = nullptr,
                  const QString &editName = QString());
    ~ProfileDialog() override;

    QString profileName() const { return m_savedName; } // the saved profile, after accept()
    // Saved with "Use for this session only": its secret is in memory, not in a keychain.
    bool savedForSessionOnly() const { return m_savedForSessionOnly; }

    // Starts the browser sign-in at once (Sign in again), when the method is the browser.
    void startSignIn();
    // The consent page of the sign-in in progress (also offered as a link in the dialog).
    QUrl signInUrl() const;

public Q_SLOTS:
    void accept() override; // starts saving; the dialog closes when the profile is saved
    void reject() override; // ignored while saving
    void done(int result) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Check
    {
        QString nameError, hostError, tokenError, caFileError, clientIdError, tenantError;
        QUrl host;
        QList<QSslCertificate> certificates;
        bool isValid() const
        {
            return nameError.isEmpty() && hostError.isEmpty() && tokenError.isEmpty() &&
                   caFileError.isEmpty() && clientIdError.isEmpty() && tenantError.isEmpty();
        }
    };

    bool isEditing() const { return !m_editName.isEmpty(); }
    QString enteredToken() const;
    QString caFilePath() const;
    Check check() const;
    void validate();
    void updateButtons(); // from m_check and what is running
    void applyErrorColours();
    void showStatus(const QString &text, bool isError);

    QString authType() const;
    bool identityChanged() const; // editing: host, method or service principal changed
    Profile profileFromFields(const Check &c) const;
    // Host, method, client id, tenant and authority as the fields say, for `host`.
    Profile credentialFields(const QUrl &host) const;
    void updateMethodFields();
    void askWhoSignedIn();

    void browseCaFile();
    void startTest();
    void onSaved(const QString &profile, bool sessionOnly);
    void onSaveFailed(const QString &message);
    void onNoKeychain(const QString &message, const QString &detail);
    void growToFit();

    std::unique_ptr<Ui::ProfileDialog> m_ui;
    Check m_check; // of the fields as they are now
    ProfileStore *m_profiles;
    TokenStore *m_tokens;
    QNetworkAccessManager *m_network;
    ProfileConnector *m_connector;
    ConnectionTester *m_tester = nullptr;
    ProfileSaver *m_saver = nullptr;
    NoKeychainNotice *m_noKeychain = nullptr;
    QString m_editName;
    std::optional<Profile> m_existing;
    QString m_editAuthType;
    BrowserSignInRow *m_signIn = nullptr; // the browser sign-in and what it gave
    QString m_savedName;
    bool m_savedForSessionOnly = false;
    bool m_nameTouched = false;
    bool m_hostTouched = false;
    bool m_tokenTouched = false;
    bool m_statusIsError = false;
};

} // namespace Brickrun
