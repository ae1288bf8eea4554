// SPDX-License-Identifier: Apache-2.0
#include "RunOutputPanel.h"

#include "ResultTableModel.h"
#include "RunDetailsPanel.h"
#include "RunOutputText.h"
#include "TaskRunsPanel.h"
#include "ui_RunOutputPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QtConcurrent/QtConcurrentRun>

namespace Brickrun {

using namespace RunOutputText;

namespace {

// Outputs this long are read on a worker thread (figures in bench/README.md); shorter ones at
// once, so a small result never flashes a placeholder.
constexpr qsizetype ParseInBackgroundFrom = 64 * 1024;

QString noOutputText()
{
    return RunOutputPanel::tr("No output has been fetched for this run.");
}

void setPlainTextIfChanged(QPlainTextEdit *edit, const QString &text)
{
    // setPlainText resets the scroll position and the selection: only for new content.
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

} // namespace

// What the output tabs show, prepared from a RunOutput (on a worker thread when it is large).
struct RunOutputPanel::OutputView
{
    bool parsed = false; // false: the result did not change, keep the table as it is
    ResultTable table;
    QString rawJson;        // for Copy and Save as…
    QString rawJsonDisplay; // for the view
};

RunOutputPanel::RunOutputPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RunOutputPanel>())
    , m_resultModel(new ResultTableModel(this))
    , m_tasks(new TaskRunsPanel(this))
{
    m_ui->setupUi(this);
    m_tasks->setObjectName(QStringLiteral("tasksTab"));
    m_ui->outputTabs->addTab(m_tasks, tr("Tasks"));
    for (QLabel *label : {m_ui->resultMessage, m_ui->resultInfoLabel})
        label->setTextFormat(Qt::PlainText);
    m_ui->resultMessage->setForegroundRole(QPalette::PlaceholderText);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {m_ui->resultText, m_ui->errorText, m_ui->rawJsonText})
        edit->setFont(fixed);
    // The error's useful sentence is often at the end of a long line: wrap it into view.
    m_ui->errorText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_ui->errorText->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);

    m_ui->resultTable->setModel(m_resultModel);
    m_ui->resultTable->horizontalHeader()->setResizeContentsPrecision(200);
    m_ui->resultTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // Compact, even rows at any scale, as in the runs table: more of the result in view.
    m_ui->resultTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_ui->resultTable->installEventFilter(this);

    connect(m_ui->copyButton, &QPushButton::clicked, this, &RunOutputPanel::copyOutput);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &RunOutputPanel::saveOutput);
    connect(m_ui->outputTabs, &QTabWidget::currentChanged, this, [this] {
        if (!m_openingTab)
            m_userPickedTab = true;
        updateOutputButtons();
        if (m_ui->outputTabs->currentWidget() == m_tasks)
            m_tasks->ensureLoaded();
    });
    clear();
}

RunOutputPanel::~RunOutputPanel() = default;

void RunOutputPanel::setWorkspaceResolver(WorkspaceResolver resolver)
{
    m_tasks->setWorkspaceResolver(std::move(resolver));
}

void RunOutputPanel::clear()
{
    ++m_outputGeneration; // a reading still under way is dropped when it ends
    m_parsing = false;
    m_record = RunRecord();
    m_outputPresented = false;
    m_presentedHasOutput = false;
    m_presentedOutput = RunOutput();
    m_resultText.clear();
    m_resultReason.clear();
    m_rawJson.clear();
    m_resultModel->setTable(ResultTable());
    m_ui->resultText->clear();
    m_ui->errorText->clear();
    m_ui->rawJsonText->clear();
    m_ui->rawJsonText->setPlaceholderText(noOutputText());
    m_tasks->setRun(QString(), 0);
}

void RunOutputPanel::showRecord(const RunRecord &record, bool sameRun)
{
    const bool outputArrived = sameRun && record.hasOutput && !m_presentedHasOutput;
    m_record = record;
    if (!sameRun || record.hasOutput) {
        m_fetchReceived = 0;
        m_fetchTotal = -1;
    }
    if (!sameRun)
        m_userPickedTab = false;
    presentOutput();
    openTab(!sameRun, outputArrived);
    showResultPane();
    updateOutputButtons();
    m_tasks->setRun(record.profile, record.runId);
    if (m_ui->outputTabs->currentWidget() == m_tasks)
        m_tasks->ensureLoaded(); // read for a newly selected run; a followed one is not polled
}

