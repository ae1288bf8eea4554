// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/ComputeApi.h"
#include "model/RunSpec.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;

namespace Brickrun {

namespace Ui {
class ComputeChooser;
}

class ClusterPicker;

// The compute part of the submit form: an existing cluster (the cluster picker), serverless
// compute (an optional environment version and pip dependencies, one per line), or a new job
// cluster (a Databricks Runtime and a node type from the workspace's lists, workers or autoscale
// min/max, Photon). Only the chosen kind's fields show. The lists are read when a new job
// cluster is chosen and the workspace is known; meanwhile, and when they cannot be read, a note
// says so.
class ComputeChooser : public QWidget
{
    Q_OBJECT
public:
    explicit ComputeChooser(QWidget *parent = nullptr);
    ~ComputeChooser() override;

    ClusterPicker *clusterPicker() const;
    ComputeSpec::Kind kind() const;
    // The workspace to read runtimes and node types from (nullptr: none yet).
    void setComputeApi(ComputeApi *api);

    // The spec's compute (and its existing cluster) into the fields; and back.
    void setSpec(const RunSpec &spec);
    void fillSpec(RunSpec *spec) const;

    // Shows the problems that are this part's (RunSpec::validate's "cluster", "runtime",
    // "workers"…) next to their fields and returns the others.
    QStringList showProblems(const QStringList &problems);
    // What only the workspace's lists tell: a runtime or node type it does not offer. Empty
    // while the lists are not read.
    QStringList offerProblems() const;
    bool isLoading() const { return m_loading > 0; }

public Q_SLOTS:
    void reloadLists();

Q_SIGNALS:
    void changed();
    void listsLoaded(); // both lists answered (read or not)

private:
    void showKind();
    void loadListsIfNeeded();
    void fillRuntimes();
    void fillNodeTypes();
    void showListsStatus();
    static void select(QComboBox *combo, const QString &key, const QString &missingText);

    std::unique_ptr<Ui::ComputeChooser> m_ui;
    QPointer<ComputeApi> m_api;
    QList<RuntimeVersion> m_runtimes;
    QList<NodeType> m_nodeTypes;
    bool m_listsRead = false; // for m_api, both answered
    int m_loading = 0;        // requests in flight
    quint64 m_generation = 0; // answers of an older generation are dropped
    QString m_runtimesError;  // why the runtimes could not be read
    QString m_nodeTypesError; // why the node types could not be read
    QString m_wantedRuntime;  // the spec's, kept until the list is in
    QString m_wantedRuntimeName;
    QString m_wantedNodeType;
};

} // namespace Brickrun
