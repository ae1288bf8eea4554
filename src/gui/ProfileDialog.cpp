// SPDX-License-Identifier: Apache-2.0
// Past ~600 lines for now: the dialog holds five sign-in methods' fields, their checks, the
// browser sign-in and the test. The sign-in part is to become a widget of its own (issue #17).
#include "ProfileDialog.h"

#include "api/HttpTransport.h"
#include "api/WorkspaceApi.h"
#include "auth/BrowserSignIn.h"
#include "auth/Credentials.h"
#include "auth/OAuthClient.h"
#include "auth/ProfileConnector.h"
#include "auth/TokenStore.h"
#include "config/ProfileStore.h"
#include "config/WorkspaceUrl.h"
#include "ui_ProfileDialog.h"

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>

#include <chrono>

namespace Brickrun {

namespace {

QString withFullStop(const QString &text)
{
    if (text.isEmpty() || text.endsWith(QLatin1Char('.')) || text.endsWith(QLatin1Char('?')) ||
        text.endsWith(QLatin1Char('!')))
        return text;
    return text + QLatin1Char('.');
}

// The core's reasons are lower-case clauses ("a profile needs a name"); next to a field they
// read as sentences.
QString asSentence(const QString &reason)
{
    if (reason.isEmpty())
        return reason;
    QString s = withFullStop(reason);
    s[0] = s.at(0).toUpper();
    return s;
}

// Shows `reason` under its field, or hides the label when there is none.
void showReason(QLabel *label, const QString &reason)
{
    label->setText(reason);
    label->setVisible(!reason.isEmpty());
}

QPixmap resultPixmap(QWidget *widget, bool success)
{
    const int size = widget->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, widget);
    const QIcon icon(success ? QStringLiteral(":/icons/state-success.svg")
                             : QStringLiteral(":/icons/state-failed.svg"));
    return icon.pixmap(QSize(size, size), widget->devicePixelRatioF());
}

} // namespace

