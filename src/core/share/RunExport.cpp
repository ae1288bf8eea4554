// SPDX-License-Identifier: Apache-2.0
// RunExport: the formats, the shell texts and quoting. The Python text is in
// RunExportPython.cpp, the Arazzo workflow in ArazzoExport.
#include "share/RunExport.h"

#include "share/ArazzoExport.h"
#include "share/YamlWriter.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QUrl>

namespace Brickrun {

namespace {

const QString SubmitPath = QStringLiteral("/api/2.2/jobs/runs/submit");

QString indentedJson(const QJsonObject &body)
{
    QString json = QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented));
    while (json.endsWith(QLatin1Char('\n')))
        json.chop(1);
    return json;
}

bool isLoopback(const QString &host)
{
    const QUrl url(host);
    const QString name = url.host();
    return name.isEmpty() || name == QLatin1String("localhost") || QHostAddress(name).isLoopback();
}

} // namespace

const QStringList &RunExport::formatNames()
{
    static const QStringList names{QStringLiteral("cli"), QStringLiteral("curl"),
                                   QStringLiteral("python"), QStringLiteral("arazzo")};
    return names;
}

std::optional<RunExport::Format> RunExport::formatFromName(const QString &name)
{
    const qsizetype i = formatNames().indexOf(name.trimmed().toLower());
    if (i < 0)
        return std::nullopt;
    return Format(i);
}

QString RunExport::formatName(Format format)
{
    return formatNames().at(int(format));
}

QString RunExport::fileSuffix(Format format)
{
    switch (format) {
    case Format::DatabricksCli:
    case Format::Curl:
        return QStringLiteral(".sh");
    case Format::PythonSdk:
        return QStringLiteral(".py");
    case Format::Arazzo:
        break;
    }
    return QStringLiteral(".arazzo.yaml");
}

QJsonObject RunExport::submitBody(const RunSpec &spec)
{
    return spec.toSubmitBody(QString());
}

QString RunExport::render(Format format, const RunSpec &spec, const QString &title,
                          const QString &host)
{
    switch (format) {
    case Format::DatabricksCli:
        return databricksCli(spec);
    case Format::Curl:
        return curl(spec, host);
    case Format::PythonSdk:
        return pythonSdk(spec);
    case Format::Arazzo:
        break;
    }
    return ArazzoExport::yaml(spec, title);
}

QString RunExport::shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString RunExport::databricksCli(const RunSpec &spec)
{
    return QStringLiteral("# The Databricks CLI (0.205 or newer) signs in as its profile or\n"
                          "# DATABRICKS_HOST/DATABRICKS_TOKEN say, and waits for the run to end\n"
                          "# (--no-wait returns at once).\n"
                          "databricks jobs submit --json ") +
           shellQuote(indentedJson(submitBody(spec))) + QLatin1Char('\n');
}

QString RunExport::curl(const RunSpec &spec, const QString &host)
{
    const QString origin = host.trimmed();
    const QString url = isLoopback(origin)
                            ? QStringLiteral("\"$DATABRICKS_HOST%1\"").arg(SubmitPath)
                            : shellQuote(QUrl(origin)
                                             .adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath |
                                                       QUrl::RemoveQuery)
                                             .toString() +
                                         SubmitPath);
    return QStringLiteral("# Submits the run and answers {\"run_id\": …}; the token is read from "
                          "DATABRICKS_TOKEN.\n"
                          "curl --fail-with-body --silent --show-error --request POST \\\n"
                          "  --header \"Authorization: Bearer $DATABRICKS_TOKEN\" \\\n"
                          "  --header 'Content-Type: application/json' \\\n"
                          "  --data ") +
           shellQuote(indentedJson(submitBody(spec))) + QStringLiteral(" \\\n  ") + url +
           QLatin1Char('\n');
}

QString RunExport::pythonString(const QString &text)
{
    return YamlWriter::doubleQuoted(text); // the same escapes are Python's
}

} // namespace Brickrun
