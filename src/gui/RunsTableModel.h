// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunRecord.h"
#include "store/HistoryStore.h"
#include "store/QueryFilter.h"

#include <QAbstractTableModel>
#include <QMutex>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <optional>

namespace Brickrun {

// The runs table: the history's runs for a HistoryStore::Query (filter and sort, both done in
// SQL), loaded lazily a page at a time (fetchMore), so 100,000 runs open as fast as 200.
//
// A new query (the user changed the filter or clicked a column header) resets the model. The
// count and the first page of a new query are read on a worker thread (a search through 100,000
// runs' parameters scans them all), so the window never waits for them: until they are in, the
// model keeps showing what it had, isLoading() is true and fetchMore waits. While
// runs are followed the model is never reset: refreshRecord() updates the run's row by key;
// a run that no longer matches the query leaves, one that now matches (or is new) goes to its
// sorted place (QueryFilter evaluates the store's query in memory) — or, when that place is past
// the rows loaded so far, waits for fetchMore. Durations of active runs tick once a second.
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
        SubmittedColumn,
        DurationColumn,
        RunIdColumn,
        ColumnCount
    };
    static constexpr int RecordIdRole = Qt::UserRole + 1;
    static constexpr int PageSize = 200;

    explicit RunsTableModel(HistoryStore *history, QObject *parent = nullptr);
    ~RunsTableModel() override; // waits for a read in progress (the history must still exist)

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Sorts in SQL by the column's key; a reset.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static HistoryStore::Query::Sort sortKeyOf(int column);

    // The filter and order shown; setting a different one reloads the first page (a reset).
    HistoryStore::Query query() const { return m_query; }
    void setQuery(const HistoryStore::Query &query);
    // How many runs match the query (the loaded rows are the first rowCount() of them).
    int totalCount() const { return m_total; }

    // Loads the first page again (at start, or after the history was changed elsewhere), on the
    // worker thread; the rows change (a reset) when it is in.
    void reload();
    // The run the user is looking at (the view's current row; 0 = none). A reload reads on past
    // the first page, up to `maxRows`, until that run is among the rows, so a view putting its
    // current row back after the reset finds it without reading on the GUI thread.
    void setKeptRecord(qint64 id, int maxRows)
    {
        m_keptId = id;
        m_keptMaxRows = maxRows;
    }
    // Is a page asked for by fetchMore() on its way? (It is read on the worker thread too.)
    bool isFetching() const { return m_fetching; }
    // Is a reload on its way?
    bool isLoading() const { return m_loading; }
    // Waits for the reload on its way, if any, and shows its rows now.
    void finishLoading();
    // Waits until the worker thread has no read of the history in progress or queued (before
    // the history goes away).
    void waitForReads() { m_pool.waitForDone(); }
    // The history says this record changed (or was added, or deleted): update, move, insert or
    // remove its row. Never a reset.
    void refreshRecord(qint64 id);
    // These records were deleted from the history: their rows go.
    void removeRecords(const QList<qint64> &ids);
    // Fetches pages until the record's row is loaded, at most up to `maxRows` rows; its row or -1.
    int loadUntil(qint64 id, int maxRows);

    int rowOf(qint64 id) const;
    qint64 idAt(int row) const;
    const RunRecord *recordAt(int row) const;

Q_SIGNALS:
    void totalCountChanged(int count);
    void loadingChanged(bool loading);

private:
    struct Loaded
    {
        quint64 generation = 0;
        int total = 0;
        QList<RunRecord> rows;
    };
    struct Fetched
    {
        quint64 serial = 0;
        quint64 generation = 0;
        int offset = 0;
        QList<RunRecord> rows;
    };
    void applyLoaded();
    void applyFetched();
    void finishFetching();
    void appendPage(QList<RunRecord> more);
    void setLoading(bool loading);
    void setTotal(int total);
    // Counts the query's runs again on the worker thread, at most once per RecountDelayMs: a
    // count scans the whole history when the query has a text search, and hundreds of followed
    // runs change state every minute.
    void recount();
    static constexpr int RecountDelayMs = 200;
    void startRecount();
    bool allLoaded() const { return m_rows.size() >= m_total; }
    int insertionRow(const RunRecord &record) const;
    void removeRowAt(int row);
    void tickDurations();

    HistoryStore *m_history;
    HistoryStore::Query m_query;
    QueryFilter m_filter;
    QList<RunRecord> m_rows;
    QSet<qint64> m_loaded; // ids of m_rows
    int m_total = 0;       // rows the history holds for the query
    QTimer m_tick;
    QTimer m_recount;

    // Reloads: one worker thread, so they run in order on its own connection to the file.
    QThreadPool m_pool;
    std::atomic<quint64> m_generation{0}; // of the newest reload asked for
    bool m_loading = false;
    qint64 m_keptId = 0;
    int m_keptMaxRows = 0;
    QMutex m_loadedMutex;
    std::optional<Loaded> m_loadedResult;   // the newest reload read, not yet shown
    std::optional<Fetched> m_fetchedResult; // the page fetchMore() asked for, not yet shown
    bool m_fetching = false;
    quint64 m_fetchSerial = 0;          // of the newest fetchMore()
    QSet<qint64> m_changedWhileLoading; // refreshRecord() calls to replay once it is shown
};

} // namespace Brickrun
