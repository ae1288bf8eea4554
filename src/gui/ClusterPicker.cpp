// SPDX-License-Identifier: Apache-2.0
#include "ClusterPicker.h"

#include "WorkspaceErrorText.h"
#include "ui_ClusterPicker.h"

#include <QCompleter>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPainter>
#include <QPixmap>
#include <QScopedValueRollback>
#include <QScreen>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyle>
#include <QTimer>
#include <QTreeView>

namespace Brickrun {

namespace {
constexpr int MaxVisibleRows = 12;
}

ClusterPicker::ClusterPicker(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ClusterPicker>())
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_completer(new QCompleter(this))
    , m_popup(new QTreeView)
{
    m_ui->setupUi(this);
    setFocusProxy(m_ui->clusterEdit);
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Id"), tr("State"), tr("Spark")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // name, id, state or version

    m_popup->setObjectName(QStringLiteral("clusterList"));
    m_popup->setRootIsDecorated(false);
    m_popup->setUniformRowHeights(true);
    m_popup->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_popup->header()->setStretchLastSection(true);
    // The completer filters nothing itself (the proxy does, on name, id, state and version) and
    // puts the cluster id into the field.
    m_completer->setModel(m_proxy);
    m_completer->setPopup(m_popup);    // the completer owns the popup from here on
    m_popup->installEventFilter(this); // after the completer's: this one sees keys first
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(IdRole);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(MaxVisibleRows);
    m_ui->clusterEdit->setCompleter(m_completer);
    // QCompleter sizes its popup for a plain list as wide as the field: no room for the header,
    // the columns or more rows once the list has loaded. The popup is fitted again whenever it
    // shows, moves or resizes, and when the filtered rows change while it is open.
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &ClusterPicker::fitPopup, Qt::QueuedConnection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ClusterPicker::fitPopup,
            Qt::QueuedConnection);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ClusterPicker::fitPopup,
            Qt::QueuedConnection);
    // QLineEdit takes a completion only while it has the focus; a pick from the list counts
    // even when the focus is elsewhere (e.g. the list was opened with the mouse).
    connect(m_completer, QOverload<const QModelIndex &>::of(&QCompleter::activated), this,
            [this](const QModelIndex &index) {
                const QString id = index.data(IdRole).toString();
                if (!id.isEmpty())
                    m_ui->clusterEdit->setText(id);
            });

    QPalette p = m_ui->clusterStatus->palette();
    p.setColor(QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    m_ui->clusterStatus->setPalette(p);
    p = m_ui->clusterNote->palette();
    p.setColor(QPalette::WindowText, QColor(0xb0, 0x70, 0x00));
    m_ui->clusterNote->setPalette(p);

    connect(m_ui->clusterEdit, &QLineEdit::textEdited, this,
            [this](const QString &text) { m_proxy->setFilterFixedString(text.trimmed()); });
    connect(m_ui->clusterEdit, &QLineEdit::textChanged, this, &ClusterPicker::updateNote);
    connect(m_ui->clusterListButton, &QToolButton::clicked, this, &ClusterPicker::showList);
    connect(m_ui->refreshClustersButton, &QToolButton::clicked, this, &ClusterPicker::refresh);
    auto *open = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), m_ui->clusterEdit);
    open->setContext(Qt::WidgetShortcut);
    connect(open, &QShortcut::activated, this, &ClusterPicker::showList);
    m_ui->refreshClustersButton->setEnabled(false);
    m_recheck.setSingleShot(true);
    m_recheck.setInterval(15000);
    connect(&m_recheck, &QTimer::timeout, this, &ClusterPicker::recheckClusters);
}

ClusterPicker::~ClusterPicker() = default;

bool ClusterPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_popup && (event->type() == QEvent::Show || event->type() == QEvent::Resize ||
                               event->type() == QEvent::Move))
        fitPopup();
    if (watched == m_popup && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            m_pickingFromList = true; // until the completer has handled this key
            QTimer::singleShot(0, this, [this] { m_pickingFromList = false; });
        }
    }
    return QWidget::eventFilter(watched, event);
}

QLineEdit *ClusterPicker::lineEdit() const
{
    return m_ui->clusterEdit;
}

QString ClusterPicker::clusterId() const
{
    return m_ui->clusterEdit->text().trimmed();
}

