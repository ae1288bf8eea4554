// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to src/core/store: the few SQL helpers the stores share. Not part of the public API.

#include "model/RunSpec.h"

#include <QList>
#include <QLoggingCategory>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace Brickrun::StoreSql {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

// Prepares and executes; on failure logs "<what>: <driver error>" (never the bound values,
// which may hold user data) and sets *error when given.
bool prepare(QSqlQuery &query, const QString &sql, const char *what, QString *error = nullptr);
bool exec(QSqlQuery &query, const char *what, QString *error = nullptr);
// After a `while (query.next())` loop: false (logged, *error set) when the rows stopped on an
// error (a damaged file, no memory) rather than at their end, so a caller never takes part of
// an answer for all of it.
bool endedCleanly(const QSqlQuery &query, const char *what, QString *error = nullptr);
bool execSql(const QSqlDatabase &db, const QString &sql, const char *what,
             QString *error = nullptr);

// "BEGIN IMMEDIATE" … "COMMIT": takes the write lock at the start (so two writers wait for each
// other through the busy timeout instead of failing on a read-to-write upgrade) and rolls back
// when it goes out of scope uncommitted. SQLite makes the whole transaction atomic and durable
// (WAL): a crash leaves either all of it or none of it.
class WriteTransaction
{
public:
    explicit WriteTransaction(const QSqlDatabase &db, QString *error = nullptr);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit(QString *error = nullptr);

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

// addBindValue, with a null QString bound as '' (QtSql binds it as NULL, and the text columns
// are NOT NULL: a RunRecord's empty QString is text, not "unknown").
void bind(QSqlQuery &query, const QVariant &value);

// A run's parameters as the text of a parameters column ([["name","value"],…], compact JSON,
// order kept) and back; a column that is not such an array reads as no parameters.
QString parametersToJson(const QList<QPair<QString, QString>> &parameters);
QList<QPair<QString, QString>> parametersFromJson(const QString &json);

// The runs.shape / presets.shape column: RunSpec::shapeJson as compact JSON, and back into a
// spec read from the other columns.
QString shapeText(const RunSpec &spec);
void readShape(const QString &text, RunSpec *spec);

// "%text%" for LIKE … ESCAPE '\', with %, _ and \ in the text matched literally.
QString likePattern(const QString &text);

} // namespace Brickrun::StoreSql
