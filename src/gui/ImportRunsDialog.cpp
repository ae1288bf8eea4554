// SPDX-License-Identifier: Apache-2.0
#include "ImportRunsDialog.h"

#include "api/JobsClient.h"
#include "store/HistoryStore.h"
#include "ui_ImportRunsDialog.h"

#include <QPushButton>
#include <QTimer>

namespace Brickrun {

ImportRunsDialog::ImportRunsDialog(JobsClient *client, HistoryStore *history,
                                   const QString &profile, const QString &host,
                                   const QString &workspaceLabel, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportRunsDialog>())
    , m_client(client)
    , m_history(history)
    , m_profile(profile)
    , m_host(host)
    , m_label(workspaceLabel)
{
    JobsClient::ListQuery first;
    first.submitRunsOnly = true;
    first.limit = PageSize;
    first.expandTasks = true; // the notebook and cluster of each run are in its task
    m_pager = RunListPager(first);
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ImportRunsDialog::reject);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    showProgress();
    QTimer::singleShot(0, this, &ImportRunsDialog::requestPage);
}

ImportRunsDialog::~ImportRunsDialog()
{
    delete m_request.data(); // aborts a call still in flight
}

void ImportRunsDialog::requestPage()
{
    if (m_finished)
        return;
    m_request = new QObject(this);
    m_client->listRuns(m_pager.query(), m_request,
                       [this](const Result<JsonMapping::RunListPage> &page) { onPage(page); });
}

void ImportRunsDialog::onPage(const Result<JsonMapping::RunListPage> &result)
{
    if (m_request)
        m_request->deleteLater();
    m_request = nullptr;
    if (!result) {
        finish(result.error().toString());
        return;
    }
    const JsonMapping::RunListPage &page = result.value();
    m_read += int(page.runs.size());
    if (!page.runs.isEmpty())
        m_imported += m_history->importRuns(m_profile, m_host, page.runs);
    showProgress();
    if (!m_pager.advance(page)) {
        finish(QString());
        return;
    }
    requestPage();
}

void ImportRunsDialog::showProgress()
{
    m_ui->importStatusLabel->setText(tr("Reading the one-time runs of %1…\n%2 read, %3 new.")
                                         .arg(m_label)
                                         .arg(m_read)
                                         .arg(m_imported));
}

void ImportRunsDialog::finish(const QString &error)
{
    m_finished = true;
    m_error = error;
    m_ui->importProgress->setRange(0, 1);
    m_ui->importProgress->setValue(1);
    QString text;
    if (m_cancelled)
        text = tr("Cancelled. %n new run(s) imported before that.", nullptr, m_imported);
    else if (!error.isEmpty())
        text = tr("The workspace could not be read: %1\n%n new run(s) imported before that.",
                  nullptr, m_imported)
                   .arg(error);
    else if (m_imported == 1)
        text =
            tr("1 new run imported (%1 read; the others were in the history already).").arg(m_read);
    else
        text = tr("%1 new runs imported (%2 read; the others were in the history already).")
                   .arg(m_imported)
                   .arg(m_read);
    m_ui->importStatusLabel->setText(text);
    m_ui->buttonBox->setStandardButtons(QDialogButtonBox::Close);
    QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setDefault(true);
    close->setFocus();
}

void ImportRunsDialog::reject()
{
    if (!m_finished) {
        delete m_request.data(); // aborts the call; its callback never runs
        m_cancelled = true;
        finish(QString());
    }
    QDialog::reject();
}

} // namespace Brickrun
