// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/Preset.h"
#include "model/RunRecord.h"
#include "share/RunExport.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QMenu;
class QToolButton;
class QWidget;

namespace Brickrun {

// "Copy as" and "Export as" for a run or a preset: the Databricks CLI command, the curl
// command, the Python (Databricks SDK) snippet or the Arazzo workflow (RunExport), to the
// clipboard or into a file. The menus ask `source` what to share each time they open (the
// selected run, the chosen preset); without one their actions are disabled.
class ShareActions : public QObject
{
    Q_OBJECT
public:
    struct Shared
    {
        RunSpec spec;
        QString title; // the preset's or the run's name: the workflow's title, the file's name
        QString host;  // the workspace origin for curl; empty for the demo
    };
    using Source = std::function<std::optional<Shared>()>;

    ShareActions(Source source, QWidget *parent);

    static Shared fromRecord(const RunRecord &record);
    static Shared fromPreset(const Preset &preset);
    static QString formatLabel(RunExport::Format format);

    // Owned by this object's parent widget; object names copyAsMenu / exportAsMenu, actions
    // copyAs<cli|curl|python|arazzo> and exportAs<…>.
    QMenu *copyMenu() const { return m_copyMenu; }
    QMenu *exportMenu() const { return m_exportMenu; }

    // A "Share" button (objectName shareButton) opening both menus, put right after `sibling`
    // in its layout; what the actions did is said in a tool tip under it.
    QToolButton *addButtonAfter(QWidget *sibling);

    void copy(RunExport::Format format);
    void exportAs(RunExport::Format format);                      // asks for the file
    bool exportTo(RunExport::Format format, const QString &path); // says what went wrong

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void updateEnabled();

    Source m_source;
    QWidget *m_parent;
    QMenu *m_copyMenu;
    QMenu *m_exportMenu;
    QString m_directory;
};

} // namespace Brickrun