void ClusterPicker::setWorkspaceApi(WorkspaceApi *api)
{
    if (api == m_api)
        return;
    m_api = api;
    m_ui->refreshClustersButton->setEnabled(api != nullptr);
    refresh();
}

void ClusterPicker::setRecent(const QStringList &clusterIds)
{
    if (clusterIds == m_recent)
        return;
    m_recent = clusterIds;
    if (!m_loading)
        populate();
}

void ClusterPicker::refresh()
{
    ++m_generation;
    m_clusters.clear();
    m_model->removeRows(0, m_model->rowCount());
    if (!m_api) {
        m_loading = false;
        showStatus(QString());
        updateNote();
        return;
    }
    m_loading = true;
    auto *placeholder = new QStandardItem(tr("Loading clusters…"));
    placeholder->setFlags(Qt::ItemIsEnabled);
    m_model->appendRow(placeholder);
    showStatus(tr("Loading clusters…"));
    const quint64 generation = m_generation;
    m_api->listClusters(this, [this, generation](const Result<QList<ClusterInfo>> &r) {
        if (generation != m_generation)
            return; // an answer for a workspace no longer shown
        m_loading = false;
        if (!r.isOk()) {
            m_model->removeRows(0, m_model->rowCount());
            showStatus(tr("The clusters could not be listed: %1")
                           .arg(WorkspaceErrorText::describe(r.error())));
            return;
        }
        m_clusters = r.value();
        populate();
        showStatus(m_clusters.isEmpty()
                       ? tr("This workspace has no all-purpose clusters; type a cluster id.")
                       : QString());
        if (m_popup->isVisible())
            m_completer->complete();
    });
}

void ClusterPicker::populate()
{
    if (m_loading)
        return;
    m_model->removeRows(0, m_model->rowCount());
    QList<ClusterInfo> ordered;
    for (const QString &id : std::as_const(m_recent))
        for (const ClusterInfo &c : std::as_const(m_clusters))
            if (c.id == id)
                ordered.append(c);
    for (const ClusterInfo &c : std::as_const(m_clusters))
        if (!m_recent.contains(c.id))
            ordered.append(c);
    for (const ClusterInfo &c : std::as_const(ordered)) {
        auto *name = new QStandardItem(stateIcon(c.state), c.name);
        name->setData(c.id, IdRole);
        const QString tip = c.stateMessage.isEmpty()
                                ? c.state
                                : QStringLiteral("%1: %2").arg(c.state, c.stateMessage);
        name->setToolTip(m_recent.contains(c.id) ? tr("%1 (recently used)").arg(tip) : tip);
        QList<QStandardItem *> row{name, new QStandardItem(c.id), new QStandardItem(c.state),
                                   new QStandardItem(c.sparkVersion)};
        for (QStandardItem *item : row) {
            item->setEditable(false);
            item->setData(c.id, IdRole);
        }
        m_model->appendRow(row);
    }
    for (int column = 0; column < ColumnCount; ++column)
        m_popup->resizeColumnToContents(column);
    updateNote();
}

void ClusterPicker::showList()
{
    if (!m_api) {
        showStatus(tr("Choose a workspace to list its clusters."));
        return;
    }
    if (!m_loading && m_clusters.isEmpty())
        refresh();
    m_ui->clusterEdit->setFocus();
    m_proxy->setFilterFixedString(QString());
    m_completer->setCompletionPrefix(m_ui->clusterEdit->text());
    m_completer->complete();
}