ProfileDialog::ProfileDialog(ProfileStore *profiles, TokenStore *tokens,
                             QNetworkAccessManager *network, QWidget *parent,
                             const QString &editName)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfileDialog>())
    , m_profiles(profiles)
    , m_tokens(tokens)
    , m_network(network)
    , m_connector(new ProfileConnector(tokens, network, this))
    , m_transport(new HttpTransport(network, this))
    , m_api(new WorkspaceApi(m_transport, this))
{
    m_ui->setupUi(this);
    // A test should answer quickly and say what it found, not try again for minutes.
    m_transport->setRetryPolicy(RetryPolicy::none());
    m_transport->setTransferTimeout(std::chrono::seconds(20));

    m_ui->testBusy->hide();
    m_ui->testResultIcon->hide();
    m_ui->testResultLabel->hide();
    m_ui->statusLabel->hide();
    m_ui->signInStatus->setTextFormat(Qt::RichText); // only text Brickrun writes, escaped
    m_ui->signInStatus->setOpenExternalLinks(true);
    m_ui->signInLayout->setStretch(1, 1); // the status takes the room, not the spacer

    const QList<std::pair<QString, QString>> methods = {
        {AuthType::OAuthU2M, tr("Browser (OAuth)")},
        {AuthType::AzureCli, tr("Azure CLI")},
        {AuthType::OAuthM2M, tr("Service principal (OAuth client secret)")},
        {AuthType::AzureClientSecret, tr("Azure service principal (Entra ID client secret)")},
        {AuthType::Pat, tr("Personal access token")}};
    for (const auto &[type, label] : methods)
        m_ui->authCombo->addItem(label, type);

    m_existing = editName.isEmpty() ? std::nullopt : m_profiles->profile(editName);
    if (m_existing) {
        const Profile &existing = *m_existing;
        m_editName = existing.name;
        m_editAuthType = existing.authType;
        setWindowTitle(tr("Edit Workspace “%1”").arg(existing.name));
        m_ui->nameEdit->setText(existing.name);
        m_ui->nameEdit->setReadOnly(true);
        m_ui->nameEdit->setToolTip(
            tr("The name cannot change: the secrets are stored in the keychain under it."));
        m_ui->hostEdit->setText(existing.host.toString());
        m_ui->clusterEdit->setText(existing.clusterId);
        m_ui->caFileEdit->setText(QDir::toNativeSeparators(existing.caFile));
        m_ui->clientIdEdit->setText(existing.clientId);
        m_ui->tenantEdit->setText(existing.tenantId);
        const int index = m_ui->authCombo->findData(existing.authType);
        if (index >= 0)
            m_ui->authCombo->setCurrentIndex(index);
        m_nameTouched = m_hostTouched = true;
    } else {
        setWindowTitle(tr("Add Workspace"));
        m_ui->nameEdit->setText(editName);
        m_nameTouched = !editName.isEmpty();
        m_ui->authCombo->setCurrentIndex(0); // the browser, as the official tools default to
    }

    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, [this] {
        m_nameTouched = true;
        validate();
    });
    connect(m_ui->hostEdit, &QLineEdit::textChanged, this, [this] {
        m_hostTouched = true;
        cancelTest();
        // A sign-in belongs to the workspace it was made with.
        if (m_signIn || !m_signedInRefreshToken.isEmpty()) {
            QString ignored;
            if (WorkspaceUrl::parse(m_ui->hostEdit->text(), &ignored) != m_signedInHost)
                forgetSignIn();
        }
        validate();
    });
    for (QLineEdit *edit : {m_ui->tokenEdit, m_ui->clientIdEdit, m_ui->tenantEdit}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_tokenTouched = true;
            cancelTest();
            validate();
        });
    }
    connect(m_ui->authCombo, &QComboBox::currentIndexChanged, this, [this] {
        cancelTest();
        forgetSignIn();
        updateMethodFields();
        validate();
    });
    connect(m_ui->caFileEdit, &QLineEdit::textChanged, this, [this] {
        cancelTest();
        validate();
    });
    connect(m_ui->caFileBrowseButton, &QPushButton::clicked, this, &ProfileDialog::browseCaFile);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfileDialog::startTest);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &ProfileDialog::startSignIn);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    applyErrorColours();
    updateMethodFields();
    validate();
    (isEditing() ? static_cast<QWidget *>(m_ui->authCombo) : m_ui->nameEdit)->setFocus();
}

QString ProfileDialog::authType() const
{
    return m_ui->authCombo->currentData().toString();
}

bool ProfileDialog::identityChanged() const
{
    if (!m_existing)
        return false;
    QString ignored;
    return !Profile::sameCredentials(
        *m_existing, credentialFields(WorkspaceUrl::parse(m_ui->hostEdit->text(), &ignored)));
}

Profile ProfileDialog::credentialFields(const QUrl &host) const
{
    Profile profile;
    profile.host = host;
    profile.authType = authType();
    const bool servicePrincipal =
        profile.authType == AuthType::OAuthM2M || profile.authType == AuthType::AzureClientSecret;
    if (servicePrincipal)
        profile.clientId = m_ui->clientIdEdit->text().trimmed();
    if (profile.authType == AuthType::AzureClientSecret || profile.authType == AuthType::AzureCli)
        profile.tenantId = m_ui->tenantEdit->text().trimmed();
    // The Entra ID authority has no field: a profile that set one (CLI, import) keeps it.
    if (profile.authType == AuthType::AzureClientSecret && m_existing &&
        m_existing->authType == profile.authType)
        profile.authority = m_existing->authority;
    return profile;
}

