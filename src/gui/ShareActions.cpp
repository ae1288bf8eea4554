// SPDX-License-Identifier: Apache-2.0
#include "ShareActions.h"

#include "RunDetailsPanel.h"
#include "config/ProfileStore.h"
#include "share/ArazzoExport.h"

#include <QBoxLayout>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <QToolButton>
#include <QToolTip>

namespace Brickrun {

namespace {
const QList<RunExport::Format> Formats{RunExport::Format::DatabricksCli, RunExport::Format::Curl,
                                       RunExport::Format::PythonSdk, RunExport::Format::Arazzo};

QString objectSuffix(RunExport::Format format)
{
    QString name = RunExport::formatName(format);
    name[0] = name.at(0).toUpper();
    return name;
}
} // namespace

ShareActions::ShareActions(Source source, QWidget *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_parent(parent)
    , m_copyMenu(new QMenu(tr("Copy as"), parent))
    , m_exportMenu(new QMenu(tr("Export as"), parent))
    , m_directory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    m_copyMenu->setObjectName(QStringLiteral("copyAsMenu"));
    m_exportMenu->setObjectName(QStringLiteral("exportAsMenu"));
    for (const RunExport::Format format : Formats) {
        QAction *copy = m_copyMenu->addAction(formatLabel(format));
        copy->setObjectName(QStringLiteral("copyAs") + objectSuffix(format));
        connect(copy, &QAction::triggered, this, [this, format] { this->copy(format); });
        QAction *save = m_exportMenu->addAction(formatLabel(format) + QStringLiteral("…"));
        save->setObjectName(QStringLiteral("exportAs") + objectSuffix(format));
        connect(save, &QAction::triggered, this, [this, format] { exportAs(format); });
    }
    connect(m_copyMenu, &QMenu::aboutToShow, this, &ShareActions::updateEnabled);
    connect(m_exportMenu, &QMenu::aboutToShow, this, &ShareActions::updateEnabled);
}

QString ShareActions::formatLabel(RunExport::Format format)
{
    switch (format) {
    case RunExport::Format::DatabricksCli:
        return tr("Databricks CLI command");
    case RunExport::Format::Curl:
        return tr("curl command");
    case RunExport::Format::PythonSdk:
        return tr("Python (Databricks SDK)");
    case RunExport::Format::Arazzo:
        break;
    }
    return tr("Arazzo workflow");
}

ShareActions::Shared ShareActions::fromRecord(const RunRecord &record)
{
    return {record.spec, RunDetailsPanel::titleOf(record),
            record.profile == QLatin1String("demo") ? QString() : record.host};
}

ShareActions::Shared ShareActions::fromPreset(const Preset &preset)
{
    QString host;
    if (!preset.profile.isEmpty() && preset.profile != QLatin1String("demo"))
        if (const auto profile = ProfileStore().profile(preset.profile))
            host = profile->host.toString();
    return {preset.spec, preset.name, host};
}

QToolButton *ShareActions::addButtonAfter(QWidget *sibling)
{
    // A tool button: as narrow as its text (a push button is at least ~80 px), so that the
    // details' row of buttons makes the window no wider than it must.
    auto *button = new QToolButton(sibling->parentWidget());
    button->setText(tr("Share"));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setObjectName(QStringLiteral("shareButton"));
    button->setToolTip(tr("Copy or export this run as a Databricks CLI or curl command, Python "
                          "code for the Databricks SDK, or an Arazzo workflow"));
    auto *menu = new QMenu(button);
    menu->addMenu(m_copyMenu);
    menu->addMenu(m_exportMenu);
    button->setMenu(menu);
    for (QBoxLayout *layout : sibling->parentWidget()->findChildren<QBoxLayout *>()) {
        const int at = layout->indexOf(sibling);
        if (at >= 0) {
            layout->insertWidget(at + 1, button);
            break;
        }
    }
    connect(this, &ShareActions::statusMessage, button, [button](const QString &text) {
        QToolTip::showText(button->mapToGlobal(QPoint(0, button->height())), text, button);
    });
    return button;
}

void ShareActions::updateEnabled()
{
    const bool available = m_source && m_source().has_value();
    for (QMenu *menu : {m_copyMenu, m_exportMenu})
        for (QAction *action : menu->actions())
            action->setEnabled(available);
}

void ShareActions::copy(RunExport::Format format)
{
    const auto shared = m_source ? m_source() : std::nullopt;
    if (!shared)
        return;
    QGuiApplication::clipboard()->setText(
        RunExport::render(format, shared->spec, shared->title, shared->host));
    Q_EMIT statusMessage(tr("Copied \"%1\" as %2.").arg(shared->title, formatLabel(format)));
}

void ShareActions::exportAs(RunExport::Format format)
{
    const auto shared = m_source ? m_source() : std::nullopt;
    if (!shared)
        return;
    const QString suggested =
        ArazzoExport::workflowId(shared->title) + RunExport::fileSuffix(format);
    const QString path =
        QFileDialog::getSaveFileName(m_parent, tr("Export as %1").arg(formatLabel(format)),
                                     QDir(m_directory).filePath(suggested));
    if (path.isEmpty())
        return;
    m_directory = QFileInfo(path).absolutePath();
    exportTo(format, path);
}

bool ShareActions::exportTo(RunExport::Format format, const QString &path)
{
    const auto shared = m_source ? m_source() : std::nullopt;
    if (!shared)
        return false;
    QSaveFile file(path);
    const QByteArray text =
        RunExport::render(format, shared->spec, shared->title, shared->host).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        QMessageBox::warning(m_parent, tr("Export as %1").arg(formatLabel(format)),
                             tr("%1 could not be written: %2")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    Q_EMIT statusMessage(
        tr("Exported \"%1\" as %2 to %3.")
            .arg(shared->title, formatLabel(format), QDir::toNativeSeparators(path)));
    return true;
}

} // namespace Brickrun
