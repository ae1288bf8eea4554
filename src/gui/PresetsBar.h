// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Preset.h"

#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QInputDialog;

namespace Brickrun {
namespace Ui {
class PresetsBar;
}
} // namespace Brickrun

namespace Brickrun {

class PresetStore;

// The presets row of the submit form: a combo that fills the form with a preset, "Run preset"
// (submits the chosen preset as saved, on its profile, in one click) and a menu to save the form
// as a preset, rename, duplicate, delete, export and import. The same actions (with shortcuts)
// go into the main window's Presets menu. Every failure of the store is shown in full.
class PresetsBar : public QWidget
{
    Q_OBJECT
public:
    explicit PresetsBar(QWidget *parent = nullptr);
    ~PresetsBar() override;

    void setStore(PresetStore *store);
    // What "Save form as preset" saves (the profile and spec of the form; the name is asked).
    void setFormProvider(std::function<Preset()> provider) { m_form = std::move(provider); }
    QString currentPreset() const; // empty = none chosen
    void selectPreset(const QString &name);
    QList<QAction *> presetActions() const; // for the Presets menu
    void reloadPresets();

    // The dialog that asks for a preset's name (Save, Rename): wide enough for its whole title.
    static QInputDialog *nameDialog(QWidget *parent, const QString &title, const QString &label,
                                    const QString &text);

    // The actions, callable directly (menus and tests).
    void savePreset();
    void renamePreset();
    void duplicatePreset();
    void deletePreset();
    void exportPreset();
    void importPresets();
    void runPreset();

Q_SIGNALS:
    void presetChosen(const Brickrun::Preset &preset); // fill the form with it
    void runRequested(const Brickrun::Preset &preset);
    void statusMessage(const QString &text);

private:
    std::optional<Preset> chosen();
    QString askName(const QString &title, const QString &label, const QString &text, bool *ok);
    void updateActions();

    std::unique_ptr<Ui::PresetsBar> m_ui;
    PresetStore *m_store = nullptr;
    std::function<Preset()> m_form;
    QString m_directory; // last folder of an export or import
};

} // namespace Brickrun
