// SPDX-License-Identifier: Apache-2.0
#include "auth/AzureCliCredentials.h"

#include "auth/OAuthClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

namespace Brickrun {

AzureCliCredentials::AzureCliCredentials(const QString &tenantId, QObject *parent)
    : Credentials(parent)
    , m_tenantId(tenantId)
{
    // For slow machines and tests: BRICKRUN_AZ_TIMEOUT seconds (default 60).
    const int seconds = qEnvironmentVariableIntValue("BRICKRUN_AZ_TIMEOUT");
    if (seconds > 0)
        m_timeout = std::chrono::seconds(seconds);
}

QString AzureCliCredentials::loginCommand() const
{
    return m_tenantId.isEmpty() ? QStringLiteral("az login")
                                : QStringLiteral("az login --tenant %1").arg(m_tenantId);
}

AccessToken AzureCliCredentials::parseAnswer(const QByteArray &json, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("az printed something that is not JSON: %1")
                     .arg(QString::fromUtf8(json.left(120)).simplified());
        return {};
    }
    const QJsonObject o = doc.object();
    AccessToken token;
    token.value = o.value(QStringLiteral("accessToken")).toString();
    if (token.value.isEmpty()) {
        *error = QStringLiteral("az answered without an accessToken");
        return {};
    }
    // Newer versions say when in epoch seconds; all say it in local time as text.
    const QJsonValue epoch = o.value(QStringLiteral("expires_on"));
    const qint64 seconds =
        epoch.isString() ? epoch.toString().toLongLong() : qint64(epoch.toDouble());
    if (seconds > 0) {
        token.expiresAt = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    } else {
        const QString text = o.value(QStringLiteral("expiresOn")).toString().left(19);
        const QDateTime local = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (local.isValid())
            token.expiresAt = local.toUTC();
    }
    return token;
}

void AzureCliCredentials::fetch(std::function<void(const Outcome &)> done)
{
    QString program = m_program;
    if (program.isEmpty()) {
#ifdef Q_OS_WIN
        program = QStandardPaths::findExecutable(QStringLiteral("az.cmd"));
#else
        program = QStandardPaths::findExecutable(QStringLiteral("az"));
#endif
    }
    auto fail = [this, done](const QString &message, bool signIn) {
        QTimer::singleShot(0, this, [done, message, signIn] {
            Outcome o;
            o.error = ApiError::invalidInput(message);
            if (signIn) {
                o.error.kind = ApiError::Kind::Http;
                o.error.httpStatus = 401;
            }
            o.signInRequired = signIn;
            done(o);
        });
    };
    if (program.isEmpty()) {
        fail(QStringLiteral("The Azure CLI (az) is not installed or not on PATH; install it "
                            "(https://aka.ms/azure-cli), then run: %1")
                 .arg(loginCommand()),
             true);
        return;
    }
    QStringList arguments{QStringLiteral("account"),    QStringLiteral("get-access-token"),
                          QStringLiteral("--resource"), AzureDatabricksResource,
                          QStringLiteral("--output"),   QStringLiteral("json")};
    if (!m_tenantId.isEmpty())
        arguments << QStringLiteral("--tenant") << m_tenantId;

    auto *process = new QProcess(this);
    process->setProgram(program);
    process->setArguments(arguments);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    auto finish = [this, process, done, finished](const Outcome &o) {
        if (*finished)
            return;
        *finished = true;
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning) {
            // Timed out: a killed process ends at once; collect it here, or Qt says on the
            // user's terminal that it was "destroyed while still running".
            process->kill();
            process->waitForFinished(1000);
        }
        process->deleteLater();
        done(o);
    };
    connect(timer, &QTimer::timeout, this, [this, finish] {
        Outcome o;
        o.error =
            ApiError::timeout(QStringLiteral("The Azure CLI did not answer within %1 s (az account "
                                             "get-access-token); check that az works in a terminal")
                                  .arg(m_timeout.count() / 1000));
        finish(o);
    });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, finish](QProcess::ProcessError e) {
                if (e != QProcess::FailedToStart)
                    return;
                Outcome o;
                o.error = ApiError::invalidInput(
                    QStringLiteral(
                        "The Azure CLI (%1) could not be started: %2; install it, then run: %3")
                        .arg(process->program(), process->errorString(), loginCommand()));
                o.error.kind = ApiError::Kind::Http;
                o.error.httpStatus = 401;
                o.signInRequired = true;
                finish(o);
            });
    connect(process, &QProcess::finished, this,
            [this, process, finish](int exitCode, QProcess::ExitStatus status) {
                const QByteArray out = process->readAllStandardOutput();
                const QString err = QString::fromUtf8(process->readAllStandardError()).simplified();
                Outcome o;
                if (status != QProcess::NormalExit || exitCode != 0) {
                    const bool tenant = err.contains(QLatin1String("AADSTS90002")) ||
                                        err.contains(QLatin1String("AADSTS50020")) ||
                                        err.contains(QLatin1String("tenant"), Qt::CaseInsensitive);
                    const bool login = err.contains(QLatin1String("az login")) ||
                                       err.contains(QLatin1String("AADSTS700082")) ||
                                       err.contains(QLatin1String("expired"), Qt::CaseInsensitive);
                    QString message;
                    if (tenant && !m_tenantId.isEmpty())
                        message = QStringLiteral("The Azure CLI is not signed in to tenant %1; "
                                                 "run: %2")
                                      .arg(m_tenantId, loginCommand());
                    else if (login)
                        message = QStringLiteral("The Azure CLI is not signed in, or its sign-in "
                                                 "expired; run: %1")
                                      .arg(loginCommand());
                    else
                        message = QStringLiteral("The Azure CLI failed (exit code %1): %2")
                                      .arg(exitCode)
                                      .arg(err.left(300));
                    o.error = ApiError::invalidInput(message);
                    o.error.kind = ApiError::Kind::Http;
                    o.error.httpStatus = 401;
                    o.signInRequired = true;
                    finish(o);
                    return;
                }
                QString why;
                o.token = parseAnswer(out, &why);
                if (o.token.isEmpty())
                    o.error = ApiError::badResponse(why);
                finish(o);
            });
    timer->start(m_timeout);
    process->start();
}

} // namespace Brickrun
