// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QPointer>

#include <memory>

class QSortFilterProxyModel;

namespace Brickrun {

namespace Ui {
class NotebookBrowser;
}

class WorkspaceApi;
class WorkspaceTreeModel;

// "Browse…" for the notebook field: the workspace as a lazy tree starting at the user's home
// folder (/Users/<userName>, from SCIM Me) with /Shared and /Repos beside it, a filter over the
// opened folders, and keyboard navigation (arrows, Enter picks a notebook, Escape cancels).
class NotebookBrowser : public QDialog
{
    Q_OBJECT
public:
    explicit NotebookBrowser(WorkspaceApi *api, QWidget *parent = nullptr);
    ~NotebookBrowser() override;

    QString selectedPath() const; // the chosen notebook; empty when none
    WorkspaceTreeModel *model() const { return m_model; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showRoots(const QString &home);
    void applyFilter();
    void expandLoaded(const QModelIndex &parent);
    void updateButtons();
    void onActivated(const QModelIndex &index);

    std::unique_ptr<Ui::NotebookBrowser> m_ui;
    QPointer<WorkspaceApi> m_api;
    WorkspaceTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace Brickrun
