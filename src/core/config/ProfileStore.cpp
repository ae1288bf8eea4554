// SPDX-License-Identifier: Apache-2.0
#include "config/ProfileStore.h"

#include "config/PrivateFiles.h"
#include "config/WorkspaceUrl.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <utility>

namespace Brickrun {

namespace {
const QString Group = QStringLiteral("profiles");
const QString DefaultKey = QStringLiteral("defaults/profile");
} // namespace

ProfileStore::ProfileStore(const QString &settingsFile)
    : m_settings(settingsFile.isEmpty()
                     ? std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                                   QCoreApplication::organizationName(),
                                                   QCoreApplication::applicationName())
                     : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{}

ProfileStore::~ProfileStore() = default;

void ProfileStore::syncPrivately()
{
    if (m_batchDepth > 0)
        return; // endBatch() writes once

    // Hosts, names and who signed in are nobody else's business: a private folder (the file is
    // replaced on each save, inside it) and a private file.
    const QString path = m_settings->fileName();
    PrivateFiles::makePrivateDir(QFileInfo(path).absolutePath());
    m_settings->sync();
    PrivateFiles::makePrivateFile(path);
}

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> result;
    m_settings->beginGroup(Group);
    const QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    for (const QString &name : names) {
        if (auto p = profile(name))
            result.append(*p);
    }
    std::sort(result.begin(), result.end(),
              [](const Profile &a, const Profile &b) { return a.name < b.name; });
    return result;
}

std::optional<Profile> ProfileStore::profile(const QString &name) const
{
    if (!Profile::checkName(name).isEmpty() || !contains(name))
        return std::nullopt;
    m_settings->beginGroup(Group + QLatin1Char('/') + name);
    Profile p;
    p.name = name;
    QString ignored;
    p.host = WorkspaceUrl::parse(m_settings->value(QStringLiteral("host")).toString(), &ignored);
    p.authType = m_settings->value(QStringLiteral("authType"), QStringLiteral("pat")).toString();
    p.clusterId = m_settings->value(QStringLiteral("clusterId")).toString();
    p.caFile = m_settings->value(QStringLiteral("caFile")).toString();
    p.clientId = m_settings->value(QStringLiteral("clientId")).toString();
    p.tenantId = m_settings->value(QStringLiteral("tenantId")).toString();
    p.authority = m_settings->value(QStringLiteral("authority")).toString();
    p.signedInAs = m_settings->value(QStringLiteral("signedInAs")).toString();
    p.jobsApiVersion = m_settings->value(QStringLiteral("jobsApiVersion")).toString();
    m_settings->endGroup();
    return p;
}

bool ProfileStore::contains(const QString &name) const
{
    // Every saved profile has a host: one key look-up, not a list of every profile (an import
    // of thousands of profiles asks this for each one).
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) &&
           m_settings->contains(Group + QLatin1Char('/') + name + QStringLiteral("/host"));
}

void ProfileStore::beginBatch()
{
    ++m_batchDepth;
}

bool ProfileStore::endBatch()
{
    if (m_batchDepth > 0 && --m_batchDepth == 0)
        syncPrivately();
    return m_settings->status() == QSettings::NoError;
}

bool ProfileStore::save(const Profile &profile, QString *error)
{
    QString why = Profile::checkName(profile.name);
    if (why.isEmpty()) {
        const QUrl host = WorkspaceUrl::parse(profile.host.toString(), &why);
        if (host.isValid()) {
            m_settings->beginGroup(Group + QLatin1Char('/') + profile.name);
            m_settings->setValue(QStringLiteral("host"), host.toString());
            m_settings->setValue(QStringLiteral("authType"), profile.authType);
            m_settings->setValue(QStringLiteral("clusterId"), profile.clusterId);
            m_settings->setValue(QStringLiteral("caFile"), profile.caFile);
            // Empty keys are left out, so that a PAT profile's settings stay as they were.
            const std::pair<const char *, QString> optional[] = {
                {"clientId", profile.clientId},
                {"tenantId", profile.tenantId},
                {"authority", profile.authority},
                {"signedInAs", profile.signedInAs},
                {"jobsApiVersion", profile.jobsApiVersion}};
            for (const auto &[key, value] : optional) {
                if (value.isEmpty())
                    m_settings->remove(QLatin1String(key));
                else
                    m_settings->setValue(QLatin1String(key), value);
            }
            m_settings->endGroup();
            if (defaultProfile().isEmpty())
                setDefaultProfile(profile.name);
            syncPrivately();
            if (m_settings->status() == QSettings::NoError)
                return true;
            why = QStringLiteral("could not write %1").arg(m_settings->fileName());
        }
    }
    if (error)
        *error = why;
    return false;
}

bool ProfileStore::remove(const QString &name)
{
    if (!contains(name))
        return false;
    m_settings->remove(Group + QLatin1Char('/') + name);
    if (m_settings->value(DefaultKey).toString() == name) {
        const QList<Profile> rest = profiles();
        setDefaultProfile(rest.isEmpty() ? QString() : rest.first().name);
    }
    syncPrivately();
    return true;
}

QString ProfileStore::defaultProfile() const
{
    const QString name = m_settings->value(DefaultKey).toString();
    return contains(name) ? name : QString();
}

void ProfileStore::setDefaultProfile(const QString &name)
{
    if (name.isEmpty())
        m_settings->remove(DefaultKey);
    else
        m_settings->setValue(DefaultKey, name);
    syncPrivately();
}

} // namespace Brickrun
