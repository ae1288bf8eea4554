#pragma once

#include "model/RunRecord.h"
#include "store/HistoryStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace Brickrun {

// The runs table: every run of the history, newest first. Rows are loaded lazily (fetchMore, a
// page at a time) and updated by key: a run that changes gets dataChanged for its row, a new run
// is inserted at the top; the model is never reset while runs are followed. Durations of active
// runs tick once a second.
class RunsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        StateColumn,
        ResultColumn,
        RunNameColumn,
        NotebookColumn,
        ClusterColumn,
        ProfileColumn,
        StartedColumn,
        DurationColumn,
        RunIdColumn,
        ColumnCount
    };
    static constexpr int RecordIdRole = Qt::UserRole + 1;
    static constexpr int PageSize = 200;

    explicit RunsTableModel(HistoryStore *history, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Loads the first page again (at start, or after the history was changed elsewhere).
    void reload();
    // The history says this record changed: update its row, or insert it at the top.
    void refreshRecord(qint64 id);

    int rowOf(qint64 id) const;
    qint64 idAt(int row) const;
    const RunRecord *recordAt(int row) const;

private:
    void tickDurations();
    QString durationText(const RunRecord &record) const;

    HistoryStore *m_history;
    QList<RunRecord> m_rows;
    int m_total = 0; // rows the history holds for the query
    QTimer m_tick;
};

} // namespace Brickrun
