#pragma once

#include "model/RunSpec.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace Brickrun {

namespace Ui {
class SubmitPanel;
}

class PresetsBar;
struct Preset;

// The form a user fills to start a run: workspace, cluster, notebook, run name, task key and
// notebook parameters. Validates as the user types, shows each reason next to its field and
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

    std::unique_ptr<Ui::SubmitPanel> m_ui;
    QList<WorkspaceChoice> m_choices;
    bool m_valid = false;
};

} // namespace Brickrun
