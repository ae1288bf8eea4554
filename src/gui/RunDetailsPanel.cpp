// SPDX-License-Identifier: Apache-2.0
// Past ~600 lines on purpose: one pane whose parts share the shown record and output state
// (header, timings, three output views, the off-thread reading with its generation guard, copy
// and save). The pure pieces live elsewhere: parsing in ResultTable, CSV/TSV in ResultTableModel.
#include "RunDetailsPanel.h"

#include "ResultTableModel.h"
#include "RunOptionsText.h"
#include "StateIcons.h"
#include "TaskRunsPanel.h"
#include "model/RunPageUrl.h"
#include "ui_RunDetailsPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace Brickrun {

namespace {

// Outputs this long are read on a worker thread (figures in bench/README.md); shorter ones at
// once, so a small result never flashes a placeholder.
constexpr qsizetype ParseInBackgroundFrom = 64 * 1024;
// A text view shows at most this many characters: QPlainTextEdit needs seconds on the GUI
// thread to lay out a 5 MB line. Copy and Save as… always give everything.
constexpr qsizetype DisplayLimit = 128 * 1024;

QString formatTime(qint64 ms)
{
    if (ms <= 0)
        return QString();
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    const QLocale locale;
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    if (!timeFormat.contains(QLatin1Char('s'))) // runs often last seconds: show them
        timeFormat.replace(QStringLiteral("mm"), QStringLiteral("mm:ss"));
    return locale.toString(at.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(at.time(), timeFormat);
}

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return QString();
    const qint64 s = ms / 1000;
    if (s < 60)
        return RunDetailsPanel::tr("%1 s").arg(s);
    if (s < 3600)
        return RunDetailsPanel::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return RunDetailsPanel::tr("%1 h %2 min")
        .arg(s / 3600)
        .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString runTitle(const RunRecord &record)
{
    return record.spec.runName.isEmpty() ? RunSpec::defaultRunName(record.spec.notebookPath)
                                         : record.spec.runName;
}

bool sameOutput(const RunOutput &a, const RunOutput &b)
{
    return a.taskRunId == b.taskRunId && a.hasNotebookResult == b.hasNotebookResult &&
           a.truncated == b.truncated && a.logsTruncated == b.logsTruncated &&
           a.notebookResult == b.notebookResult && a.error == b.error &&
           a.errorTrace == b.errorTrace && a.logs == b.logs;
}

// A long text field cut for display, saying so inside the value.
QString cutForDisplay(const QString &text)
{
    constexpr qsizetype keep = DisplayLimit / 2;
    if (text.size() <= keep)
        return text;
    return text.left(keep) +
           RunDetailsPanel::tr("… [%L1 more characters not shown: Copy and Save as… give all of "
                               "it]")
               .arg(text.size() - keep);
}

// The output as get-output answers it (rebuilt from the stored fields).
QString rawOutputJson(const RunOutput &output)
{
    QJsonObject notebook;
    if (output.hasNotebookResult) {
        notebook.insert(QLatin1String("result"), output.notebookResult);
        notebook.insert(QLatin1String("truncated"), output.truncated);
    }
    QJsonObject root;
    root.insert(QLatin1String("notebook_output"), notebook);
    if (!output.error.isEmpty())
        root.insert(QLatin1String("error"), output.error);
    if (!output.errorTrace.isEmpty())
        root.insert(QLatin1String("error_trace"), output.errorTrace);
    if (!output.logs.isEmpty()) {
        root.insert(QLatin1String("logs"), output.logs);
        root.insert(QLatin1String("logs_truncated"), output.logsTruncated);
    }
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QString errorText(const RunOutput &output)
{
    if (output.error.isEmpty())
        return output.errorTrace;
    if (output.errorTrace.isEmpty())
        return output.error;
    return output.error + QStringLiteral("\n\n") + output.errorTrace;
}

QString forDisplay(const QString &text)
{
    if (text.size() <= DisplayLimit)
        return text;
    return text.left(DisplayLimit) + QStringLiteral("\n\n") +
           RunDetailsPanel::tr("[Cut here for display: %L1 of %L2 characters shown. Copy and Save "
                               "as… give all of it.]")
               .arg(DisplayLimit)
               .arg(text.size());
}

QString noOutputText()
{
    return RunDetailsPanel::tr("No output has been fetched for this run.");
}

void setPlainTextIfChanged(QPlainTextEdit *edit, const QString &text)
{
    // setPlainText resets the scroll position and the selection: only for new content.
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

void setTextIfChanged(QLabel *label, const QString &text)
{
    if (label->text() != text)
        label->setText(text);
}

} // namespace

// What the output tabs show, prepared from a RunOutput (on a worker thread when it is large).
struct RunDetailsPanel::OutputView
{
    bool parsed = false; // false: the result did not change, keep the table as it is
    ResultTable table;
    QString rawJson;        // for Copy and Save as…
    QString rawJsonDisplay; // for the view
};

RunDetailsPanel::RunDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RunDetailsPanel>())
    , m_resultModel(new ResultTableModel(this))
    , m_tasks(new TaskRunsPanel(this))
{
    m_ui->setupUi(this);
    m_tasks->setObjectName(QStringLiteral("tasksTab"));
    m_ui->outputTabs->addTab(m_tasks, tr("Tasks"));
    // Run names, paths, cluster ids and the service's messages are shown as they are: never read
    // as rich text (a "<img src=…>" in a state message must not load or render anything).
    for (QLabel *label :
         {m_ui->titleLabel, m_ui->stateMessageLabel, m_ui->lastErrorBanner, m_ui->notebookLabel,
          m_ui->clusterLabel, m_ui->resultMessage, m_ui->resultInfoLabel})
        label->setTextFormat(Qt::PlainText);

    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(titleFont);
    QFont stateFont = m_ui->stateLabel->font();
    stateFont.setBold(true);
    m_ui->stateLabel->setFont(stateFont);
    m_ui->placeholderLabel->setForegroundRole(QPalette::PlaceholderText);
    m_ui->resultMessage->setForegroundRole(QPalette::PlaceholderText);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {m_ui->resultText, m_ui->errorText, m_ui->rawJsonText})
        edit->setFont(fixed);

    m_ui->resultTable->setModel(m_resultModel);
    m_ui->resultTable->horizontalHeader()->setResizeContentsPrecision(200);
    m_ui->resultTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->resultTable->installEventFilter(this);

    connect(m_ui->cancelButton, &QPushButton::clicked, this, &RunDetailsPanel::confirmCancel);
    connect(m_ui->rerunButton, &QPushButton::clicked, this, [this] {
        if (m_shown && m_record.id != 0)
            Q_EMIT rerunRequested(m_record.id);
    });
    connect(m_ui->runPageLink, &QLabel::linkActivated, this, &RunDetailsPanel::openRunPage);
    connect(m_ui->copyButton, &QPushButton::clicked, this, &RunDetailsPanel::copyOutput);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &RunDetailsPanel::saveOutput);
    connect(m_ui->outputTabs, &QTabWidget::currentChanged, this, [this] {
        updateOutputButtons();
        if (m_ui->outputTabs->currentWidget() == m_tasks)
            m_tasks->ensureLoaded();
    });