void ProfileDialog::updateMethodFields()
{
    const QString type = authType();
    const bool servicePrincipal = type == AuthType::OAuthM2M || type == AuthType::AzureClientSecret;
    const bool hasSecretField = type == AuthType::Pat || servicePrincipal;
    m_ui->formLayout->setRowVisible(m_ui->tokenEdit, hasSecretField);
    m_ui->formLayout->setRowVisible(m_ui->clientIdEdit, servicePrincipal);
    m_ui->formLayout->setRowVisible(m_ui->tenantEdit, type == AuthType::AzureClientSecret ||
                                                          type == AuthType::AzureCli);
    m_ui->formLayout->setRowVisible(m_ui->signInLayout, type == AuthType::OAuthU2M);
    m_ui->tokenLabel->setText(type == AuthType::Pat ? tr("&Token:") : tr("Client sec&ret:"));
    const bool keepsStored = isEditing() && !identityChanged();
    if (type == AuthType::Pat)
        m_ui->tokenEdit->setPlaceholderText(
            keepsStored ? tr("Stored in the keychain; leave empty to keep it")
                        : tr("Personal access token (dapi…)"));
    else
        m_ui->tokenEdit->setPlaceholderText(
            keepsStored ? tr("Stored in the keychain; leave empty to keep it")
                        : tr("The service principal's OAuth secret"));
    m_ui->tenantEdit->setPlaceholderText(type == AuthType::AzureCli
                                             ? tr("Optional: the tenant az should sign in to")
                                             : tr("Entra ID tenant id"));
    if (type == AuthType::AzureCli)
        m_ui->introLabel->setText(tr("Brickrun uses the account you signed in with “az login”; it "
                                     "stores no secret of its own."));
    else
        m_ui->introLabel->setText(tr("A profile remembers one Azure Databricks workspace. Its "
                                     "secrets (token, refresh token or client secret) are kept in "
                                     "your system's keychain, never in a file."));
    if (type == AuthType::OAuthU2M && !m_signIn) {
        if (!m_signedInRefreshToken.isEmpty())
            m_ui->signInStatus->setText(tr("Signed in as %1.")
                                            .arg(m_signedInUser.isEmpty()
                                                     ? tr("an unnamed user")
                                                     : m_signedInUser.toHtmlEscaped()));
        else if (keepsStored && !m_existing->signedInAs.isEmpty())
            m_ui->signInStatus->setText(
                tr("Signed in as %1.").arg(m_existing->signedInAs.toHtmlEscaped()));
        else
            m_ui->signInStatus->setText(tr("Not signed in yet."));
        m_ui->signInButton->setText(keepsStored || !m_signedInRefreshToken.isEmpty()
                                        ? tr("Sign in again…")
                                        : tr("Sign in…"));
    }
}

ProfileDialog::~ProfileDialog() = default;

QString ProfileDialog::enteredToken() const
{
    // Pasted tokens often bring a line break or a space along.
    return m_ui->tokenEdit->text().trimmed();
}

QString ProfileDialog::caFilePath() const
{
    const QString text = m_ui->caFileEdit->text().trimmed();
    return text.isEmpty() ? text : QFileInfo(QDir::fromNativeSeparators(text)).absoluteFilePath();
}

