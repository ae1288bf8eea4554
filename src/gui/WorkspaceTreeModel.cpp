// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceTreeModel.h"

#include "WorkspaceErrorText.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace Brickrun {

struct WorkspaceTreeModel::Node
{
    enum class State
    {
        NotLoaded,
        Loading,
        Loaded,
        Failed
    };
    WorkspaceObject object;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    State state = State::NotLoaded;
    bool placeholder = false; // "Loading…" or an error text
    QString text;             // placeholder text

    bool isFolder() const { return !placeholder && object.isFolder(); }
    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
};

namespace {

// A folder not loaded yet has one child, "Loading…", so the view shows it can be opened and
// what happens while the request runs; fetchMore then inserts nothing by itself.
void addLoadingChild(WorkspaceTreeModel::Node *folder)
{
    auto loading = std::make_unique<WorkspaceTreeModel::Node>();
    loading->placeholder = true;
    loading->text = WorkspaceTreeModel::tr("Loading…");
    loading->parent = folder;
    folder->children.push_back(std::move(loading));
}

} // namespace

WorkspaceTreeModel::WorkspaceTreeModel(WorkspaceApi *api, QObject *parent)
    : QAbstractItemModel(parent)
    , m_api(api)
    , m_root(std::make_unique<Node>())
{
    m_root->state = Node::State::Loaded;
}

WorkspaceTreeModel::~WorkspaceTreeModel() = default;

void WorkspaceTreeModel::setRoots(const QStringList &paths)
{
    beginResetModel();
    ++m_generation;
    m_root->children.clear();
    for (const QString &p : paths) {
        auto node = std::make_unique<Node>();
        node->object.path = p;
        node->object.type = QStringLiteral("DIRECTORY");
        node->parent = m_root.get();
        addLoadingChild(node.get());
        m_root->children.push_back(std::move(node));
    }
    endResetModel();
}

WorkspaceTreeModel::Node *WorkspaceTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex WorkspaceTreeModel::indexOf(Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, node);
}

bool WorkspaceTreeModel::isLoaded(const QModelIndex &index) const
{
    return nodeOf(index)->state == Node::State::Loaded;
}

bool WorkspaceTreeModel::isNotebook(const QModelIndex &index) const
{
    const Node *n = nodeOf(index);
    return index.isValid() && !n->placeholder && n->object.type == QLatin1String("NOTEBOOK");
}

QString WorkspaceTreeModel::path(const QModelIndex &index) const
{
    const Node *n = nodeOf(index);
    return n->placeholder ? QString() : n->object.path;
}

QModelIndex WorkspaceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex WorkspaceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int WorkspaceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int WorkspaceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool WorkspaceTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    return !nodeOf(parent)->children.empty();
}

bool WorkspaceTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *n = nodeOf(parent);
    return n != m_root.get() && n->isFolder() && n->state == Node::State::NotLoaded;
}

void WorkspaceTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *n = nodeOf(parent);
    n->state = Node::State::Loading;
    if (!m_api) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidInput;
        error.message = tr("No workspace is chosen.");
        onListed(n, Result<QList<WorkspaceObject>>::failure(error));
        return;
    }
    const quint64 generation = m_generation;
    m_api->listFolder(n->object.path, this,
                      [this, n, generation](const Result<QList<WorkspaceObject>> &r) {
                          if (generation == m_generation)
                              onListed(n, r);
                      });
}

void WorkspaceTreeModel::onListed(Node *node, const Result<QList<WorkspaceObject>> &result)
{
    const QModelIndex parent = indexOf(node);
    if (!result.isOk()) {
        // The reason takes the place of "Loading…".
        node->state = Node::State::Failed;
        if (node->children.empty())
            addLoadingChild(node); // cannot happen; keeps the row below valid
        node->children.front()->text = WorkspaceErrorText::describe(result.error());
        const QModelIndex reason = index(0, NameColumn, parent);
        Q_EMIT dataChanged(reason, reason.siblingAtColumn(KindColumn));
        Q_EMIT folderLoaded(node->object.path);
        return;
    }
    if (!node->children.empty()) {
        beginRemoveRows(parent, 0, int(node->children.size()) - 1);
        node->children.clear();
        endRemoveRows();
    }
    node->state = Node::State::Loaded;
    std::vector<std::unique_ptr<Node>> children;
    for (const WorkspaceObject &o : result.value()) {
        auto child = std::make_unique<Node>();
        child->object = o;
        child->parent = node;
        if (child->isFolder())
            addLoadingChild(child.get());
        children.push_back(std::move(child));
    }
    if (!children.empty()) {
        beginInsertRows(parent, 0, int(children.size()) - 1);
        node->children = std::move(children);
        endInsertRows();
    }
    Q_EMIT folderLoaded(node->object.path);
}

QVariant WorkspaceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeOf(index);
    if (n->placeholder) {
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return n->text;
        if (role == Qt::ToolTipRole)
            return n->text;
        if (role == PlaceholderRole)
            return true;
        if (role == Qt::FontRole && index.column() == NameColumn) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    }
    const WorkspaceObject &o = n->object;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return n->parent == m_root.get() ? o.path : o.name();
        if (o.type == QLatin1String("NOTEBOOK")) {
            if (o.language == QLatin1String("PYTHON"))
                return tr("Python");
            if (o.language == QLatin1String("SQL"))
                return tr("SQL");
            if (o.language == QLatin1String("SCALA"))
                return tr("Scala");
            if (o.language == QLatin1String("R"))
                return tr("R");
            return o.language;
        }
        if (o.type == QLatin1String("DIRECTORY"))
            return tr("Folder");
        if (o.type == QLatin1String("REPO"))
            return tr("Repo");
        if (o.type == QLatin1String("FILE"))
            return tr("File");
        return o.type;
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        return QApplication::style()->standardIcon(o.isFolder() ? QStyle::SP_DirIcon
                                                                : QStyle::SP_FileIcon);
    case Qt::ToolTipRole:
    case PathRole:
        return o.path;
    case TypeRole:
        return o.type;
    case PlaceholderRole:
        return false;
    default:
        return {};
    }
}

QVariant WorkspaceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Language / type");
}

Qt::ItemFlags WorkspaceTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (nodeOf(index)->placeholder)
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!nodeOf(index)->isFolder())
        f |= Qt::ItemNeverHasChildren;
    return f;
}

} // namespace Brickrun