    m_durationTick.setInterval(1000);
    connect(&m_durationTick, &QTimer::timeout, this, &RunDetailsPanel::showTimings);

    clear();
}

RunDetailsPanel::~RunDetailsPanel() = default;

qint64 RunDetailsPanel::recordId() const
{
    return m_shown ? m_record.id : 0;
}

void RunDetailsPanel::setWorkspaceResolver(WorkspaceResolver resolver)
{
    m_tasks->setWorkspaceResolver(std::move(resolver));
}

void RunDetailsPanel::clear()
{
    ++m_outputGeneration; // a reading still under way is dropped when it ends
    m_parsing = false;
    m_shown = false;
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
    m_durationTick.stop();
    m_tasks->setRun(QString(), 0);
    m_ui->pages->setCurrentWidget(m_ui->placeholderPage);
}

void RunDetailsPanel::showRecord(const RunRecord &record)
{
    const bool sameRun = m_shown && record.id == m_record.id;
    m_record = record;
    m_shown = true;
    showHeader();
    showTimings();
    showOutput(sameRun);
    m_tasks->setRun(record.profile, record.runId);
    if (m_ui->outputTabs->currentWidget() == m_tasks)
        m_tasks->ensureLoaded(); // read for a newly selected run; a followed one is not polled
    m_ui->pages->setCurrentWidget(m_ui->detailsPage);
}