ProfileDialog::Check ProfileDialog::check() const
{
    Check c;
    const QString name = m_ui->nameEdit->text();
    if (!isEditing()) {
        c.nameError = asSentence(Profile::checkName(name));
        if (c.nameError.isEmpty() && m_profiles->contains(name))
            c.nameError = tr("A profile named “%1” already exists.").arg(name);
    }

    QString why;
    c.host = WorkspaceUrl::parse(m_ui->hostEdit->text(), &why);
    if (!c.host.isValid())
        c.hostError = asSentence(why);

    const QString type = authType();
    const QString token = enteredToken();
    const bool needsSecret = !isEditing() || identityChanged();
    if (type == AuthType::Pat) {
        if (token.isEmpty() && needsSecret)
            c.tokenError = isEditing()
                               ? tr("The workspace changed: enter its token. The stored one "
                                    "stays with the old workspace and is removed.")
                               : tr("A new profile needs a personal access token (in the "
                                    "workspace: Settings → Developer → Access tokens).");
    } else if (type == AuthType::OAuthM2M || type == AuthType::AzureClientSecret) {
        if (m_ui->clientIdEdit->text().trimmed().isEmpty())
            c.clientIdError = tr("A service principal is named by its application (client) id.");
        if (type == AuthType::AzureClientSecret && m_ui->tenantEdit->text().trimmed().isEmpty())
            c.tenantError = tr("Entra ID needs the tenant id.");
        if (token.isEmpty() && needsSecret)
            c.tokenError = tr("Enter the service principal's client secret.");
    }
    const bool hasSecretField =
        type == AuthType::Pat || type == AuthType::OAuthM2M || type == AuthType::AzureClientSecret;
    if (hasSecretField && c.tokenError.isEmpty() &&
        token.contains(QRegularExpression(QStringLiteral("\\s"))))
        c.tokenError = tr("A secret has no spaces or line breaks; copy it again.");

    const QString caFile = caFilePath();
    if (!caFile.isEmpty()) {
        if (!QFileInfo(caFile).isFile()) {
            c.caFileError = tr("There is no file %1.").arg(QDir::toNativeSeparators(caFile));
        } else {
            c.certificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
            if (c.certificates.isEmpty())
                c.caFileError =
                    tr("%1 holds no PEM certificate.").arg(QDir::toNativeSeparators(caFile));
        }
    }
    return c;
}

void ProfileDialog::validate()
{
    m_check = check();
    updateMethodFields();
    const Check &c = m_check;
    // An untouched empty field is not an error yet: the dialog opens without scolding.
    showReason(m_ui->nameError, m_nameTouched ? c.nameError : QString());
    showReason(m_ui->hostError, m_hostTouched ? c.hostError : QString());
    // A changed workspace asks for its secret at once: the stored one does not follow it.
    const QString secretReason = !c.tokenError.isEmpty()      ? c.tokenError
                                 : !c.clientIdError.isEmpty() ? c.clientIdError
                                                              : c.tenantError;
    showReason(m_ui->tokenError, m_tokenTouched || identityChanged() ? secretReason : QString());
    showReason(m_ui->caFileError, c.caFileError);
    updateButtons();
}

void ProfileDialog::updateButtons()
{
    const Check &c = m_check;
    const bool idle = !m_saving;
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(idle && c.isValid());
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(idle);
    const QString type = authType();
    const bool hasCredentials =
        isEditing() && !identityChanged()
            ? true
            : type == AuthType::AzureCli ||
                  (type == AuthType::OAuthU2M ? !m_signedInRefreshToken.isEmpty()
                                              : !enteredToken().isEmpty());
    m_ui->testButton->setEnabled(idle && !m_testing && !m_signIn && c.hostError.isEmpty() &&
                                 c.caFileError.isEmpty() && c.clientIdError.isEmpty() &&
                                 c.tenantError.isEmpty() && hasCredentials);
    m_ui->signInButton->setEnabled(idle && c.hostError.isEmpty() && c.caFileError.isEmpty());
    const QList<QWidget *> inputs = {
        m_ui->nameEdit,    m_ui->hostEdit,     m_ui->tokenEdit,
        m_ui->clusterEdit, m_ui->caFileEdit,   m_ui->caFileBrowseButton,
        m_ui->authCombo,   m_ui->clientIdEdit, m_ui->tenantEdit};
    for (QWidget *w : inputs)
        w->setEnabled(idle && !m_signIn);
}

void ProfileDialog::applyErrorColours()
{
    // A red that reads on the current background, light or dark.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette errorPalette;
    errorPalette.setColor(QPalette::WindowText,
                          dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
    for (QLabel *label : {m_ui->nameError, m_ui->hostError, m_ui->tokenError, m_ui->caFileError})
        label->setPalette(errorPalette);
    m_ui->statusLabel->setPalette(m_statusIsError ? errorPalette : QPalette());
}

void ProfileDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyErrorColours();
}

