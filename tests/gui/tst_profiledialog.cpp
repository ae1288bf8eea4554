// SPDX-License-Identifier: Apache-2.0
#include "Emulator.h"
#include "ProfileDialog.h"
#include "SecretStore.h"
#include "auth/TokenStore.h"
#include "config/ProfileStore.h"

#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Brickrun;

namespace {

const QString GoodToken = QStringLiteral("dapi-test-good-token-0123456789");

// The keychain as a test needs it: in memory, answering later (as a real keychain does), and
// able to fail the way a desktop without a Secret Service does, or to hold a write until told.
class MemoryTokenStore : public TokenStore
{
public:
    using TokenStore::TokenStore;

    QHash<QString, QString> tokens;
    Status failWith = Status::Ok;
    bool holdWrites = false;
    int reads = 0;
    int writes = 0;

    void readToken(const QString &profile, QObject *context, Callback callback) override
    {
        ++reads;
        Outcome o;
        if (failWith != Status::Ok) {
            o = failure();
        } else if (tokens.contains(profile)) {
            o.status = Status::Ok;
            o.token = tokens.value(profile);
        } else {
            o.status = Status::NotFound;
            o.message = QStringLiteral("no token stored for \"%1\"").arg(profile);
        }
        deliver(context, std::move(callback), o);
    }

    void writeToken(const QString &profile, const QString &token, QObject *context,
                    Callback callback) override
    {
        ++writes;
        auto finish = [this, profile, token, context, callback] {
            Outcome o;
            if (failWith != Status::Ok) {
                o = failure();
            } else {
                tokens.insert(profile, token);
                o.status = Status::Ok;
            }
            deliver(context, callback, o);
        };
        if (holdWrites)
            m_held.append(finish);
        else
            finish();
    }

    void removeToken(const QString &profile, QObject *context, Callback callback) override
    {
        tokens.remove(profile);
        Outcome o;
        o.status = Status::Ok;
        deliver(context, std::move(callback), o);
    }

    void releaseWrites()
    {
        holdWrites = false;
        const auto held = std::exchange(m_held, {});
        for (const auto &finish : held)
            finish();
    }

private:
    Outcome failure() const
    {
        Outcome o;
        o.status = failWith;
        o.message = failWith == Status::NoBackend
                        ? QStringLiteral("no keychain service is running; start one (e.g. "
                                         "gnome-keyring) and try again")
                        : QStringLiteral("the keychain refused access");
        return o;
    }

    void deliver(QObject *context, Callback callback, const Outcome &o)
    {
        QMetaObject::invokeMethod(
            context ? context : this, [callback, o] { callback(o); }, Qt::QueuedConnection);
    }

    QList<std::function<void()>> m_held;
};

} // namespace

class tst_ProfileDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensQuietAndDisablesOk();
    void invalidNameShowsReason();
    void existingNameShowsReason();
    void invalidHostShowsReason_data();
    void invalidHostShowsReason();
    void newProfileNeedsToken();
    void caFileIsChecked();
    void testConnectionWithGoodToken();
    void testConnectionWithBadToken();
    void testConnectionToSilentHost();
    void editingAFieldClearsTheTestResult();
    void testConnectionOverHttpsNeedsTheCaFile();
    void testAgainAfterAddingTheCaFile();
    void okStoresTokenThenProfile();
    void keychainFailureKeepsDialogOpen();
    void noKeychainOffersThisSessionOnly();
    void editKeepsStoredTokenWhenFieldEmpty();
    void editReplacesTokenWhenEntered();
    void newProfileDefaultsToTheBrowser();
    void browserSignInFromTheDialog();
    void changedHostNeedsANewTokenAndDropsTheOld();
    void servicePrincipalNeedsIdAndSecret();
    void screenshots();

public Q_SLOTS:
    // QDesktopServices hands http(s) URLs here instead of to a browser (the test is the browser).
    void openUrl(const QUrl &url) { m_opened.append(url); }

