// SPDX-License-Identifier: Apache-2.0
#include "TeamPresetsPanel.h"

#include "TeamPresetsModel.h"
#include "api/WorkspaceApi.h"
#include "ui_TeamPresetsPanel.h"

#include <QDateTime>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace Brickrun {

namespace {

QString shortTime(qint64 epochMs)
{
    return epochMs > 0
               ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(epochMs), QLocale::ShortFormat)
               : QString();
}

} // namespace

TeamPresetsPanel::TeamPresetsPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TeamPresetsPanel>())
    , m_model(new TeamPresetsModel(this))
    , m_cache(std::make_unique<TeamPresetCache>())
{
    m_ui->setupUi(this);
    m_ui->teamPresetsList->setModel(m_model);
    connect(m_ui->teamRefreshButton, &QPushButton::clicked, this, &TeamPresetsPanel::refresh);
    connect(m_ui->teamUseButton, &QPushButton::clicked, this, &TeamPresetsPanel::useSelected);
    connect(m_ui->teamPublishButton, &QPushButton::clicked, this, &TeamPresetsPanel::publishLocal);
    connect(m_ui->teamPresetsList, &QAbstractItemView::doubleClicked, this,
            &TeamPresetsPanel::useSelected);
    connect(m_ui->teamFolderEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_ui->teamFolderEdit->isModified()) {
            m_ui->teamFolderEdit->setModified(false);
            refresh();
        }
    });
    connect(m_ui->teamPresetsList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TeamPresetsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TeamPresetsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TeamPresetsPanel::updateActions);
    setStatus(tr("Choose a workspace to see its team presets."));
    updateActions();
}

TeamPresetsPanel::~TeamPresetsPanel() = default;

void TeamPresetsPanel::setCacheFile(const QString &fileName)
{
    m_cache = std::make_unique<TeamPresetCache>(fileName);
    m_team.reset();
    if (m_api)
        m_team = std::make_unique<TeamPresets>(m_api, m_cache.get(), m_workspace);
}

void TeamPresetsPanel::setWorkspace(const QString &key, WorkspaceApi *api)
{
    if (key == m_workspace && api == m_api)
        return;
    ++m_generation;
    m_busy = false;
    m_workspace = key;
    m_api = api;
    m_team.reset();
    if (api)
        m_team = std::make_unique<TeamPresets>(api, m_cache.get(), key);
    if (!api) {
        setStatus(key.isEmpty() ? tr("Choose a workspace to see its team presets.")
                                : tr("Waiting for the workspace's sign-in…"));
        updateActions();
        return;
    }
    refresh(); // at start, and whenever the workspace changes
}

void TeamPresetsPanel::refresh()
{
    if (!m_team)
        return;
    const int generation = ++m_generation;
    m_busy = true;
    updateActions();
    QPointer<TeamPresetsPanel> self(this);
    m_team->resolveFolder(
        m_ui->teamFolderEdit->text().trimmed(), [self, generation](const Result<QString> &folder) {
            if (!self || generation != self->m_generation)
                return;
            if (!folder) {
                self->m_busy = false;
                self->setStatus(
                    tr("The team presets could not be read: %1").arg(folder.error().toString()));
                self->updateActions();
                Q_EMIT self->refreshed();
                return;
            }
            self->m_folder = folder.value();
            // What was read last, at once; then the folder as it is now.
            self->m_model->setPresets(self->m_cache->presets(self->m_workspace, self->m_folder));
            self->m_readOnly = self->m_cache->isReadOnly(self->m_workspace, self->m_folder);
            self->setStatus(tr("Reading %1…").arg(self->m_folder));
            self->m_team->refresh(
                self->m_folder, [self, generation](const Result<TeamPresets::Listing> &r) {
                    if (!self || generation != self->m_generation)
                        return;
                    self->m_busy = false;
                    if (r)
                        self->showListing(r.value());
                    else
                        self->setStatus(
                            tr("The team presets could not be read: %1").arg(r.error().toString()));
                    self->updateActions();
                    Q_EMIT self->refreshed();
                });
        });
}

void TeamPresetsPanel::showListing(const TeamPresets::Listing &listing)
{
    m_model->setPresets(listing.presets);
    m_readOnly = listing.readOnly;
    QStringList lines;
    if (listing.folderMissing)
        lines << tr("%1 does not exist yet: the first preset published makes it.")
                     .arg(listing.folder);
    else
        lines << tr("Presets in %1: %2.").arg(listing.folder).arg(listing.presets.size());
    if (listing.readOnly)
        lines << tr("Read-only: the workspace does not let you write in this folder.");
    if (!listing.problems.isEmpty())
        lines << tr("Left out: %1").arg(listing.problems.join(QStringLiteral("; ")));
    setStatus(lines.join(QLatin1Char('\n')));
}

