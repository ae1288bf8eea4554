// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/WorkspaceApi.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QCompleter;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace Brickrun {

namespace Ui {
class ClusterPicker;
}

// The cluster field: a line edit that still takes an id typed by hand, with a searchable list of
// the workspace's all-purpose clusters (name, id, state icon, Spark version; recently used
// first), a Refresh button, and a note when the chosen cluster must start first. The value is
// always the cluster id. The list loads asynchronously; "Loading clusters…" shows meanwhile.
class ClusterPicker : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        IdColumn,
        StateColumn,
        SparkColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ClusterPicker(QWidget *parent = nullptr);
    ~ClusterPicker() override;

    QLineEdit *lineEdit() const;
    QString clusterId() const;
    // The workspace to list clusters from (nullptr: none); a new one reloads the list.
    void setWorkspaceApi(WorkspaceApi *api);
    // Cluster ids to show first, most recent first.
    void setRecent(const QStringList &clusterIds);
    bool isLoading() const { return m_loading; }
    // True while the list handles Return/Enter: the key picks a cluster, and the line edit's
    // returnPressed that may come with it must not act as well (e.g. submit the form).
    bool isPickingFromList() const { return m_pickingFromList; }
    // While the note says the chosen cluster is stopped or starting, the clusters are read again
    // this often, so the note follows the cluster (default 15 s).
    void setRecheckInterval(int ms) { m_recheck.setInterval(ms); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

public Q_SLOTS:
    void refresh();
    void showList();

private:
    void populate();
    void fitPopup();
    void updateNote();
    void recheckClusters();
    void showStatus(const QString &text);
    static QIcon stateIcon(const QString &state);

    std::unique_ptr<Ui::ClusterPicker> m_ui;
    QPointer<WorkspaceApi> m_api;
    bool m_pickingFromList = false;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QCompleter *m_completer;
    QTreeView *m_popup;
    QList<ClusterInfo> m_clusters;
    QStringList m_recent;
    bool m_loading = false;
    bool m_fitting = false;
    quint64 m_generation = 0;
    QTimer m_recheck;
};

} // namespace Brickrun
