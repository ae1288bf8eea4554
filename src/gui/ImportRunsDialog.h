// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/JsonMapping.h"
#include "api/Result.h"
#include "workflow/RunListPager.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Brickrun {
namespace Ui {
class ImportRunsDialog;
}
} // namespace Brickrun

namespace Brickrun {

class HistoryStore;
class JobsClient;

// "Import from workspace": reads every one-time run of a workspace (runs/list with
// run_type=SUBMIT_RUN, page after page) and adds the ones the history does not have yet.
// Each page is stored as it arrives (one short transaction of at most 25 runs), so the GUI
// thread never waits on more than that and Cancel keeps what was already imported. Pages
// follow RunListPager's rule.
class ImportRunsDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int PageSize = 25; // the service's maximum

    ImportRunsDialog(JobsClient *client, HistoryStore *history, const QString &profile,
                     const QString &host, const QString &workspaceLabel, QWidget *parent = nullptr);
    ~ImportRunsDialog() override;

    int importedCount() const { return m_imported; } // new runs added to the history
    int readCount() const { return m_read; }         // runs the workspace listed
    bool isFinished() const { return m_finished; }
    QString errorText() const { return m_error; }

public Q_SLOTS:
    void reject() override; // Cancel: stops reading; what was imported stays

private:
    void requestPage();
    void onPage(const Result<JsonMapping::RunListPage> &result);
    void finish(const QString &error);
    void showProgress();

    std::unique_ptr<Ui::ImportRunsDialog> m_ui;
    JobsClient *m_client;
    HistoryStore *m_history;
    QString m_profile;
    QString m_host;
    QString m_label;
    QPointer<QObject> m_request; // the context of the call in flight: deleting it aborts it
    RunListPager m_pager;
    int m_read = 0;
    int m_imported = 0;
    bool m_finished = false;
    bool m_cancelled = false;
    QString m_error;
};

} // namespace Brickrun