void ProfileDialog::showStatus(const QString &text, bool isError)
{
    m_statusIsError = isError;
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setVisible(!text.isEmpty());
    applyErrorColours();
}

void ProfileDialog::browseCaFile()
{
    const QString current = caFilePath();
    auto *chooser =
        new QFileDialog(this, tr("Choose CA Certificates"),
                        current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
                        tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_ui->caFileEdit->setText(QDir::toNativeSeparators(file));
    });
    chooser->open();
}

Profile ProfileDialog::profileFromFields(const Check &c) const
{
    Profile profile = credentialFields(c.host);
    profile.name = m_ui->nameEdit->text();
    profile.clusterId = m_ui->clusterEdit->text().trimmed();
    profile.caFile = caFilePath();
    if (m_existing && !identityChanged())
        profile.signedInAs = m_existing->signedInAs;
    if (profile.authType == AuthType::OAuthU2M && !m_signedInRefreshToken.isEmpty())
        profile.signedInAs = m_signedInUser;
    return profile;
}

void ProfileDialog::startTest()
{
    const Check c = check();
    if (m_testing || !c.hostError.isEmpty() || !c.caFileError.isEmpty())
        return;
    const int generation = ++m_testGeneration;
    m_testing = true;
    m_ui->testBusy->show();
    m_ui->testResultIcon->hide();
    m_ui->testResultLabel->setText(tr("Asking %1…").arg(c.host.host()));
    m_ui->testResultLabel->show();
    updateButtons();

    const Profile profile = profileFromFields(c);
    QString secret = enteredToken();
    if (profile.authType == AuthType::OAuthU2M)
        secret = m_signedInRefreshToken;
    if (!secret.isEmpty() || profile.authType == AuthType::AzureCli || !isEditing())
        return runTest(profile, secret, c.certificates, generation);

    // Editing with an empty field: test the secret the keychain holds.
    m_transport->abortAll();
    m_connector->connectTransport(
        profile, m_transport, this,
        [this, profile, generation](const ProfileConnector::Outcome &o) {
            if (generation != m_testGeneration)
                return;
            if (!o.isOk()) {
                finishTest(false, o.failure == ProfileConnector::Failure::NotSignedIn
                                      ? (profile.authType == AuthType::OAuthU2M
                                             ? tr("This profile is not signed in; sign in to "
                                                  "test it.")
                                             : tr("No secret is stored for this profile; enter "
                                                  "one to test it."))
                                      : asSentence(o.error));
                return;
            }
            m_api->testConnection(this,
                                  [this, profile, generation](const ConnectionReport &report) {
                                      if (generation == m_testGeneration)
                                          showTestResult(report);
                                  });
        });
}

void ProfileDialog::runTest(const Profile &profile, const QString &secret,
                            const QList<QSslCertificate> &certificates, int generation)
{
    m_transport->abortAll();
    Credentials *credentials =
        ProfileConnector::credentialsFor(profile, secret, m_network, certificates, nullptr);
    if (profile.authType == AuthType::OAuthU2M && !m_signedInAccessToken.isEmpty())
        credentials->setCurrent({m_signedInAccessToken, m_signedInExpiresAt});
    m_transport->setExtraCaCertificates(certificates);
    m_transport->setEndpoint(profile.host, credentials);
    m_api->testConnection(this, [this, generation](const ConnectionReport &report) {
        if (generation == m_testGeneration)
            showTestResult(report);
    });
}

void ProfileDialog::showTestResult(const ConnectionReport &report)
{
    QString text = report.summary;
    if (report.tokenAccepted) {
        const Credentials *credentials = m_transport->credentials();
        const QString method = m_ui->authCombo->currentText();
        text += QLatin1Char(' ') + tr("Sign-in method: %1.").arg(method);
        if (credentials && credentials->current().expiresAt.isValid())
            text += QLatin1Char(' ') +
                    tr("The access token is valid until %1.")
                        .arg(QLocale().toString(credentials->current().expiresAt.toLocalTime(),
                                                QLocale::ShortFormat));
    }
    finishTest(report.tokenAccepted, text);
}

