// SPDX-License-Identifier: Apache-2.0
#include "ComputeChooser.h"

#include "ClusterPicker.h"
#include "FieldMessages.h"
#include "WorkspaceErrorText.h"
#include "ui_ComputeChooser.h"

#include <QComboBox>
#include <QLineEdit>

namespace Brickrun {

namespace {

constexpr int MinimumComboCharacters = 12; // long runtime names never widen the form

// The pip requirement lines of the field: trimmed, blank lines left out.
QStringList requirementLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    return lines;
}

} // namespace

ComputeChooser::ComputeChooser(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ComputeChooser>())
{
    m_ui->setupUi(this);
    for (QLabel *label : {m_ui->clusterError, m_ui->environmentError, m_ui->dependenciesError,
                          m_ui->runtimeError, m_ui->nodeTypeError, m_ui->workersError})
        FieldMessages::markAsError(label);
    FieldMessages::markAsNote(m_ui->listsStatus);
    for (QComboBox *combo : {m_ui->runtimeCombo, m_ui->nodeTypeCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(MinimumComboCharacters);
    }
    // Empty: the service's default. The versions the service documents, newest first.
    m_ui->environmentCombo->addItems({QString(), QStringLiteral("4"), QStringLiteral("3"),
                                      QStringLiteral("2"), QStringLiteral("1")});
    m_ui->environmentCombo->lineEdit()->setPlaceholderText(tr("default"));
    m_ui->dependenciesEdit->setPlaceholderText(tr("e.g. pandas==2.2.3\nrequests"));
    m_ui->dependenciesEdit->setFixedHeight(
        m_ui->dependenciesEdit->fontMetrics().lineSpacing() * 3 +
        2 * (m_ui->dependenciesEdit->frameWidth() +
             int(m_ui->dependenciesEdit->document()->documentMargin())));

    connect(m_ui->computeKindCombo, &QComboBox::currentIndexChanged, this, [this] {
        showKind();
        loadListsIfNeeded();
        Q_EMIT changed();
    });
    connect(m_ui->environmentCombo, &QComboBox::currentTextChanged, this, &ComputeChooser::changed);
    connect(m_ui->dependenciesEdit, &QPlainTextEdit::textChanged, this, &ComputeChooser::changed);
    for (QComboBox *combo : {m_ui->runtimeCombo, m_ui->nodeTypeCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &ComputeChooser::changed);
    for (QSpinBox *spin : {m_ui->workersSpin, m_ui->minWorkersSpin, m_ui->maxWorkersSpin})
        connect(spin, &QSpinBox::valueChanged, this, &ComputeChooser::changed);
    connect(m_ui->autoscaleCheck, &QCheckBox::toggled, this, [this] {
        showKind();
        Q_EMIT changed();
    });
    connect(m_ui->photonCheck, &QCheckBox::toggled, this, &ComputeChooser::changed);
    connect(m_ui->refreshListsButton, &QToolButton::clicked, this, &ComputeChooser::reloadLists);
    m_ui->refreshListsButton->setEnabled(false);
    showListsStatus();
}

ComputeChooser::~ComputeChooser() = default;

ClusterPicker *ComputeChooser::clusterPicker() const
{
    return m_ui->clusterPicker;
}

ComputeSpec::Kind ComputeChooser::kind() const
{
    switch (m_ui->computeKindCombo->currentIndex()) {
    case 1:
        return ComputeSpec::Kind::Serverless;
    case 2:
        return ComputeSpec::Kind::NewJobCluster;
    default:
        return ComputeSpec::Kind::ExistingCluster;
    }
}

// Only the chosen kind's rows show; with autoscale, min and max instead of the workers.
void ComputeChooser::showKind()
{
    const ComputeSpec::Kind k = kind();
    QFormLayout *form = m_ui->computeForm;
    const bool existing = k == ComputeSpec::Kind::ExistingCluster;
    const bool serverless = k == ComputeSpec::Kind::Serverless;
    const bool jobCluster = k == ComputeSpec::Kind::NewJobCluster;
    form->setRowVisible(m_ui->clusterPicker, existing);
    form->setRowVisible(m_ui->clusterError, existing && !m_ui->clusterError->text().isEmpty());
    form->setRowVisible(m_ui->environmentCombo, serverless);
    form->setRowVisible(m_ui->environmentError,
                        serverless && !m_ui->environmentError->text().isEmpty());
    form->setRowVisible(m_ui->dependenciesEdit, serverless);
    form->setRowVisible(m_ui->dependenciesError,
                        serverless && !m_ui->dependenciesError->text().isEmpty());
    form->setRowVisible(m_ui->runtimeBox, jobCluster);
    form->setRowVisible(m_ui->runtimeError, jobCluster && !m_ui->runtimeError->text().isEmpty());
    form->setRowVisible(m_ui->nodeTypeCombo, jobCluster);
    form->setRowVisible(m_ui->nodeTypeError, jobCluster && !m_ui->nodeTypeError->text().isEmpty());
    form->setRowVisible(m_ui->workersBox, jobCluster);
    form->setRowVisible(m_ui->workersError, jobCluster && !m_ui->workersError->text().isEmpty());
    form->setRowVisible(m_ui->photonCheck, jobCluster);
    form->setRowVisible(m_ui->listsStatus, jobCluster && !m_ui->listsStatus->text().isEmpty());
    const bool autoscale = m_ui->autoscaleCheck->isChecked();
    m_ui->workersSpin->setVisible(!autoscale);
    m_ui->minWorkersSpin->setVisible(autoscale);
    m_ui->workersRangeLabel->setVisible(autoscale);
    m_ui->maxWorkersSpin->setVisible(autoscale);
    m_ui->workersLabel->setText(autoscale ? tr("Workers (min–max):") : tr("Workers:"));
}

void ComputeChooser::setComputeApi(ComputeApi *api)
{
    if (api == m_api)
        return;
    m_api = api;
    ++m_generation; // answers from the previous workspace no longer count
    m_loading = 0;
    m_listsRead = false;
    m_runtimes.clear();
    m_nodeTypes.clear();
    m_runtimesError.clear();
    m_nodeTypesError.clear();
    m_ui->refreshListsButton->setEnabled(api != nullptr);
    fillRuntimes();
    fillNodeTypes();
    showListsStatus();
    loadListsIfNeeded();
}

void ComputeChooser::loadListsIfNeeded()
{
    if (kind() == ComputeSpec::Kind::NewJobCluster && m_api && !m_listsRead && m_loading == 0)
        reloadLists();
}

void ComputeChooser::reloadLists()
{
    if (!m_api)
        return;
    const quint64 generation = ++m_generation;
    m_loading = 2;
    m_listsRead = false;
    const auto answered = [this] {
        if (--m_loading > 0)
            return;
        m_listsRead = true;
        showListsStatus();
        Q_EMIT changed();
        Q_EMIT listsLoaded();
    };
    m_api->sparkVersions(
        this, [this, generation, answered](const Result<QList<RuntimeVersion>> &r) {
            if (generation != m_generation)
                return;
            m_runtimesError = r ? QString() : WorkspaceErrorText::describe(r.error());
            m_runtimes = r ? r.value() : QList<RuntimeVersion>();
            fillRuntimes();
            answered();
        });
    m_api->nodeTypes(this, [this, generation, answered](const Result<QList<NodeType>> &r) {
        if (generation != m_generation)
            return;
        m_nodeTypesError = r ? QString() : WorkspaceErrorText::describe(r.error());
        m_nodeTypes = r ? r.value() : QList<NodeType>();
        fillNodeTypes();
        answered();
    });
    showListsStatus();
}

void ComputeChooser::showListsStatus()
{
    QStringList lines;
    if (m_loading > 0)
        lines << tr("Loading the workspace's runtimes and node types…");
    else if (!m_api)
        lines << tr("The runtimes and node types are read once the workspace is connected.");
    if (!m_runtimesError.isEmpty())
        lines << tr("The runtimes could not be read: %1").arg(m_runtimesError);
    if (!m_nodeTypesError.isEmpty())
        lines << tr("The node types could not be read: %1").arg(m_nodeTypesError);
    m_ui->listsStatus->setText(lines.join(QLatin1Char('\n')));
    showKind();
}

// Selects the item whose data is `key`; a key the list does not have gets an item of its own
// (a preset's, or one chosen before the list was read), so that nothing chosen is lost.
void ComputeChooser::select(QComboBox *combo, const QString &key, const QString &missingText)
{
    if (key.isEmpty()) {
        combo->setCurrentIndex(combo->count() > 0 ? 0 : -1);
        return;
    }
    int index = combo->findData(key);
    if (index < 0) {
        combo->addItem(missingText, key);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

void ComputeChooser::fillRuntimes()
{
    QComboBox *combo = m_ui->runtimeCombo;
    const QString current = combo->currentData().toString();
    const QString wanted = current.isEmpty() ? m_wantedRuntime : current;
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const RuntimeVersion &runtime : std::as_const(m_runtimes)) {
        combo->addItem(runtime.name.isEmpty() ? runtime.key : runtime.name, runtime.key);
        combo->setItemData(combo->count() - 1, runtime.key, Qt::ToolTipRole);
    }
    select(combo, wanted,
           wanted == m_wantedRuntime && !m_wantedRuntimeName.isEmpty() ? m_wantedRuntimeName
                                                                       : wanted);
    m_wantedRuntime = combo->currentData().toString();
}

void ComputeChooser::fillNodeTypes()
{
    QComboBox *combo = m_ui->nodeTypeCombo;
    const QString current = combo->currentData().toString();
    const QString wanted = current.isEmpty() ? m_wantedNodeType : current;
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const NodeType &type : std::as_const(m_nodeTypes)) {
        QString text = type.displayText();
        if (type.isDeprecated)
            text = tr("%1 (deprecated)").arg(text);
        combo->addItem(text, type.id);
        combo->setItemData(combo->count() - 1,
                           type.category.isEmpty()
                               ? type.description
                               : type.category + QStringLiteral(" · ") + type.description,
                           Qt::ToolTipRole);
    }
    select(combo, wanted, wanted);
    m_wantedNodeType = combo->currentData().toString();
}

void ComputeChooser::setSpec(const RunSpec &spec)
{
    const ComputeSpec &c = spec.compute;
    {
        const QSignalBlocker blocker(m_ui->computeKindCombo);
        m_ui->computeKindCombo->setCurrentIndex(c.isServerless() ? 1 : c.isNewJobCluster() ? 2 : 0);
    }
    m_ui->clusterPicker->lineEdit()->setText(spec.clusterId);
    m_ui->environmentCombo->setEditText(c.environmentVersion);
    m_ui->dependenciesEdit->setPlainText(c.dependencies.join(QLatin1Char('\n')));
    m_wantedRuntime = c.sparkVersion;
    m_wantedRuntimeName = c.sparkVersionName;
    m_wantedNodeType = c.nodeTypeId;
    // The spec's choice replaces the one the combos had (fill* keeps the current one).
    m_ui->runtimeCombo->setCurrentIndex(-1);
    m_ui->nodeTypeCombo->setCurrentIndex(-1);
    fillRuntimes();
    fillNodeTypes();
    m_ui->workersSpin->setValue(c.numWorkers);
    m_ui->minWorkersSpin->setValue(c.minWorkers);
    m_ui->maxWorkersSpin->setValue(c.maxWorkers);
    m_ui->autoscaleCheck->setChecked(c.autoscale);
    m_ui->photonCheck->setChecked(c.photon);
    showKind();
    loadListsIfNeeded();
    Q_EMIT changed();
}

void ComputeChooser::fillSpec(RunSpec *spec) const
{
    ComputeSpec c;
    c.kind = kind();
    if (c.isExistingCluster())
        spec->clusterId = m_ui->clusterPicker->lineEdit()->text().trimmed();
    if (c.isServerless()) {
        c.environmentVersion = m_ui->environmentCombo->currentText().trimmed();
        c.dependencies = requirementLines(m_ui->dependenciesEdit->toPlainText());
    }
    if (c.isNewJobCluster()) {
        c.sparkVersion = m_ui->runtimeCombo->currentData().toString();
        if (const RuntimeVersion *known = ComputeApi::findRuntime(c.sparkVersion, m_runtimes))
            c.sparkVersionName = known->name;
        else if (c.sparkVersion == m_wantedRuntime)
            c.sparkVersionName = m_wantedRuntimeName;
        c.nodeTypeId = m_ui->nodeTypeCombo->currentData().toString();
        c.autoscale = m_ui->autoscaleCheck->isChecked();
        if (c.autoscale) {
            c.minWorkers = m_ui->minWorkersSpin->value();
            c.maxWorkers = m_ui->maxWorkersSpin->value();
        } else {
            c.numWorkers = m_ui->workersSpin->value();
        }
        c.photon = m_ui->photonCheck->isChecked();
    }
    spec->compute = c;
}

QStringList ComputeChooser::offerProblems() const
{
    QStringList problems;
    if (kind() != ComputeSpec::Kind::NewJobCluster || !m_listsRead)
        return problems;
    const QString runtime = m_ui->runtimeCombo->currentData().toString();
    if (!runtime.isEmpty() && m_runtimesError.isEmpty()) {
        if (const QString p = ComputeApi::runtimeProblem(runtime, m_runtimes); !p.isEmpty())
            problems << p;
    }
    const QString node = m_ui->nodeTypeCombo->currentData().toString();
    if (!node.isEmpty() && m_nodeTypesError.isEmpty()) {
        if (const QString p = ComputeApi::nodeTypeProblem(node, m_nodeTypes); !p.isEmpty())
            problems << p;
    }
    return problems;
}

QStringList ComputeChooser::showProblems(const QStringList &problems)
{
    QStringList cluster, environment, dependencies, runtime, nodeType, workers, others;
    for (const QString &problem : problems) {
        const QString field = FieldMessages::fieldOf(problem);
        const QString reason = FieldMessages::reasonOf(problem);
        if (field == QLatin1String("cluster"))
            cluster << reason;
        else if (field == QLatin1String("environment version"))
            environment << reason;
        else if (field == QLatin1String("dependency"))
            dependencies << reason;
        else if (field == QLatin1String("runtime"))
            runtime << reason;
        else if (field == QLatin1String("node type"))
            nodeType << reason;
        else if (field == QLatin1String("workers") || field == QLatin1String("autoscale"))
            workers << reason;
        else
            others << problem;
    }
    // Empty fields are not yet mistakes: nothing is said until there is something to choose.
    if (m_ui->clusterPicker->lineEdit()->text().isEmpty())
        cluster.clear();
    if (m_ui->runtimeCombo->count() == 0)
        runtime.clear();
    if (m_ui->nodeTypeCombo->count() == 0)
        nodeType.clear();
    FieldMessages::show(m_ui->clusterError, cluster);
    FieldMessages::show(m_ui->environmentError, environment);
    FieldMessages::show(m_ui->dependenciesError, dependencies);
    FieldMessages::show(m_ui->runtimeError, runtime);
    FieldMessages::show(m_ui->nodeTypeError, nodeType);
    FieldMessages::show(m_ui->workersError, workers);
    showKind();
    return others;
}

} // namespace Brickrun
