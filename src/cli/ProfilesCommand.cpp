#include "ProfilesCommand.h"

#include "Console.h"
#include "api/WorkspaceApi.h"
#include "auth/TokenStore.h"
#include "config/DatabricksCfg.h"
#include "config/WorkspaceUrl.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace Brickrun::Cli {

namespace {

QString statusWord(TokenStore::Status status)
{
    switch (status) {
    case TokenStore::Status::Ok:
        return QStringLiteral("stored");
    case TokenStore::Status::NotFound:
        return QStringLiteral("missing");
    case TokenStore::Status::NoBackend:
        return QStringLiteral("no keychain");
    case TokenStore::Status::AccessDenied:
        return QStringLiteral("access denied");
    case TokenStore::Status::Failed:
        break;
    }
    return QStringLiteral("unreadable");
}

} // namespace

ProfilesCommand::ProfilesCommand(const CliOptions &options, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_tokens(tokens)
    , m_transport(&m_network)
{}

void ProfilesCommand::start()
{
    switch (m_options.profilesAction) {
    case ProfilesAction::List:
        return list();
    case ProfilesAction::Add:
        return add();
    case ProfilesAction::Remove:
        return remove();
    case ProfilesAction::Test:
        return test();
    case ProfilesAction::ImportDatabricksCfg:
        return importDatabricksCfg();
    }
}

void ProfilesCommand::list()
{
    const QList<Profile> profiles = m_store.profiles();
    const QString defaultName = m_store.defaultProfile();
    // Ask the keychain about each token (whether it is there, never what it is).
    auto states = std::make_shared<QMap<QString, QString>>();
    auto report = [this, profiles, defaultName, states] {
        if (m_options.json) {
            QJsonArray array;
            for (const Profile &p : profiles)
                array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                         {QStringLiteral("host"), p.host.toString()},
                                         {QStringLiteral("authType"), p.authType},
                                         {QStringLiteral("clusterId"), p.clusterId},
                                         {QStringLiteral("caFile"), p.caFile},
                                         {QStringLiteral("default"), p.name == defaultName},
                                         {QStringLiteral("token"), states->value(p.name)}});
            printOut(
                QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("profiles"), array}})
                                      .toJson(QJsonDocument::Compact)));
        } else if (profiles.isEmpty()) {
            printOut(QStringLiteral("No profiles yet. Add one with: brickrun-cli profiles add NAME "
                                    "--host URL --token-stdin\n"));
        } else {
            QString out;
            for (const Profile &p : profiles)
                out += QStringLiteral("%1 %2  %3  token: %4%5\n")
                           .arg(p.name == defaultName ? QLatin1Char('*') : QLatin1Char(' '))
                           .arg(p.name.leftJustified(16), p.host.toString(), states->value(p.name),
                                p.clusterId.isEmpty()
                                    ? QString()
                                    : QStringLiteral("  cluster: %1").arg(p.clusterId));
            printOut(out);
        }
        finish(ExitSuccess);
    };
    if (profiles.isEmpty())
        return report();
    auto remaining = std::make_shared<int>(int(profiles.size()));
    for (const Profile &p : profiles) {
        m_tokens->readToken(
            p.name, this, [states, remaining, report, name = p.name](const TokenStore::Outcome &o) {
                states->insert(name, statusWord(o.status));
                if (--*remaining == 0)
                    report();
            });
    }
}

