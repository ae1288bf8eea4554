// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;

namespace Brickrun {

namespace Ui {
class SubmitPanel;
}

class ComputeApi;
class ComputeChooser;
class NotebookWidgetsLoader;
class PresetsBar;
class WorkspaceApi;
struct Preset;

// The form a user fills to start a run: workspace, compute (ComputeChooser), task kind and
// source (TaskSourceChooser), notebook or Python file, run name, task key, notebook parameters
// or the file's arguments and, under "Run options" (folded away until asked for), the run's own
// timeout and retries. Validates as the user types, shows each reason next to its field and
// keeps Submit disabled until the form can be submitted.
class SubmitPanel : public QWidget
{
    Q_OBJECT
public:
    struct WorkspaceChoice
    {
        QString profile;        // key: profile name, or "demo"
        QString label;          // what the combo shows
        QString defaultCluster; // filled in when the cluster field is empty
    };

    explicit SubmitPanel(QWidget *parent = nullptr);
    ~SubmitPanel() override;

    void setWorkspaces(const QList<WorkspaceChoice> &choices, const QString &current);
    QString currentProfile() const;
    // Chooses the workspace; false (and nothing changes) when it is not one of the choices.
    bool setCurrentProfile(const QString &profile);
    PresetsBar *presetsBar() const;

    RunSpec spec() const;
    void setSpec(const RunSpec &spec); // fills the form, e.g. for Re-run
    // Fills the form with a preset: its spec, and its workspace when that is one of the
    // choices (false when it is not: the current workspace stays).
    bool loadPreset(const Preset &preset);
    bool isValid() const;

    // The workspace behind the current profile, for the cluster list, Browse… and the check of
    // typed notebook paths; nullptr while there is none (e.g. its token is still being read).
    void setWorkspaceApi(WorkspaceApi *api);
    // The workspace's runtimes and node types, for a new job cluster (nullptr while there is
    // none).
    void setComputeApi(ComputeApi *api);
    ComputeChooser *computeChooser() const;
    // Where the recently used clusters and notebooks are kept (empty: the user's settings).
    void setSettingsFile(const QString &file);

public Q_SLOTS:
    // Emits submitRequested when the form is valid (the Submit button, Ctrl+Return).
    void submit();
    void focusForm();

Q_SIGNALS:
    void submitRequested(const QString &profile, const Brickrun::RunSpec &spec);
    void profileChanged(const QString &profile);
    void addWorkspaceRequested();

private:
    void validate();
    void addParameter();
    void removeParameter();
    void showError(QLabel *label, const QStringList &problems);
    void browseNotebooks();
    void checkNotebookPath();
    void showWorkspaceWarning(const QString &text);
    void loadRecent();
    void rememberRecent(const RunSpec &spec);
    void showRunOptions(bool shown);
    void fitFormWidth();
    void showTaskKind();
    void scrollToRunOptions();
    QStringList runOptionTextProblems() const;

    std::unique_ptr<Ui::SubmitPanel> m_ui;
    QLineEdit *m_clusterEdit = nullptr; // the cluster picker's field
    QList<WorkspaceChoice> m_choices;
    bool m_valid = false;
    QPointer<WorkspaceApi> m_api;
    QString m_settingsFile;
    QTimer m_notebookCheckTimer; // debounces the workspace check of a typed path
    quint64 m_notebookCheckGeneration = 0;
    QCompleter *m_notebookCompleter = nullptr;
    QStringListModel *m_recentNotebooks = nullptr;
    bool m_queueEnabled = true; // not on the form: kept from the spec that filled it
    NotebookWidgetsLoader *m_widgetsLoader = nullptr; // the chosen notebook's widgets
};

} // namespace Brickrun
