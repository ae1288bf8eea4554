// SPDX-License-Identifier: Apache-2.0
#include "PresetsBar.h"

#include "ShareActions.h"
#include "WorkflowImport.h"
#include "store/PresetStore.h"
#include "ui_PresetsBar.h"

#include <QAbstractItemView>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStyle>

namespace Brickrun {

PresetsBar::PresetsBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PresetsBar>())
    , m_directory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    m_ui->setupUi(this);
    m_ui->runPresetButton->setDefaultAction(m_ui->actionRunPreset);
    m_ui->runPresetButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(this);
    menu->addAction(m_ui->actionSavePreset);
    menu->addSeparator();
    menu->addAction(m_ui->actionRenamePreset);
    menu->addAction(m_ui->actionDuplicatePreset);
    menu->addAction(m_ui->actionDeletePreset);
    menu->addSeparator();
    menu->addAction(m_ui->actionExportPreset);
    menu->addAction(m_ui->actionImportPresets);
    // The chosen preset as a command or an Arazzo workflow (ShareActions, issue 20).
    auto *share = new ShareActions(
        [this]() -> std::optional<ShareActions::Shared> {
            const auto preset = chosen();
            return preset ? std::optional(ShareActions::fromPreset(*preset)) : std::nullopt;
        },
        this);
    menu->addMenu(share->copyMenu());
    menu->addMenu(share->exportMenu());
    connect(share, &ShareActions::statusMessage, this, &PresetsBar::statusMessage);
    m_ui->presetMenuButton->setMenu(menu);
    // The shortcuts work anywhere in the window (the actions also sit in its Presets menu).
    addActions({m_ui->actionSavePreset, m_ui->actionChoosePreset, m_ui->actionRunPreset});
    for (QAction *a : {m_ui->actionSavePreset, m_ui->actionChoosePreset, m_ui->actionRunPreset})
        a->setShortcutContext(Qt::WindowShortcut);

    connect(m_ui->actionSavePreset, &QAction::triggered, this, &PresetsBar::savePreset);
    connect(m_ui->actionRenamePreset, &QAction::triggered, this, &PresetsBar::renamePreset);
    connect(m_ui->actionDuplicatePreset, &QAction::triggered, this, &PresetsBar::duplicatePreset);
    connect(m_ui->actionDeletePreset, &QAction::triggered, this, &PresetsBar::deletePreset);
    connect(m_ui->actionExportPreset, &QAction::triggered, this, &PresetsBar::exportPreset);
    connect(m_ui->actionImportPresets, &QAction::triggered, this, &PresetsBar::importPresets);
    connect(m_ui->actionRunPreset, &QAction::triggered, this, &PresetsBar::runPreset);
    connect(m_ui->actionChoosePreset, &QAction::triggered, this, [this] {
        m_ui->presetCombo->setFocus(Qt::ShortcutFocusReason);
        if (m_ui->presetCombo->count() > 0)
            m_ui->presetCombo->showPopup();
    });
    // activated: the user's choice only (mouse or keys), never a reload of the list.
    connect(m_ui->presetCombo, &QComboBox::activated, this, [this] {
        updateActions();
        if (const auto preset = chosen())
            Q_EMIT presetChosen(*preset);
    });
    updateActions();
}

PresetsBar::~PresetsBar() = default;

void PresetsBar::setStore(PresetStore *store)
{
    m_store = store;
    reloadPresets();
}

QList<QAction *> PresetsBar::presetActions() const
{
    return {m_ui->actionChoosePreset, m_ui->actionRunPreset,       m_ui->actionSavePreset,
            m_ui->actionRenamePreset, m_ui->actionDuplicatePreset, m_ui->actionDeletePreset,
            m_ui->actionExportPreset, m_ui->actionImportPresets};
}

QString PresetsBar::currentPreset() const
{
    return m_ui->presetCombo->currentIndex() >= 0 ? m_ui->presetCombo->currentText() : QString();
}