void ProfileDialog::finishTest(bool success, const QString &text)
{
    m_testing = false;
    m_ui->testBusy->hide();
    m_ui->testResultIcon->setPixmap(resultPixmap(this, success));
    m_ui->testResultIcon->show();
    m_ui->testResultLabel->setText(text);
    m_ui->testResultLabel->show();
    updateButtons();
}

void ProfileDialog::cancelTest()
{
    // What was found no longer describes the fields.
    ++m_testGeneration;
    m_transport->abortAll();
    m_ui->testResultIcon->hide();
    m_ui->testResultLabel->hide();
    m_ui->testResultLabel->clear();
    if (m_testing) {
        m_testing = false;
        m_ui->testBusy->hide();
        updateButtons();
    }
}

void ProfileDialog::setSaving(bool saving)
{
    m_saving = saving;
    if (saving)
        showStatus(tr("Saving…"), false);
    updateButtons();
}

void ProfileDialog::accept()
{
    const Check c = check();
    if (m_saving || !c.isValid())
        return;
    if (m_testing)
        cancelTest();
    if (m_signIn)
        m_signIn->cancel();

    const Profile profile = profileFromFields(c);
    QString secret = enteredToken();
    if (profile.authType == AuthType::OAuthU2M)
        secret = m_signedInRefreshToken;
    else if (profile.authType == AuthType::AzureCli)
        secret.clear();

    setSaving(true);
    if (!identityChanged())
        return storeAndSave(profile, secret);
    // A secret belongs to one workspace and one method: it never follows the profile.
    m_connector->forgetSecrets(
        profile.name, this, [this, profile, secret](const TokenStore::Outcome &o) {
            if (!o.isOk()) {
                setSaving(false);
                showStatus(tr("The old secrets could not be removed from the keychain, so nothing "
                              "was saved: %1")
                               .arg(withFullStop(o.message)),
                           true);
                return;
            }
            storeAndSave(profile, secret);
        });
}

void ProfileDialog::storeAndSave(const Profile &profile, const QString &secret)
{
    if (secret.isEmpty()) // editing: the stored secret stays; or a method without one
        return saveProfile(profile, false);
    // The secret goes to the keychain first: there is no other place it may go.
    m_connector->storeSecret(profile, secret, this, [this, profile](const TokenStore::Outcome &o) {
        if (!o.isOk()) {
            setSaving(false);
            showStatus(tr("The secret could not be stored in the keychain, so nothing was "
                          "saved: %1")
                           .arg(withFullStop(o.message)),
                       true);
            return;
        }
        saveProfile(profile, true);
    });
}

void ProfileDialog::saveProfile(const Profile &profile, bool secretWritten)
{
    QString error;
    if (!m_profiles->save(profile, &error)) {
        // A new profile's secret must not outlive the failed save.
        if (secretWritten && !isEditing())
            m_connector->forgetSecrets(profile.name, this, [](const TokenStore::Outcome &) {});
        setSaving(false);
        showStatus(tr("The profile could not be saved: %1").arg(asSentence(error)), true);
        return;
    }
    m_savedName = profile.name;
    m_saving = false;
    showStatus(QString(), false);
    QDialog::accept();
}

