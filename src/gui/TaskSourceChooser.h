// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/RunSpec.h"

#include <QWidget>

#include <memory>

namespace Brickrun {

namespace Ui {
class TaskSourceChooser;
}

// The task part of the submit form: a notebook or a Python file, from the workspace or from a
// Git repository (its URL, the provider, found from the URL unless the user picks one, and a
// branch, tag or commit). The path itself is the form's notebook field; this part says what
// it names.
class TaskSourceChooser : public QWidget
{
    Q_OBJECT
public:
    explicit TaskSourceChooser(QWidget *parent = nullptr);
    ~TaskSourceChooser() override;

    RunSpec::TaskKind taskKind() const;
    bool usesGit() const;

    void setSpec(const RunSpec &spec);
    // Task kind, source and Git repository (not the path nor the parameters: the form's).
    void fillSpec(RunSpec *spec) const;

    // Shows the problems that are this part's (RunSpec::validate's "git URL", "git
    // reference"…) next to their fields and returns the others.
    QStringList showProblems(const QStringList &problems);

    // How a person calls a provider the API spells "gitHub", "azureDevOpsServices"…
    static QString providerName(const QString &provider);

Q_SIGNALS:
    void changed();
    void kindChanged(); // the task kind or the source changed

private:
    void showSource();
    void showDetectedProvider();

    std::unique_ptr<Ui::TaskSourceChooser> m_ui;
};

} // namespace Brickrun
