// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Brickrun {

// A run (a preset, or a run of the history) as other people's tools take it: the Databricks
// CLI, curl, the Databricks SDK for Python, or an Arazzo 1.0.1 workflow (ArazzoExport). Each
// carries the exact runs/submit body Brickrun sends (RunSpec::toSubmitBody) without the
// idempotency token, and never a credential: the token is read from DATABRICKS_TOKEN (curl),
// the tool's own configuration (CLI, SDK) or the workflow's `token` input (Arazzo).
//
// Every text is safe to paste: the JSON of `--json '…'` and `--data '…'` is single-quoted for
// a POSIX shell (a ' inside a value becomes '\''), Python strings are escaped literals.
class RunExport
{
public:
    enum class Format
    {
        DatabricksCli, // databricks jobs submit --json '…'
        Curl,          // curl … runs/submit
        PythonSdk,     // w.jobs.submit(…).result(), then each task's output
        Arazzo,        // an Arazzo 1.0.1 workflow (YAML)
    };

    // "cli", "curl", "python", "arazzo": the names the command line's --as takes.
    static const QStringList &formatNames();
    static std::optional<Format> formatFromName(const QString &name);
    static QString formatName(Format format);
    // What a file of the format ends with: ".sh", ".sh", ".py", ".arazzo.yaml".
    static QString fileSuffix(Format format);

    // What a run is sent as, without the idempotency token.
    static QJsonObject submitBody(const RunSpec &spec);

    // `title` names the workflow (Arazzo: a preset's name, or the run's name); `host` is the
    // workspace origin ("https://adb-1.2.azuredatabricks.net") curl posts to, when known and
    // not loopback; else curl reads it from DATABRICKS_HOST.
    static QString render(Format format, const RunSpec &spec, const QString &title,
                          const QString &host = QString());

    static QString databricksCli(const RunSpec &spec);
    static QString curl(const RunSpec &spec, const QString &host = QString());
    static QString pythonSdk(const RunSpec &spec);

    // `text` as one POSIX shell word: '…' with each ' written '\''.
    static QString shellQuote(const QString &text);
    // `text` as a Python 3 string literal: "…" with \, ", newlines and control characters escaped.
    static QString pythonString(const QString &text);
};

} // namespace Brickrun
