// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "share/TeamPresets.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QMessageBox;

namespace Brickrun {
namespace Ui {
class TeamPresetsPanel;
}

class TeamPresetsModel;
class WorkspaceApi;

// "Team presets": the presets a team shares through a folder of the current workspace
// (TeamPresets, docs/team-presets.md). Lists the folder's presets (what was read last at once,
// then read again when the workspace is set, and on Refresh), fills the form with one (Use, or
// a double click) and publishes the preset chosen in the form's presets bar. A folder the
// workspace does not let this user write is read-only here: Publish is off and says why. A
// publish over somebody else's version asks: replace theirs, or keep theirs.
class TeamPresetsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TeamPresetsPanel(QWidget *parent = nullptr);
    ~TeamPresetsPanel() override;

    // Where what was read is kept; empty = the default file (tests give a temporary one).
    void setCacheFile(const QString &fileName);
    // The workspace in use: its key in the cache ("demo" or its origin) and its API; a null
    // api: no workspace ready (the list shows what was read last, Publish is off).
    void setWorkspace(const QString &key, WorkspaceApi *api);
    // The preset Publish publishes: the one chosen in the form, if any.
    void setLocalPresetProvider(std::function<std::optional<Preset>()> provider)
    {
        m_localPreset = std::move(provider);
    }

    TeamPresetsModel *model() const { return m_model; }
    QString folder() const { return m_folder; } // the folder in use once resolved
    bool isReadOnly() const { return m_readOnly; }

    // The actions, callable directly (buttons and tests).
    void refresh();
    void useSelected();
    void publishLocal();

Q_SIGNALS:
    void presetChosen(const Brickrun::Preset &preset); // fill the form with it
    void statusMessage(const QString &text);
    void refreshed(); // a listing (or its failure) is shown
    void published(); // a publish ended, whatever its outcome

private:
    void publish(const Preset &preset, bool force);
    void showOutcome(const Preset &preset, const TeamPresets::PublishOutcome &outcome);
    void askAboutConflict(const Preset &mine, const TeamPresets::PublishOutcome &outcome);
    void showListing(const TeamPresets::Listing &listing);
    void setStatus(const QString &text);
    void updateActions();

    std::unique_ptr<Ui::TeamPresetsPanel> m_ui;
    TeamPresetsModel *m_model;
    std::unique_ptr<TeamPresetCache> m_cache;
    std::unique_ptr<TeamPresets> m_team;
    std::function<std::optional<Preset>()> m_localPreset;
    QString m_workspace;
    WorkspaceApi *m_api = nullptr;
    QString m_folder;
    bool m_readOnly = false;
    bool m_busy = false;
    int m_generation = 0; // answers for an older workspace or folder are dropped
};

} // namespace Brickrun
