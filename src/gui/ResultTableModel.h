// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/ResultTable.h"

#include <QAbstractTableModel>
#include <QItemSelection>

namespace Brickrun {

// A notebook result read as a table (ResultTable), for a QTableView: the JSON keys as column
// headers, row numbers from 1, numbers right-aligned, null greyed. A result is set once and
// replaced whole by the next one (setTable resets the model; nothing is updated in place).
class ResultTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int CellValueRole = Qt::UserRole + 1; // the cell as parsed (QVariant())

    explicit ResultTableModel(QObject *parent = nullptr);

    void setTable(ResultTable table);
    const ResultTable &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A cell as text for copying and saving: the full value, numbers in JSON spelling
    // (shortest round-trip form, NaN, Infinity), booleans true/false, null as an empty string.
    static QString cellText(const QVariant &cell);

    // The table with its header line, spreadsheet-style: a field with the separator, a quote or
    // a line break is quoted. CSV follows RFC 4180 (CRLF); TSV is what spreadsheets paste.
    // Pure functions of the table: safe on a worker thread.
    static QString toCsv(const ResultTable &table);
    static QString toTsv(const ResultTable &table);
    // Selected cells as TSV, in their rows and columns (gaps stay empty); the whole table with
    // its header when everything or nothing is selected.
    QString selectionAsTsv(const QItemSelection &selection) const;

private:
    ResultTable m_table;
};

} // namespace Brickrun