void RunOutputPanel::showOutputProgress(const QString &profile, qint64 runId, qint64 received,
                                        qint64 total)
{
    const RunRecord &r = m_record;
    if (runId <= 0 || profile != r.profile || r.hasOutput || !r.isActive() || !r.state.isTerminal())
        return;
    if (runId != r.taskRunId && runId != r.runId) // the primary task's output (or the run's)
        return;
    m_fetchReceived = received;
    m_fetchTotal = total;
    showResultPane();
}

void RunOutputPanel::presentOutput()
{
    const RunRecord &r = m_record;
    const RunOutput &out = r.output;
    const bool hasResult = r.hasOutput && out.hasNotebookResult;
    const bool outputChanged = !m_outputPresented || m_presentedHasOutput != r.hasOutput ||
                               !sameOutput(m_presentedOutput, out);
    if (!outputChanged)
        return;
    const bool hadResult = m_presentedHasOutput && m_presentedOutput.hasNotebookResult;
    // A Python file's output is its logs: the Result tab shows them as text, never parsed.
    const bool hasLogs = showsLogs(r.hasOutput, out);
    const bool hadLogs = showsLogs(m_presentedHasOutput, m_presentedOutput);
    // A reading under way is dropped below (new generation), so it has to start again.
    const bool resultChanged = !m_outputPresented || m_parsing || hadResult != hasResult ||
                               m_presentedOutput.notebookResult != out.notebookResult ||
                               hadLogs != hasLogs ||
                               (hasLogs && m_presentedOutput.logs != out.logs);
    m_outputPresented = true;
    m_presentedHasOutput = r.hasOutput;
    m_presentedOutput = out;
    const quint64 generation = ++m_outputGeneration;

    if (resultChanged) {
        m_parsing = false;
        m_resultText = hasResult ? out.notebookResult : hasLogs ? out.logs : QString();
        m_resultReason.clear();
        m_resultModel->setTable(ResultTable());
        m_ui->resultText->clear();
        if (hasLogs)
            m_ui->resultText->setPlainText(forDisplayTail(m_resultText));
    }
    setPlainTextIfChanged(m_ui->errorText, forDisplay(errorText(out)));
    const bool hasError = !out.error.isEmpty() || !out.errorTrace.isEmpty();
    m_ui->outputTabs->setTabIcon(m_ui->outputTabs->indexOf(m_ui->errorTab),
                                 hasError ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                          : QIcon());

    if (!r.hasOutput) {
        m_rawJson.clear();
        m_ui->rawJsonText->clear();
        m_ui->rawJsonText->setPlaceholderText(noOutputText());
        return;
    }
    auto present = [output = out, parse = resultChanged && hasResult] {
        OutputView view;
        view.parsed = parse;
        if (view.parsed)
            view.table = ResultTable::parse(output.notebookResult);
        view.rawJson = rawOutputJson(output);
        // The view shows every key with long values cut, not the first 128 K characters of the
        // document (a 5 MB result would hide the keys after it).
        RunOutput shown = output;
        shown.notebookResult = cutForDisplay(output.notebookResult);
        shown.errorTrace = cutForDisplay(output.errorTrace);
        shown.logs = cutForDisplay(output.logs);
        view.rawJsonDisplay = rawOutputJson(shown);
        return view;
    };
    if (out.notebookResult.size() + out.errorTrace.size() + out.logs.size() <
        ParseInBackgroundFrom) {
        applyOutputView(present());
        return;
    }
    m_parsing = resultChanged && hasResult;
    m_rawJson.clear(); // not the previous output's while the new one is prepared
    m_ui->rawJsonText->clear();
    m_ui->rawJsonText->setPlaceholderText(tr("Reading the output…"));
    auto *watcher = new QFutureWatcher<OutputView>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_outputGeneration) // else a newer output is shown
            applyOutputView(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(present));
}

void RunOutputPanel::openTab(bool newRun, bool outputArrived)
{
    // The Tasks tab stays open: it then shows the new run's tasks.
    if (m_ui->outputTabs->currentWidget() == m_tasks)
        return;
    if (!newRun && !(outputArrived && !m_userPickedTab))
        return;
    const RunOutput &out = m_record.output;
    const bool failedWithoutResult =
        m_record.hasOutput && !out.hasNotebookResult && !errorText(out).isEmpty();
    m_openingTab = true;
    m_ui->outputTabs->setCurrentWidget(failedWithoutResult ? m_ui->errorTab : m_ui->resultTab);
    m_openingTab = false;
}

