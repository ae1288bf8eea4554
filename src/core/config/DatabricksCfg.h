// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace Brickrun {

// One [section] of ~/.databrickscfg. Keys the file spells in any case are matched in lower case
// (as the Python SDK's configparser does); values are trimmed and never interpreted here.
struct DatabricksCfgProfile
{
    QString name;      // the section name, case-sensitive ("DEFAULT" and "default" differ)
    QString host;      // key host, '' when absent
    QString token;     // key token, exactly as written (surrounding whitespace and quotes removed)
    QString authType;  // key auth_type (pat, databricks-cli, azure-cli, oauth-m2m…)
    QString clusterId; // key cluster_id
    QMap<QString, QString> otherKeys; // every other key (azure_*, client_id…), kept, never used
    int line = 0;                     // line of the [section] header, 1-based
};

// A line the reader could not use. The message never contains a token or anything that looks
// like a secret: lines that might hold one are described, not quoted.
struct DatabricksCfgIssue
{
    int line = 0; // 1-based; 0 when the problem concerns the whole file
    QString message;
};

// Reads the Databricks configuration profiles file the way the official tools do (databricks
// CLI and Go SDK via go-ini, Python SDK via configparser), and where they disagree, the more
// forgiving reading that never changes a value:
//   - [DEFAULT] is a profile like any other: its keys are NOT inherited by other sections, and
//     it exists only when it has at least one key; [__settings__] holds default_profile and is
//     not a profile.
//   - "key = value" and "key: value"; the first '=' or ':' splits. Keys are trimmed and matched
//     case-insensitively; values are trimmed.
//   - Full-line comments start with '#' or ';' (after optional indentation). An inline comment
//     needs whitespace before its '#' or ';' (so "p#ss" keeps its '#', as in the CLI).
//   - A value wholly inside matching "…" or '…' (with no other such quote) loses the quotes, as
//     the CLI does; nothing else is unescaped.
//   - A UTF-8 BOM is skipped; a UTF-16 file (with BOM, as Windows PowerShell 5 writes) is
//     decoded. LF, CRLF and CR line endings are accepted.
//   - Multi-line values are not supported (the CLI and the Python SDK disagree on them).
// Unlike the official tools, a malformed line never makes the whole file unreadable: it becomes
// an issue and is skipped. A duplicate section is merged into the first, and for a duplicate key
// the later value wins (as in the CLI); both are reported.
class DatabricksCfg
{
public:
    static constexpr qint64 MaxFileSize = 1024 * 1024;

    // Pure and total: any bytes give a result; problems are listed in issues().
    static DatabricksCfg parse(const QByteArray &content);
    // Reads and parses the file. On failure (missing, not a regular file, unreadable, larger
    // than MaxFileSize) returns an empty config and sets *error to a sentence naming the file.
    static DatabricksCfg load(const QString &path, QString *error);
    // DATABRICKS_CONFIG_FILE (a leading ~ is expanded), else ~/.databrickscfg, where ~ is the
    // environment's HOME (USERPROFILE on Windows), falling back to QDir::homePath().
    static QString configPath(const QProcessEnvironment &env);

    // DATABRICKS_CONFIG_PROFILE, else [__settings__] default_profile, else "DEFAULT".
    QString defaultProfileName(const QProcessEnvironment &env) const;
    // In file order; never [__settings__]; [DEFAULT] only when it has keys.
    QList<DatabricksCfgProfile> profiles() const { return m_profiles; }
    std::optional<DatabricksCfgProfile> profile(const QString &name) const;
    QList<DatabricksCfgIssue> issues() const { return m_issues; }

private:
    QList<DatabricksCfgProfile> m_profiles;
    QString m_defaultProfileSetting; // [__settings__] default_profile, '' when absent
    QList<DatabricksCfgIssue> m_issues;
};

} // namespace Brickrun
