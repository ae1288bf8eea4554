// SPDX-License-Identifier: Apache-2.0
#include "SubmitPanel.h"

#include "ArgumentsList.h"
#include "ClusterPicker.h"
#include "ComputeChooser.h"
#include "FieldMessages.h"
#include "FormLabels.h"
#include "NotebookBrowser.h"
#include "NotebookWidgetsLoader.h"
#include "PresetsBar.h"
#include "RunOptionsText.h"
#include "SettingsFile.h"
#include "TaskSourceChooser.h"
#include "WorkspaceErrorText.h"
#include "api/WorkspaceApi.h"
#include "model/Duration.h"
#include "model/Preset.h"
#include "ui_SubmitPanel.h"

#include <QCompleter>
#include <QCoreApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QSettings>
#include <QStringListModel>
#include <QStyle>
#include <QUrl>

#include <limits>
#include <optional>

namespace Brickrun {

namespace {

constexpr int RecentCount = 5;

// The milliseconds a duration field holds: 0 when it is empty, nothing when it is no duration.
std::optional<qint64> durationIn(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? std::optional<qint64>(0) : Duration::parseMillis(text);
}

// Past int's range a value is still past every limit: RunSpec::validate says so.
int clampToInt(qint64 value)
{
    return int(qMin<qint64>(value, std::numeric_limits<int>::max()));
}

QString durationText(qint64 millis)
{
    return millis > 0 ? Duration::format(millis) : QString();
}

bool isRunOptionField(const QString &field)
{
    return field == QLatin1String("run timeout") || field == QLatin1String("max retries") ||
           field == QLatin1String("retry interval") || field == QLatin1String("retry on timeout");
}

QString recentKey(const QString &profile, const char *what)
{
    return QStringLiteral("recent/%1/%2")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(profile)), QLatin1String(what));
}

} // namespace