void RunOutputPanel::applyOutputView(const OutputView &view)
{
    if (view.parsed) {
        m_parsing = false;
        if (view.table.isTable) {
            m_resultModel->setTable(view.table);
            QTableView *table = m_ui->resultTable;
            table->scrollToTop();
            table->resizeColumnsToContents();
            const int maxWidth = table->fontMetrics().averageCharWidth() * 40;
            for (int c = 0; c < m_resultModel->columnCount(); ++c) {
                if (table->columnWidth(c) > maxWidth)
                    table->setColumnWidth(c, maxWidth);
            }
        } else {
            m_ui->resultText->setPlainText(forDisplay(m_resultText));
        }
        m_resultReason = view.table.reason;
    }
    m_rawJson = view.rawJson;
    m_ui->rawJsonText->setPlaceholderText(noOutputText());
    setPlainTextIfChanged(m_ui->rawJsonText, view.rawJsonDisplay);
    showResultPane();
    updateOutputButtons();
}

void RunOutputPanel::showResultPane()
{
    const RunRecord &r = m_record;
    const bool hasResult = r.hasOutput && r.output.hasNotebookResult;
    const bool hasLogs = showsLogs(r.hasOutput, r.output);
    const QString banner =
        hasLogs ? tr("The service kept only the last 5 MB of these logs: their beginning is "
                     "missing.")
                : tr("The service kept only the first 5 MB of this result: what follows is "
                     "incomplete.");
    if (m_ui->truncatedBanner->text() != banner)
        m_ui->truncatedBanner->setText(banner);
    m_ui->truncatedBanner->setVisible((hasResult && r.output.truncated) ||
                                      (hasLogs && r.output.logsTruncated));

    QString message;
    QString info;
    QWidget *page = m_ui->resultMessagePage;
    if (!r.hasOutput || r.tracking == RunRecord::Tracking::Submitting ||
        r.tracking == RunRecord::Tracking::SubmitFailed) {
        message = waitingMessage(r, m_fetchReceived, m_fetchTotal);
    } else if (hasLogs) {
        page = m_ui->resultTextPage;
        info = tr("What the Python file printed (its logs).");
        if (m_resultText.size() > DisplayLimit)
            info += QLatin1Char(' ') + tr("Showing the last %L1 of %L2 characters; Copy and Save "
                                          "as… give all of it.")
                                           .arg(DisplayLimit)
                                           .arg(m_resultText.size());
    } else if (!r.output.hasNotebookResult) {
        message = noResultMessage(r);
    } else if (m_parsing) {
        message = tr("Parsing result…");
    } else if (m_resultModel->table().isTable) {
        page = m_ui->resultTablePage;
        const int rows = m_resultModel->rowCount();
        const int columns = m_resultModel->columnCount();
        // Spelled out rather than "%n row(s)": correct in English without an English .ts file.
        info = (rows == 1 ? tr("1 row") : tr("%L1 rows").arg(rows)) + QStringLiteral(" × ") +
               (columns == 1 ? tr("1 column") : tr("%L1 columns").arg(columns));
    } else {
        page = m_ui->resultTextPage;
        info = m_resultReason;
        if (m_resultText.size() > DisplayLimit)
            info += QLatin1Char(' ') + tr("Showing the first %L1 of %L2 characters; Copy and Save "
                                          "as… give all of it.")
                                           .arg(DisplayLimit)
                                           .arg(m_resultText.size());
    }
    if (m_ui->resultMessage->text() != message)
        m_ui->resultMessage->setText(message);
    if (m_ui->resultInfoLabel->text() != info)
        m_ui->resultInfoLabel->setText(info);
    m_ui->resultInfoLabel->setVisible(!info.isEmpty());
    if (m_ui->resultStack->currentWidget() != page) {
        // Keep the keyboard in the pane when its content changes under it.
        QWidget *focus = QApplication::focusWidget();
        const bool hadFocus = focus && m_ui->resultStack->isAncestorOf(focus);
        m_ui->resultStack->setCurrentWidget(page);
        if (hadFocus && page == m_ui->resultTablePage)
            m_ui->resultTable->setFocus();
        else if (hadFocus && page == m_ui->resultTextPage)
            m_ui->resultText->setFocus();
        else if (hadFocus)
            m_ui->outputTabs->tabBar()->setFocus();
    }
}

