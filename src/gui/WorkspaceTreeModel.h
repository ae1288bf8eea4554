// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/WorkspaceApi.h"

#include <QAbstractItemModel>
#include <QPointer>

#include <memory>
#include <vector>

namespace Brickrun {

// The workspace tree, loaded lazily: a folder asks workspace/list once, when the view first
// opens it (canFetchMore/fetchMore), shows a "Loading…" child while it waits and the reason in
// place of its children when the request fails (e.g. 403: no permission).
class WorkspaceTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        KindColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1,
        TypeRole,       // DIRECTORY, NOTEBOOK…; empty for a placeholder row
        PlaceholderRole // true for "Loading…" and error rows
    };

    explicit WorkspaceTreeModel(WorkspaceApi *api, QObject *parent = nullptr);
    ~WorkspaceTreeModel() override;

    // The top-level folders, e.g. /Users/me@example.com, /Shared, /Repos.
    void setRoots(const QStringList &paths);
    bool isLoaded(const QModelIndex &index) const;
    bool isNotebook(const QModelIndex &index) const;
    QString path(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    struct Node;

Q_SIGNALS:
    void folderLoaded(const QString &path); // or failed to load

private:
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node) const;
    void onListed(Node *node, const Result<QList<WorkspaceObject>> &result);

    QPointer<WorkspaceApi> m_api;
    std::unique_ptr<Node> m_root;
    quint64 m_generation = 0; // answers to requests of an older tree are dropped
};

} // namespace Brickrun
