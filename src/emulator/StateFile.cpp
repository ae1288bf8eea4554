#include "StateFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <utility>

namespace Brickrun::Emulator {

StateFile::StateFile(QString fileName)
    : m_fileName(std::move(fileName))
{}

bool StateFile::changedOnDisk() const
{
    if (!isEnabled())
        return false;
    const QFileInfo info(m_fileName);
    if (!info.exists())
        return false;
    return info.lastModified() != m_lastModified || info.size() != m_lastSize;
}

void StateFile::remember()
{
    const QFileInfo info(m_fileName);
    m_lastModified = info.lastModified();
    m_lastSize = info.exists() ? info.size() : -1;
}

bool StateFile::load(QList<RunRecord> *runs, qint64 *simulatedNowMs, QString *error)
{
    runs->clear();
    *simulatedNowMs = 0;
    QFile file(m_fileName);
    if (!file.exists()) {
        remember();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error =
                QStringLiteral("cannot read state file %1: %2").arg(m_fileName, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    remember();
    if (data.trimmed().isEmpty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (!doc.isObject() || doc.object().value(QStringLiteral("format")).toString() !=
                               QLatin1String("brickrun-emulator-state-1")) {
        if (error)
            *error = QStringLiteral("state file %1 is not a Brickrun emulator state file")
                         .arg(m_fileName);
        return false;
    }
    const QJsonObject root = doc.object();
    *simulatedNowMs = root.value(QStringLiteral("simulated_now_ms")).toString().toLongLong();
    const QJsonArray array = root.value(QStringLiteral("runs")).toArray();
    for (const QJsonValue &value : array)
        runs->append(RunRecord::fromJson(value.toObject()));
    return true;
}

bool StateFile::save(const QList<RunRecord> &runs, qint64 simulatedNowMs, QString *error)
{
    QJsonArray array;
    for (const RunRecord &run : runs)
        array.append(run.toJson());
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("brickrun-emulator-state-1")},
                           {QStringLiteral("simulated_now_ms"), QString::number(simulatedNowMs)},
                           {QStringLiteral("runs"), array}};
    QSaveFile file(m_fileName);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write state file %1: %2")
                         .arg(m_fileName, file.errorString());
        return false;
    }
    remember();
    return true;
}

} // namespace Brickrun::Emulator
