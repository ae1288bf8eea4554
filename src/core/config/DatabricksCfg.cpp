// SPDX-License-Identifier: Apache-2.0
#include "config/DatabricksCfg.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>

namespace Brickrun {

namespace {

constexpr int MaxIssues = 100;     // a garbage file must not produce millions of messages
constexpr int MaxQuotedChars = 40; // how much of a bad line an issue message shows

QLatin1String settingsSection()
{
    return QLatin1String("__settings__");
}

QLatin1String defaultSection()
{
    return QLatin1String("DEFAULT");
}

bool isCommentStart(QChar c)
{
    return c == QLatin1Char('#') || c == QLatin1Char(';');
}

// Text that could be a credential: a Databricks token (dapi…, dkea…, dose…), a JWT (eyJ…),
// or a long unbroken run of letters and digits (hex or base64 secrets).
bool looksLikeSecret(const QString &text)
{
    const QString lower = text.toLower();
    for (const char *prefix : {"dapi", "dkea", "dose", "eyj"}) {
        if (lower.contains(QLatin1String(prefix)))
            return true;
    }
    int run = 0;
    for (const QChar c : text) {
        run = (c.isLetterOrNumber() && c.unicode() < 0x80) ? run + 1 : 0;
        if (run >= 20)
            return true;
    }
    return false;
}

// A malformed line may be a credential line missing its '=': never show those.
bool mayHoldSecret(const QString &line)
{
    const QString lower = line.toLower();
    for (const char *word : {"token", "secret", "password", "passwd", "pwd"}) {
        if (lower.contains(QLatin1String(word)))
            return true;
    }
    return looksLikeSecret(line);
}

// Text shortened and with control characters made visible, for an issue message.
QString shortened(const QString &text)
{
    QString shown = text.left(MaxQuotedChars);
    for (QChar &c : shown) {
        if (!c.isPrint())
            c = QLatin1Char('?');
    }
    if (text.size() > MaxQuotedChars)
        shown += QStringLiteral("...");
    return shown;
}

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + shortened(text) + QLatin1Char('\'');
}

QString sectionLabel(const QString &name)
{
    return looksLikeSecret(name) ? QStringLiteral("[(a name that looks like a secret, not shown)]")
                                 : QString(QLatin1Char('[') + shortened(name) + QLatin1Char(']'));
}

QString quotedName(const QString &name)
{
    return looksLikeSecret(name) ? QStringLiteral("(a name that looks like a secret, not shown)")
                                 : quoted(name);
}

QString quotedLine(const QString &line)
{
    return mayHoldSecret(line) ? QStringLiteral("a line that may hold a secret (not shown)")
                               : quoted(line);
}

// The value as the CLI (go-ini) reads it: trimmed, an inline comment dropped when whitespace
// precedes its '#' or ';', then one pair of matching surrounding quotes removed.
QString cleanValue(const QString &raw)
{
    QString value = raw.trimmed();
    for (int i = 1; i < value.size(); ++i) {
        if (isCommentStart(value.at(i)) && value.at(i - 1).isSpace()) {
            value = value.left(i).trimmed();
            break;
        }
    }
    if (value.size() >= 2) {
        const QChar first = value.front();
        if ((first == QLatin1Char('"') || first == QLatin1Char('\'')) && value.back() == first &&
            value.indexOf(first, 1) == value.size() - 1)
            value = value.mid(1, value.size() - 2);
    }
    return value;
}

void assign(DatabricksCfgProfile &profile, const QString &key, const QString &value)
{
    if (key == QLatin1String("host"))
        profile.host = value;
    else if (key == QLatin1String("token"))
        profile.token = value;
    else if (key == QLatin1String("auth_type"))
        profile.authType = value;
    else if (key == QLatin1String("cluster_id"))
        profile.clusterId = value;
    else
        profile.otherKeys.insert(key, value);
}

// The content as UTF-8 without a byte order mark. UTF-16 (with BOM) is converted.
QByteArray toUtf8(const QByteArray &content, bool *badUtf16)
{
    *badUtf16 = false;
    if (content.startsWith("\xEF\xBB\xBF"))
        return content.mid(3);
    const bool le = content.startsWith("\xFF\xFE");
    if (le || content.startsWith("\xFE\xFF")) {
        QStringDecoder decoder(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        const QString text = decoder(content.mid(2));
        *badUtf16 = decoder.hasError();
        return text.toUtf8();
    }
    return content;
}

class Parser
{
public:
    void parseLine(QByteArrayView raw, int lineNumber);
    void finish(QList<DatabricksCfgProfile> *profiles, QString *defaultProfile,
                QList<DatabricksCfgIssue> *issues);
    void addIssue(int line, const QString &message);

private:
    void parseHeader(const QString &text, int lineNumber);
    void parseKey(const QString &text, bool indented, int lineNumber);

    QList<DatabricksCfgProfile> m_sections; // in file order, including __settings__
    QList<QHash<QString, int>> m_keyLines;  // per section: key -> line it was first set on
    QHash<QString, int> m_sectionIndex;     // name -> index in m_sections
    int m_current = -1;                     // section receiving keys; -1: none
    bool m_seenHeader = false;              // any '[' line yet (even a broken one)
    QString m_lastKey;                      // key of the previous line, for the hint below
    QList<DatabricksCfgIssue> m_issues;
    int m_issueCount = 0;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
};

void Parser::addIssue(int line, const QString &message)
{
    ++m_issueCount;
    if (m_issueCount <= MaxIssues)
        m_issues.append(DatabricksCfgIssue{line, message});
    else if (m_issueCount == MaxIssues + 1)
        m_issues.append(DatabricksCfgIssue{
            line, QStringLiteral("more than %1 problems; the rest are not listed").arg(MaxIssues)});
}

void Parser::parseLine(QByteArrayView raw, int lineNumber)
{
    m_decoder.resetState();
    const QString decoded = m_decoder(raw);
    const bool invalidUtf8 = m_decoder.hasError();
    const QString text = decoded.trimmed();
    if (text.isEmpty()) {
        m_lastKey.clear();
        return;
    }
    if (isCommentStart(text.front()))
        return; // comments may be in any encoding
    if (invalidUtf8) {
        addIssue(lineNumber, QStringLiteral("the line is not valid UTF-8; it is ignored"));
        if (text.front() == QLatin1Char('[')) {
            m_seenHeader = true;
            m_current = -1;
        }
        m_lastKey.clear();
        return;
    }
    if (text.front() == QLatin1Char('['))
        parseHeader(text, lineNumber);
    else
        parseKey(text, decoded.front().isSpace(), lineNumber);
}

void Parser::parseHeader(const QString &text, int lineNumber)
{
    m_seenHeader = true;
    m_current = -1;
    m_lastKey.clear();
    const int close = text.lastIndexOf(QLatin1Char(']'));
    if (close < 0) {
        addIssue(lineNumber, QStringLiteral("section header without a closing ']': %1; the keys "
                                            "up to the next section are ignored")
                                 .arg(quotedLine(text)));
        return;
    }
    const QString name = text.mid(1, close - 1).trimmed();
    if (name.isEmpty()) {
        addIssue(lineNumber, QStringLiteral("empty section name '[]'; the keys up to the next "
                                            "section are ignored"));
        return;
    }
    const QString rest = text.mid(close + 1).trimmed();
    if (!rest.isEmpty() && !isCommentStart(rest.front()))
        addIssue(lineNumber, QStringLiteral("unexpected text after the section header %1: %2; "
                                            "it is ignored")
                                 .arg(sectionLabel(name), quotedLine(rest)));
    const auto existing = m_sectionIndex.constFind(name);
    if (existing != m_sectionIndex.constEnd()) {
        m_current = existing.value();
        addIssue(lineNumber,
                 QStringLiteral("duplicate section %1 (first on line %2); its keys are merged "
                                "into the first")
                     .arg(sectionLabel(name))
                     .arg(m_sections.at(m_current).line));
        return;
    }
    DatabricksCfgProfile section;
    section.name = name;
    section.line = lineNumber;
    m_current = int(m_sections.size());
    m_sections.append(section);
    m_keyLines.append(QHash<QString, int>());
    m_sectionIndex.insert(name, m_current);
}

void Parser::parseKey(const QString &text, bool indented, int lineNumber)
{
    int delimiter = -1;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('=') || text.at(i) == QLatin1Char(':')) {
            delimiter = i;
            break;
        }
    }
    const QString previousKey = m_lastKey;
    m_lastKey.clear();
    if (delimiter < 0) {
        if (indented && !previousKey.isEmpty())
            addIssue(lineNumber,
                     QStringLiteral("indented line without '=' after the key %1: multi-line "
                                    "values are not supported; the line is ignored")
                         .arg(quotedName(previousKey)));
        else
            addIssue(lineNumber, QStringLiteral("expected 'key = value' or a [section] header, "
                                                "got %1")
                                     .arg(quotedLine(text)));
        return;
    }
    const QString key = text.left(delimiter).trimmed().toLower();
    if (key.isEmpty()) {
        addIssue(lineNumber, QStringLiteral("a key name is missing before '%1'; the line is "
                                            "ignored")
                                 .arg(text.at(delimiter)));
        return;
    }
    if (m_current < 0) {
        if (!m_seenHeader)
            addIssue(lineNumber, QStringLiteral("the key %1 comes before any [section] header; "
                                                "it is ignored")
                                     .arg(quotedName(key)));
        return; // under a broken header: already reported once, at the header
    }
    m_lastKey = key;
    DatabricksCfgProfile &section = m_sections[m_current];
    QHash<QString, int> &keyLines = m_keyLines[m_current];
    const auto first = keyLines.constFind(key);
    if (first != keyLines.constEnd())
        addIssue(lineNumber, QStringLiteral("duplicate key %1 in %2 (first on line %3); the "
                                            "later value is used")
                                 .arg(quotedName(key), sectionLabel(section.name))
                                 .arg(first.value()));
    else
        keyLines.insert(key, lineNumber);
    assign(section, key, cleanValue(text.mid(delimiter + 1)));
}