void RunDetailsPanel::showHeader()
{
    const RunRecord &r = m_record;
    setTextIfChanged(m_ui->titleLabel, runTitle(r));
    m_ui->titleLabel->setToolTip(runTitle(r));

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QIcon icon = StateIcons::icon(r.state, r.tracking);
    m_ui->stateIconLabel->setPixmap(icon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_ui->stateIconLabel->setVisible(!icon.isNull());
    setTextIfChanged(m_ui->stateLabel, StateIcons::text(r.state, r.tracking));
    m_ui->stateLabel->setToolTip(r.state.summary());
    setTextIfChanged(m_ui->stateMessageLabel, r.state.stateMessage);

    QString problem = r.lastError;
    if (problem.isEmpty() && r.tracking == RunRecord::Tracking::Vanished)
        problem = tr("The service no longer knows this run (it deletes runs after 60 days); what "
                     "is shown here is what was last seen.");
    if (problem.isEmpty() && r.tracking == RunRecord::Tracking::SubmitFailed)
        problem = tr("The service refused to start this run.");
    setTextIfChanged(m_ui->lastErrorBanner, problem);
    m_ui->lastErrorBanner->setVisible(!problem.isEmpty());

    const QUrl page = safeRunPageUrl(r.runPageUrl, r.host);
    const bool linkable = page.isValid();
    setTextIfChanged(m_ui->runPageLink,
                     linkable ? QStringLiteral("<a href=\"%1\">%2</a>")
                                    .arg(page.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                         tr("Open the run page in the browser").toHtmlEscaped())
                              : tr("No run page yet").toHtmlEscaped());
    m_ui->runPageLink->setToolTip(linkable ? page.toString() : QString());
    m_ui->runPageLink->setFocusPolicy(linkable ? Qt::StrongFocus : Qt::NoFocus);

    m_ui->cancelButton->setEnabled(r.isActive());
    m_ui->rerunButton->setEnabled(r.id != 0);
}

void RunDetailsPanel::showTimings()
{
    const RunRecord &r = m_record;
    const QString none = tr("—");
    const bool running = r.isActive() && r.startTimeMs > 0 && r.endTimeMs <= 0;

    setTextIfChanged(m_ui->submittedLabel,
                     r.submittedAtMs > 0 ? formatTime(r.submittedAtMs) : none);
    setTextIfChanged(m_ui->startedLabel, r.startTimeMs > 0 ? formatTime(r.startTimeMs)
                                         : r.isActive()    ? tr("not yet")
                                                           : none);
    setTextIfChanged(m_ui->endedLabel, r.endTimeMs > 0 ? formatTime(r.endTimeMs)
                                       : r.isActive()  ? tr("not yet")
                                                       : none);
    QString duration = none;
    if (r.startTimeMs > 0 && r.endTimeMs > 0)
        duration = formatDuration(r.endTimeMs - r.startTimeMs);
    else if (running)
        duration = tr("%1 so far")
                       .arg(formatDuration(QDateTime::currentMSecsSinceEpoch() - r.startTimeMs));
    setTextIfChanged(m_ui->durationLabel, duration);

    setTextIfChanged(m_ui->runIdLabel, r.runId > 0    ? QString::number(r.runId)
                                       : r.isActive() ? tr("not yet assigned")
                                                      : none);
    setTextIfChanged(m_ui->taskRunIdLabel, r.taskRunId > 0 ? QString::number(r.taskRunId) : none);
    setTextIfChanged(m_ui->notebookLabel, r.spec.notebookPath);
    m_ui->notebookLabel->setToolTip(r.spec.notebookPath);
    setTextIfChanged(m_ui->clusterLabel, r.spec.clusterId);
    m_ui->clusterLabel->setToolTip(r.host);
    // The run's own timeout and retries, and which attempt the service is at: only for a run
    // that has them (most have neither).
    const QString attempt = RunOptionsText::attempt(r.attemptNumber, r.spec);
    setTextIfChanged(m_ui->attemptLabel, attempt);
    m_ui->attemptCaption->setVisible(!attempt.isEmpty());
    m_ui->attemptLabel->setVisible(!attempt.isEmpty());
    const bool hasOptions = r.spec.timeoutSeconds > 0 || r.spec.maxRetries > 0;
    setTextIfChanged(m_ui->runOptionsLabel,
                     hasOptions ? RunOptionsText::summary(r.spec) : QString());
    m_ui->runOptionsLabel->setToolTip(m_ui->runOptionsLabel->text());
    m_ui->runOptionsCaption->setVisible(hasOptions);
    m_ui->runOptionsLabel->setVisible(hasOptions);

    if (running && !m_durationTick.isActive())
        m_durationTick.start();
    else if (!running)
        m_durationTick.stop();
}

void RunDetailsPanel::showOutput(bool sameRun)
{
    const RunRecord &r = m_record;
    const RunOutput &out = r.output;
    const bool hasResult = r.hasOutput && out.hasNotebookResult;
    const bool outputChanged = !m_outputPresented || m_presentedHasOutput != r.hasOutput ||
                               !sameOutput(m_presentedOutput, out);
    if (outputChanged) {
        const bool hadResult = m_presentedHasOutput && m_presentedOutput.hasNotebookResult;
        // A reading under way is dropped below (new generation), so it has to start again.
        const bool resultChanged = !m_outputPresented || m_parsing || hadResult != hasResult ||
                                   m_presentedOutput.notebookResult != out.notebookResult;
        m_outputPresented = true;
        m_presentedHasOutput = r.hasOutput;
        m_presentedOutput = out;
        const quint64 generation = ++m_outputGeneration;

        if (resultChanged) {
            m_parsing = false;
            m_resultText = hasResult ? out.notebookResult : QString();
            m_resultReason.clear();
            m_resultModel->setTable(ResultTable());
            m_ui->resultText->clear();
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
        } else {
            auto present = [output = out, parse = resultChanged && hasResult] {
                OutputView view;
                view.parsed = parse;
                if (view.parsed)
                    view.table = ResultTable::parse(output.notebookResult);
                view.rawJson = rawOutputJson(output);
                // The view shows every key with long values cut, not the first 128 K
                // characters of the document (a 5 MB result would hide the keys after it).
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
            } else {
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
        }
    }

    if (!sameRun && m_ui->outputTabs->currentWidget() != m_tasks) {
        // A new run opens on its result, or on its error when it failed without one (the Tasks
        // tab stays open: it then shows the new run's tasks).
        const bool failedWithoutResult =
            r.hasOutput && !out.hasNotebookResult && !errorText(out).isEmpty();
        m_ui->outputTabs->setCurrentWidget(failedWithoutResult ? m_ui->errorTab : m_ui->resultTab);
    }
    showResultPane();
    updateOutputButtons();
}

void RunDetailsPanel::applyOutputView(const OutputView &view)
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

void RunDetailsPanel::showResultPane()
{
    const RunRecord &r = m_record;
    const bool hasResult = r.hasOutput && r.output.hasNotebookResult;
    m_ui->truncatedBanner->setVisible(hasResult && r.output.truncated);

    QString message;
    QString info;
    QWidget *page = m_ui->resultMessagePage;
    if (r.tracking == RunRecord::Tracking::Submitting) {
        message = tr("The run is being submitted.");
    } else if (r.tracking == RunRecord::Tracking::SubmitFailed) {
        message = tr("The run was not submitted, so it has no output.");
    } else if (!r.hasOutput) {
        if (r.isActive())
            message = tr("The result appears here when the run has finished.");
        else if (r.tracking == RunRecord::Tracking::Vanished)
            message =
                tr("The output is no longer available: the service no longer knows this run.");
        else if (!r.lastError.isEmpty())
            message = tr("The output could not be read.");
        else
            message = tr("No output was fetched for this run.");
    } else if (!r.output.hasNotebookResult) {
        if (!r.output.error.isEmpty())
            message =
                tr("No result: the run failed before the notebook returned one. The Error tab "
                   "says why.");
        else if (r.state.resultState == QLatin1String("CANCELED"))
            message = tr("No result: the run was canceled.");
        else
            message = tr("No result: the notebook did not call dbutils.notebook.exit().");
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
    setTextIfChanged(m_ui->resultMessage, message);
    setTextIfChanged(m_ui->resultInfoLabel, info);
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

void RunDetailsPanel::updateOutputButtons()
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

bool RunDetailsPanel::eventFilter(QObject *watched, QEvent *event)
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

void RunDetailsPanel::confirmCancel()
{
    if (!m_shown || !m_record.isActive())
        return;
    const qint64 id = m_record.id;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Cancel run"),
                                tr("Cancel run “%1”?").arg(runTitle(m_record)),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("cancelConfirmation"));
    box->setInformativeText(tr("The service stops the notebook where it is. Cells that already ran "
                               "keep their effects."));
    box->button(QMessageBox::Yes)->setText(tr("Cancel run"));
    box->button(QMessageBox::No)->setText(tr("Keep running"));
    box->setDefaultButton(QMessageBox::No);
    box->setEscapeButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id] {
        // The run may have ended, or another been selected, while the question was open.
        if (box->clickedButton() == box->button(QMessageBox::Yes) && m_shown && m_record.id == id &&
            m_record.isActive())
            Q_EMIT cancelRequested(id);
    });
    box->open();
}

void RunDetailsPanel::openRunPage(const QString &)
{
    // The link shown was checked; open what the record says, checked again (one rule).
    const QUrl url = safeRunPageUrl(m_record.runPageUrl, m_record.host);
    if (url.isValid())
        QDesktopServices::openUrl(url);
}

void RunDetailsPanel::copyOutput()
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

void RunDetailsPanel::copyTableSelection()
{
    QGuiApplication::clipboard()->setText(
        m_resultModel->selectionAsTsv(m_ui->resultTable->selectionModel()->selection()));
}

void RunDetailsPanel::saveOutput()
{
    const QWidget *tab = m_ui->outputTabs->currentWidget();
    enum class Kind
    {
        Csv,
        Text,
        Json
    } kind = Kind::Text;
    QString text;
    QString stem = runTitle(m_record);
    stem.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    if (tab == m_ui->resultTab) {
        if (m_ui->resultStack->currentWidget() == m_ui->resultTablePage) {
            kind = Kind::Csv;
        } else if (m_ui->resultStack->currentWidget() == m_ui->resultTextPage) {
            text = m_resultText;
            const QString start = text.trimmed().left(1);
            if (start == QLatin1String("{") || start == QLatin1String("["))
                kind = Kind::Json;
        } else {
            return;
        }
        stem += QStringLiteral("-result");
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
