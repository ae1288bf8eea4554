// SPDX-License-Identifier: Apache-2.0
#include "ResultTableModel.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace Brickrun {

namespace {

constexpr qsizetype MaxCellDisplay = 1000; // a cell is a line, not a document
constexpr qsizetype MaxCellToolTip = 4000;

QString quoted(const QString &field, QChar separator)
{
    if (!field.contains(separator) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString q = field;
    q.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString delimited(const ResultTable &table, QChar separator, QLatin1String lineEnd)
{
    QString out;
    QStringList fields;
    fields.reserve(table.columns.size());
    for (const QString &column : table.columns)
        fields.append(quoted(column, separator));
    out += fields.join(separator) + lineEnd;
    for (const QVariantList &row : table.rows) {
        fields.clear();
        for (const QVariant &cell : row)
            fields.append(quoted(ResultTableModel::cellText(cell), separator));
        out += fields.join(separator) + lineEnd;
    }
    return out;
}

QList<int> sortedUnique(QList<int> list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

bool isNumber(const QVariant &cell)
{
    const int type = cell.typeId();
    return type == QMetaType::LongLong || type == QMetaType::Double;
}

} // namespace

ResultTableModel::ResultTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ResultTableModel::setTable(ResultTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QString ResultTableModel::cellText(const QVariant &cell)
{
    switch (cell.typeId()) {
    case QMetaType::UnknownType:
        return QString();
    case QMetaType::Bool:
        return cell.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::LongLong:
        return QString::number(cell.toLongLong());
    case QMetaType::Double: {
        const double d = cell.toDouble();
        if (std::isnan(d))
            return QStringLiteral("NaN");
        if (std::isinf(d))
            return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    default:
        return cell.toString();
    }
}

QString ResultTableModel::toCsv(const ResultTable &table)
{
    return delimited(table, QLatin1Char(','), QLatin1String("\r\n"));
}

QString ResultTableModel::toTsv(const ResultTable &table)
{
    return delimited(table, QLatin1Char('\t'), QLatin1String("\n"));
}

QString ResultTableModel::selectionAsTsv(const QItemSelection &selection) const
{
    QList<int> rows;
    QList<int> columns;
    for (const QItemSelectionRange &range : selection) {
        for (int r = range.top(); r <= range.bottom(); ++r)
            rows.append(r);
        for (int c = range.left(); c <= range.right(); ++c)
            columns.append(c);
    }
    rows = sortedUnique(std::move(rows));
    columns = sortedUnique(std::move(columns));
    if (rows.isEmpty() ||
        (rows.size() == m_table.rows.size() && columns.size() == m_table.columns.size()))
        return toTsv(m_table);

    QString text;
    QStringList fields;
    for (int r : std::as_const(rows)) {
        fields.clear();
        for (int c : std::as_const(columns)) {
            fields.append(selection.contains(index(r, c))
                              ? quoted(cellText(m_table.rows.at(r).at(c)), QLatin1Char('\t'))
                              : QString());
        }
        text += fields.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return text;
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const QVariant &cell = m_table.rows.at(index.row()).at(index.column());
    switch (role) {
    case Qt::DisplayRole: {
        if (!cell.isValid())
            return tr("null");
        QString text = cellText(cell);
        if (text.size() > MaxCellDisplay) {
            text.truncate(MaxCellDisplay);
            text += QChar(0x2026); // …
        }
        // One line per row: show where the line breaks are instead of cutting the text.
        text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        text.replace(QLatin1Char('\n'), QChar(0x21b5)); // ↵
        return text;
    }
    case Qt::ToolTipRole: {
        if (!cell.isValid())
            return QVariant();
        QString text = cellText(cell);
        if (text.size() > MaxCellToolTip) {
            text.truncate(MaxCellToolTip);
            text += QChar(0x2026);
        }
        return text;
    }
    case Qt::TextAlignmentRole:
        return int((Qt::AlignVCenter | (isNumber(cell) ? Qt::AlignRight : Qt::AlignLeft)).toInt());
    case Qt::ForegroundRole:
        if (!cell.isValid())
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return QVariant();
    case CellValueRole:
        return cell;
    default:
        return QVariant();
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_table.columns.size())
            return QVariant();
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return m_table.columns.at(section);
        return QVariant();
    }
    if (section < 0 || section >= m_table.rows.size())
        return QVariant();
    if (role == Qt::DisplayRole)
        return QString::number(section + 1);
    if (role == Qt::TextAlignmentRole)
        return int((Qt::AlignVCenter | Qt::AlignRight).toInt());
    return QVariant();
}

} // namespace Brickrun
