// SPDX-License-Identifier: Apache-2.0
#include "store/StoreSql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>

namespace Brickrun::StoreSql {

Q_LOGGING_CATEGORY(lcStore, "brickrun.store")

namespace {
QString describe(const QSqlError &error)
{
    // databaseText() is SQLite's message; the SQL text and bound values are never logged.
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return error.nativeErrorCode().isEmpty()
               ? text
               : QStringLiteral("%1 (SQLite %2)").arg(text, error.nativeErrorCode());
}
} // namespace

bool prepare(QSqlQuery &query, const QString &sql, const char *what, QString *error)
{
    if (query.prepare(sql))
        return true;
    const QString message = describe(query.lastError());
    qCWarning(lcStore, "%s: cannot prepare: %s", what, qUtf8Printable(message));
    if (error)
        *error = message;
    return false;
}

bool endedCleanly(const QSqlQuery &query, const char *what, QString *error)
{
    if (!query.lastError().isValid())
        return true;
    const QString message = describe(query.lastError());
    qCWarning(lcStore, "%s: %s", what, qUtf8Printable(message));
    if (error)
        *error = message;
    return false;
}

bool exec(QSqlQuery &query, const char *what, QString *error)
{
    if (query.exec())
        return true;
    const QString message = describe(query.lastError());
    qCWarning(lcStore, "%s: %s", what, qUtf8Printable(message));
    if (error)
        *error = message;
    return false;
}

bool execSql(const QSqlDatabase &db, const QString &sql, const char *what, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    const QString message = describe(query.lastError());
    qCWarning(lcStore, "%s: %s", what, qUtf8Printable(message));
    if (error)
        *error = message;
    return false;
}

WriteTransaction::WriteTransaction(const QSqlDatabase &db, QString *error)
    : m_db(db)
{
    m_active = m_db.isOpen() &&
               execSql(m_db, QStringLiteral("BEGIN IMMEDIATE"), "begin transaction", error);
    if (!m_db.isOpen() && error)
        *error = QStringLiteral("the database is not open");
}

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        execSql(m_db, QStringLiteral("ROLLBACK"), "roll back");
}

bool WriteTransaction::commit(QString *error)
{
    if (!m_active)
        return false;
    if (!execSql(m_db, QStringLiteral("COMMIT"), "commit", error))
        return false; // the destructor rolls back
    m_active = false;
    return true;
}

void bind(QSqlQuery &query, const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        query.addBindValue(QStringLiteral(""));
    else
        query.addBindValue(value);
}

QString parametersToJson(const QList<QPair<QString, QString>> &parameters)
{
    QJsonArray array;
    for (const auto &p : parameters)
        array.append(QJsonArray{p.first, p.second});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString shapeText(const RunSpec &spec)
{
    return QString::fromUtf8(QJsonDocument(spec.shapeJson()).toJson(QJsonDocument::Compact));
}

void readShape(const QString &text, RunSpec *spec)
{
    const QJsonObject shape = QJsonDocument::fromJson(text.toUtf8()).object();
    if (shape.isEmpty())
        return;
    // What this program wrote; a row it cannot read keeps the notebook form (it shows, and
    // is never submitted again: only a run still submitting is).
    if (RunSpec::readShape(shape, spec, nullptr) && spec->isPythonFile())
        spec->notebookPath.clear(); // the column holds the Python file (taskPath)
}

QList<QPair<QString, QString>> parametersFromJson(const QString &json)
{
    QList<QPair<QString, QString>> parameters;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonArray pair = v.toArray();
        parameters.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return parameters;
}

QString likePattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += QLatin1Char('%');
    for (const QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    escaped += QLatin1Char('%');
    return escaped;
}

} // namespace Brickrun::StoreSql
