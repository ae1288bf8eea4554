// SPDX-License-Identifier: Apache-2.0
#include "RunDetailsPanel.h"

#include "RunOptionsText.h"
#include "RunOutputPanel.h"
#include "RunPageOpener.h"
#include "RunTimes.h"
#include "ShareActions.h"
#include "StateIcons.h"
#include "model/RunPageUrl.h"
#include "ui_RunDetailsPanel.h"

#include <QDateTime>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QUrl>

namespace Brickrun {

namespace {

void setTextIfChanged(QLabel *label, const QString &text)
{
    if (label->text() != text)
        label->setText(text);
}

} // namespace

QString RunDetailsPanel::titleOf(const RunRecord &record)
{
    return record.spec.runName.isEmpty() ? RunSpec::defaultRunName(record.spec.taskPath())
                                         : record.spec.runName;
}

bool RunDetailsPanel::canCancel(const RunRecord &record)
{
    return record.tracking == RunRecord::Tracking::Active && record.runId > 0 &&
           !record.state.isTerminal();
}

RunDetailsPanel::RunDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RunDetailsPanel>())
{
    m_ui->setupUi(this);
    // Run names, paths, cluster ids and the service's messages are shown as they are: never read
    // as rich text (a "<img src=…>" in a state message must not load or render anything).
    for (QLabel *label : {m_ui->titleLabel, m_ui->stateMessageLabel, m_ui->lastErrorBanner,
                          m_ui->notebookLabel, m_ui->clusterLabel})
        label->setTextFormat(Qt::PlainText);

    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(titleFont);
    QFont stateFont = m_ui->stateLabel->font();
    stateFont.setBold(true);
    m_ui->stateLabel->setFont(stateFont);
    m_ui->placeholderLabel->setForegroundRole(QPalette::PlaceholderText);
    const QString serviceClock = tr("As the workspace's clock tells it");
    for (QLabel *label :
         {m_ui->startedCaption, m_ui->startedLabel, m_ui->endedCaption, m_ui->endedLabel})
        label->setToolTip(serviceClock);
    m_ui->submittedCaption->setToolTip(tr("As this computer's clock tells it"));

    connect(m_ui->cancelButton, &QPushButton::clicked, this, &RunDetailsPanel::confirmCancel);
    connect(m_ui->rerunButton, &QPushButton::clicked, this, [this] {
        if (m_shown && m_record.id != 0)
            Q_EMIT rerunRequested(m_record.id);
    });
    connect(m_ui->runPageLink, &QLabel::linkActivated, this, &RunDetailsPanel::openRunPage);
    // Share: the run as a command or an Arazzo workflow, beside Re-run (issue 20).
    auto *share = new ShareActions(
        [this]() -> std::optional<ShareActions::Shared> {
            if (!m_shown || m_record.id == 0)
                return std::nullopt;
            return ShareActions::fromRecord(m_record);
        },
        this);
    share->addButtonAfter(m_ui->rerunButton);

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
    m_ui->outputPanel->setWorkspaceResolver(std::move(resolver));
}

void RunDetailsPanel::setChartsSource(RunChartsSource source)
{
    m_ui->runCharts->setSource(std::move(source));
}

void RunDetailsPanel::showOutputProgress(const QString &profile, qint64 runId, qint64 received,
                                         qint64 total)
{
    m_ui->outputPanel->showOutputProgress(profile, runId, received, total);
}

void RunDetailsPanel::clear()
{
    m_shown = false;
    m_record = RunRecord();
    m_durationTick.stop();
    m_ui->runCharts->clear();
    m_ui->outputPanel->clear();
    m_ui->pages->setCurrentWidget(m_ui->placeholderPage);
}

void RunDetailsPanel::showRecord(const RunRecord &record)
{
    const bool sameRun = m_shown && record.id == m_record.id;
    m_record = record;
    m_shown = true;
    showHeader();
    m_ui->runCharts->showRecord(record, QDateTime::currentMSecsSinceEpoch());
    showTimings();
    m_ui->outputPanel->showRecord(record, sameRun);
    m_ui->pages->setCurrentWidget(m_ui->detailsPage);
}