private:
    template<typename T>
    T *child(QWidget *dialog, const char *name)
    {
        auto *w = dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no widget named %s", name);
        return w;
    }
    QPushButton *okButton(QWidget *dialog)
    {
        return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    }
    QPushButton *cancelButton(QWidget *dialog)
    {
        return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Cancel);
    }
    void type(QWidget *dialog, const char *field, const QString &text)
    {
        auto *edit = child<QLineEdit>(dialog, field);
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    std::unique_ptr<ProfileDialog> newDialog(const QString &editName = QString())
    {
        auto dialog = std::make_unique<ProfileDialog>(m_profiles.get(), m_tokens.get(), &m_network,
                                                      nullptr, editName);
        dialog->show();
        return dialog;
    }
    // Picks the sign-in method as a user does, by the combo's visible entries.
    void chooseMethod(QWidget *dialog, const QString &authType)
    {
        auto *combo = child<QComboBox>(dialog, "authCombo");
        const int index = combo->findData(authType);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
    }
    void fillValid(QWidget *dialog, const QString &token = GoodToken)
    {
        chooseMethod(dialog, QStringLiteral("pat"));
        type(dialog, "nameEdit", QStringLiteral("work"));
        type(dialog, "hostEdit", m_emulator->baseUrl());
        type(dialog, "tokenEdit", token);
        type(dialog, "clusterEdit", QStringLiteral("demo-cluster"));
    }
    // Lays out what typing changed (the event loop would, before the next paint), then saves.
    static bool saveGrab(QWidget *widget, const QString &file)
    {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        return widget->grab().save(file);
    }
    static QString tlsFile(const char *name)
    {
        return QFileInfo(QStringLiteral(BRICKRUN_SOURCE_DIR "/tests/data/tls/") +
                         QLatin1String(name))
            .absoluteFilePath();
    }
    // The demo workspace over HTTPS, with a certificate from the test CA (tests/data/tls).
    static std::unique_ptr<Emulator::Emulator> startHttpsEmulator()
    {
        Emulator::EmulatorOptions options;
        options.token = GoodToken;
        options.tlsCertificateFile = tlsFile("server.pem");
        options.tlsKeyFile = tlsFile("server-key.pem");
        auto emulator = std::make_unique<Emulator::Emulator>(options);
        QString error;
        if (!emulator->start(&error)) {
            qWarning("HTTPS emulator: %s", qPrintable(error));
            return nullptr;
        }
        return emulator;
    }
    QByteArray settingsFileContents() const
    {
        QFile file(m_profiles->fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    std::unique_ptr<Emulator::Emulator> m_emulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<MemoryTokenStore> m_tokens;
    QList<QUrl> m_opened;

    // Does what a browser does with the consent page: approve it, then follow the workspace's
    // redirect to Brickrun's loopback listener. Returns the listener's page.
    QByteArray approveInBrowser(const QUrl &authorizeUrl, bool approve = true)
    {
        auto fetch = [this](QNetworkRequest request, const QByteArray &form) -> QNetworkReply * {
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                 QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply *reply = form.isNull() ? m_network.get(request) : [&] {
                request.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QByteArrayLiteral("application/x-www-form-urlencoded"));
                return m_network.post(request, form);
            }();
            if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
                qWarning("no answer from %s", qPrintable(request.url().toString()));
            reply->deleteLater();
            return reply;
        };
        QNetworkReply *page = fetch(QNetworkRequest(authorizeUrl), QByteArray());
        const QByteArray html = page->readAll();
        const auto match =
            QRegularExpression(QStringLiteral("name=\"request_id\" value=\"([^\"]+)\""))
                .match(QString::fromUtf8(html));
        if (!match.hasMatch())
            return "no consent page: " + html.left(300);
        QUrl consent = authorizeUrl;
        consent.setPath(QStringLiteral("/oidc/v1/authorize/consent"));
        consent.setQuery(QString());
        QNetworkReply *decided = fetch(QNetworkRequest(consent),
                                       "request_id=" + QUrl::toPercentEncoding(match.captured(1)) +
                                           (approve ? QByteArrayLiteral("&decision=approve")
                                                    : QByteArrayLiteral("&decision=deny")));
        const QUrl listener = QUrl::fromEncoded(decided->rawHeader("Location"));
        if (!listener.isValid())
            return "no redirect after consent";
        return fetch(QNetworkRequest(listener), QByteArray())->readAll();
    }
};

void tst_ProfileDialog::initTestCase()
{
    Emulator::EmulatorOptions options;
    options.token = GoodToken;
    options.speed = 1.0;
    m_emulator = std::make_unique<Emulator::Emulator>(options);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
}

void tst_ProfileDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_profiles = std::make_unique<ProfileStore>(m_dir->filePath(QStringLiteral("brickrun.ini")));
    m_tokens = std::make_unique<MemoryTokenStore>();
}

void tst_ProfileDialog::cleanup()
{
    m_tokens.reset();
    m_profiles.reset();
    m_dir.reset();
}

void tst_ProfileDialog::opensQuietAndDisablesOk()
{
    auto dialog = newDialog();
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Add Workspace"));
    // Nothing typed yet: no reproaches, but nothing to save either.
    QVERIFY(!child<QLabel>(dialog.get(), "nameError")->isVisible());
    QVERIFY(!child<QLabel>(dialog.get(), "hostError")->isVisible());
    QVERIFY(!okButton(dialog.get())->isEnabled());
    QVERIFY(!child<QPushButton>(dialog.get(), "testButton")->isEnabled());
    QCOMPARE(child<QLineEdit>(dialog.get(), "tokenEdit")->echoMode(), QLineEdit::Password);

    fillValid(dialog.get());
    QVERIFY(okButton(dialog.get())->isEnabled());
    QVERIFY(child<QPushButton>(dialog.get(), "testButton")->isEnabled());
}

