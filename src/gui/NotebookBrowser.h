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
// folders (it loads the folders it has not seen yet, a few levels deep, and opens those with a
// match), and keyboard navigation (arrows, Enter picks a notebook, Escape cancels). It opens at
// the form's notebook, with the focus in the filter.
class NotebookBrowser : public QDialog
{
    Q_OBJECT
public:
    // What can be chosen: a notebook, or (for a Python file task) a FILE whose name ends in .py.
    enum class Pick
    {
        Notebook,
        PythonFile,
    };

    explicit NotebookBrowser(WorkspaceApi *api, QWidget *parent = nullptr);
    ~NotebookBrowser() override;

    void setPick(Pick pick);
    QString selectedPath() const; // the chosen notebook (or Python file); empty when none
    // Opens the folders down to `path` as they load, and selects it (the form's notebook).
    void setCurrentPath(const QString &path);
    WorkspaceTreeModel *model() const { return m_model; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showRoots(const QString &home);
    void applyFilter();
    void revealCurrentPath();
    void searchUnloadedFolders();
    void expandLoaded(const QModelIndex &parent);
    void updateButtons();
    void onActivated(const QModelIndex &index);
    bool isPickable(const QModelIndex &source) const;

    std::unique_ptr<Ui::NotebookBrowser> m_ui;
    QPointer<WorkspaceApi> m_api;
    WorkspaceTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QString m_reveal;      // the path still to open and select
    int m_searchLoads = 0; // folders loaded for the filter since it last changed
    Pick m_pick = Pick::Notebook;
};

} // namespace Brickrun