void ProfilesCommand::add()
{
    Profile profile;
    if (auto existing = m_store.profile(m_options.name))
        profile = *existing;
    profile.name = m_options.name;
    profile.host = m_options.host;
    if (!m_options.spec.clusterId.isEmpty())
        profile.clusterId = m_options.spec.clusterId;
    if (!m_options.caFile.isEmpty()) {
        if (QSslCertificate::fromPath(m_options.caFile, QSsl::Pem).isEmpty()) {
            printError(
                QStringLiteral("--ca-file %1 holds no PEM certificate").arg(m_options.caFile));
            return finish(ExitUsage);
        }
        profile.caFile = m_options.caFile;
    }

    auto saveProfile = [this, profile](const QString &tokenNote) {
        QString why;
        if (!m_store.save(profile, &why)) {
            printError(QStringLiteral("could not save profile \"%1\": %2").arg(profile.name, why));
            return finish(ExitUsage);
        }
        if (m_options.makeDefault)
            m_store.setDefaultProfile(profile.name);
        printError(QStringLiteral("saved profile \"%1\" for %2%3%4")
                       .arg(profile.name, profile.host.toString(), tokenNote,
                            m_store.defaultProfile() == profile.name
                                ? QStringLiteral(" (the default profile)")
                                : QString()));
        finish(ExitSuccess);
    };

    if (!m_options.tokenFromStdin)
        return saveProfile(QStringLiteral("; no token stored (use --token-stdin)"));

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        printError(QStringLiteral("--token-stdin: cannot read standard input"));
        return finish(ExitUsage);
    }
    const QString token = QString::fromUtf8(in.readAll()).trimmed();
    if (token.isEmpty()) {
        printError(QStringLiteral("--token-stdin: standard input held no token"));
        return finish(ExitUsage);
    }
    if (token.contains(QLatin1Char('\n')) || token.contains(QLatin1Char(' ')) ||
        token.contains(QLatin1Char('\t'))) {
        printError(QStringLiteral("--token-stdin: the token must be one word on one line"));
        return finish(ExitUsage);
    }
    // The token goes to the keychain first: a profile is only saved once its token is safe.
    m_tokens->writeToken(
        profile.name, token, this, [this, saveProfile](const TokenStore::Outcome &o) {
            if (!o.isOk()) {
                printError(QStringLiteral("the token was not stored: %1").arg(o.message));
                return finish(ExitAuth);
            }
            saveProfile(QStringLiteral("; token stored in the keychain"));
        });
}

void ProfilesCommand::remove()
{
    const QString name = m_options.name;
    m_tokens->removeToken(name, this, [this, name](const TokenStore::Outcome &o) {
        m_store.remove(name);
        if (!o.isOk()) {
            printError(QStringLiteral("removed profile \"%1\", but its token could not be removed "
                                      "from the keychain: %2")
                           .arg(name, o.message));
            return finish(ExitAuth);
        }
        printError(QStringLiteral("removed profile \"%1\" and its token").arg(name));
        finish(ExitSuccess);
    });
}

void ProfilesCommand::test()
{
    const auto profile = m_store.profile(m_options.name);
    if (!profile->caFile.isEmpty()) {
        const auto certificates = QSslCertificate::fromPath(profile->caFile, QSsl::Pem);
        if (certificates.isEmpty()) {
            printError(
                QStringLiteral("the CA file %1 holds no PEM certificate").arg(profile->caFile));
            return finish(ExitUsage);
        }
        m_transport.setExtraCaCertificates(certificates);
    }
    RetryPolicy retry;
    retry.totalBudget = m_options.retryBudget;
    m_transport.setRetryPolicy(m_options.retryBudget.count() == 0 ? RetryPolicy::none() : retry);
    m_tokens->readToken(profile->name, this, [this, profile](const TokenStore::Outcome &o) {
        if (!o.isOk()) {
            printError(o.status == TokenStore::Status::NotFound
                           ? QStringLiteral("profile \"%1\" has no token (not signed in); store "
                                            "one with: brickrun-cli profiles add %1 --host %2 "
                                            "--token-stdin")
                                 .arg(profile->name, profile->host.toString())
                           : o.message);
            return finish(ExitAuth);
        }
        m_transport.setEndpoint(profile->host, o.token);
        auto *api = new WorkspaceApi(&m_transport, this);
        api->testConnection(this, [this](const ConnectionReport &report) {
            if (m_options.json)
                printOut(QString::fromUtf8(
                    QJsonDocument(
                        QJsonObject{{QStringLiteral("hostAnswers"), report.hostAnswers},
                                    {QStringLiteral("tokenAccepted"), report.tokenAccepted},
                                    {QStringLiteral("userName"), report.user.userName},
                                    {QStringLiteral("displayName"), report.user.displayName},
                                    {QStringLiteral("summary"), report.summary}})
                        .toJson(QJsonDocument::Compact)));
            else
                printOut(report.summary);
            if (report.tokenAccepted)
                return finish(ExitSuccess);
            finish(report.hostAnswers && !report.error.isClientError() &&
                           (report.error.isAuthentication() || report.error.isPermission())
                       ? ExitAuth
                       : ExitApi);
        });
    });
}