void ClusterPicker::fitPopup()
{
    if (m_fitting || !m_popup->isVisible())
        return;
    const QScopedValueRollback<bool> fitting(m_fitting, true);
    const QLineEdit *field = m_ui->clusterEdit;
    const QRect screen = m_popup->screen()->availableGeometry();
    const int frame = 2 * m_popup->frameWidth();
    const int rows = m_popup->model()->rowCount();
    const int shownRows = qBound(1, rows, MaxVisibleRows);
    const int rowHeight = qMax(m_popup->sizeHintForRow(0), field->fontMetrics().height());
    const QHeaderView *header = m_popup->header();
    const int headerHeight = header->isHidden() ? 0 : header->sizeHint().height();
    const int scrollBar = m_popup->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr,
                                                        m_popup->verticalScrollBar());

    const QAbstractItemView *view = m_popup; // QTreeView's sizeHintForColumn is protected
    int contentWidth = 0;
    for (int column = 0; column < ColumnCount; ++column) {
        // The rows shown now (the filter changes them): the last column takes what is left.
        const int hint = qMax(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        if (column + 1 < ColumnCount)
            m_popup->setColumnWidth(column, hint);
        contentWidth += hint;
    }
    if (rows > shownRows)
        contentWidth += scrollBar;
    const int width = qMin(qMax(contentWidth + frame, field->width()), screen.width());
    int height = headerHeight + shownRows * rowHeight + frame;
    if (contentWidth + frame > width)
        height += scrollBar; // too wide for the screen: a horizontal scroll bar
    height = qMin(height, screen.height());
    // Scroll bars only where the size above leaves no room: "as needed" alone can keep both
    // shown, each taking the room that makes the other needed.
    m_popup->setHorizontalScrollBarPolicy(contentWidth + frame > width ? Qt::ScrollBarAsNeeded
                                                                       : Qt::ScrollBarAlwaysOff);
    m_popup->setVerticalScrollBarPolicy(rows > shownRows ? Qt::ScrollBarAsNeeded
                                                         : Qt::ScrollBarAlwaysOff);

    // Below the field when it fits, else above it; always on the screen.
    const QPoint below = field->mapToGlobal(QPoint(0, field->height()));
    const QPoint above = field->mapToGlobal(QPoint(0, 0));
    int y = below.y();
    if (y + height > screen.bottom() + 1 && above.y() - height >= screen.top())
        y = above.y() - height;
    y = qBound(screen.top(), y, screen.bottom() + 1 - height);
    const int x = qBound(screen.left(), below.x(), screen.right() + 1 - width);
    const QRect wanted(x, y, width, height);
    if (m_popup->geometry() != wanted)
        m_popup->setGeometry(wanted);
}

void ClusterPicker::updateNote()
{
    const QString id = clusterId();
    QString note;
    bool waiting = false; // for the cluster to start: it is read again to follow it
    for (const ClusterInfo &c : std::as_const(m_clusters)) {
        if (c.id != id)
            continue;
        if (c.state == QLatin1String("TERMINATED") || c.state == QLatin1String("TERMINATING"))
            note = tr("%1 is stopped: the run will wait for it to start.").arg(c.name);
        else if (c.state == QLatin1String("PENDING") || c.state == QLatin1String("RESTARTING") ||
                 c.state == QLatin1String("RESIZING"))
            note = tr("%1 is starting: the run will wait for it.").arg(c.name);
        waiting = !note.isEmpty();
        if (c.state == QLatin1String("ERROR"))
            note = tr("%1 is in an error state: %2").arg(c.name, c.stateMessage);
        break;
    }
    m_ui->clusterNote->setText(note);
    m_ui->clusterNote->setVisible(!note.isEmpty());
    if (waiting && m_api)
        m_recheck.start();
    else
        m_recheck.stop();
}

// Reads the clusters again without a "Loading…" in between: the list and the note show the
// new states when they are in.
void ClusterPicker::recheckClusters()
{
    if (!m_api || m_loading)
        return;
    const quint64 generation = m_generation;
    m_api->listClusters(this, [this, generation](const Result<QList<ClusterInfo>> &r) {
        if (generation != m_generation || m_loading)
            return;
        if (!r.isOk()) {
            m_recheck.start(); // try again later; the note stays as it was
            return;
        }
        m_clusters = r.value();
        if (m_popup->isVisible())
            updateNote(); // the open list is left as it is under the user's hands
        else
            populate();
    });
}

void ClusterPicker::showStatus(const QString &text)
{
    m_ui->clusterStatus->setText(text);
    m_ui->clusterStatus->setVisible(!text.isEmpty());
}

QIcon ClusterPicker::stateIcon(const QString &state)
{
    QColor color(0x9e, 0x9e, 0x9e); // TERMINATED, TERMINATING, unknown: grey
    if (state == QLatin1String("RUNNING"))
        color = QColor(0x2e, 0x9d, 0x3a);
    else if (state == QLatin1String("PENDING") || state == QLatin1String("RESTARTING") ||
             state == QLatin1String("RESIZING"))
        color = QColor(0xe0, 0x9a, 0x00);
    else if (state == QLatin1String("ERROR"))
        color = QColor(0xd0, 0x3a, 0x3a);
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    painter.end();
    return QIcon(pixmap);
}

} // namespace Brickrun
