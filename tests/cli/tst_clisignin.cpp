// SPDX-License-Identifier: Apache-2.0
// Sign-in methods of brickrun-cli, as a user meets them: the browser sign-in (the test plays the
// browser over loopback), service principals (Databricks OAuth M2M and Entra ID client secrets),
// the Azure CLI (a stand-in `az` first on PATH), and long runs that outlive their access tokens.
// The real brickrun-cli binary runs against an in-process emulator, with a throw-away HOME and a
// real Secret Service (tools/with-keyring). After every command the test checks that no secret
// it knows (refresh tokens, client secrets, the PAT) shows in the output or in any file under
// HOME.
//
// Uses the ports 8020-8040 of the sign-in listener: ctest runs it under the resource lock
// "oauth-loopback-ports".
#include "CliProcess.h"
#include "Emulator.h"
#include "ScriptedHttpServer.h"
#include "TestTimeouts.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using Brickrun::Test::scaledTimeout;

namespace {
const QString Cli = QStringLiteral(BRICKRUN_CLI_PATH);
const QString AppId = QStringLiteral(BRICKRUN_APP_ID);
const QString DemoUser = u"demo@example.com"_s;
const QString AzureDatabricksResource = u"2ff814a6-3304-4ab8-85cb-cd0e6f879c1d"_s;

// Obviously fake service principals.
const QString SpId = u"sp-app-0001"_s;
const QString SpSecret = u"sp-secret-fake-0001"_s;
const QString EntraId = u"entra-app-0001"_s;
const QString EntraSecret = u"entra-secret-fake-0001"_s;
const QString EntraTenant = u"tenant-0001"_s;

using Run = Brickrun::Test::CliRun;

// A web page as the test's "browser" got it (redirects are never followed).
struct Page
{
    int status = 0;
    QByteArray body;
    QUrl location;
};

// A `brickrun-cli profiles login NAME --no-browser` under way.
struct Login
{
    std::unique_ptr<QProcess> process;
    QByteArray err; // stderr so far
    QUrl authorizeUrl;
    quint16 port = 0; // of the sign-in listener, from the redirect_uri
};
} // namespace