SubmitPanel::SubmitPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SubmitPanel>())
{
    m_ui->setupUi(this);
    m_clusterEdit = m_ui->computeChooser->clusterPicker()->lineEdit();
    // The choosers' fields start where the form's do.
    FormLabels::align({m_ui->formLayout, m_ui->computeChooser->findChild<QFormLayout *>(),
                       m_ui->taskSourceChooser->findChild<QFormLayout *>()});
    fitFormWidth();
    for (QLabel *label : {m_ui->notebookError, m_ui->runNameError, m_ui->taskKeyError,
                          m_ui->parametersError, m_ui->runOptionsError})
        FieldMessages::markAsError(label);
    {
        // An amber: a warning, not a mistake that blocks Submit.
        QPalette p = m_ui->notebookWorkspaceWarning->palette();
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x70, 0x00));
        m_ui->notebookWorkspaceWarning->setPalette(p);
    }
    m_recentNotebooks = new QStringListModel(this);
    m_notebookCompleter = new QCompleter(m_recentNotebooks, this);
    m_notebookCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_notebookCompleter->setFilterMode(Qt::MatchContains);
    m_ui->notebookEdit->setCompleter(m_notebookCompleter);
    m_notebookCheckTimer.setSingleShot(true);
    m_notebookCheckTimer.setInterval(600);
    connect(&m_notebookCheckTimer, &QTimer::timeout, this, &SubmitPanel::checkNotebookPath);
    m_widgetsLoader = new NotebookWidgetsLoader(m_ui->parametersTable, m_ui->parametersNote, this);
    connect(m_widgetsLoader, &NotebookWidgetsLoader::parametersChanged, this,
            &SubmitPanel::validate);
    connect(m_ui->notebookEdit, &QLineEdit::textChanged, this, [this] {
        ++m_notebookCheckGeneration; // an answer for the previous text no longer counts
        m_widgetsLoader->forget();
        showWorkspaceWarning(QString());
        m_notebookCheckTimer.start();
    });
    connect(m_ui->browseNotebookButton, &QPushButton::clicked, this, &SubmitPanel::browseNotebooks);
    m_ui->browseNotebookButton->setEnabled(false);
    m_ui->parametersTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_ui->parametersTable->setColumnWidth(0, 140);

    for (QLineEdit *edit :
         {m_clusterEdit, m_ui->notebookEdit, m_ui->runNameEdit, m_ui->taskKeyEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &SubmitPanel::validate);
        connect(edit, &QLineEdit::returnPressed, this, [this, edit] {
            // Return on the cluster list picks a cluster; it does not submit as well.
            if (edit == m_clusterEdit && m_ui->computeChooser->clusterPicker()->isPickingFromList())
                return;
            submit();
        });
    }
    m_ui->maxRetriesSpin->setMaximum(RunSpec::MaxRetries);
    connect(m_ui->runOptionsToggle, &QToolButton::toggled, this, &SubmitPanel::showRunOptions);
    for (QLineEdit *edit : {m_ui->runTimeoutEdit, m_ui->retryIntervalEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &SubmitPanel::validate);
        connect(edit, &QLineEdit::returnPressed, this, &SubmitPanel::submit);
    }
    connect(m_ui->maxRetriesSpin, &QSpinBox::valueChanged, this, &SubmitPanel::validate);
    connect(m_ui->retryOnTimeoutCheck, &QCheckBox::toggled, this, &SubmitPanel::validate);
    connect(m_ui->parametersTable, &QTableWidget::itemChanged, this, &SubmitPanel::validate);
    connect(m_ui->computeChooser, &ComputeChooser::changed, this, [this] {
        fitFormWidth(); // the kind's fields may need more room
        validate();
    });
    connect(m_ui->taskSourceChooser, &TaskSourceChooser::changed, this, &SubmitPanel::validate);
    connect(m_ui->taskSourceChooser, &TaskSourceChooser::kindChanged, this,
            &SubmitPanel::showTaskKind);
    connect(m_ui->argumentsList, &ArgumentsList::changed, this, &SubmitPanel::validate);
    connect(m_ui->addParameterButton, &QPushButton::clicked, this, &SubmitPanel::addParameter);
    connect(m_ui->removeParameterButton, &QPushButton::clicked, this,
            &SubmitPanel::removeParameter);
    connect(m_ui->submitButton, &QPushButton::clicked, this, &SubmitPanel::submit);
    connect(m_ui->addWorkspaceButton, &QToolButton::clicked, this,
            &SubmitPanel::addWorkspaceRequested);
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0 || index >= m_choices.size())
            return;
        const WorkspaceChoice &choice = m_choices.at(index);
        if (m_clusterEdit->text().trimmed().isEmpty())
            m_clusterEdit->setText(choice.defaultCluster);
        validate();
        loadRecent();
        Q_EMIT profileChanged(choice.profile);
    });
    showTaskKind();
    m_ui->presetsBar->setFormProvider([this] {
        Preset p;
        p.profile = currentProfile();
        p.spec = spec();
        return p;
    });
    validate();
}

SubmitPanel::~SubmitPanel() = default;

PresetsBar *SubmitPanel::presetsBar() const
{
    return m_ui->presetsBar;
}

bool SubmitPanel::setCurrentProfile(const QString &profile)
{
    const int index = m_ui->profileCombo->findData(profile);
    if (index < 0)
        return false;
    m_ui->profileCombo->setCurrentIndex(index);
    return true;
}

bool SubmitPanel::loadPreset(const Preset &preset)
{
    const bool known = preset.profile.isEmpty() || setCurrentProfile(preset.profile);
    setSpec(preset.spec);
    return known;
}

void SubmitPanel::setWorkspaces(const QList<WorkspaceChoice> &choices, const QString &current)
{
    const QSignalBlocker blocker(m_ui->profileCombo);
    m_choices = choices;
    m_ui->profileCombo->clear();
    int currentIndex = choices.isEmpty() ? -1 : 0;
    for (int i = 0; i < choices.size(); ++i) {
        m_ui->profileCombo->addItem(choices.at(i).label, choices.at(i).profile);
        if (choices.at(i).profile == current)
            currentIndex = i;
    }
    m_ui->profileCombo->setCurrentIndex(currentIndex);
    if (currentIndex >= 0 && m_clusterEdit->text().trimmed().isEmpty())
        m_clusterEdit->setText(choices.at(currentIndex).defaultCluster);
    validate();
    loadRecent();
}

void SubmitPanel::setWorkspaceApi(WorkspaceApi *api)
{
    if (api == m_api)
        return;
    m_api = api;
    m_ui->computeChooser->clusterPicker()->setWorkspaceApi(api);
    m_widgetsLoader->setWorkspaceApi(api);
    showTaskKind();
    ++m_notebookCheckGeneration;
    showWorkspaceWarning(QString());
    if (api)
        m_notebookCheckTimer.start();
}