void RunDetailsPanel::showHeader()
{
    const RunRecord &r = m_record;
    setTextIfChanged(m_ui->titleLabel, titleOf(r));
    m_ui->titleLabel->setToolTip(titleOf(r));

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QIcon icon = StateIcons::icon(r.state, r.tracking);
    m_ui->stateIconLabel->setPixmap(icon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_ui->stateIconLabel->setVisible(!icon.isNull());
    setTextIfChanged(m_ui->stateLabel, StateIcons::text(r.state, r.tracking));
    m_ui->stateLabel->setToolTip(r.state.summary());
    setTextIfChanged(m_ui->stateMessageLabel, stateMessageOf(r));

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

    m_ui->cancelButton->setEnabled(canCancel(r));
    m_ui->rerunButton->setEnabled(r.id != 0);
}

void RunDetailsPanel::showTimings()
{
    const RunRecord &r = m_record;
    const QString none = tr("—");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    setTextIfChanged(m_ui->submittedLabel,
                     r.submittedAtMs > 0 ? RunTimes::formatTime(r.submittedAtMs) : none);
    // The workspace's times as it gives them; said so when its clock is not this computer's.
    const auto serviceTime = [&](qint64 ms) {
        if (ms <= 0)
            return r.isActive() ? tr("not yet") : none;
        const QString time = RunTimes::formatTime(ms);
        return RunTimes::serviceClockDiffers(r, now) ? tr("%1 (the workspace's clock)").arg(time)
                                                     : time;
    };
    setTextIfChanged(m_ui->startedLabel, serviceTime(r.startTimeMs));
    setTextIfChanged(m_ui->endedLabel, serviceTime(r.endTimeMs));
    const RunTimes::Duration duration = RunTimes::duration(r, now);
    setTextIfChanged(m_ui->durationLabel, RunTimes::text(r, now));

    setTextIfChanged(m_ui->runIdLabel, r.runId > 0    ? QString::number(r.runId)
                                       : r.isActive() ? tr("not yet assigned")
                                                      : none);
    setTextIfChanged(m_ui->taskRunIdLabel, r.taskRunId > 0 ? QString::number(r.taskRunId) : none);
    // The notebook or Python file; in a Git repository, with the repository and reference.
    const QString path =
        r.spec.usesGit() ? tr("%1 (in %2, %3)")
                               .arg(r.spec.taskPath(), r.spec.git.url, r.spec.git.referenceText())
                         : r.spec.taskPath();
    setTextIfChanged(m_ui->notebookCaption,
                     r.spec.isPythonFile() ? tr("Python file:") : tr("Notebook:"));
    setTextIfChanged(m_ui->clusterCaption,
                     r.spec.compute.isExistingCluster() ? tr("Cluster:") : tr("Compute:"));
    setTextIfChanged(m_ui->notebookLabel, path);
    m_ui->notebookLabel->setToolTip(path);
    setTextIfChanged(m_ui->clusterLabel, r.spec.computeText());
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

    m_ui->runCharts->advanceTo(now);

    const bool counting = duration.kind == RunTimes::Duration::Kind::Running ||
                          duration.kind == RunTimes::Duration::Kind::SinceSubmitted;
    if (counting && !m_durationTick.isActive())
        m_durationTick.start();
    else if (!counting)
        m_durationTick.stop();
}

// The service's state message; while a run waits for the job cluster made for it, first that
// the cluster is starting (it takes minutes, and the service's words name only its id).
QString RunDetailsPanel::stateMessageOf(const RunRecord &r)
{
    if (r.state.lifeCycleState != QLatin1String("PENDING") || !r.spec.compute.isNewJobCluster() ||
        !r.isActive())
        return r.state.stateMessage;
    const QString starting =
        tr("The new job cluster is starting (%1); this can take a few minutes.")
            .arg(r.spec.compute.shortText());
    return r.state.stateMessage.isEmpty() ? starting
                                          : starting + QLatin1Char('\n') + r.state.stateMessage;
}

void RunDetailsPanel::confirmCancel()
{
    if (!m_shown || !canCancel(m_record))
        return;
    const qint64 id = m_record.id;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Cancel run"),
                                tr("Cancel run “%1”?").arg(titleOf(m_record)),
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
            canCancel(m_record))
            Q_EMIT cancelRequested(id);
    });
    box->open();
}

void RunDetailsPanel::openRunPage(const QString &)
{
    // The link shown was checked; open what the record says, checked again (one path).
    Brickrun::openRunPage(this, m_record);
}

} // namespace Brickrun