void PresetsBar::selectPreset(const QString &name)
{
    m_ui->presetCombo->setCurrentIndex(m_ui->presetCombo->findText(name, Qt::MatchExactly));
    updateActions();
}

void PresetsBar::reloadPresets()
{
    const QString current = currentPreset();
    {
        const QSignalBlocker blocker(m_ui->presetCombo);
        m_ui->presetCombo->clear();
        if (m_store) {
            for (const Preset &p : m_store->presets())
                m_ui->presetCombo->addItem(p.name);
        }
        m_ui->presetCombo->setCurrentIndex(m_ui->presetCombo->findText(current, Qt::MatchExactly));
    }
    // A long name is cut in the field: the list shows every name whole.
    QAbstractItemView *list = m_ui->presetCombo->view();
    int widest = 0;
    for (int i = 0; i < m_ui->presetCombo->count(); ++i)
        widest =
            qMax(widest, list->fontMetrics().horizontalAdvance(m_ui->presetCombo->itemText(i)));
    list->setMinimumWidth(widest + 2 * list->frameWidth() + list->fontMetrics().height() +
                          style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, list));
    updateActions();
}

std::optional<Preset> PresetsBar::chosen()
{
    const QString name = currentPreset();
    if (!m_store || name.isEmpty())
        return std::nullopt;
    const auto preset = m_store->preset(name);
    if (!preset) {
        QMessageBox::warning(this, tr("Presets"),
                             tr("The preset \"%1\" is no longer there.").arg(name));
        reloadPresets();
    }
    return preset;
}

void PresetsBar::updateActions()
{
    m_ui->presetCombo->setToolTip(currentPreset().isEmpty()
                                      ? tr("Choose a preset to fill the form with it (Ctrl+P)")
                                      : currentPreset());
    const bool one = m_store && !currentPreset().isEmpty();
    for (QAction *a : {m_ui->actionRunPreset, m_ui->actionRenamePreset, m_ui->actionDuplicatePreset,
                       m_ui->actionDeletePreset, m_ui->actionExportPreset})
        a->setEnabled(one);
    m_ui->actionSavePreset->setEnabled(m_store && m_form);
    m_ui->actionImportPresets->setEnabled(m_store);
    m_ui->actionChoosePreset->setEnabled(m_store);
}

void PresetsBar::savePreset()
{
    if (!m_store || !m_form)
        return;
    bool ok = false;
    const QString name =
        askName(tr("Save preset"), tr("Save the form as a preset named:"), currentPreset(), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (m_store->preset(name) &&
        QMessageBox::question(
            this, tr("Replace preset"),
            tr("A preset named \"%1\" exists. Replace it with the form?").arg(name)) !=
            QMessageBox::Yes)
        return;
    Preset preset = m_form();
    preset.name = name;
    QString error;
    if (!m_store->save(preset, &error)) {
        QMessageBox::warning(this, tr("Save preset"),
                             tr("The preset could not be saved: %1").arg(error));
        return;
    }
    reloadPresets();
    selectPreset(name);
    Q_EMIT statusMessage(tr("Saved the preset \"%1\".").arg(name));
}

void PresetsBar::renamePreset()
{
    const QString from = currentPreset();
    if (!m_store || from.isEmpty())
        return;
    bool ok = false;
    const QString to =
        askName(tr("Rename preset"), tr("New name of \"%1\":").arg(from), from, &ok).trimmed();
    if (!ok || to.isEmpty() || to == from)
        return;
    QString error;
    if (!m_store->rename(from, to, &error)) {
        QMessageBox::warning(this, tr("Rename preset"),
                             tr("The preset could not be renamed: %1").arg(error));
        return;
    }
    reloadPresets();
    selectPreset(to);
}

void PresetsBar::duplicatePreset()
{
    const QString name = currentPreset();
    if (!m_store || name.isEmpty())
        return;
    const auto copy = m_store->duplicate(name);
    if (!copy) {
        QMessageBox::warning(this, tr("Duplicate preset"),
                             tr("The preset \"%1\" could not be duplicated.").arg(name));
        return;
    }
    reloadPresets();
    selectPreset(*copy);
    Q_EMIT statusMessage(tr("Duplicated \"%1\" as \"%2\".").arg(name, *copy));
}

void PresetsBar::deletePreset()
{
    const QString name = currentPreset();
    if (!m_store || name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete preset"),
                              tr("Delete the preset \"%1\"?").arg(name)) != QMessageBox::Yes)
        return;
    if (!m_store->remove(name))
        QMessageBox::warning(this, tr("Delete preset"),
                             tr("The preset \"%1\" could not be deleted.").arg(name));
    reloadPresets();
}