void SubmitPanel::setComputeApi(ComputeApi *api)
{
    m_ui->computeChooser->setComputeApi(api);
}

ComputeChooser *SubmitPanel::computeChooser() const
{
    return m_ui->computeChooser;
}

void SubmitPanel::setSettingsFile(const QString &file)
{
    m_settingsFile = file;
    loadRecent();
}

void SubmitPanel::loadRecent()
{
    const QString profile = currentProfile();
    if (profile.isEmpty()) {
        m_ui->computeChooser->clusterPicker()->setRecent({});
        m_recentNotebooks->setStringList({});
        return;
    }
    const auto settings = settingsFor(m_settingsFile);
    m_ui->computeChooser->clusterPicker()->setRecent(
        settings->value(recentKey(profile, "clusters")).toStringList());
    m_recentNotebooks->setStringList(
        settings->value(recentKey(profile, "notebooks")).toStringList());
}

void SubmitPanel::rememberRecent(const RunSpec &spec)
{
    const QString profile = currentProfile();
    if (profile.isEmpty())
        return;
    const auto settings = settingsFor(m_settingsFile);
    const auto remember = [&](const char *what, const QString &value) {
        QStringList list = settings->value(recentKey(profile, what)).toStringList();
        list.removeAll(value);
        list.prepend(value);
        settings->setValue(recentKey(profile, what), list.mid(0, RecentCount));
    };
    if (!spec.clusterId.isEmpty())
        remember("clusters", spec.clusterId);
    if (!spec.usesGit())
        remember("notebooks", spec.taskPath());
    settings->sync();
    loadRecent();
}

void SubmitPanel::browseNotebooks()
{
    if (!m_api)
        return;
    auto *browser = new NotebookBrowser(m_api, this);
    if (m_ui->taskSourceChooser->taskKind() == RunSpec::TaskKind::PythonFile)
        browser->setPick(NotebookBrowser::Pick::PythonFile);
    browser->setObjectName(QStringLiteral("notebookBrowser"));
    browser->setAttribute(Qt::WA_DeleteOnClose);
    browser->setCurrentPath(m_ui->notebookEdit->text());
    connect(browser, &QDialog::accepted, this, [this, browser] {
        const QString path = browser->selectedPath();
        if (!path.isEmpty())
            m_ui->notebookEdit->setText(path);
        m_ui->notebookEdit->setFocus();
    });
    browser->open(); // window-modal, no nested event loop
}

// Asks the workspace for the parent folder of the typed path and warns when the notebook is not
// there. A warning only: the path may be created before the run starts.
void SubmitPanel::checkNotebookPath()
{
    const QString path = m_ui->notebookEdit->text().trimmed();
    if (!m_api || m_ui->taskSourceChooser->usesGit() || !path.startsWith(QLatin1Char('/')) ||
        path.size() < 2 || path.endsWith(QLatin1Char('/')))
        return; // a path in a Git repository is checked out only when the run starts
    const bool pythonFile = m_ui->taskSourceChooser->taskKind() == RunSpec::TaskKind::PythonFile;
    QString folder = path.section(QLatin1Char('/'), 0, -2);
    if (folder.isEmpty())
        folder = QStringLiteral("/");
    const quint64 generation = ++m_notebookCheckGeneration;
    m_api->listFolder(
        folder, this,
        [this, generation, path, folder, pythonFile](const Result<QList<WorkspaceObject>> &r) {
            if (generation != m_notebookCheckGeneration)
                return; // the text or the workspace changed meanwhile
            if (!r.isOk()) {
                if (r.error().kind == ApiError::Kind::Http && r.error().httpStatus == 404)
                    showWorkspaceWarning(
                        pythonFile
                            ? tr("No such Python file: the folder %1 does not exist.").arg(folder)
                            : tr("No such notebook: the folder %1 does not exist.").arg(folder));
                else
                    showWorkspaceWarning(tr("The notebook could not be checked: %1")
                                             .arg(WorkspaceErrorText::describe(r.error())));
                return;
            }
            for (const WorkspaceObject &o : r.value()) {
                if (o.path != path)
                    continue;
                if (pythonFile) {
                    showWorkspaceWarning(o.type == QLatin1String("FILE")
                                             ? QString()
                                             : tr("%1 is not a file.").arg(path));
                    return;
                }
                showWorkspaceWarning(o.type == QLatin1String("NOTEBOOK")
                                         ? QString()
                                         : tr("%1 is not a notebook.").arg(path));
                if (o.type == QLatin1String("NOTEBOOK"))
                    m_widgetsLoader->load(path, o.language);
                return;
            }
            showWorkspaceWarning(pythonFile ? tr("No such Python file in the workspace.")
                                            : tr("No such notebook in the workspace."));
        });
}

