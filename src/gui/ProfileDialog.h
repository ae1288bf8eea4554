#pragma once

#include "model/Profile.h"

#include <QDialog>
#include <QSslCertificate>
#include <QUrl>

#include <memory>

class QLabel;
class QNetworkAccessManager;

namespace Brickrun {

class HttpTransport;
class ProfileStore;
class TokenStore;
class WorkspaceApi;
struct ConnectionReport;

namespace Ui {
class ProfileDialog;
}

// Adds a workspace profile or edits one. The fields are checked as the user types, with the
// reason next to the field; OK stays disabled while anything is wrong. OK stores the token in
// the keychain first and only then the profile, so a profile never exists without its token;
// when the keychain fails the dialog says why, stays open and saves nothing. "Test connection"
// asks the workspace who the token belongs to, without blocking the window.
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

public Q_SLOTS:
    void accept() override; // starts saving; the dialog closes when the profile is saved
    void reject() override; // ignored while saving
    void done(int result) override;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Check
    {
        QString nameError, hostError, tokenError, caFileError;
        QUrl host;
        QList<QSslCertificate> certificates;
        bool isValid() const
        {
            return nameError.isEmpty() && hostError.isEmpty() && tokenError.isEmpty() &&
                   caFileError.isEmpty();
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

    void browseCaFile();
    void startTest();
    void runTest(const QUrl &host, const QString &token, const QList<QSslCertificate> &certificates,
                 int generation);
    void showTestResult(const ConnectionReport &report);
    void finishTest(bool success, const QString &text);
    void cancelTest();

    void setSaving(bool saving);
    void saveProfile(const Profile &profile, bool tokenWritten);

    std::unique_ptr<Ui::ProfileDialog> m_ui;
    Check m_check; // of the fields as they are now
    ProfileStore *m_profiles;
    TokenStore *m_tokens;
    HttpTransport *m_transport;
    WorkspaceApi *m_api;
    QString m_editName;
    QString m_editAuthType;
    QString m_savedName;
    bool m_nameTouched = false;
    bool m_hostTouched = false;
    bool m_tokenTouched = false;
    bool m_testing = false;
    bool m_saving = false;
    bool m_statusIsError = false;
    int m_testGeneration = 0;
};

} // namespace Brickrun
