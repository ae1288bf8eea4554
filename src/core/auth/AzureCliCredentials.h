// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "auth/Credentials.h"

#include <chrono>

namespace Brickrun {

// Tokens from the Azure CLI's own sign-in (`az login`): runs `az account get-access-token
// --resource <Azure Databricks> --output json [--tenant T]` without blocking, again before the
// token expires. `az` keeps its own secrets; Brickrun passes it none.
class AzureCliCredentials : public Credentials
{
    Q_OBJECT
public:
    explicit AzureCliCredentials(const QString &tenantId = QString(), QObject *parent = nullptr);
    QString authType() const override { return AuthType::AzureCli; }

    // The program to run; default: `az` (`az.cmd` on Windows) found on PATH.
    void setProgram(const QString &program) { m_program = program; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Reads az's JSON answer; an empty value and *error set when it is not usable.
    static AccessToken parseAnswer(const QByteArray &json, QString *error);

protected:
    void fetch(std::function<void(const Outcome &)> done) override;

private:
    QString loginCommand() const;
    QString m_tenantId;
    QString m_program;
    std::chrono::milliseconds m_timeout{60000};
};

} // namespace Brickrun