void SubmitPanel::showWorkspaceWarning(const QString &text)
{
    m_ui->notebookWorkspaceWarning->setText(text);
    m_ui->notebookWorkspaceWarning->setVisible(!text.isEmpty());
}

QString SubmitPanel::currentProfile() const
{
    return m_ui->profileCombo->currentData().toString();
}

RunSpec SubmitPanel::spec() const
{
    RunSpec s;
    m_ui->computeChooser->fillSpec(&s);
    m_ui->taskSourceChooser->fillSpec(&s);
    (s.isPythonFile() ? s.pythonFile : s.notebookPath) = m_ui->notebookEdit->text().trimmed();
    if (s.isPythonFile())
        s.pythonArguments = m_ui->argumentsList->arguments();
    s.runName = m_ui->runNameEdit->text().trimmed();
    s.taskKey = m_ui->taskKeyEdit->text().trimmed();
    const QTableWidget *table = m_ui->parametersTable;
    for (int row = 0; row < table->rowCount() && !s.isPythonFile(); ++row) {
        const QString key = table->item(row, 0) ? table->item(row, 0)->text().trimmed() : QString();
        const QString value = table->item(row, 1) ? table->item(row, 1)->text() : QString();
        if (key.isEmpty() && value.isEmpty())
            continue; // an untouched new row
        s.parameters.append({key, value});
    }
    s.queueEnabled = m_queueEnabled;
    // A field that is no duration counts as empty here; validate() says what is wrong with it.
    const qint64 timeoutMs = durationIn(m_ui->runTimeoutEdit).value_or(0);
    s.timeoutSeconds = timeoutMs % 1000 == 0 ? clampToInt(timeoutMs / 1000) : 0;
    s.maxRetries = m_ui->maxRetriesSpin->value();
    if (s.maxRetries > 0) {
        s.minRetryIntervalMillis = clampToInt(durationIn(m_ui->retryIntervalEdit).value_or(0));
        s.retryOnTimeout = s.timeoutSeconds > 0 && m_ui->retryOnTimeoutCheck->isChecked();
    }
    return s;
}

void SubmitPanel::setSpec(const RunSpec &spec)
{
    m_ui->computeChooser->setSpec(spec);
    m_ui->taskSourceChooser->setSpec(spec);
    m_ui->notebookEdit->setText(spec.taskPath());
    m_ui->argumentsList->setArguments(spec.pythonArguments);
    m_ui->runNameEdit->setText(spec.runName);
    m_ui->taskKeyEdit->setText(spec.taskKey);
    {
        const QSignalBlocker blocker(m_ui->parametersTable);
        m_ui->parametersTable->setRowCount(0);
        for (const auto &p : spec.parameters) {
            const int row = m_ui->parametersTable->rowCount();
            m_ui->parametersTable->insertRow(row);
            m_ui->parametersTable->setItem(row, 0, new QTableWidgetItem(p.first));
            m_ui->parametersTable->setItem(row, 1, new QTableWidgetItem(p.second));
        }
    }
    m_queueEnabled = spec.queueEnabled;
    m_ui->runTimeoutEdit->setText(durationText(qint64(spec.timeoutSeconds) * 1000));
    m_ui->maxRetriesSpin->setValue(spec.maxRetries);
    m_ui->retryIntervalEdit->setText(durationText(spec.minRetryIntervalMillis));
    m_ui->retryOnTimeoutCheck->setChecked(spec.retryOnTimeout);
    validate();
    if (m_api) // the notebook's widgets again, merged with the parameters just set
        m_notebookCheckTimer.start();
}