void tst_ProfileDialog::invalidNameShowsReason()
{
    auto dialog = newDialog();
    fillValid(dialog.get());
    auto *nameError = child<QLabel>(dialog.get(), "nameError");

    type(dialog.get(), "nameEdit", QStringLiteral("my work"));
    QVERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(QLatin1String("may only hold letters, digits")),
             qPrintable(nameError->text()));
    QVERIFY(!okButton(dialog.get())->isEnabled());

    type(dialog.get(), "nameEdit", QStringLiteral("-work"));
    QVERIFY2(nameError->text().contains(QLatin1String("must not start with")),
             qPrintable(nameError->text()));
    QVERIFY(!okButton(dialog.get())->isEnabled());

    child<QLineEdit>(dialog.get(), "nameEdit")->clear();
    QCOMPARE(nameError->text(), QStringLiteral("A profile needs a name."));
    QVERIFY(!okButton(dialog.get())->isEnabled());

    type(dialog.get(), "nameEdit", QStringLiteral("work-2"));
    QVERIFY(!nameError->isVisible());
    QVERIFY(okButton(dialog.get())->isEnabled());
}

void tst_ProfileDialog::existingNameShowsReason()
{
    Profile existing;
    existing.name = QStringLiteral("work");
    existing.host = QUrl(QStringLiteral("https://adb-1.2.azuredatabricks.net"));
    QVERIFY(m_profiles->save(existing, nullptr));

    auto dialog = newDialog();
    fillValid(dialog.get());
    auto *nameError = child<QLabel>(dialog.get(), "nameError");
    QVERIFY(nameError->isVisible());
    QVERIFY2(nameError->text().contains(QLatin1String("already exists")),
             qPrintable(nameError->text()));
    QVERIFY(!okButton(dialog.get())->isEnabled());
}

void tst_ProfileDialog::invalidHostShowsReason_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("reason");
    QTest::newRow("plain http elsewhere")
        << QStringLiteral("http://adb-1.2.azuredatabricks.net") << QStringLiteral("plain http");
    QTest::newRow("other scheme") << QStringLiteral("ftp://example.com")
                                  << QStringLiteral("only https://");
    QTest::newRow("user info") << QStringLiteral("https://me:secret@example.com")
                               << QStringLiteral("must not contain a user name");
    QTest::newRow("not a URL") << QStringLiteral("https://") << QStringLiteral("is not a URL");
}

void tst_ProfileDialog::invalidHostShowsReason()
{
    QFETCH(QString, host);
    QFETCH(QString, reason);
    auto dialog = newDialog();
    fillValid(dialog.get());
    type(dialog.get(), "hostEdit", host);
    auto *hostError = child<QLabel>(dialog.get(), "hostError");
    QVERIFY(hostError->isVisible());
    QVERIFY2(hostError->text().contains(reason), qPrintable(hostError->text()));
    QVERIFY(!hostError->text().at(0).isLower()); // a sentence, not a clause
    QVERIFY(!okButton(dialog.get())->isEnabled());
    QVERIFY(!child<QPushButton>(dialog.get(), "testButton")->isEnabled());

    // A bare Azure host is fine: https is assumed.
    type(dialog.get(), "hostEdit", QStringLiteral("adb-1234567890123456.7.azuredatabricks.net/"));
    QVERIFY(!hostError->isVisible());
    QVERIFY(okButton(dialog.get())->isEnabled());
}

void tst_ProfileDialog::newProfileNeedsToken()
{
    auto dialog = newDialog();
    fillValid(dialog.get());
    auto *tokenEdit = child<QLineEdit>(dialog.get(), "tokenEdit");
    tokenEdit->clear();
    QVERIFY(!okButton(dialog.get())->isEnabled());
    QVERIFY(child<QLabel>(dialog.get(), "tokenError")->isVisible());
    QTest::keyClicks(tokenEdit, GoodToken + QStringLiteral("  ")); // pasted with a space
    QVERIFY(!child<QLabel>(dialog.get(), "tokenError")->isVisible());
    QVERIFY(okButton(dialog.get())->isEnabled());
}

