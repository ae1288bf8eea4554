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

namespace {
// A filter loads folders it has not seen yet: this many levels below the top folders, and at
// most this many folders for one filter text (a big workspace is not read whole).
constexpr int SearchDepth = 4;
constexpr int SearchLoads = 40;
} // namespace

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
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, [this] {
        m_searchLoads = 0;
        applyFilter();
    });
    connect(m_ui->notebookTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NotebookBrowser::updateButtons);
    connect(m_ui->notebookTree, &QTreeView::activated, this, &NotebookBrowser::onActivated);
    connect(m_model, &WorkspaceTreeModel::folderLoaded, this, [this] {
        if (!m_ui->filterEdit->text().isEmpty())
            applyFilter();
        revealCurrentPath();
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
    m_ui->filterEdit->setFocus();
    revealCurrentPath();
    if (!m_ui->filterEdit->text().trimmed().isEmpty())
        applyFilter();
}

void NotebookBrowser::setCurrentPath(const QString &path)
{
    m_reveal = path.trimmed();
    revealCurrentPath();
}

// One step further down to m_reveal: opens the next folder on the way (its answer comes back
// through folderLoaded), or selects the notebook once it is there.
void NotebookBrowser::revealCurrentPath()
{
    QModelIndex parent;
    while (!m_reveal.isEmpty()) {
        QModelIndex next;
        for (int row = 0; row < m_model->rowCount(parent) && !next.isValid(); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            const QString path = m_model->path(child);
            if (!path.isEmpty() &&
                (m_reveal == path || m_reveal.startsWith(path + QLatin1Char('/'))))
                next = child;
        }
        if (!next.isValid()) {
            // Not in the workspace; kept while its folder (or the top folders) are still to come.
            if (parent.isValid() ? m_model->isLoaded(parent) : m_model->rowCount() > 0)
                m_reveal.clear();
            return;
        }
        const QModelIndex shown = m_proxy->mapFromSource(next);
        if (m_model->path(next) == m_reveal) {
            m_reveal.clear();
            m_ui->notebookTree->setCurrentIndex(shown);
            m_ui->notebookTree->scrollTo(shown, QAbstractItemView::PositionAtCenter);
            return;
        }
        m_ui->notebookTree->expand(shown); // loads it the first time
        if (m_model->canFetchMore(next))
            m_model->fetchMore(next); // hidden by the filter: loaded all the same
        if (!m_model->isLoaded(next))
            return;
        parent = next;
    }
}

void NotebookBrowser::setPick(Pick pick)
{
    m_pick = pick;
    setWindowTitle(pick == Pick::PythonFile ? tr("Choose a Python file") : tr("Choose a notebook"));
    updateButtons();
}

bool NotebookBrowser::isPickable(const QModelIndex &source) const
{
    if (m_pick == Pick::Notebook)
        return m_model->isNotebook(source);
    return source.isValid() &&
           source.data(WorkspaceTreeModel::TypeRole).toString() == QLatin1String("FILE") &&
           m_model->path(source).endsWith(QLatin1String(".py"), Qt::CaseInsensitive);
}

QString NotebookBrowser::selectedPath() const
{
    const QModelIndex current = m_proxy->mapToSource(m_ui->notebookTree->currentIndex());
    return isPickable(current) ? m_model->path(current) : QString();
}

void NotebookBrowser::updateButtons()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!selectedPath().isEmpty());
}

void NotebookBrowser::onActivated(const QModelIndex &index)
{
    const QModelIndex source = m_proxy->mapToSource(index);
    if (isPickable(source)) {
        accept();
        return;
    }
    QTreeView *tree = m_ui->notebookTree;
    tree->setExpanded(index.siblingAtColumn(0), !tree->isExpanded(index.siblingAtColumn(0)));
}

void NotebookBrowser::applyFilter()
{
    m_proxy->setFilterFixedString(m_ui->filterEdit->text().trimmed());
    if (!m_ui->filterEdit->text().trimmed().isEmpty()) {
        expandLoaded(QModelIndex());
        searchUnloadedFolders();
    }
    updateButtons();
}

// Loads the folders the filter cannot see into yet, breadth first, within SearchDepth and
// SearchLoads; each answer runs the filter again (folderLoaded).
void NotebookBrowser::searchUnloadedFolders()
{
    QList<QPair<QModelIndex, int>> folders{{QModelIndex(), -1}};
    while (!folders.isEmpty() && m_searchLoads < SearchLoads) {
        const auto [parent, depth] = folders.takeFirst();
        for (int row = 0; row < m_model->rowCount(parent) && m_searchLoads < SearchLoads; ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (m_model->canFetchMore(child)) {
                ++m_searchLoads;
                m_model->fetchMore(child);
            } else if (m_model->isLoaded(child) && depth + 1 < SearchDepth) {
                folders.append({child, depth + 1});
            }
        }
    }
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