void ProfilesCommand::importDatabricksCfg()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString path = DatabricksCfg::configPath(env);
    QString error;
    const DatabricksCfg cfg = DatabricksCfg::load(path, &error);
    if (!error.isEmpty()) {
        printError(error);
        return finish(ExitUsage);
    }
    for (const DatabricksCfgIssue &issue : cfg.issues())
        printError(QStringLiteral("%1:%2: %3 (line skipped)")
                       .arg(path)
                       .arg(issue.line)
                       .arg(issue.message));

    QList<DatabricksCfgProfile> chosen;
    if (!m_options.cfgProfile.isEmpty()) {
        const auto p = cfg.profile(m_options.cfgProfile);
        if (!p) {
            printError(QStringLiteral("%1 has no profile [%2]").arg(path, m_options.cfgProfile));
            return finish(ExitUsage);
        }
        chosen << *p;
    } else {
        chosen = cfg.profiles();
    }
    for (const DatabricksCfgProfile &p : chosen) {
        const QString why = Profile::checkName(p.name);
        if (!why.isEmpty()) {
            printError(QStringLiteral("[%1] skipped: %2").arg(p.name, why));
            ++m_importFailures;
            continue;
        }
        QString hostError;
        const QUrl host = WorkspaceUrl::parse(p.host, &hostError);
        if (!host.isValid()) {
            printError(QStringLiteral("[%1] skipped: %2")
                           .arg(p.name, p.host.isEmpty() ? QStringLiteral("no host") : hostError));
            ++m_importFailures;
            continue;
        }
        PendingImport item;
        item.profile.name = p.name;
        item.profile.host = host;
        item.profile.clusterId = p.clusterId;
        item.profile.authType = p.authType.isEmpty() ? QStringLiteral("pat") : p.authType;
        item.token = p.token;
        if (p.token.isEmpty())
            item.note = item.profile.authType == QLatin1String("pat")
                            ? QStringLiteral("no token in the file")
                            : QStringLiteral("auth_type %1: Brickrun signs in with a token; add "
                                             "one with profiles add --token-stdin")
                                  .arg(item.profile.authType);
        m_imports << item;
    }
    if (m_imports.isEmpty()) {
        printError(QStringLiteral("nothing to import from %1").arg(path));
        return finish(ExitUsage);
    }
    importNext();
}

void ProfilesCommand::importNext()
{
    if (m_imports.isEmpty()) {
        printError(
            QStringLiteral("imported %1 profile(s); %2 unchanged (the file was not modified)")
                .arg(m_imported)
                .arg(m_importFailures));
        return finish(m_imported > 0 ? ExitSuccess : ExitAuth);
    }
    const PendingImport item = m_imports.takeFirst();
    auto save = [this, item](const QString &tokenNote) {
        QString why;
        if (!m_store.save(item.profile, &why)) {
            printError(QStringLiteral("[%1] skipped: %2").arg(item.profile.name, why));
            ++m_importFailures;
        } else {
            ++m_imported;
            printError(QStringLiteral("[%1] imported: %2%3")
                           .arg(item.profile.name, item.profile.host.toString(), tokenNote));
        }
        importNext();
    };
    if (item.token.isEmpty())
        return save(QStringLiteral(" (%1)").arg(item.note));
    m_tokens->writeToken(item.profile.name, item.token, this,
                         [this, save, item](const TokenStore::Outcome &o) {
                             if (!o.isOk()) {
                                 printError(QStringLiteral("[%1] skipped: the token was not "
                                                           "stored: %2")
                                                .arg(item.profile.name, o.message));
                                 ++m_importFailures;
                                 return importNext();
                             }
                             save(QStringLiteral(" (token moved to the keychain)"));
                         });
}

void ProfilesCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    QTimer::singleShot(0, this, [this, exitCode] { Q_EMIT done(exitCode); });
}

void ProfilesCommand::printOut(const QString &text)
{
    const QByteArray bytes =
        (text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void ProfilesCommand::printError(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

} // namespace Brickrun::Cli
