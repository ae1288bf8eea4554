// SPDX-License-Identifier: Apache-2.0
#include "ProfileDialog.h"

#include "BrowserSignInRow.h"
#include "ConnectionTester.h"
#include "NoKeychainNotice.h"
#include "ProfileSaver.h"
#include "ProfileText.h"
#include "api/WorkspaceApi.h"
#include "auth/Credentials.h"
#include "auth/ProfileConnector.h"
#include "auth/TokenStore.h"
#include "config/ProfileStore.h"
#include "config/WorkspaceUrl.h"
#include "ui_ProfileDialog.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QRegularExpression>

namespace Brickrun {

namespace {

using ProfileText::asSentence;

// Shows `reason` under its field, or hides the label when there is none.
void showReason(QLabel *label, const QString &reason)
{
    label->setText(reason);
    label->setVisible(!reason.isEmpty());
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
{
    m_ui->setupUi(this);
    m_tester = new ConnectionTester(
        network, m_connector, {m_ui->testBusy, m_ui->testResultIcon, m_ui->testResultLabel}, this);
    m_saver = new ProfileSaver(m_profiles, m_connector, this);
    m_noKeychain = new NoKeychainNotice(this);
    m_ui->mainLayout->insertWidget(m_ui->mainLayout->indexOf(m_ui->statusLabel), m_noKeychain);
    m_ui->statusLabel->hide();
    m_signIn = new BrowserSignInRow(network, m_ui->signInButton, m_ui->signInStatus, this);
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
        m_tester->cancel();
        // A sign-in belongs to the workspace it was made with.
        if (m_signIn->isRunning() || m_signIn->isSignedIn()) {
            QString ignored;
            if (WorkspaceUrl::parse(m_ui->hostEdit->text(), &ignored) != m_signIn->host())
                m_signIn->forget();
        }
        validate();
    });
    for (QLineEdit *edit : {m_ui->tokenEdit, m_ui->clientIdEdit, m_ui->tenantEdit}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_tokenTouched = true;
            m_tester->cancel();
            validate();
        });
    }
    connect(m_ui->authCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_tester->cancel();
        m_signIn->forget();
        updateMethodFields();
        validate();
    });
    connect(m_ui->clusterEdit, &QLineEdit::textChanged, m_noKeychain, &QWidget::hide);
    connect(m_ui->caFileEdit, &QLineEdit::textChanged, this, [this] {
        m_tester->cancel();
        validate();
    });
    connect(m_ui->caFileBrowseButton, &QPushButton::clicked, this, &ProfileDialog::browseCaFile);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfileDialog::startTest);
    connect(m_ui->signInButton, &QPushButton::clicked, this, &ProfileDialog::startSignIn);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_tester, &ConnectionTester::runningChanged, this, &ProfileDialog::updateButtons);
    connect(m_signIn, &BrowserSignInRow::runningChanged, this, &ProfileDialog::updateButtons);
    connect(m_signIn, &BrowserSignInRow::signedIn, this, &ProfileDialog::askWhoSignedIn);
    connect(m_saver, &ProfileSaver::saved, this, &ProfileDialog::onSaved);
    connect(m_saver, &ProfileSaver::failed, this, &ProfileDialog::onSaveFailed);
    connect(m_saver, &ProfileSaver::noKeychain, this, &ProfileDialog::onNoKeychain);
    connect(m_noKeychain, &NoKeychainNotice::sizeChanged, this, &ProfileDialog::growToFit);
    connect(m_noKeychain, &NoKeychainNotice::useForSessionRequested, this, [this] {
        m_noKeychain->hide();
        showStatus(tr("Saving…"), false);
        m_saver->saveForSession();
        updateButtons();
    });
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
    const QString stored = m_existing && m_connector->isSecretKeptForSession(*m_existing)
                               ? tr("Kept for this session only; leave empty to keep it")
                               : tr("Stored in the keychain; leave empty to keep it");
    if (type == AuthType::Pat)
        m_ui->tokenEdit->setPlaceholderText(keepsStored ? stored
                                                        : tr("Personal access token (dapi…)"));
    else
        m_ui->tokenEdit->setPlaceholderText(
            keepsStored ? stored : tr("The service principal's OAuth secret"));
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
    if (type == AuthType::OAuthU2M)
        m_signIn->showState(keepsStored, m_existing ? m_existing->signedInAs : QString());
}

ProfileDialog::~ProfileDialog() = default;