void TeamPresetsPanel::useSelected()
{
    const TeamPreset *p = m_model->presetAt(m_ui->teamPresetsList->currentIndex().row());
    if (!p)
        return;
    if (m_team)
        m_team->adopt(*p); // publishing it again replaces this version without asking
    Q_EMIT presetChosen(p->preset);
    Q_EMIT statusMessage(tr("The form holds the team preset “%1” now.").arg(p->preset.name));
}

void TeamPresetsPanel::publishLocal()
{
    const std::optional<Preset> preset = m_localPreset ? m_localPreset() : std::nullopt;
    if (!preset) {
        setStatus(tr("Choose one of your presets in the form first: Publish shares that one."));
        return;
    }
    publish(*preset, false);
}

void TeamPresetsPanel::publish(const Preset &preset, bool force)
{
    if (!m_team || m_folder.isEmpty() || m_readOnly || m_busy)
        return;
    m_busy = true;
    updateActions();
    setStatus(tr("Publishing “%1” to %2…").arg(preset.name, m_folder));
    QPointer<TeamPresetsPanel> self(this);
    const int generation = m_generation;
    m_team->publish(preset, m_folder, force,
                    [self, generation, preset](const TeamPresets::PublishOutcome &outcome) {
                        if (!self || generation != self->m_generation)
                            return;
                        self->m_busy = false;
                        self->showOutcome(preset, outcome);
                        self->updateActions();
                        Q_EMIT self->published();
                    });
}

void TeamPresetsPanel::showOutcome(const Preset &preset, const TeamPresets::PublishOutcome &outcome)
{
    using Status = TeamPresets::PublishOutcome::Status;
    switch (outcome.status) {
    case Status::Published:
        setStatus(tr("Published “%1” to %2.").arg(preset.name, m_folder));
        refresh();
        return;
    case Status::Unchanged:
        setStatus(tr("“%1” is in %2 already, unchanged.").arg(preset.name, m_folder));
        return;
    case Status::Conflict:
        setStatus(
            tr("“%1” was changed by someone else: nothing was overwritten.").arg(preset.name));
        askAboutConflict(preset, outcome);
        return;
    case Status::ReadOnly:
        m_readOnly = true;
        setStatus(tr("Read-only: the workspace does not let you write in %1 (%2).")
                      .arg(m_folder, outcome.error.message));
        return;
    case Status::Refused:
        setStatus(tr("“%1” was not published: %2.").arg(preset.name, outcome.message));
        return;
    case Status::Failed:
        setStatus(tr("Publishing “%1” failed: %2").arg(preset.name, outcome.error.toString()));
        return;
    }
}

void TeamPresetsPanel::askAboutConflict(const Preset &mine,
                                        const TeamPresets::PublishOutcome &outcome)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Team preset changed by someone else"),
                                QString(), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("teamConflictBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString when = outcome.theirs ? shortTime(outcome.theirs->modifiedAt) : QString();
    box->setText(
        tr("“%1” in %2 was changed by someone else since you last read or published "
           "it%3.")
            .arg(mine.name, m_folder, when.isEmpty() ? QString() : tr(" (changed %1)").arg(when)));
    box->setInformativeText(outcome.theirs
                                ? tr("Replace their version with yours, or keep theirs and fill "
                                     "the form with it?")
                                : tr("Replace their version with yours?"));
    QPushButton *replace = box->addButton(tr("Replace theirs"), QMessageBox::DestructiveRole);
    replace->setObjectName(QStringLiteral("replaceTheirsButton"));
    QPushButton *keep = nullptr;
    if (outcome.theirs) {
        keep = box->addButton(tr("Keep theirs"), QMessageBox::AcceptRole);
        keep->setObjectName(QStringLiteral("keepTheirsButton"));
        box->setDefaultButton(keep);
    }
    const std::optional<TeamPreset> theirs = outcome.theirs;
    connect(box, &QMessageBox::finished, this, [this, box, replace, keep, mine, theirs] {
        if (box->clickedButton() == replace) {
            publish(mine, true);
        } else if (keep && box->clickedButton() == keep && theirs) {
            if (m_team)
                m_team->adopt(*theirs);
            Q_EMIT presetChosen(theirs->preset);
            setStatus(tr("Kept their version of “%1”; the form holds it now.").arg(mine.name));
            refresh();
        }
    });
    box->open();
}

void TeamPresetsPanel::setStatus(const QString &text)
{
    m_ui->teamStatusLabel->setText(text);
}

void TeamPresetsPanel::updateActions()
{
    const bool ready = m_team != nullptr && !m_busy;
    m_ui->teamRefreshButton->setEnabled(m_team != nullptr && !m_busy);
    m_ui->teamUseButton->setEnabled(m_model->presetAt(m_ui->teamPresetsList->currentIndex().row()));
    m_ui->teamPublishButton->setEnabled(ready && !m_readOnly && !m_folder.isEmpty());
    m_ui->teamPublishButton->setToolTip(
        m_readOnly ? tr("This folder is read-only for you: the workspace refused to let you write "
                        "there")
                   : tr("Publish the preset chosen in the form to this folder, for everyone who "
                        "reads it"));
}

} // namespace Brickrun