void PresetsBar::exportPreset()
{
    const QString name = currentPreset();
    if (!m_store || name.isEmpty())
        return;
    QString base = name;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._ -]")), QStringLiteral("_"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export preset"), QDir(m_directory).filePath(base + QStringLiteral(".json")),
        tr("Brickrun presets (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_directory = QFileInfo(path).absolutePath();
    QString error;
    if (!m_store->exportToFile(name, path, &error)) {
        QMessageBox::warning(this, tr("Export preset"),
                             tr("The preset could not be exported: %1").arg(error));
        return;
    }
    Q_EMIT statusMessage(tr("Exported \"%1\" to %2.").arg(name, QDir::toNativeSeparators(path)));
}

void PresetsBar::importPresets()
{
    if (!m_store)
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import presets"), m_directory,
        tr("Brickrun presets (*.json);;Arazzo workflows (*.yaml *.yml *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_directory = QFileInfo(path).absolutePath();
    if (WorkflowImport::isWorkflowFile(path)) { // an Arazzo workflow: one preset, mapped
        if (const auto name = WorkflowImport::run(this, m_store, path)) {
            reloadPresets();
            selectPreset(*name);
            Q_EMIT statusMessage(tr("Imported the workflow %1 as the preset \"%2\".")
                                     .arg(QFileInfo(path).fileName(), *name));
        }
        return;
    }
    QStringList errors;
    const QStringList names = m_store->importFromFile(path, &errors);
    if (!errors.isEmpty() || names.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Import presets"),
                        tr("Nothing was imported from %1:").arg(QDir::toNativeSeparators(path)),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("presetImportErrors"));
        box.setInformativeText(errors.join(QLatin1Char('\n')));
        box.exec();
        return;
    }
    reloadPresets();
    selectPreset(names.first());
    Q_EMIT statusMessage(tr("Imported %n preset(s): %1", nullptr, int(names.size()))
                             .arg(names.join(QStringLiteral(", "))));
}

QInputDialog *PresetsBar::nameDialog(QWidget *parent, const QString &title, const QString &label,
                                     const QString &text)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setObjectName(QStringLiteral("presetNameDialog"));
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(text);
    // A window manager cuts the title of a narrow dialog: room for it (in a bold font, as most
    // title bars have) and for the title bar's icon and buttons.
    QFont titleFont = dialog->font();
    titleFont.setBold(true);
    const QFontMetrics metrics(titleFont);
    dialog->setMinimumWidth(qMax(dialog->minimumSizeHint().width(),
                                 metrics.horizontalAdvance(title) + 8 * metrics.height()));
    return dialog;
}

QString PresetsBar::askName(const QString &title, const QString &label, const QString &text,
                            bool *ok)
{
    const std::unique_ptr<QInputDialog> dialog(nameDialog(this, title, label, text));
    *ok = dialog->exec() == QDialog::Accepted;
    return *ok ? dialog->textValue() : QString();
}

void PresetsBar::runPreset()
{
    if (const auto preset = chosen())
        Q_EMIT runRequested(*preset);
}

} // namespace Brickrun