void tst_ProfileDialog::caFileIsChecked()
{
    auto dialog = newDialog();
    fillValid(dialog.get());
    auto *caError = child<QLabel>(dialog.get(), "caFileError");
    QVERIFY(!caError->isVisible());

    type(dialog.get(), "caFileEdit", m_dir->filePath(QStringLiteral("missing.pem")));
    QVERIFY(caError->isVisible());
    QVERIFY2(caError->text().contains(QLatin1String("no file")), qPrintable(caError->text()));
    QVERIFY(!okButton(dialog.get())->isEnabled());

    QFile junk(m_dir->filePath(QStringLiteral("junk.pem")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a certificate\n");
    junk.close();
    type(dialog.get(), "caFileEdit", junk.fileName());
    QVERIFY2(caError->text().contains(QLatin1String("no PEM certificate")),
             qPrintable(caError->text()));
    QVERIFY(!okButton(dialog.get())->isEnabled());

    child<QLineEdit>(dialog.get(), "caFileEdit")->clear();
    QVERIFY(!caError->isVisible());
    QVERIFY(okButton(dialog.get())->isEnabled());
}

void tst_ProfileDialog::testConnectionWithGoodToken()
{
    auto dialog = newDialog();
    fillValid(dialog.get());
    auto *testButton = child<QPushButton>(dialog.get(), "testButton");
    auto *busy = child<QProgressBar>(dialog.get(), "testBusy");
    auto *result = child<QLabel>(dialog.get(), "testResultLabel");
    QVERIFY(!busy->isVisible());

    QTest::mouseClick(testButton, Qt::LeftButton);
    // Asynchronous: the window stays responsive and shows that it is waiting.
    QVERIFY(busy->isVisible());
    QVERIFY(!testButton->isEnabled());

    QTRY_VERIFY2(result->text().startsWith(QLatin1String("Connected to 127.0.0.1 as ")),
                 qPrintable(result->text()));
    QVERIFY(result->isVisible());
    QVERIFY(!busy->isVisible());
    QVERIFY(testButton->isEnabled());
    QVERIFY(child<QLabel>(dialog.get(), "testResultIcon")->isVisible());
    // A test stores nothing.
    QCOMPARE(m_tokens->writes, 0);
    QVERIFY(m_profiles->profiles().isEmpty());
}

void tst_ProfileDialog::testConnectionWithBadToken()
{
    auto dialog = newDialog();
    fillValid(dialog.get(), QStringLiteral("dapi-not-the-right-one"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog.get(), "testResultLabel");
    QTRY_VERIFY2(result->text().contains(QLatin1String("refused the token")),
                 qPrintable(result->text()));
    QVERIFY(result->text().contains(QLatin1String("127.0.0.1 answers")));
}

void tst_ProfileDialog::testConnectionToSilentHost()
{
    // Nothing listens on port 1 of loopback.
    auto dialog = newDialog();
    fillValid(dialog.get());
    type(dialog.get(), "hostEdit", QStringLiteral("http://127.0.0.1:1"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog.get(), "testResultLabel");
    QTRY_VERIFY2(result->text().contains(QLatin1String("does not answer")),
                 qPrintable(result->text()));
}

void tst_ProfileDialog::editingAFieldClearsTheTestResult()
{
    auto dialog = newDialog();
    fillValid(dialog.get());
    QTest::mouseClick(child<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog.get(), "testResultLabel");
    QTRY_VERIFY(result->text().startsWith(QLatin1String("Connected")));

    // The answer was about the old token; it must not stay next to a new one.
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "tokenEdit"), QStringLiteral("x"));
    QVERIFY(!result->isVisible());
    QVERIFY(!child<QLabel>(dialog.get(), "testResultIcon")->isVisible());
}

void tst_ProfileDialog::testConnectionOverHttpsNeedsTheCaFile()
{
    // Each case gets its own server: QNetworkAccessManager keeps a connection per origin, and
    // this test is about the dialog, not about that cache (see the next test).
    auto secure = startHttpsEmulator();
    QVERIFY(secure);
    auto dialog = newDialog();
    fillValid(dialog.get());
    type(dialog.get(), "hostEdit", secure->baseUrl());
    type(dialog.get(), "caFileEdit", tlsFile("ca.pem"));
    QVERIFY(!child<QLabel>(dialog.get(), "caFileError")->isVisible());
    QTest::mouseClick(child<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog.get(), "testResultLabel");
    QTRY_VERIFY2(result->text().startsWith(QLatin1String("Connected to 127.0.0.1 as ")),
                 qPrintable(result->text()));

    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(m_profiles->profile(QStringLiteral("work"))->caFile, tlsFile("ca.pem"));

    // Without the CA file the certificate is reported, never ignored.
    auto other = startHttpsEmulator();
    QVERIFY(other);
    auto second = newDialog();
    fillValid(second.get());
    type(second.get(), "nameEdit", QStringLiteral("work-2"));
    type(second.get(), "hostEdit", other->baseUrl());
    QTest::mouseClick(child<QPushButton>(second.get(), "testButton"), Qt::LeftButton);
    result = child<QLabel>(second.get(), "testResultLabel");
    QTRY_VERIFY2(result->text().contains(QLatin1String("certificate is not trusted")),
                 qPrintable(result->text()));
}

void tst_ProfileDialog::testAgainAfterAddingTheCaFile()
{
    // What a user does: test, read "not trusted", choose the CA file, test again.
    auto secure = startHttpsEmulator();
    QVERIFY(secure);
    auto dialog = newDialog();
    fillValid(dialog.get());
    type(dialog.get(), "hostEdit", secure->baseUrl());
    auto *testButton = child<QPushButton>(dialog.get(), "testButton");
    auto *result = child<QLabel>(dialog.get(), "testResultLabel");
    QTest::mouseClick(testButton, Qt::LeftButton);
    QTRY_VERIFY(result->text().contains(QLatin1String("certificate is not trusted")));

    type(dialog.get(), "caFileEdit", tlsFile("ca.pem"));
    QTest::mouseClick(testButton, Qt::LeftButton);
    QTRY_VERIFY(testButton->isEnabled());
    QVERIFY2(result->text().startsWith(QLatin1String("Connected to 127.0.0.1 as ")),
             qPrintable(result->text()));
}

void tst_ProfileDialog::okStoresTokenThenProfile()
{
    auto dialog = newDialog();
    fillValid(dialog.get());
    m_tokens->holdWrites = true;

    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    auto *status = child<QLabel>(dialog.get(), "statusLabel");
    QCOMPARE(status->text(), QStringLiteral("Saving…"));
    QVERIFY(status->isVisible());
    QVERIFY(!okButton(dialog.get())->isEnabled());
    QVERIFY(!cancelButton(dialog.get())->isEnabled());
    QVERIFY(!child<QPushButton>(dialog.get(), "testButton")->isEnabled());
    QCOMPARE(m_tokens->writes, 1);
    // The profile waits for its token.
    QVERIFY(!m_profiles->contains(QStringLiteral("work")));
    dialog->reject(); // Escape or the window's close button while saving
    QVERIFY(dialog->isVisible());

    m_tokens->releaseWrites();
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(dialog->profileName(), QStringLiteral("work"));
    QCOMPARE(m_tokens->tokens.value(QStringLiteral("work")), GoodToken);
    const auto saved = m_profiles->profile(QStringLiteral("work"));
    QVERIFY(saved);
    QCOMPARE(saved->host, QUrl(m_emulator->baseUrl()));
    QCOMPARE(saved->clusterId, QStringLiteral("demo-cluster"));
    QVERIFY(saved->caFile.isEmpty());
    // The token went to the keychain and nowhere else.
    QVERIFY(!settingsFileContents().isEmpty());
    QVERIFY(!settingsFileContents().contains(GoodToken.toUtf8()));
}

void tst_ProfileDialog::keychainFailureKeepsDialogOpen()
{
    auto dialog = newDialog();
    fillValid(dialog.get());
    m_tokens->failWith = TokenStore::Status::AccessDenied;

    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    auto *status = child<QLabel>(dialog.get(), "statusLabel");
    QTRY_VERIFY2(status->text().contains(QLatin1String("the keychain refused access")),
                 qPrintable(status->text()));
    QVERIFY(status->text().contains(QLatin1String("nothing was saved")));
    QVERIFY(status->isVisible());
    // A keychain that is there but refuses offers no way around it.
    QVERIFY(!child<QWidget>(dialog.get(), "noKeychainNotice")->isVisible());
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->result() != QDialog::Accepted);
    QVERIFY(dialog->profileName().isEmpty());
    // Nothing saved anywhere, no plain-text fallback.
    QVERIFY(m_profiles->profiles().isEmpty());
    QVERIFY(m_tokens->tokens.isEmpty());
    QVERIFY(!settingsFileContents().contains(GoodToken.toUtf8()));
    // The user can try again or give up.
    QVERIFY(okButton(dialog.get())->isEnabled());
    QVERIFY(cancelButton(dialog.get())->isEnabled());

    m_tokens->failWith = TokenStore::Status::Ok;
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QVERIFY(m_profiles->contains(QStringLiteral("work")));
}

void tst_ProfileDialog::noKeychainOffersThisSessionOnly()
{
    // The programs' store: session secrets over the keychain (here the fake one).
    SecretStore secrets(m_tokens.get());
    ProfileDialog dialog(m_profiles.get(), &secrets, &m_network, nullptr);
    dialog.show();
    fillValid(&dialog);
    m_tokens->failWith = TokenStore::Status::NoBackend;

    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    auto *notice = child<QWidget>(&dialog, "noKeychainNotice");
    QTRY_VERIFY(notice->isVisible());
    QVERIFY(child<QLabel>(&dialog, "noKeychainMessage")
                ->text()
                .contains(QLatin1String("no keychain service is running")));
    QVERIFY(!child<QLabel>(&dialog, "statusLabel")->isVisible());
    QVERIFY(dialog.isVisible());
    QVERIFY(m_profiles->profiles().isEmpty());

    // Changing a field withdraws the offer: it was about the fields as they were.
    type(&dialog, "clusterEdit", QStringLiteral("demo-cluster-cold"));
    QVERIFY(!notice->isVisible());
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    QTRY_VERIFY(notice->isVisible());

    QTest::mouseClick(child<QPushButton>(&dialog, "sessionOnlyButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.savedForSessionOnly());
    QCOMPARE(m_profiles->profile(QStringLiteral("work"))->clusterId,
             QStringLiteral("demo-cluster-cold"));
    // The secret is in this process's memory only: not in the keychain, not in the settings.
    QVERIFY(m_tokens->tokens.isEmpty());
    QVERIFY(secrets.isKeptForSession(QStringLiteral("work")));
    QVERIFY(!settingsFileContents().contains(GoodToken.toUtf8()));
    bool read = false;
    secrets.readToken(QStringLiteral("work"), this, [&read](const TokenStore::Outcome &o) {
        QCOMPARE(o.token, GoodToken);
        read = true;
    });
    QTRY_VERIFY(read);

    // Editing it says so, and keeps it when the field stays empty.
    ProfileDialog edit(m_profiles.get(), &secrets, &m_network, nullptr, QStringLiteral("work"));
    QCOMPARE(child<QLineEdit>(&edit, "tokenEdit")->placeholderText(),
             QStringLiteral("Kept for this session only; leave empty to keep it"));
}

void tst_ProfileDialog::editKeepsStoredTokenWhenFieldEmpty()
{
    Profile existing;
    existing.name = QStringLiteral("work");
    existing.host = QUrl(m_emulator->baseUrl());
    existing.clusterId = QStringLiteral("demo-cluster");
    QVERIFY(m_profiles->save(existing, nullptr));
    m_tokens->tokens.insert(existing.name, GoodToken);

    auto dialog = newDialog(existing.name);
    QVERIFY(dialog->windowTitle().contains(QLatin1String("work")));
    auto *nameEdit = child<QLineEdit>(dialog.get(), "nameEdit");
    QCOMPARE(nameEdit->text(), QStringLiteral("work"));
    QVERIFY(nameEdit->isReadOnly());
    QCOMPARE(child<QLineEdit>(dialog.get(), "hostEdit")->text(), m_emulator->baseUrl());
    QCOMPARE(child<QLineEdit>(dialog.get(), "clusterEdit")->text(), QStringLiteral("demo-cluster"));
    // Never prefilled with the stored token.
    QVERIFY(child<QLineEdit>(dialog.get(), "tokenEdit")->text().isEmpty());
    QVERIFY(okButton(dialog.get())->isEnabled());

    // Test connection uses the stored token.
    QTest::mouseClick(child<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog.get(), "testResultLabel");
    QTRY_VERIFY2(result->text().startsWith(QLatin1String("Connected to 127.0.0.1 as ")),
                 qPrintable(result->text()));
    QCOMPARE(m_tokens->reads, 1);

    type(dialog.get(), "clusterEdit", QStringLiteral("demo-cluster-cold"));
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_tokens->writes, 0);
    QCOMPARE(m_tokens->tokens.value(QStringLiteral("work")), GoodToken);
    QCOMPARE(m_profiles->profile(QStringLiteral("work"))->clusterId,
             QStringLiteral("demo-cluster-cold"));
}

void tst_ProfileDialog::editReplacesTokenWhenEntered()
{
    Profile existing;
    existing.name = QStringLiteral("work");
    existing.host = QUrl(m_emulator->baseUrl());
    QVERIFY(m_profiles->save(existing, nullptr));
    m_tokens->tokens.insert(existing.name, QStringLiteral("old-token"));

    auto dialog = newDialog(existing.name);
    type(dialog.get(), "tokenEdit", GoodToken);
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(m_tokens->tokens.value(QStringLiteral("work")), GoodToken);
    QCOMPARE(dialog->profileName(), QStringLiteral("work"));
}

void tst_ProfileDialog::newProfileDefaultsToTheBrowser()
{
    auto dialog = newDialog();
    QCOMPARE(child<QComboBox>(dialog.get(), "authCombo")->currentData().toString(),
             QStringLiteral("databricks-cli"));
    // No token to type: the browser signs in.
    QVERIFY(!child<QLineEdit>(dialog.get(), "tokenEdit")->isVisible());
    QVERIFY(child<QPushButton>(dialog.get(), "signInButton")->isVisible());
    QVERIFY(!child<QLineEdit>(dialog.get(), "clientIdEdit")->isVisible());
    chooseMethod(dialog.get(), QStringLiteral("pat"));
    QVERIFY(child<QLineEdit>(dialog.get(), "tokenEdit")->isVisible());
    QVERIFY(!child<QPushButton>(dialog.get(), "signInButton")->isVisible());
}

void tst_ProfileDialog::browserSignInFromTheDialog()
{
    QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openUrl");
    m_opened.clear();
    auto dialog = newDialog();
    type(dialog.get(), "nameEdit", QStringLiteral("work"));
    type(dialog.get(), "hostEdit", m_emulator->baseUrl());
    auto *signIn = child<QPushButton>(dialog.get(), "signInButton");
    QVERIFY(signIn->isEnabled());
    QTest::mouseClick(signIn, Qt::LeftButton);
    // The "browser" was asked to open the workspace's consent page.
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 20000);
    QCOMPARE(m_opened.first(), dialog->signInUrl());
    QCOMPARE(m_opened.first().path(), QStringLiteral("/oidc/v1/authorize"));
    QCOMPARE(signIn->text(), QStringLiteral("Cancel sign-in"));
    const QByteArray page = approveInBrowser(m_opened.first());
    QVERIFY2(page.contains("You can close this tab"), page.constData());
    auto *status = child<QLabel>(dialog.get(), "signInStatus");
    QTRY_VERIFY2_WITH_TIMEOUT(
        status->text().contains(QLatin1String("Signed in as demo@example.com")),
        qPrintable(status->text()), 20000);
    QVERIFY(child<QLabel>(dialog.get(), "testResultLabel")
                ->text()
                .contains(QLatin1String("valid until")));
    QVERIFY(okButton(dialog.get())->isEnabled());
    QVERIFY(QDir().mkpath(QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots")));
    QVERIFY(saveGrab(dialog.get(),
                     QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots/profiledialog-browser.png")));
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const auto saved = m_profiles->profile(QStringLiteral("work"));
    QVERIFY(saved);
    QCOMPARE(saved->authType, QStringLiteral("databricks-cli"));
    QCOMPARE(saved->signedInAs, QStringLiteral("demo@example.com"));
    // The refresh token went to the keychain, nowhere else; no token was typed or stored as one.
    const QString refresh = m_tokens->tokens.value(QStringLiteral("work/refresh-token"));
    QVERIFY(!refresh.isEmpty());
    QVERIFY(!m_tokens->tokens.contains(QStringLiteral("work")));
    QVERIFY(!settingsFileContents().contains(refresh.toUtf8()));
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));

    // A denied consent says so and saves nothing.
    m_opened.clear();
    QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openUrl");
    auto second = newDialog();
    type(second.get(), "nameEdit", QStringLiteral("other"));
    type(second.get(), "hostEdit", m_emulator->baseUrl());
    QTest::mouseClick(child<QPushButton>(second.get(), "signInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 20000);
    approveInBrowser(m_opened.first(), false);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(second.get(), "signInStatus")
                                 ->text()
                                 .contains(QLatin1String("refused in the browser")),
                             20000);
    QCOMPARE(child<QPushButton>(second.get(), "signInButton")->text(), QStringLiteral("Sign in…"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
}

void tst_ProfileDialog::changedHostNeedsANewTokenAndDropsTheOld()
{
    Profile existing;
    existing.name = QStringLiteral("work");
    existing.host = QUrl(m_emulator->baseUrl());
    QString error;
    QVERIFY2(m_profiles->save(existing, &error), qPrintable(error));
    m_tokens->tokens.insert(QStringLiteral("work"), GoodToken);

    auto dialog = newDialog(existing.name);
    type(dialog.get(), "hostEdit", QStringLiteral("https://adb-99.1.azuredatabricks.net"));
    // The stored token belongs to the old workspace: it must not follow the profile.
    QVERIFY(!okButton(dialog.get())->isEnabled());
    QVERIFY(child<QLabel>(dialog.get(), "tokenError")->isVisible());
    type(dialog.get(), "tokenEdit", QStringLiteral("dapi-test-new-workspace-token"));
    QVERIFY(okButton(dialog.get())->isEnabled());
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(m_tokens->tokens.value(QStringLiteral("work")),
             QStringLiteral("dapi-test-new-workspace-token"));

    // Moving to the Azure CLI (which keeps no secret of Brickrun's) removes the stored one.
    auto again = newDialog(existing.name);
    chooseMethod(again.get(), QStringLiteral("azure-cli"));
    QVERIFY(!child<QLineEdit>(again.get(), "tokenEdit")->isVisible());
    QVERIFY(okButton(again.get())->isEnabled());
    QTest::mouseClick(okButton(again.get()), Qt::LeftButton);
    QTRY_VERIFY(!again->isVisible());
    QVERIFY(m_tokens->tokens.isEmpty());
    QCOMPARE(m_profiles->profile(QStringLiteral("work"))->authType, QStringLiteral("azure-cli"));
}

void tst_ProfileDialog::servicePrincipalNeedsIdAndSecret()
{
    m_emulator->addServicePrincipal({QStringLiteral("sp-app-0042"),
                                     QStringLiteral("sp-secret-fake-0042"), QString(),
                                     QStringLiteral("Nightly")});
    auto dialog = newDialog();
    type(dialog.get(), "nameEdit", QStringLiteral("robot"));
    type(dialog.get(), "hostEdit", m_emulator->baseUrl());
    chooseMethod(dialog.get(), QStringLiteral("oauth-m2m"));
    QVERIFY(child<QLineEdit>(dialog.get(), "clientIdEdit")->isVisible());
    QVERIFY(child<QLineEdit>(dialog.get(), "tokenEdit")->isVisible());
    QVERIFY(!child<QLineEdit>(dialog.get(), "tenantEdit")->isVisible());
    QVERIFY(!okButton(dialog.get())->isEnabled());
    type(dialog.get(), "clientIdEdit", QStringLiteral("sp-app-0042"));
    QVERIFY(!okButton(dialog.get())->isEnabled()); // no secret yet
    type(dialog.get(), "tokenEdit", QStringLiteral("sp-secret-fake-0042"));
    QVERIFY(okButton(dialog.get())->isEnabled());
    QTest::mouseClick(child<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
    auto *result = child<QLabel>(dialog.get(), "testResultLabel");
    QTRY_VERIFY2_WITH_TIMEOUT(result->text().contains(QLatin1String("sp-app-0042")),
                              qPrintable(result->text()), 20000);
    QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(m_tokens->tokens.value(QStringLiteral("robot/client-secret")),
             QStringLiteral("sp-secret-fake-0042"));
    QCOMPARE(m_profiles->profile(QStringLiteral("robot"))->clientId, QStringLiteral("sp-app-0042"));
    QVERIFY(!settingsFileContents().contains("sp-secret-fake-0042"));
}

void tst_ProfileDialog::screenshots()
{
    // For people to look at: the dialog with reasons shown, and after a test, in a light and
    // a dark palette.
    const QString dir = QStringLiteral(BRICKRUN_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(dir));
    const QPalette original = QApplication::palette();
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QVERIFY(fusion);
    QApplication::setStyle(fusion);

    for (const bool dark : {false, true}) {
        if (dark) {
            QPalette p;
            p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
            p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
            p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
            p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
            p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
            for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
                p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
            QApplication::setPalette(p);
        } else {
            QApplication::setPalette(QApplication::style()->standardPalette());
        }
        const QString suffix = dark ? QStringLiteral("-dark") : QString();

        auto dialog = newDialog();
        type(dialog.get(), "nameEdit", QStringLiteral("my work"));
        type(dialog.get(), "hostEdit", QStringLiteral("http://adb-1.2.azuredatabricks.net"));
        chooseMethod(dialog.get(), QStringLiteral("pat"));
        type(dialog.get(), "tokenEdit", GoodToken);
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QVERIFY(saveGrab(dialog.get(),
                         dir + QStringLiteral("/profiledialog-invalid%1.png").arg(suffix)));

        fillValid(dialog.get());
        QTest::mouseClick(child<QPushButton>(dialog.get(), "testButton"), Qt::LeftButton);
        QVERIFY(saveGrab(dialog.get(),
                         dir + QStringLiteral("/profiledialog-testing%1.png").arg(suffix)));
        QTRY_VERIFY(child<QLabel>(dialog.get(), "testResultLabel")
                        ->text()
                        .startsWith(QLatin1String("Connected")));
        QVERIFY(saveGrab(dialog.get(),
                         dir + QStringLiteral("/profiledialog-tested%1.png").arg(suffix)));

        m_tokens->failWith = TokenStore::Status::NoBackend;
        QTest::mouseClick(okButton(dialog.get()), Qt::LeftButton);
        QTRY_VERIFY(child<QWidget>(dialog.get(), "noKeychainNotice")->isVisible());
        QVERIFY(saveGrab(dialog.get(),
                         dir + QStringLiteral("/profiledialog-keychain%1.png").arg(suffix)));
        m_tokens->failWith = TokenStore::Status::Ok;
    }
    QApplication::setPalette(original);
}

QTEST_MAIN(tst_ProfileDialog)
#include "tst_profiledialog.moc"