void SubmitPanel::showRunOptions(bool shown)
{
    if (m_ui->runOptionsToggle->isChecked() != shown)
        m_ui->runOptionsToggle->setChecked(shown); // toggled() comes back here
    m_ui->runOptionsToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    m_ui->runOptionsBox->setVisible(shown);
    // Folded, one line says what is set; open, the fields do. (The label stays, empty, so
    // that the fold keeps its place on the left.)
    m_ui->runOptionsSummary->setText(shown ? QString() : RunOptionsText::summary(spec()));
    fitFormWidth();
    if (shown) // the fields just opened come into view once the form is laid out again
        QTimer::singleShot(0, this, &SubmitPanel::scrollToRunOptions);
}

// Scrolls down as far as the open run options need, never past their fold: on a small screen
// the fold stays in view with as many fields under it as fit.
void SubmitPanel::scrollToRunOptions()
{
    QScrollBar *bar = m_ui->formScroll->verticalScrollBar();
    const int top = m_ui->runOptionsToggle->mapTo(m_ui->formContents, QPoint(0, 0)).y();
    const int bottom = m_ui->runOptionsBox->mapTo(m_ui->formContents, QPoint(0, 0)).y() +
                       m_ui->runOptionsBox->height();
    const int shown = m_ui->formScroll->viewport()->height();
    if (bottom - bar->value() > shown)
        bar->setValue(qMin(top, bottom - shown));
}

// The form scrolls in height only: it is never narrower than its fields need (the run options
// too, when they are open), with room for the scroll bar.
void SubmitPanel::fitFormWidth()
{
    m_ui->formScroll->setMinimumWidth(
        m_ui->formContents->minimumSizeHint().width() + 2 * m_ui->formScroll->frameWidth() +
        style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_ui->formScroll));
}

// What spec() cannot hold: a duration field that is no duration, a timeout in part-seconds.
QStringList SubmitPanel::runOptionTextProblems() const
{
    QStringList problems;
    const std::optional<qint64> timeout = durationIn(m_ui->runTimeoutEdit);
    if (!timeout)
        problems << tr("Run timeout: \"%1\" is not a duration (e.g. 90s, 45m, 2h or 1h30m).")
                        .arg(m_ui->runTimeoutEdit->text().trimmed());
    else if (*timeout % 1000 != 0)
        problems << tr("Run timeout: whole seconds only.");
    if (m_ui->maxRetriesSpin->value() > 0 && !durationIn(m_ui->retryIntervalEdit))
        problems << tr("Retry interval: \"%1\" is not a duration (e.g. 30s or 5m).")
                        .arg(m_ui->retryIntervalEdit->text().trimmed());
    return problems;
}

bool SubmitPanel::isValid() const
{
    return m_valid;
}

void SubmitPanel::submit()
{
    validate();
    if (!m_valid)
        return;
    const RunSpec s = spec();
    rememberRecent(s);
    Q_EMIT submitRequested(currentProfile(), s);
}

void SubmitPanel::focusForm()
{
    const bool needsCluster = m_ui->computeChooser->kind() == ComputeSpec::Kind::ExistingCluster &&
                              m_clusterEdit->text().isEmpty();
    (needsCluster ? m_clusterEdit : m_ui->notebookEdit)->setFocus();
}

void SubmitPanel::addParameter()
{
    if (m_ui->taskSourceChooser->taskKind() == RunSpec::TaskKind::PythonFile) {
        m_ui->argumentsList->addArgument();
        return;
    }
    const int row = m_ui->parametersTable->rowCount();
    m_ui->parametersTable->insertRow(row);
    m_ui->parametersTable->setCurrentCell(row, 0);
    m_ui->parametersTable->editItem(m_ui->parametersTable->item(row, 0));
    m_ui->parametersTable->setFocus();
}

void SubmitPanel::removeParameter()
{
    if (m_ui->taskSourceChooser->taskKind() == RunSpec::TaskKind::PythonFile) {
        m_ui->argumentsList->removeArgument();
        return;
    }
    const int row = m_ui->parametersTable->currentRow();
    if (row >= 0)
        m_ui->parametersTable->removeRow(row);
    validate();
}

void SubmitPanel::showError(QLabel *label, const QStringList &problems)
{
    FieldMessages::show(label, problems);
}