void ProfileDialog::startSignIn()
{
    if (m_signIn) { // the button reads "Cancel sign-in" meanwhile
        m_signIn->cancel();
        return;
    }
    if (authType() != AuthType::OAuthU2M) {
        const int index = m_ui->authCombo->findData(AuthType::OAuthU2M);
        m_ui->authCombo->setCurrentIndex(index);
    }
    const Check c = check();
    if (!c.hostError.isEmpty() || !c.caFileError.isEmpty()) {
        m_hostTouched = true;
        validate();
        return;
    }
    cancelTest();
    forgetSignIn();
    auto *oauth = new OAuthClient(m_network);
    oauth->setExtraCaCertificates(c.certificates);
    m_signIn = new BrowserSignIn(oauth, c.host, this);
    oauth->setParent(m_signIn);
    const QUrl host = c.host;
    connect(m_signIn, &BrowserSignIn::authorizationUrlReady, this, [this](const QUrl &url) {
        m_signInUrl = url;
        const QString link = QStringLiteral("<a href=\"%1\">%2</a>")
                                 .arg(QString::fromUtf8(url.toEncoded()).toHtmlEscaped(),
                                      tr("open the sign-in page"));
        const bool opened = QDesktopServices::openUrl(url);
        m_ui->signInStatus->setText(
            opened ? tr("Waiting for the browser… If no browser window appeared, %1.").arg(link)
                   : tr("No browser could be opened: %1 in a browser on this computer.").arg(link));
    });
    connect(m_signIn, &BrowserSignIn::exchangingCode, this,
            [this] { m_ui->signInStatus->setText(tr("Finishing the sign-in…")); });
    connect(m_signIn, &BrowserSignIn::finished, this,
            [this, host](const BrowserSignIn::Outcome &outcome) {
                m_signIn->deleteLater();
                m_signIn = nullptr;
                m_ui->signInButton->setText(tr("Sign in…"));
                if (!outcome.isOk()) {
                    m_ui->signInStatus->setText(outcome.error.toHtmlEscaped());
                    updateButtons();
                    return;
                }
                onSignInFinished(host, outcome.tokens.refreshToken, outcome.tokens.access.value,
                                 outcome.tokens.access.expiresAt);
            });
    m_ui->signInButton->setText(tr("Cancel sign-in"));
    m_ui->signInStatus->setText(tr("Reading the workspace's sign-in settings…"));
    updateButtons();
    m_ui->signInButton->setEnabled(true);
    m_signIn->start();
}

void ProfileDialog::onSignInFinished(const QUrl &host, const QString &refreshToken,
                                     const QString &access, const QDateTime &expiresAt)
{
    m_signedInHost = host;
    m_signedInRefreshToken = refreshToken;
    m_signedInAccessToken = access;
    m_signedInExpiresAt = expiresAt;
    m_signedInUser.clear();
    m_ui->signInStatus->setText(tr("Signed in; asking the workspace who you are…"));
    updateButtons();
    // Who signed in: the same question as Test connection, with the new tokens.
    const Check c = check();
    Profile profile = profileFromFields(c);
    profile.authType = AuthType::OAuthU2M;
    const int generation = ++m_testGeneration;
    m_testing = true;
    m_ui->testBusy->show();
    m_transport->abortAll();
    Credentials *credentials =
        ProfileConnector::credentialsFor(profile, refreshToken, m_network, c.certificates, nullptr);
    credentials->setCurrent({access, expiresAt});
    m_transport->setExtraCaCertificates(c.certificates);
    m_transport->setEndpoint(profile.host, credentials);
    m_api->testConnection(this, [this, generation](const ConnectionReport &report) {
        if (generation != m_testGeneration)
            return;
        m_signedInUser = report.user.userName;
        showTestResult(report);
        updateMethodFields();
        // Signed in: Return now saves, it does not start another sign-in.
        if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok); ok->isEnabled()) {
            ok->setDefault(true);
            ok->setFocus();
        }
    });
}

void ProfileDialog::forgetSignIn()
{
    if (m_signIn)
        m_signIn->cancel();
    m_signedInHost.clear();
    m_signedInRefreshToken.clear();
    m_signedInAccessToken.clear();
    m_signedInExpiresAt = {};
    m_signedInUser.clear();
    m_signInUrl.clear();
}

void ProfileDialog::reject()
{
    if (!m_saving) // the keychain is writing; its answer decides
        QDialog::reject();
}

void ProfileDialog::done(int result)
{
    cancelTest();
    if (m_signIn)
        m_signIn->cancel();
    QDialog::done(result);
}

} // namespace Brickrun