class tst_CliSignIn : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QTemporaryDir m_tools; // the stand-in az and what it logged; not under HOME
    std::unique_ptr<Brickrun::Emulator::Emulator> m_emulator;
    QString m_url;
    QNetworkAccessManager m_browser;
    QStringList m_secrets;      // every secret the test knows
    QStringList m_keychainKeys; // keychain entries whose values join m_secrets after commands
    QStringList m_leaks;        // where a secret showed
    qint64 m_helloRunId = 0;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"BRICKRUN_RETRY_BUDGET"_s, u"0"_s);
        env.insert(u"QT_LOGGING_RULES"_s, u"brickrun.*=true"_s); // logs must not show secrets
        for (const char *name : {"DATABRICKS_HOST",
                                 "DATABRICKS_TOKEN",
                                 "DATABRICKS_CONFIG_FILE",
                                 "DATABRICKS_CONFIG_PROFILE",
                                 "DATABRICKS_AUTH_TYPE",
                                 "DATABRICKS_CLIENT_ID",
                                 "DATABRICKS_CLIENT_SECRET",
                                 "ARM_CLIENT_ID",
                                 "ARM_CLIENT_SECRET",
                                 "ARM_TENANT_ID",
                                 "BROWSER",
                                 "DISPLAY",
                                 "WAYLAND_DISPLAY",
                                 "http_proxy",
                                 "https_proxy",
                                 "HTTP_PROXY",
                                 "HTTPS_PROXY",
                                 "all_proxy",
                                 "ALL_PROXY",
                                 "BRICKRUN_AZ_TIMEOUT"})
            env.remove(QString::fromLatin1(name));
        return env;
    }

    void remember(const QString &secret)
    {
        if (!secret.isEmpty() && !m_secrets.contains(secret))
            m_secrets << secret;
    }

    static QString keychainLookup(const QString &key)
    {
        QProcess p;
        p.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, AppId, u"user"_s, key});
        p.waitForFinished(scaledTimeout(10000));
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    // After every command: the secrets it may have changed (rotated refresh tokens) become
    // known, and none of the known ones shows in its output or in a file under HOME.
    void checkForLeaks(const QString &what, const QByteArray &output)
    {
        for (const QString &key : std::as_const(m_keychainKeys))
            remember(keychainLookup(key));
        for (const QString &secret : std::as_const(m_secrets)) {
            if (output.contains(secret.toUtf8()))
                m_leaks << u"the output of: "_s + what;
        }
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                m_leaks << u"unreadable "_s + path;
                continue;
            }
            const QByteArray content = f.readAll();
            for (const QString &secret : std::as_const(m_secrets)) {
                if (content.contains(secret.toUtf8()))
                    m_leaks << path + u" after: "_s + what;
            }
        }
    }

    // Runs brickrun-cli to its end (stdin closed: nothing can prompt), keeping this event loop
    // turning, so that servers living in the test answer meanwhile.
    Run run(const QStringList &args, const QByteArray &stdinData = {},
            const QProcessEnvironment &env = QProcessEnvironment(), int waitMs = 60000)
    {
        const Run r =
            Brickrun::Test::runCli(args, env.isEmpty() ? environment() : env, stdinData, waitMs);
        checkForLeaks(args.join(u' '), r.both());
        return r;
    }

    Page browse(const QUrl &url, const QByteArray &form = {})
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(scaledTimeout(30000));
        QNetworkReply *reply = nullptr;
        if (form.isNull()) {
            reply = m_browser.get(request);
        } else {
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            reply = m_browser.post(request, form);
        }
        Page page;
        if (QTest::qWaitFor([reply] { return reply->isFinished(); }, scaledTimeout(30000))) {
            page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            page.body = reply->readAll();
            page.location = QUrl::fromEncoded(reply->rawHeader("Location"));
        }
        reply->abort();
        reply->deleteLater();
        return page;
    }

    // Starts `profiles login NAME --no-browser` and waits for the address it prints.
    void startLogin(Login *login, const QString &profile,
                    const QProcessEnvironment &env = QProcessEnvironment())
    {
        login->process = std::make_unique<QProcess>();
        QProcess *p = login->process.get();
        p->setProcessEnvironment(env.isEmpty() ? environment() : env);
        p->start(Cli, {u"profiles"_s, u"login"_s, profile, u"--no-browser"_s});
        QVERIFY(p->waitForStarted(scaledTimeout(10000)));
        p->closeWriteChannel();
        static const QRegularExpression address(
            u"Open this address in a browser to sign in[^\\n]*:\\n(\\S+)\\n"_s);
        QRegularExpressionMatch match;
        (void)QTest::qWaitFor(
            [&] {
                login->err += p->readAllStandardError();
                match = address.match(QString::fromUtf8(login->err));
                return match.hasMatch() || p->state() == QProcess::NotRunning;
            },
            scaledTimeout(30000));
        QVERIFY2(match.hasMatch(), login->err.constData());
        login->authorizeUrl = QUrl::fromEncoded(match.captured(1).toUtf8());
        const QUrlQuery query(login->authorizeUrl);
        const QUrl redirect(query.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), u"localhost"_s);
        QVERIFY2(redirect.port() >= 8020 && redirect.port() <= 8040,
                 qPrintable(redirect.toString()));
        login->port = quint16(redirect.port());
        // The address is the workspace's; it carries PKCE and a state, never a secret.
        QCOMPARE(login->authorizeUrl.host(), u"127.0.0.1"_s);
        QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
        QVERIFY(!query.queryItemValue(u"state"_s).isEmpty());
    }

    // Waits for the login to end, as run() does.
    Run finishLogin(Login *login)
    {
        Run r = Brickrun::Test::finishCli(*login->process);
        r.err.prepend(login->err);
        checkForLeaks(u"profiles login"_s, r.both());
        return r;
    }

    // The browser's part: the consent page, the user's decision, and the workspace's redirect
    // to the listener (returned, not followed).
    void consent(const QUrl &authorizeUrl, const QString &decision, QUrl *callback)
    {
        const Page page = browse(authorizeUrl);
        QCOMPARE(page.status, 200);
        static const QRegularExpression requestId(
            u"<input type=\"hidden\" name=\"request_id\" value=\"([^\"]+)\">"_s);
        const QRegularExpressionMatch m = requestId.match(QString::fromUtf8(page.body));
        QVERIFY2(m.hasMatch(), page.body.left(2000).constData());
        QUrlQuery form;
        form.addQueryItem(u"request_id"_s, m.captured(1));
        form.addQueryItem(u"decision"_s, decision);
        const Page answer = browse(authorizeUrl.resolved(QUrl(u"/oidc/v1/authorize/consent"_s)),
                                   form.toString(QUrl::FullyEncoded).toUtf8());
        QCOMPARE(answer.status, 302);
        QVERIFY(answer.location.isValid());
        *callback = answer.location;
    }

    // A whole browser sign-in of `profile`, which must work.
    void signIn(const QString &profile, Run *result = nullptr)
    {
        Login login;
        startLogin(&login, profile);
        if (QTest::currentTestFailed())
            return;
        QUrl callback;
        consent(login.authorizeUrl, u"approve"_s, &callback);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(callback.port(), int(login.port));
        QVERIFY2(QUrlQuery(callback).hasQueryItem(u"code"_s), qPrintable(callback.toString()));
        const Page listener = browse(callback);
        QCOMPARE(listener.status, 200);
        QVERIFY2(listener.body.contains("Signed in"), listener.body.constData());
        const Run r = finishLogin(&login);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        if (!m_keychainKeys.contains(profile + u"/refresh-token"_s))
            m_keychainKeys << profile + u"/refresh-token"_s;
        remember(keychainLookup(profile + u"/refresh-token"_s));
        if (result)
            *result = r;
    }

    // A login that must fail: exit 3 with `sentence` on stderr, in time.
    void expectLoginFails(Login *login, const QByteArray &sentence)
    {
        const Run r = finishLogin(login);
        QVERIFY2(r.exitCode == 3, r.describe().constData());
        QVERIFY2(r.err.contains(sentence), r.err.constData());
        QVERIFY2(!r.out.contains("Signed in"), r.out.constData());
    }

    void addProfile(const QStringList &args, const QByteArray &secret = {})
    {
        const Run r = run(QStringList{u"profiles"_s, u"add"_s} + args, secret);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
    }

    // A workspace definition: the built-in one plus a notebook that runs `runningSeconds`.
    QString workspaceWithLongNotebook(const QString &path, double runningSeconds)
    {
        QFile builtIn(QStringLiteral(BRICKRUN_SOURCE_DIR "/resources/demo-workspace.json"));
        if (!builtIn.open(QIODevice::ReadOnly))
            return {};
        QJsonObject workspace = QJsonDocument::fromJson(builtIn.readAll()).object();
        QJsonArray objects = workspace.value(u"objects"_s).toArray();
        objects.append(QJsonObject{{u"path"_s, path},
                                   {u"object_type"_s, u"NOTEBOOK"_s},
                                   {u"run"_s, QJsonObject{{u"running_seconds"_s, runningSeconds},
                                                          {u"result"_s, u"done"_s}}}});
        workspace.insert(u"objects"_s, objects);
        const QString file = m_tools.filePath(u"long-workspace.json"_s);
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(QJsonDocument(workspace).toJson());
        return file;
    }

    // The stand-in for the Azure CLI: logs its arguments, then behaves as
    // BRICKRUN_TEST_AZ_MODE says.
    QString azLog() const { return m_tools.filePath(u"az-arguments.log"_s); }
    void writeAzStandIn()
    {
        QDir().mkpath(m_tools.filePath(u"bin"_s));
        QDir().mkpath(m_tools.filePath(u"empty"_s));
        QFile script(m_tools.filePath(u"bin/az"_s));
        QVERIFY(script.open(QIODevice::WriteOnly));
        const QByteArray text =
            "#!/bin/sh\n"
            "printf '%s\\n' \"$@\" > '" +
            azLog().toUtf8() +
            "'\n"
            "case \"$BRICKRUN_TEST_AZ_MODE\" in\n"
            "good)\n"
            "    exp=$(( $(date +%s) + 3600 ))\n"
            "    printf '{\"accessToken\": \"%s\", \"expiresOn\": \"%s\", \"expires_on\": %s, "
            "\"subscription\": \"00000000-0000-0000-0000-000000000000\", \"tenant\": "
            "\"tenant-0001\", \"tokenType\": \"Bearer\"}\\n' '" +
            m_emulator->token().toUtf8() +
            "' \"$(date -d @$exp '+%Y-%m-%d %H:%M:%S.000000')\" \"$exp\" ;;\n"
            "not-signed-in)\n"
            "    echo \"ERROR: Please run 'az login' to setup account.\" >&2; exit 1 ;;\n"
            "expired)\n"
            "    echo \"ERROR: AADSTS700082: The refresh token has expired due to inactivity. "
            "The token was issued on 2026-01-01T00:00:00Z and was inactive for 90.00:00:00.\" "
            ">&2\n"
            "    echo \"To re-authenticate, please run: az login\" >&2; exit 1 ;;\n"
            "hang)\n"
            "    exec sleep 60 ;;\n"
            "not-json)\n"
            "    echo 'Welcome to Azure CLI! Run az --help to get started.'; exit 0 ;;\n"
            "*)\n"
            "    echo 'unknown BRICKRUN_TEST_AZ_MODE' >&2; exit 2 ;;\n"
            "esac\n";
        script.write(text);
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
    QProcessEnvironment azEnvironment(const QString &mode, bool onPath = true) const
    {
        QProcessEnvironment env = environment();
        env.insert(u"PATH"_s, onPath ? m_tools.filePath(u"bin"_s) + u":/usr/bin:/bin"_s
                                     : m_tools.filePath(u"empty"_s));
        env.insert(u"BRICKRUN_TEST_AZ_MODE"_s, mode);
        return env;
    }
    QStringList azArguments() const
    {
        QFile f(azLog());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }

    static bool has(const QByteArray &text, const QString &what)
    {
        return text.contains(what.toUtf8());
    }

    static qint64 runIdIn(const QByteArray &err)
    {
        static const QRegularExpression submitted(u"submitted run (\\d+)"_s);
        return submitted.match(QString::fromUtf8(err)).captured(1).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet("BRICKRUN_KEYRING_SESSION"))
            QSKIP("needs a throw-away Secret Service: run through tools/with-keyring "
                  "(tools/dev test does)");
        QVERIFY(m_home.isValid());
        QVERIFY(m_tools.isValid());
        m_browser.setProxy(QNetworkProxy::NoProxy);
        Brickrun::Emulator::EmulatorOptions o;
        o.token = u"dapi-fake-signin-static-0001"_s;
        o.speed = 10; // consent pages live 60 s, access tokens 360 s, real time
        m_emulator = std::make_unique<Brickrun::Emulator::Emulator>(o);
        QString error;
        QVERIFY2(m_emulator->start(&error), qPrintable(error));
        m_url = m_emulator->baseUrl();
        remember(m_emulator->token());
        m_emulator->addServicePrincipal({SpId, SpSecret, QString(), u"Nightly job"_s});
        m_emulator->addServicePrincipal({EntraId, EntraSecret, EntraTenant, u"Azure nightly"_s});
        remember(SpSecret);
        remember(EntraSecret);
        writeAzStandIn();
    }
    void cleanup() { QVERIFY2(m_leaks.isEmpty(), qPrintable(m_leaks.join(u" | "_s))); }
    void cleanupTestCase()
    {
        if (m_emulator)
            m_emulator->stop();
    }

    // 1. The browser sign-in end to end, then every command with the profile.
    void browserSignInEndToEnd()
    {
        addProfile({u"work"_s, u"--host"_s, m_url, u"--cluster"_s, u"demo-cluster"_s});
        const int codeGrants = m_emulator->oauthStats().authorizationCodeGrants;
        Run login;
        signIn(u"work"_s, &login);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(has(login.out, u"Signed in to 127.0.0.1 as "_s + DemoUser +
                                    u" (Browser (OAuth)); the access token is valid until "_s),
                 login.out.constData());
        QCOMPARE(m_emulator->oauthStats().authorizationCodeGrants, codeGrants + 1);
        const QString refreshToken = keychainLookup(u"work/refresh-token"_s);
        QVERIFY2(!refreshToken.isEmpty(), "no refresh token in the keychain");
        QVERIFY(keychainLookup(u"work"_s).isEmpty()); // no PAT was stored

        const Run test = run({u"profiles"_s, u"test"_s, u"work"_s});
        QVERIFY2(test.exitCode == 0, test.describe().constData());
        QVERIFY2(test.out.contains(DemoUser.toUtf8()) && test.out.contains("Browser (OAuth)") &&
                     test.out.contains("valid until"),
                 test.out.constData());

        const Run list = run({u"profiles"_s, u"list"_s});
        QVERIFY2(list.exitCode == 0, list.describe().constData());
        const QByteArray line = list.out.mid(list.out.indexOf("work"));
        QVERIFY2(line.contains("Browser (OAuth)") && line.contains("stored") &&
                     has(line, u"as: "_s + DemoUser),
                 list.out.constData());

        const Run submit =
            run({u"submit"_s, u"--profile"_s, u"work"_s, u"--notebook"_s, u"/Shared/Demo/hello"_s,
                 u"--cluster"_s, u"demo-cluster"_s, u"--json"_s});
        QVERIFY2(submit.exitCode == 0, submit.describe().constData());
        QCOMPARE(submit.json().value(u"resultState"_s).toString(), u"SUCCESS"_s);
        m_helloRunId = qint64(submit.json().value(u"runId"_s).toDouble());
        QVERIFY(m_helloRunId > 0);
        QVERIFY2(!submit.err.contains("Open this address"), submit.err.constData());
    }

    // 2. Browser sign-in failures: exit 3, one sentence, no hang.
    void consentDenied()
    {
        addProfile({u"denied"_s, u"--host"_s, m_url});
        Login login;
        startLogin(&login, u"denied"_s);
        if (QTest::currentTestFailed())
            return;
        QUrl callback;
        consent(login.authorizeUrl, u"deny"_s, &callback);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(QUrlQuery(callback).queryItemValue(u"error"_s), u"access_denied"_s);
        const Page listener = browse(callback);
        QVERIFY2(listener.body.contains("Not signed in"), listener.body.constData());
        expectLoginFails(&login, "error: The sign-in was refused in the browser (The user denied "
                                 "the request).");
        QVERIFY(keychainLookup(u"denied/refresh-token"_s).isEmpty());
    }
    void callbackWithAnotherState()
    {
        Login login;
        startLogin(&login, u"denied"_s);
        if (QTest::currentTestFailed())
            return;
        const Page listener =
            browse(QUrl(u"http://localhost:%1/?code=x&state=wrong"_s.arg(login.port)));
        QCOMPARE(listener.status, 400);
        expectLoginFails(&login, "error: The browser's answer did not belong to this sign-in (its "
                                 "state did not match); nothing was signed in.");
        QVERIFY(keychainLookup(u"denied/refresh-token"_s).isEmpty());
    }
    void requestOnAnotherPathKeepsWaiting()
    {
        Login login;
        startLogin(&login, u"denied"_s);
        if (QTest::currentTestFailed())
            return;
        const Page favicon = browse(QUrl(u"http://localhost:%1/favicon.ico"_s.arg(login.port)));
        QCOMPARE(favicon.status, 404);
        QVERIFY(login.process->state() != QProcess::NotRunning);
        QUrl callback;
        consent(login.authorizeUrl, u"approve"_s, &callback);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(browse(callback).status, 200);
        const Run r = finishLogin(&login);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY2(has(r.out, u"Signed in to 127.0.0.1 as "_s + DemoUser), r.out.constData());
        m_keychainKeys << u"denied/refresh-token"_s;
        remember(keychainLookup(u"denied/refresh-token"_s));
        QVERIFY(!keychainLookup(u"denied/refresh-token"_s).isEmpty());
    }
    void allListenerPortsBusy()
    {
        std::vector<std::unique_ptr<QTcpServer>> holders;
        for (int port = 8020; port <= 8040; ++port) {
            auto server = std::make_unique<QTcpServer>();
            server->listen(QHostAddress::LocalHost, quint16(port)); // busy either way
            holders.push_back(std::move(server));
        }
        const Run r = run({u"profiles"_s, u"login"_s, u"denied"_s, u"--no-browser"_s});
        QVERIFY2(r.exitCode == 3, r.describe().constData());
        QVERIFY2(r.err.contains("The ports 8020 to 8040 on this computer are all in use"),
                 r.err.constData());
        QVERIFY2(!r.err.contains("Open this address"), r.err.constData());
    }
    void discoveryAnswersHtml()
    {
        Brickrun::Test::ScriptedHttpServer proxy;
        QVERIFY(proxy.listen());
        proxy.setFallback([](const Brickrun::Test::ScriptedHttpServer::Request &) {
            Brickrun::Test::ScriptedHttpServer::Reply reply;
            reply.contentType = "text/html; charset=utf-8";
            reply.body = "<!DOCTYPE html><html><head><title>Sign in to your account</title>"
                         "</head><body>Corporate proxy: please sign in</body></html>";
            return reply;
        });
        addProfile({u"proxied"_s, u"--host"_s, QString::fromLatin1(proxy.baseUrl())});
        const Run r = run({u"profiles"_s, u"login"_s, u"proxied"_s, u"--no-browser"_s});
        QVERIFY2(r.exitCode == 3 || r.exitCode == 4, r.describe().constData());
        QVERIFY2(
            has(r.err, u"the workspace's sign-in settings ("_s +
                           QString::fromLatin1(proxy.baseUrl()) +
                           u"/oidc/.well-known/oauth-authorization-server) could not be read"_s),
            r.err.constData());
        QVERIFY2(r.err.contains("not JSON"), r.err.constData());
        QVERIFY2(!r.err.contains("Open this address"), r.err.constData());
        QCOMPARE(proxy.requests().size(), 1);
    }
    void refusedRefreshNamesTheLogin()
    {
        QVERIFY(m_helloRunId > 0);
        m_emulator->revokeAllOAuthTokens();
        const Run r = run({u"status"_s, QString::number(m_helloRunId), u"--profile"_s, u"work"_s});
        QVERIFY2(r.exitCode == 3, r.describe().constData());
        QVERIFY2(r.err.contains("sign in again with: brickrun-cli profiles login work"),
                 r.err.constData());
        QVERIFY2(r.err.contains("Refresh token is invalid or has been revoked"), r.err.constData());
    }

    // 3. Databricks OAuth M2M: a service principal's client secret.
    void servicePrincipalM2M()
    {
        addProfile({u"sp"_s, u"--host"_s, m_url, u"--auth"_s, u"oauth-m2m"_s, u"--client-id"_s,
                    SpId, u"--client-secret-stdin"_s},
                   SpSecret.toUtf8() + "\n");
        m_keychainKeys << u"sp/client-secret"_s;
        QCOMPARE(keychainLookup(u"sp/client-secret"_s), SpSecret);
        const int grants = m_emulator->oauthStats().clientCredentialsGrants;
        const Run test = run({u"profiles"_s, u"test"_s, u"sp"_s});
        QVERIFY2(test.exitCode == 0, test.describe().constData());
        QVERIFY2(has(test.out, u"as "_s + SpId) &&
                     test.out.contains("Service principal (OAuth client secret)"),
                 test.out.constData());
        QCOMPARE(m_emulator->oauthStats().clientCredentialsGrants, grants + 1);

        const Run submit =
            run({u"submit"_s, u"--profile"_s, u"sp"_s, u"--notebook"_s, u"/Shared/Demo/hello"_s,
                 u"--cluster"_s, u"demo-cluster"_s, u"--json"_s});
        QVERIFY2(submit.exitCode == 0, submit.describe().constData());
        QCOMPARE(submit.json().value(u"resultState"_s).toString(), u"SUCCESS"_s);
    }
    void servicePrincipalWithAWrongSecret()
    {
        const QString wrong = u"sp-secret-fake-wrong"_s;
        remember(wrong);
        addProfile({u"spbad"_s, u"--host"_s, m_url, u"--auth"_s, u"oauth-m2m"_s, u"--client-id"_s,
                    SpId, u"--client-secret-stdin"_s},
                   wrong.toUtf8());
        const Run test = run({u"profiles"_s, u"test"_s, u"spbad"_s});
        QVERIFY2(test.exitCode == 3, test.describe().constData());
        QVERIFY2(has(test.both(), u"The workspace refused the service principal "_s + SpId),
                 test.describe().constData());
        QVERIFY2(test.err.contains("store the service principal's current secret with: "
                                   "brickrun-cli profiles add spbad"),
                 test.err.constData());
        QVERIFY2(!test.out.contains("Create a new token"), test.out.constData());
        const Run status = run({u"status"_s, u"1"_s, u"--profile"_s, u"spbad"_s});
        QVERIFY2(status.exitCode == 3, status.describe().constData());
        QVERIFY2(status.err.contains("brickrun-cli profiles add spbad"), status.err.constData());
    }
    void servicePrincipalFromTheEnvironment()
    {
        QProcessEnvironment env = environment();
        env.insert(u"DATABRICKS_CLIENT_ID"_s, SpId);
        env.insert(u"DATABRICKS_CLIENT_SECRET"_s, SpSecret);
        const Run submit =
            run({u"submit"_s, u"--host"_s, m_url, u"--notebook"_s, u"/Shared/Demo/hello"_s,
                 u"--cluster"_s, u"demo-cluster"_s, u"--json"_s},
                {}, env);
        QVERIFY2(submit.exitCode == 0, submit.describe().constData());
        QCOMPARE(submit.json().value(u"resultState"_s).toString(), u"SUCCESS"_s);

        env.insert(u"DATABRICKS_CLIENT_SECRET"_s, u"sp-secret-fake-wrong"_s);
        const Run refused = run({u"status"_s, u"1"_s, u"--host"_s, m_url}, {}, env);
        QVERIFY2(refused.exitCode == 3, refused.describe().constData());
        QVERIFY2(refused.err.contains("check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET"),
                 refused.err.constData());
    }

    // 4. Azure: an Entra ID application's client secret.
    void azureClientSecret()
    {
        addProfile({u"az"_s, u"--host"_s, m_url, u"--auth"_s, u"azure-client-secret"_s,
                    u"--client-id"_s, EntraId, u"--tenant"_s, EntraTenant, u"--authority"_s, m_url,
                    u"--client-secret-stdin"_s},
                   EntraSecret.toUtf8());
        m_keychainKeys << u"az/client-secret"_s;
        QCOMPARE(keychainLookup(u"az/client-secret"_s), EntraSecret);
        const int grants = m_emulator->oauthStats().entraGrants;
        const Run test = run({u"profiles"_s, u"test"_s, u"az"_s});
        QVERIFY2(test.exitCode == 0, test.describe().constData());
        QVERIFY2(has(test.out, u"as "_s + EntraId) && test.out.contains("valid until"),
                 test.out.constData());
        QCOMPARE(m_emulator->oauthStats().entraGrants, grants + 1);
    }
    void azureUnknownTenant()
    {
        addProfile({u"aztenant"_s, u"--host"_s, m_url, u"--auth"_s, u"azure-client-secret"_s,
                    u"--client-id"_s, EntraId, u"--tenant"_s, u"tenant-9999"_s, u"--authority"_s,
                    m_url, u"--client-secret-stdin"_s},
                   EntraSecret.toUtf8());
        const Run test = run({u"profiles"_s, u"test"_s, u"aztenant"_s});
        QVERIFY2(test.exitCode == 3, test.describe().constData());
        QVERIFY2(test.both().contains("AADSTS90002"), test.describe().constData());
        QVERIFY2(test.err.contains("brickrun-cli profiles add aztenant"), test.err.constData());
    }
    void azureWrongSecret()
    {
        const QString wrong = u"entra-secret-fake-wrong"_s;
        remember(wrong);
        addProfile({u"azbad"_s, u"--host"_s, m_url, u"--auth"_s, u"azure-client-secret"_s,
                    u"--client-id"_s, EntraId, u"--tenant"_s, EntraTenant, u"--authority"_s, m_url,
                    u"--client-secret-stdin"_s},
                   wrong.toUtf8());
        const Run test = run({u"profiles"_s, u"test"_s, u"azbad"_s});
        QVERIFY2(test.exitCode == 3, test.describe().constData());
        QVERIFY2(test.both().contains("AADSTS7000215"), test.describe().constData());
        QVERIFY2(test.err.contains("brickrun-cli profiles add azbad"), test.err.constData());
    }

    // 5. The Azure CLI's sign-in, through a stand-in az.
    void azureCliSignedIn()
    {
        addProfile({u"azcli"_s, u"--host"_s, m_url, u"--auth"_s, u"azure-cli"_s});
        QFile::remove(azLog());
        const Run test = run({u"profiles"_s, u"test"_s, u"azcli"_s}, {}, azEnvironment(u"good"_s));
        QVERIFY2(test.exitCode == 0, test.describe().constData());
        QVERIFY2(has(test.out, u"as "_s + DemoUser) && test.out.contains("(Azure CLI)") &&
                     test.out.contains("valid until"),
                 test.out.constData());
        const QStringList expected{u"account"_s,    u"get-access-token"_s,
                                   u"--resource"_s, AzureDatabricksResource,
                                   u"--output"_s,   u"json"_s};
        QCOMPARE(azArguments(), expected);
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY(!azArguments().join(u' ').contains(secret));

        addProfile({u"azclitenant"_s, u"--host"_s, m_url, u"--auth"_s, u"azure-cli"_s,
                    u"--tenant"_s, EntraTenant});
        QFile::remove(azLog());
        const Run tenant =
            run({u"profiles"_s, u"test"_s, u"azclitenant"_s}, {}, azEnvironment(u"good"_s));
        QVERIFY2(tenant.exitCode == 0, tenant.describe().constData());
        QCOMPARE(azArguments(), QStringList(expected) << u"--tenant"_s << EntraTenant);

        const Run submit =
            run({u"submit"_s, u"--profile"_s, u"azcli"_s, u"--notebook"_s, u"/Shared/Demo/hello"_s,
                 u"--cluster"_s, u"demo-cluster"_s, u"--json"_s},
                {}, azEnvironment(u"good"_s));
        QVERIFY2(submit.exitCode == 0, submit.describe().constData());
        QCOMPARE(submit.json().value(u"resultState"_s).toString(), u"SUCCESS"_s);
    }
    void azureCliMissing()
    {
        const Run test =
            run({u"profiles"_s, u"test"_s, u"azcli"_s}, {}, azEnvironment(u"good"_s, false));
        QVERIFY2(test.exitCode == 3, test.describe().constData());
        QVERIFY2(test.both().contains("The Azure CLI (az) is not installed or not on PATH"),
                 test.describe().constData());
    }
    void azureCliNotSignedIn()
    {
        const Run test =
            run({u"profiles"_s, u"test"_s, u"azcli"_s}, {}, azEnvironment(u"not-signed-in"_s));
        QVERIFY2(test.exitCode == 3, test.describe().constData());
        QVERIFY2(test.both().contains("The Azure CLI is not signed in") &&
                     test.err.contains("az login"),
                 test.describe().constData());
        const Run tenant = run({u"profiles"_s, u"test"_s, u"azclitenant"_s}, {},
                               azEnvironment(u"not-signed-in"_s));
        QVERIFY2(tenant.exitCode == 3, tenant.describe().constData());
        QVERIFY2(has(tenant.err, u"az login --tenant "_s + EntraTenant),
                 tenant.describe().constData());
    }
    void azureCliSignInExpired()
    {
        const Run test =
            run({u"profiles"_s, u"test"_s, u"azcli"_s}, {}, azEnvironment(u"expired"_s));
        QVERIFY2(test.exitCode == 3, test.describe().constData());
        QVERIFY2(test.both().contains("its sign-in expired; run: az login"),
                 test.describe().constData());
    }
    void azureCliHangs()
    {
        QProcessEnvironment env = azEnvironment(u"hang"_s);
        env.insert(u"BRICKRUN_AZ_TIMEOUT"_s, u"2"_s);
        const Run test = run({u"profiles"_s, u"test"_s, u"azcli"_s}, {}, env, 30000);
        QVERIFY2(test.exitCode == 3 || test.exitCode == 4, test.describe().constData());
        QVERIFY2(test.both().contains("The Azure CLI did not answer within 2 s"),
                 test.describe().constData());
        // The workspace was never asked: it is not blamed; az was collected, not left behind.
        QVERIFY2(test.out.startsWith("Brickrun could not get an access token for 127.0.0.1 "
                                     "(Azure CLI): "),
                 test.describe().constData());
        QVERIFY2(!test.err.contains("still running"), test.err.constData());
    }
    void azureCliPrintsNoJson()
    {
        const Run test =
            run({u"profiles"_s, u"test"_s, u"azcli"_s}, {}, azEnvironment(u"not-json"_s));
        QVERIFY2(test.exitCode == 3 || test.exitCode == 4, test.describe().constData());
        QVERIFY2(test.both().contains("az printed something that is not JSON: Welcome to Azure"),
                 test.describe().constData());
        QVERIFY2(!test.out.contains("does not look like a Databricks workspace"),
                 test.out.constData());
    }

    // 6. A run of two simulated hours outlives two access tokens: the client renews before
    // expiry (its own clock) and on a 401 (the workspace's clock jumped), with no prompt and
    // exactly one run.
    void longRunCrossesTokenExpiries()
    {
        const QString workspace = workspaceWithLongNotebook(u"/Shared/Long/two_hours"_s, 7200);
        QVERIFY(!workspace.isEmpty());
        Brickrun::Emulator::EmulatorOptions o;
        o.token = u"dapi-fake-signin-static-0002"_s;
        o.speed = 200; // 2 h in 36 s; access tokens live 18 s real
        o.tokenLifetimeSeconds = 3600;
        o.workspaceFile = workspace;
        Brickrun::Emulator::Emulator emulator(o);
        QString error;
        QVERIFY2(emulator.start(&error), qPrintable(error));
        remember(emulator.token());
        addProfile({u"long"_s, u"--host"_s, emulator.baseUrl(), u"--cluster"_s, u"demo-cluster"_s});
        // Consent pages live 3 s and codes 1.5 s of real time at this speed: the test's
        // browser answers at once.
        signIn(u"long"_s);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(emulator.oauthStats().refreshGrants, 0);

        QProcess submit;
        submit.setProcessEnvironment(environment());
        submit.start(Cli, {u"submit"_s, u"--profile"_s, u"long"_s, u"--notebook"_s,
                           u"/Shared/Long/two_hours"_s, u"--json"_s});
        QVERIFY(submit.waitForStarted(scaledTimeout(10000)));
        submit.closeWriteChannel(); // nothing could prompt
        auto unauthorized = [&emulator] {
            int n = 0;
            for (const auto &entry : emulator.requestLog())
                n += entry.status == 401 ? 1 : 0;
            return n;
        };
        // A token at start, then a renewal before the first one expires (no 401 needed).
        (void)QTest::qWaitFor(
            [&] {
                return emulator.oauthStats().refreshGrants >= 2 ||
                       submit.state() == QProcess::NotRunning;
            },
            scaledTimeout(60000));
        QVERIFY2(emulator.oauthStats().refreshGrants >= 2,
                 submit.readAllStandardError().constData());
        QVERIFY2(submit.state() != QProcess::NotRunning, submit.readAllStandardError().constData());
        QCOMPARE(unauthorized(), 0);
        // 61 simulated minutes pass at once: the token in use expires on the workspace's
        // clock while the client still counts it as good, so the next poll meets a 401.
        emulator.advanceSimulatedTime(61 * 60 * 1000);
        const bool ended = QTest::qWaitFor([&] { return submit.state() == QProcess::NotRunning; },
                                           scaledTimeout(90000));
        if (!ended) {
            submit.kill();
            submit.waitForFinished();
        }
        const QByteArray out = submit.readAllStandardOutput();
        const QByteArray err = submit.readAllStandardError();
        checkForLeaks(u"submit --profile long"_s, out + err);
        QVERIFY2(ended && submit.exitStatus() == QProcess::NormalExit && submit.exitCode() == 0,
                 err.constData());
        const QJsonObject result = QJsonDocument::fromJson(out).object();
        QCOMPARE(result.value(u"resultState"_s).toString(), u"SUCCESS"_s);
        QCOMPARE(emulator.createdRunCount(), 1);
        QVERIFY2(unauthorized() >= 1, "the 401 path was not taken");
        QVERIFY(emulator.oauthStats().refreshGrants >= 3);
        QVERIFY2(!err.contains("Open this address") && !err.contains("sign in again"),
                 err.constData());
        // The rotated refresh token went to the keychain: the profile still works.
        const Run test = run({u"profiles"_s, u"test"_s, u"long"_s});
        QVERIFY2(test.exitCode == 0, test.describe().constData());
        emulator.stop();
    }

    // 7. The refresh token is revoked while a run goes on: the CLI stops, naming the login;
    // after a new sign-in, resume follows the same run to its end.
    void refreshRevokedMidRun()
    {
        signIn(u"work"_s); // its sign-in was revoked above
        if (QTest::currentTestFailed())
            return;
        const int runsBefore = m_emulator->createdRunCount();
        QProcess submit;
        submit.setProcessEnvironment(environment());
        submit.start(Cli, {u"submit"_s, u"--profile"_s, u"work"_s, u"--notebook"_s,
                           u"/Shared/Demo/slow_report"_s, u"--cluster"_s, u"demo-cluster"_s,
                           u"--json"_s});
        QVERIFY(submit.waitForStarted(scaledTimeout(10000)));
        submit.closeWriteChannel();
        QByteArray err;
        (void)QTest::qWaitFor(
            [&] {
                err += submit.readAllStandardError();
                return err.contains("RUNNING") || submit.state() == QProcess::NotRunning;
            },
            scaledTimeout(30000));
        const qint64 runId = runIdIn(err);
        QVERIFY2(runId > 0 && err.contains("RUNNING"), err.constData());
        m_emulator->revokeAllOAuthTokens();
        const bool ended = QTest::qWaitFor([&] { return submit.state() == QProcess::NotRunning; },
                                           scaledTimeout(60000));
        if (!ended) {
            submit.kill();
            submit.waitForFinished();
        }
        err += submit.readAllStandardError();
        checkForLeaks(u"submit --profile work (revoked)"_s, submit.readAllStandardOutput() + err);
        QVERIFY2(ended && submit.exitCode() == 3, err.constData());
        QVERIFY2(err.contains("sign in again with: brickrun-cli profiles login work"),
                 err.constData());
        QVERIFY2(err.contains("brickrun-cli resume --profile work"), err.constData());

        const Run active = run({u"runs"_s, u"--active"_s});
        QVERIFY2(active.exitCode == 0, active.describe().constData());
        QVERIFY2(active.out.contains(QByteArray::number(runId)), active.out.constData());

        signIn(u"work"_s);
        if (QTest::currentTestFailed())
            return;
        const Run resume =
            run({u"resume"_s, u"--profile"_s, u"work"_s, u"--json"_s}, {}, {}, 120000);
        QVERIFY2(resume.exitCode == 0, resume.describe().constData());
        const QJsonObject result = resume.json();
        QCOMPARE(qint64(result.value(u"runId"_s).toDouble()), runId);
        QCOMPARE(result.value(u"resultState"_s).toString(), u"SUCCESS"_s);
        QCOMPARE(m_emulator->createdRunCount(), runsBefore + 1);
        const Run after = run({u"runs"_s, u"--active"_s});
        QVERIFY2(!after.out.contains(QByteArray::number(runId)), after.out.constData());
    }

    void logoutRemovesTheRefreshToken()
    {
        const Run r = run({u"profiles"_s, u"logout"_s, u"work"_s});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QVERIFY(keychainLookup(u"work/refresh-token"_s).isEmpty());
        const Run status = run({u"status"_s, u"1"_s, u"--profile"_s, u"work"_s});
        QVERIFY2(status.exitCode == 3, status.describe().constData());
        QVERIFY2(status.err.contains("not signed in") &&
                     status.err.contains("brickrun-cli profiles login work"),
                 status.err.constData());
    }
};

QTEST_GUILESS_MAIN(tst_CliSignIn)
#include "tst_clisignin.moc"