void SubmitPanel::validate()
{
    const RunSpec s = spec();
    // RunSpec::validate names the field first ("notebook path: …"); each goes next to its field:
    // the compute's and the Git repository's to their parts of the form, the others here.
    const QStringList problems = s.validate() + m_ui->computeChooser->offerProblems();
    QStringList notebook, runName, taskKey, parameters, runOptions;
    runOptions << runOptionTextProblems();
    for (const QString &problem :
         m_ui->taskSourceChooser->showProblems(m_ui->computeChooser->showProblems(problems))) {
        const QString field = FieldMessages::fieldOf(problem);
        const QString reason = FieldMessages::reasonOf(problem);
        if (field == QLatin1String("notebook path") || field == QLatin1String("python file"))
            notebook << reason;
        else if (field == QLatin1String("run name"))
            runName << reason;
        else if (field == QLatin1String("task key"))
            taskKey << reason;
        else if (isRunOptionField(field))
            runOptions << problem; // the field's name says which of the four
        else
            parameters << reason;
    }
    // Empty fields are not yet mistakes: say nothing until the user typed something.
    if (m_ui->notebookEdit->text().isEmpty())
        notebook.clear();
    showError(m_ui->notebookError, notebook);
    showError(m_ui->runNameError, runName);
    showError(m_ui->taskKeyError, taskKey);
    showError(m_ui->parametersError, parameters);
    showError(m_ui->runOptionsError, runOptions);
    if (!runOptions.isEmpty())
        showRunOptions(true); // a mistake is never folded away

    // The retry interval and retry on timeout mean something only with retries (and a timeout).
    const bool retries = m_ui->maxRetriesSpin->value() > 0;
    m_ui->retryIntervalLabel->setEnabled(retries);
    m_ui->retryIntervalEdit->setEnabled(retries);
    m_ui->retryOnTimeoutCheck->setEnabled(retries && s.timeoutSeconds > 0);
    const QString summary = RunOptionsText::summary(s);
    m_ui->runOptionsSummary->setText(m_ui->runOptionsToggle->isChecked() ? QString() : summary);
    m_ui->runOptionsToggle->setAccessibleDescription(summary);

    m_valid = problems.isEmpty() && runOptions.isEmpty() && m_ui->profileCombo->currentIndex() >= 0;
    m_ui->submitButton->setEnabled(m_valid);
    m_ui->removeParameterButton->setEnabled(s.isPythonFile()
                                                ? m_ui->argumentsList->count() > 0
                                                : m_ui->parametersTable->rowCount() > 0);
}

// What the path field names, and what the task takes: a notebook (named parameters, filled from
// its widgets) or a Python file (ordered arguments); in the workspace (Browse…, checked as it
// is typed) or in a Git repository (relative to it, read only when the run starts).
void SubmitPanel::showTaskKind()
{
    const bool pythonFile = m_ui->taskSourceChooser->taskKind() == RunSpec::TaskKind::PythonFile;
    const bool git = m_ui->taskSourceChooser->usesGit();
    m_ui->notebookLabel->setText(pythonFile ? tr("Pytho&n file:") : tr("&Notebook:"));
    m_ui->notebookEdit->setPlaceholderText(
        git ? (pythonFile ? QStringLiteral("jobs/etl_job.py") : QStringLiteral("notebooks/report"))
            : (pythonFile ? QStringLiteral("/Users/me@example.com/job.py")
                          : QStringLiteral("/Users/me@example.com/report")));
    m_ui->browseNotebookButton->setEnabled(m_api && !git);
    m_ui->browseNotebookButton->setToolTip(
        git ? tr("A path in the Git repository is typed: the repository is read only when the "
                 "run starts")
            : (pythonFile ? tr("Choose a Python file from the workspace")
                          : tr("Choose a notebook from the workspace")));
    m_ui->parametersLabel->setText(pythonFile ? tr("Arguments:") : tr("Parameters:"));
    m_ui->parametersLabel->setBuddy(pythonFile ? static_cast<QWidget *>(m_ui->argumentsList)
                                               : m_ui->parametersTable);
    m_ui->parametersTable->setVisible(!pythonFile);
    m_ui->argumentsList->setVisible(pythonFile);
    m_ui->addParameterButton->setText(pythonFile ? tr("A&dd argument") : tr("A&dd parameter"));
    // Widgets are a workspace notebook's: none for a Python file or a notebook in Git.
    ++m_notebookCheckGeneration;
    m_widgetsLoader->forget();
    showWorkspaceWarning(QString());
    if (m_api && !git)
        m_notebookCheckTimer.start();
    validate();
}

} // namespace Brickrun