void Parser::finish(QList<DatabricksCfgProfile> *profiles, QString *defaultProfile,
                    QList<DatabricksCfgIssue> *issues)
{
    for (int i = 0; i < m_sections.size(); ++i) {
        const DatabricksCfgProfile &section = m_sections.at(i);
        if (section.name == settingsSection()) {
            *defaultProfile = section.otherKeys.value(QStringLiteral("default_profile"));
            continue;
        }
        if (section.name == defaultSection() && m_keyLines.at(i).isEmpty())
            continue; // as in the SDKs: a DEFAULT without keys is no profile
        profiles->append(section);
    }
    *issues = m_issues;
}

} // namespace

DatabricksCfg DatabricksCfg::parse(const QByteArray &content)
{
    Parser parser;
    bool badUtf16 = false;
    const QByteArray utf8 = toUtf8(content, &badUtf16);
    if (badUtf16)
        parser.addIssue(0, QStringLiteral("the file is UTF-16 with invalid characters; they "
                                          "were replaced"));
    const qsizetype size = utf8.size();
    const char *data = utf8.constData();
    int lineNumber = 1;
    qsizetype start = 0;
    while (start < size) {
        qsizetype end = start;
        while (end < size && data[end] != '\n' && data[end] != '\r')
            ++end;
        parser.parseLine(QByteArrayView(data + start, end - start), lineNumber);
        if (end < size && data[end] == '\r' && end + 1 < size && data[end + 1] == '\n')
            ++end; // CRLF is one line break
        start = end + 1;
        ++lineNumber;
    }
    DatabricksCfg cfg;
    parser.finish(&cfg.m_profiles, &cfg.m_defaultProfileSetting, &cfg.m_issues);
    return cfg;
}

