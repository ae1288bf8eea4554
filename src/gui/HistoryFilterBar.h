// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "store/HistoryStore.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Brickrun {
namespace Ui {
class HistoryFilterBar;
}
} // namespace Brickrun

namespace Brickrun {

// The bar above the runs table: a search box (run name, notebook, run id, parameter values;
// debounced while typing), workspace, state and time range filters, and how many runs match.
// It knows nothing of the store: it turns the user's choices into a HistoryStore::Query.
class HistoryFilterBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int SearchDelayMs = 250;

    explicit HistoryFilterBar(QWidget *parent = nullptr);
    ~HistoryFilterBar() override;

    // The filter part of a query (text, profile, status, time range); sort is the table's.
    // Relative ranges ("Last 7 days") are computed at the moment of the call.
    HistoryStore::Query filter() const;
    // The workspaces to choose from: (profile, label); keeps the current choice when it stays.
    void setProfiles(const QList<QPair<QString, QString>> &profiles);
    QString currentProfile() const; // empty = all workspaces
    void setCount(int count);
    // While the runs are being read, the count says so instead.
    void setLoading(bool loading);

public Q_SLOTS:
    void focusSearch();

Q_SIGNALS:
    void filterChanged();

private:
    void onTimeRangeChanged();

    std::unique_ptr<Ui::HistoryFilterBar> m_ui;
    QTimer m_searchDelay;
    int m_count = 0;
    bool m_loading = false;
};

} // namespace Brickrun