void RunOutputPanel::updateOutputButtons()
{
    const QWidget *tab = m_ui->outputTabs->currentWidget();
    bool available = false;
    if (tab == m_ui->resultTab)
        available = m_ui->resultStack->currentWidget() != m_ui->resultMessagePage;
    else if (tab == m_ui->errorTab)
        available = !m_ui->errorText->document()->isEmpty();
    else if (tab == m_ui->rawJsonTab)
        available = !m_rawJson.isEmpty();
    m_ui->copyButton->setEnabled(available);
    m_ui->saveButton->setEnabled(available);
}

bool RunOutputPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->resultTable &&
        (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            // Claim Ctrl+C from window shortcuts, then copy the selected cells, not only the
            // current one as QTableView would.
            key->accept();
            if (event->type() == QEvent::KeyPress)
                copyTableSelection();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RunOutputPanel::copyOutput()
{
    const QWidget *tab = m_ui->outputTabs->currentWidget();
    QString text;
    if (tab == m_ui->resultTab) {
        if (m_ui->resultStack->currentWidget() == m_ui->resultTablePage)
            text = ResultTableModel::toTsv(m_resultModel->table());
        else if (m_ui->resultStack->currentWidget() == m_ui->resultTextPage)
            text = m_resultText;
    } else if (tab == m_ui->errorTab) {
        text = errorText(m_record.output);
    } else if (tab == m_ui->rawJsonTab) {
        text = m_rawJson;
    }
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void RunOutputPanel::copyTableSelection()
{
    QGuiApplication::clipboard()->setText(
        m_resultModel->selectionAsTsv(m_ui->resultTable->selectionModel()->selection()));
}

void RunOutputPanel::saveOutput()
{
    const QWidget *tab = m_ui->outputTabs->currentWidget();
    enum class Kind
    {
        Csv,
        Text,
        Json
    } kind = Kind::Text;
    QString text;
    QString stem = RunDetailsPanel::titleOf(m_record);
    stem.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    if (tab == m_ui->resultTab) {
        if (m_ui->resultStack->currentWidget() == m_ui->resultTablePage) {
            kind = Kind::Csv;
        } else if (m_ui->resultStack->currentWidget() == m_ui->resultTextPage) {
            text = m_resultText;
            const QString start = text.trimmed().left(1);
            if (!showsLogs(m_record.hasOutput, m_record.output) &&
                (start == QLatin1String("{") || start == QLatin1String("[")))
                kind = Kind::Json;
        } else {
            return;
        }
        stem += showsLogs(m_record.hasOutput, m_record.output) ? QStringLiteral("-logs")
                                                               : QStringLiteral("-result");
    } else if (tab == m_ui->errorTab) {
        text = errorText(m_record.output);
        stem += QStringLiteral("-error");
    } else {
        text = m_rawJson;
        kind = Kind::Json;
        stem += QStringLiteral("-output");
    }

    const QString csvFilter = tr("CSV files (*.csv)");
    const QString textFilter = tr("Text files (*.txt)");
    const QString jsonFilter = tr("JSON files (*.json)");
    const QString allFilter = tr("All files (*)");
    QString filters;
    QString selected;
    switch (kind) {
    case Kind::Csv:
        filters = csvFilter + QStringLiteral(";;") + allFilter;
        selected = csvFilter;
        stem += QStringLiteral(".csv");
        break;
    case Kind::Json:
        filters = jsonFilter + QStringLiteral(";;") + textFilter + QStringLiteral(";;") + allFilter;
        selected = jsonFilter;
        stem += QStringLiteral(".json");
        break;
    case Kind::Text:
        filters = textFilter + QStringLiteral(";;") + jsonFilter + QStringLiteral(";;") + allFilter;
        selected = textFilter;
        stem += QStringLiteral(".txt");
        break;
    }
    if (m_saveDirectory.isEmpty())
        m_saveDirectory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save output"), QDir(m_saveDirectory).filePath(stem), filters, &selected);
    if (path.isEmpty())
        return;
    m_saveDirectory = QFileInfo(path).absolutePath();

    // Formatting and writing 5 MB is work for a worker thread, not for the GUI.
    const ResultTable table = kind == Kind::Csv ? m_resultModel->table() : ResultTable();
    auto write = [path, text, table, csv = kind == Kind::Csv]() -> QString {
        const QByteArray bytes = (csv ? ResultTableModel::toCsv(table) : text).toUtf8();
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return file.errorString();
        return QString();
    };
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Save output"),
                                 tr("The output could not be saved to %1: %2")
                                     .arg(QDir::toNativeSeparators(path), error));
    });
    watcher->setFuture(QtConcurrent::run(write));
}

} // namespace Brickrun