DatabricksCfg DatabricksCfg::load(const QString &path, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return DatabricksCfg();
    };
    if (path.isEmpty())
        return fail(QStringLiteral("no Databricks configuration file was given"));
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return fail(QStringLiteral("%1 does not exist").arg(shown));
    if (info.isDir())
        return fail(
            QStringLiteral("%1 is a directory, not a Databricks configuration file").arg(shown));
    if (!info.isFile())
        return fail(QStringLiteral("%1 is not a regular file").arg(shown));
    const auto tooLarge = [&](qint64 size) {
        return fail(QStringLiteral("%1 is too large (%2 bytes; the limit is %3 bytes) to be a "
                                   "Databricks configuration file")
                        .arg(shown)
                        .arg(size)
                        .arg(MaxFileSize));
    };
    if (info.size() > MaxFileSize)
        return tooLarge(info.size());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(shown, file.errorString()));
    const QByteArray content = file.read(MaxFileSize + 1); // the file may grow meanwhile
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("cannot read %1: %2").arg(shown, file.errorString()));
    if (content.size() > MaxFileSize)
        return tooLarge(content.size());
    if (error)
        error->clear();
    return parse(content);
}

QString DatabricksCfg::configPath(const QProcessEnvironment &env)
{
#ifdef Q_OS_WIN
    QString home = env.value(QStringLiteral("USERPROFILE"));
#else
    QString home = env.value(QStringLiteral("HOME"));
#endif
    if (home.isEmpty())
        home = QDir::homePath();
    const QString file = env.value(QStringLiteral("DATABRICKS_CONFIG_FILE"));
    if (file.isEmpty())
        return QDir(home).filePath(QStringLiteral(".databrickscfg"));
    if (file == QLatin1String("~"))
        return home;
    if (file.startsWith(QLatin1String("~/")) || file.startsWith(QLatin1String("~\\")))
        return QDir(home).filePath(file.mid(2));
    return file;
}

QString DatabricksCfg::defaultProfileName(const QProcessEnvironment &env) const
{
    const QString fromEnv = env.value(QStringLiteral("DATABRICKS_CONFIG_PROFILE")).trimmed();
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (!m_defaultProfileSetting.isEmpty())
        return m_defaultProfileSetting;
    return QStringLiteral("DEFAULT");
}

std::optional<DatabricksCfgProfile> DatabricksCfg::profile(const QString &name) const
{
    for (const DatabricksCfgProfile &p : m_profiles) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

} // namespace Brickrun
