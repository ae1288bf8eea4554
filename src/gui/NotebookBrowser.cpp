// SPDX-License-Identifier: Apache-2.0
#include "NotebookBrowser.h"

#include "WorkspaceErrorText.h"
#include "WorkspaceTreeModel.h"
#include "api/WorkspaceApi.h"
#include "ui_NotebookBrowser.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QSortFilterProxyModel>

namespace Brickrun {

NotebookBrowser::NotebookBrowser(WorkspaceApi *api, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::NotebookBrowser>())
    , m_api(api)
    , m_model(new WorkspaceTreeModel(api, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(WorkspaceTreeModel::NameColumn);
    m_ui->notebookTree->setModel(m_proxy);
    m_ui->notebookTree->header()->setSectionResizeMode(WorkspaceTreeModel::NameColumn,
                                                       QHeaderView::Stretch);
    m_ui->notebookTree->header()->setStretchLastSection(false);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &NotebookBrowser::applyFilter);
    connect(m_ui->notebookTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NotebookBrowser::updateButtons);
    connect(m_ui->notebookTree, &QTreeView::activated, this, &NotebookBrowser::onActivated);
    connect(m_model, &WorkspaceTreeModel::folderLoaded, this, [this] {
        if (!m_ui->filterEdit->text().isEmpty())
            applyFilter();
    });
    m_ui->filterEdit->installEventFilter(this);
    updateButtons();

    if (!m_api) {
        m_ui->browserStatus->setText(tr("Choose a workspace first."));
        return;
    }
    m_ui->browserStatus->setText(tr("Loading the workspace…"));
    m_api->currentUser(this, [this](const Result<CurrentUser> &r) {
        if (r.isOk()) {
            m_ui->browserStatus->clear();
            showRoots(r.value().userName);
        } else {
            m_ui->browserStatus->setText(tr("Your home folder is not known: %1")
                                             .arg(WorkspaceErrorText::describe(r.error())));
            showRoots(QString());
        }
    });
}

NotebookBrowser::~NotebookBrowser() = default;

void NotebookBrowser::showRoots(const QString &home)
{
    QStringList roots;
    if (!home.isEmpty())
        roots << QStringLiteral("/Users/") + home;
    roots << QStringLiteral("/Shared") << QStringLiteral("/Repos");
    m_model->setRoots(roots);
    const QModelIndex first = m_proxy->index(0, 0);
    m_ui->notebookTree->setCurrentIndex(first);
    if (!home.isEmpty())
        m_ui->notebookTree->expand(first);
    m_ui->notebookTree->setFocus();
}

QString NotebookBrowser::selectedPath() const
{
    const QModelIndex current = m_proxy->mapToSource(m_ui->notebookTree->currentIndex());
    return m_model->isNotebook(current) ? m_model->path(current) : QString();
}

void NotebookBrowser::updateButtons()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!selectedPath().isEmpty());
}

void NotebookBrowser::onActivated(const QModelIndex &index)
{
    const QModelIndex source = m_proxy->mapToSource(index);
    if (m_model->isNotebook(source)) {
        accept();
        return;
    }
    QTreeView *tree = m_ui->notebookTree;
    tree->setExpanded(index.siblingAtColumn(0), !tree->isExpanded(index.siblingAtColumn(0)));
}

void NotebookBrowser::applyFilter()
{
    m_proxy->setFilterFixedString(m_ui->filterEdit->text().trimmed());
    if (!m_ui->filterEdit->text().trimmed().isEmpty())
        expandLoaded(QModelIndex());
    updateButtons();
}

// Opens the folders already loaded so the matches inside them show; never loads a new folder.
void NotebookBrowser::expandLoaded(const QModelIndex &parent)
{
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (m_model->isLoaded(m_proxy->mapToSource(index)) && m_proxy->rowCount(index) > 0) {
            m_ui->notebookTree->expand(index);
            expandLoaded(index);
        }
    }
}

bool NotebookBrowser::eventFilter(QObject *watched, QEvent *event)
{
    // Down in the filter box goes on to the tree, as in a file dialog.
    if (watched == m_ui->filterEdit && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        m_ui->notebookTree->setFocus();
        if (!m_ui->notebookTree->currentIndex().isValid())
            m_ui->notebookTree->setCurrentIndex(m_proxy->index(0, 0));
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Brickrun
