// SPDX-License-Identifier: Apache-2.0
#include "TaskRunsPanel.h"

#include "TaskListModel.h"
#include "api/JobsClient.h"
#include "ui_TaskRunsPanel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPointer>
#include <QPushButton>

namespace Brickrun {

namespace {

// As in the Result tab: a text view lays out megabytes slowly on the GUI thread.
constexpr qsizetype DisplayLimit = 128 * 1024;

QString forDisplay(const QString &text)
{
    if (text.size() <= DisplayLimit)
        return text;
    return text.left(DisplayLimit) + QStringLiteral("\n\n") +
           TaskRunsPanel::tr("[Cut here for display: %L1 of %L2 characters shown.]")
               .arg(DisplayLimit)
               .arg(text.size());
}

} // namespace

TaskRunsPanel::TaskRunsPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TaskRunsPanel>())
    , m_model(new TaskListModel(this))
{
    m_ui->setupUi(this);
    m_ui->tasksStatusLabel->setForegroundRole(QPalette::PlaceholderText);
    m_ui->taskOutputText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->tasksTable->setModel(m_model);
    m_ui->tasksTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->tasksTable->horizontalHeader()->setStretchLastSection(true);
    // The list gets most of the room; a task's output is often one line.
    m_ui->tasksSplitter->setStretchFactor(0, 3);
    m_ui->tasksSplitter->setStretchFactor(1, 2);
    connect(m_ui->tasksRefreshButton, &QPushButton::clicked, this, &TaskRunsPanel::refresh);
    connect(m_ui->tasksTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TaskRunsPanel::showSelectedOutput);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TaskRunsPanel::showSelectedOutput);
    setRun(QString(), 0);
}

TaskRunsPanel::~TaskRunsPanel() = default;

void TaskRunsPanel::setWorkspaceResolver(WorkspaceResolver resolver)
{
    m_resolver = std::move(resolver);
}

void TaskRunsPanel::setRun(const QString &profile, qint64 runId)
{
    if (runId == m_runId && profile == m_profile && runId != 0)
        return;
    ++m_generation;
    m_profile = profile;
    m_runId = runId;
    m_loaded = false;
    m_outputs.clear();
    m_reading.clear();
    m_model->clear();
    m_ui->tasksRefreshButton->setEnabled(runId > 0);
    m_ui->tasksStatusLabel->setText(runId > 0 ? QString()
                                              : tr("The run has no run ID yet, so no tasks."));
    showSelectedOutput();
}

void TaskRunsPanel::ensureLoaded()
{
    if (!m_loaded)
        refresh();
}

void TaskRunsPanel::withClient(const std::function<void(JobsClient *)> &then)
{
    if (!m_resolver) {
        m_ui->tasksStatusLabel->setText(tr("The workspace of this run cannot be reached here."));
        return;
    }
    QPointer<TaskRunsPanel> self(this);
    const quint64 generation = m_generation;
    m_resolver(m_profile,
               [self, generation, then](JobsClient *client, const QString &, const QString &error) {
                   if (!self || generation != self->m_generation)
                       return;
                   if (!client) {
                       self->m_ui->tasksStatusLabel->setText(error);
                       return;
                   }
                   then(client);
               });
}

void TaskRunsPanel::refresh()
{
    if (m_runId <= 0)
        return;
    ++m_generation; // an older reading that ends late is dropped
    m_loaded = true;
    m_outputs.clear();
    m_reading.clear();
    m_ui->tasksStatusLabel->setText(tr("Reading tasks…"));
    const quint64 generation = m_generation;
    const qint64 runId = m_runId;
    withClient([this, generation, runId](JobsClient *client) {
        client->getRun(runId, this, [this, generation](const Result<RunInfo> &r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_ui->tasksStatusLabel->setText(
                    tr("The tasks could not be read: %1").arg(r.error().toString()));
                return;
            }
            m_model->setRun(r.value());
            const int count = m_model->rowCount();
            m_ui->tasksStatusLabel->setText(
                count == 0   ? tr("The service lists no tasks for this run.")
                : count == 1 ? tr("1 task. Select it to read its output.")
                             : tr("%L1 tasks. Select one to read its output.").arg(count));
            showSelectedOutput();
        });
    });
}

void TaskRunsPanel::showSelectedOutput()
{
    const QModelIndex current = m_ui->tasksTable->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_ui->taskOutputLabel->setText(
            m_model->rowCount() > 0 ? tr("Select a task to read its output.") : QString());
        m_ui->taskOutputText->clear();
        return;
    }
    m_ui->tasksTable->scrollTo(current);
    const TaskRun &task = m_model->task(current.row());
    if (task.runId <= 0) {
        m_ui->taskOutputLabel->setText(tr("Task %1 has no task run ID yet.").arg(task.taskKey));
        m_ui->taskOutputText->clear();
        return;
    }
    const auto known = m_outputs.constFind(task.runId);
    if (known != m_outputs.cend())
        return showOutput(task, *known);
    m_ui->taskOutputLabel->setText(
        tr("Reading the output of task %1 (task run %2)…").arg(task.taskKey).arg(task.runId));
    m_ui->taskOutputText->clear();
    fetchOutput(task.runId);
}

void TaskRunsPanel::fetchOutput(qint64 taskRunId)
{
    if (m_reading.contains(taskRunId))
        return;
    m_reading.insert(taskRunId);
    const quint64 generation = m_generation;
    withClient([this, generation, taskRunId](JobsClient *client) {
        client->getOutput(
            taskRunId, this, [this, generation, taskRunId](const Result<RunOutput> &r) {
                if (generation != m_generation)
                    return;
                m_reading.remove(taskRunId);
                TaskOutput out;
                out.ok = r.isOk();
                if (r)
                    out.output = r.value();
                else
                    out.error = r.error().toString();
                m_outputs.insert(taskRunId, out);
                const QModelIndex current = m_ui->tasksTable->selectionModel()->currentIndex();
                if (current.isValid() && m_model->task(current.row()).runId == taskRunId)
                    showOutput(m_model->task(current.row()), out);
            });
    });
}

void TaskRunsPanel::showOutput(const TaskRun &task, const TaskOutput &output)
{
    const QString which = tr("Task %1 (task run %2)").arg(task.taskKey).arg(task.runId);
    QString label;
    QString text;
    const RunOutput &o = output.output;
    if (!output.ok) {
        label = tr("%1: the output could not be read: %2").arg(which, output.error);
    } else if (o.hasNotebookResult) {
        label = o.truncated ? tr("%1: result (the service kept only its first 5 MB)").arg(which)
                            : tr("%1: result").arg(which);
        text = o.notebookResult;
    } else if (!o.error.isEmpty() || !o.errorTrace.isEmpty()) {
        label = tr("%1: error").arg(which);
        text = o.errorTrace.isEmpty() ? o.error : o.error + QStringLiteral("\n\n") + o.errorTrace;
    } else if (!task.state.isTerminal()) {
        label = tr("%1 has not finished; Refresh once it has to read its output.").arg(which);
    } else {
        label = tr("%1: no result (the notebook did not call dbutils.notebook.exit()).").arg(which);
    }
    m_ui->taskOutputLabel->setText(label);
    text = forDisplay(text);
    if (m_ui->taskOutputText->toPlainText() != text)
        m_ui->taskOutputText->setPlainText(text);
}

} // namespace Brickrun
