#include "ProfileDialog.h"

#include "api/HttpTransport.h"
#include "api/WorkspaceApi.h"
#include "auth/TokenStore.h"
#include "config/ProfileStore.h"
#include "config/WorkspaceUrl.h"
#include "ui_ProfileDialog.h"

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

    const auto existing = editName.isEmpty() ? std::nullopt : m_profiles->profile(editName);
    if (existing) {
        m_editName = existing->name;
        m_editAuthType = existing->authType;
        setWindowTitle(tr("Edit Workspace “%1”").arg(existing->name));
        m_ui->nameEdit->setText(existing->name);
        m_ui->nameEdit->setReadOnly(true);
        m_ui->nameEdit->setToolTip(
            tr("The name cannot change: the token is stored in the keychain under it."));
        m_ui->hostEdit->setText(existing->host.toString());
        m_ui->clusterEdit->setText(existing->clusterId);
        m_ui->caFileEdit->setText(QDir::toNativeSeparators(existing->caFile));
        m_ui->tokenEdit->setPlaceholderText(tr("Stored in the keychain; leave empty to keep it"));
        m_nameTouched = m_hostTouched = true;
    } else {
        setWindowTitle(tr("Add Workspace"));
        m_ui->nameEdit->setText(editName);
        m_nameTouched = !editName.isEmpty();
    }

    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, [this] {
        m_nameTouched = true;
        validate();
    });
    connect(m_ui->hostEdit, &QLineEdit::textChanged, this, [this] {
        m_hostTouched = true;
        cancelTest();
        validate();
    });
    connect(m_ui->tokenEdit, &QLineEdit::textChanged, this, [this] {
        m_tokenTouched = true;
        cancelTest();
        validate();
    });
    connect(m_ui->caFileEdit, &QLineEdit::textChanged, this, [this] {
        cancelTest();
        validate();
    });
    connect(m_ui->caFileBrowseButton, &QPushButton::clicked, this, &ProfileDialog::browseCaFile);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfileDialog::startTest);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    applyErrorColours();
    validate();
    (isEditing() ? m_ui->tokenEdit : m_ui->nameEdit)->setFocus();
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

    const QString token = enteredToken();
    if (token.isEmpty() && !isEditing())
        c.tokenError = tr("A new profile needs a personal access token (in the workspace: "
                          "Settings → Developer → Access tokens).");
    else if (token.contains(QRegularExpression(QStringLiteral("\\s"))))
        c.tokenError = tr("A token has no spaces or line breaks; copy it again.");

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
    const Check &c = m_check;
    // An untouched empty field is not an error yet: the dialog opens without scolding.
    showReason(m_ui->nameError, m_nameTouched ? c.nameError : QString());
    showReason(m_ui->hostError, m_hostTouched ? c.hostError : QString());
    showReason(m_ui->tokenError, m_tokenTouched ? c.tokenError : QString());
    showReason(m_ui->caFileError, c.caFileError);
    updateButtons();
}

void ProfileDialog::updateButtons()
{
    const Check &c = m_check;
    const bool idle = !m_saving;
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(idle && c.isValid());
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(idle);
    m_ui->testButton->setEnabled(idle && !m_testing && c.hostError.isEmpty() &&
                                 c.caFileError.isEmpty() &&
                                 (isEditing() || !enteredToken().isEmpty()));
    const QList<QWidget *> inputs = {m_ui->nameEdit,    m_ui->hostEdit,   m_ui->tokenEdit,
                                     m_ui->clusterEdit, m_ui->caFileEdit, m_ui->caFileBrowseButton};
    for (QWidget *w : inputs)
        w->setEnabled(idle);
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

    const QString token = enteredToken();
    if (!token.isEmpty() || !isEditing())
        return runTest(c.host, token, c.certificates, generation);

    // Editing with an empty field: test the token the keychain holds.
    const QUrl host = c.host;
    const QList<QSslCertificate> certificates = c.certificates;
    m_tokens->readToken(m_editName, this,
                        [this, host, certificates, generation](const TokenStore::Outcome &o) {
                            if (generation != m_testGeneration)
                                return;
                            if (o.isOk())
                                return runTest(host, o.token, certificates, generation);
                            finishTest(false, o.status == TokenStore::Status::NotFound
                                                  ? tr("No token is stored for this profile; "
                                                       "enter one to test it.")
                                                  : o.message);
                        });
}

void ProfileDialog::runTest(const QUrl &host, const QString &token,
                            const QList<QSslCertificate> &certificates, int generation)
{
    m_transport->abortAll();
    m_transport->setEndpoint(host, token);
    m_transport->setExtraCaCertificates(certificates);
    m_api->testConnection(this, [this, generation](const ConnectionReport &report) {
        if (generation == m_testGeneration)
            showTestResult(report);
    });
}

void ProfileDialog::showTestResult(const ConnectionReport &report)
{
    finishTest(report.tokenAccepted, report.summary);
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

    Profile profile;
    profile.name = m_ui->nameEdit->text();
    profile.host = c.host;
    if (!m_editAuthType.isEmpty())
        profile.authType = m_editAuthType;
    profile.clusterId = m_ui->clusterEdit->text().trimmed();
    profile.caFile = caFilePath();

    const QString token = enteredToken();
    if (token.isEmpty()) // editing: the stored token stays
        return saveProfile(profile, false);

    // The token goes to the keychain first: without it the profile would be useless, and
    // there is no other place it may go.
    setSaving(true);
    m_tokens->writeToken(profile.name, token, this, [this, profile](const TokenStore::Outcome &o) {
        if (!o.isOk()) {
            setSaving(false);
            showStatus(tr("The token could not be stored in the keychain, so nothing was "
                          "saved: %1")
                           .arg(withFullStop(o.message)),
                       true);
            return;
        }
        saveProfile(profile, true);
    });
}

void ProfileDialog::saveProfile(const Profile &profile, bool tokenWritten)
{
    QString error;
    if (!m_profiles->save(profile, &error)) {
        // A new profile's token must not outlive the failed save.
        if (tokenWritten && !isEditing())
            m_tokens->removeToken(profile.name, this, [](const TokenStore::Outcome &) {});
        setSaving(false);
        showStatus(tr("The profile could not be saved: %1").arg(asSentence(error)), true);
        return;
    }
    m_savedName = profile.name;
    m_saving = false;
    showStatus(QString(), false);
    QDialog::accept();
}

void ProfileDialog::reject()
{
    if (!m_saving) // the keychain is writing; its answer decides
        QDialog::reject();
}

void ProfileDialog::done(int result)
{
    cancelTest();
    QDialog::done(result);
}

} // namespace Brickrun