QUrl ProfileDialog::signInUrl() const
{
    return m_signIn->signInUrl();
}

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
    m_noKeychain->hide(); // its choice was about the fields as they were
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
    const bool idle = !m_saver->isSaving();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(idle && c.isValid());
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(idle);
    const QString type = authType();
    const bool hasCredentials =
        isEditing() && !identityChanged()
            ? true
            : type == AuthType::AzureCli ||
                  (type == AuthType::OAuthU2M ? m_signIn->isSignedIn() : !enteredToken().isEmpty());
    m_ui->testButton->setEnabled(idle && !m_tester->isRunning() && !m_signIn->isRunning() &&
                                 c.hostError.isEmpty() && c.caFileError.isEmpty() &&
                                 c.clientIdError.isEmpty() && c.tenantError.isEmpty() &&
                                 hasCredentials);
    m_ui->signInButton->setEnabled(idle && c.hostError.isEmpty() && c.caFileError.isEmpty());
    const QList<QWidget *> inputs = {
        m_ui->nameEdit,    m_ui->hostEdit,     m_ui->tokenEdit,
        m_ui->clusterEdit, m_ui->caFileEdit,   m_ui->caFileBrowseButton,
        m_ui->authCombo,   m_ui->clientIdEdit, m_ui->tenantEdit};
    for (QWidget *w : inputs)
        w->setEnabled(idle && !m_signIn->isRunning());
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
    if (profile.authType == AuthType::OAuthU2M && m_signIn->isSignedIn())
        profile.signedInAs = m_signIn->user();
    return profile;
}

void ProfileDialog::startTest()
{
    const Check c = check();
    if (m_tester->isRunning() || !c.hostError.isEmpty() || !c.caFileError.isEmpty())
        return;
    const Profile profile = profileFromFields(c);
    const QString method = m_ui->authCombo->currentText();
    m_tester->announce(c.host.host());
    QString secret = enteredToken();
    if (profile.authType == AuthType::OAuthU2M)
        secret = m_signIn->refreshToken();
    if (!secret.isEmpty() || profile.authType == AuthType::AzureCli || !isEditing()) {
        const AccessToken current =
            profile.authType == AuthType::OAuthU2M ? m_signIn->access() : AccessToken{};
        m_tester->test(profile, secret, c.certificates, method, current);
        return;
    }
    // Editing with an empty field: test the secret the keychain holds.
    m_tester->testStored(profile, method);
}

void ProfileDialog::accept()
{
    const Check c = check();
    if (m_saver->isSaving() || !c.isValid())
        return;
    m_tester->cancel();
    m_signIn->cancel();

    const Profile profile = profileFromFields(c);
    QString secret = enteredToken();
    if (profile.authType == AuthType::OAuthU2M)
        secret = m_signIn->refreshToken();
    else if (profile.authType == AuthType::AzureCli)
        secret.clear();
    m_noKeychain->hide();
    showStatus(tr("Saving…"), false);
    m_saver->save(profile, secret, identityChanged(), !isEditing());
    updateButtons();
}

void ProfileDialog::onSaved(const QString &profile, bool sessionOnly)
{
    m_savedName = profile;
    m_savedForSessionOnly = sessionOnly;
    showStatus(QString(), false);
    QDialog::accept();
}

void ProfileDialog::growToFit()
{
    // Wrapped text needs the height its width gives it; the dialog does not grow by itself.
    m_ui->mainLayout->activate();
    const int needed = m_ui->mainLayout->hasHeightForWidth()
                           ? m_ui->mainLayout->totalHeightForWidth(width())
                           : sizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void ProfileDialog::onSaveFailed(const QString &message)
{
    showStatus(message, true);
    updateButtons();
}

void ProfileDialog::onNoKeychain(const QString &message, const QString &detail)
{
    showStatus(QString(), false);
    m_noKeychain->showProblem(message, detail);
    growToFit();
    updateButtons();
}

void ProfileDialog::startSignIn()
{
    if (m_signIn->isRunning()) { // the button reads "Cancel sign-in" meanwhile
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
    m_tester->cancel();
    m_signIn->start(c.host, c.certificates);
}

void ProfileDialog::askWhoSignedIn()
{
    // The same question as Test connection, with the new tokens.
    const Check c = check();
    Profile profile = profileFromFields(c);
    profile.authType = AuthType::OAuthU2M;
    m_tester->test(
        profile, m_signIn->refreshToken(), c.certificates, m_ui->authCombo->currentText(),
        m_signIn->access(), [this](const ConnectionReport &report) {
            m_signIn->setUser(report.user.userName);
            updateMethodFields();
            // Signed in: Return now saves, it does not start another sign-in.
            if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok); ok->isEnabled()) {
                ok->setDefault(true);
                ok->setFocus();
            }
        });
}

void ProfileDialog::reject()
{
    if (!m_saver->isSaving()) // the keychain is writing; its answer decides
        QDialog::reject();
}

void ProfileDialog::done(int result)
{
    m_tester->cancel();
    m_signIn->cancel();
    QDialog::done(result);
}

} // namespace Brickrun
