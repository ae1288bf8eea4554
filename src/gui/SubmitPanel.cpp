#include "SubmitPanel.h"

#include "PresetsBar.h"
#include "model/Preset.h"
#include "ui_SubmitPanel.h"

#include <QHeaderView>

namespace Brickrun {

SubmitPanel::SubmitPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SubmitPanel>())
{
    m_ui->setupUi(this);
    for (QLabel *label : {m_ui->clusterError, m_ui->notebookError, m_ui->runNameError,
                          m_ui->taskKeyError, m_ui->parametersError}) {
        // A red that reads on light and dark backgrounds alike.
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, QColor(0xd0, 0x3a, 0x3a));
        label->setPalette(p);
    }
    m_ui->parametersTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_ui->parametersTable->setColumnWidth(0, 140);

    for (QLineEdit *edit :
         {m_ui->clusterEdit, m_ui->notebookEdit, m_ui->runNameEdit, m_ui->taskKeyEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &SubmitPanel::validate);
        connect(edit, &QLineEdit::returnPressed, this, &SubmitPanel::submit);
    }
    connect(m_ui->parametersTable, &QTableWidget::itemChanged, this, &SubmitPanel::validate);
    connect(m_ui->addParameterButton, &QPushButton::clicked, this, &SubmitPanel::addParameter);
    connect(m_ui->removeParameterButton, &QPushButton::clicked, this,
            &SubmitPanel::removeParameter);
    connect(m_ui->submitButton, &QPushButton::clicked, this, &SubmitPanel::submit);
    connect(m_ui->addWorkspaceButton, &QToolButton::clicked, this,
            &SubmitPanel::addWorkspaceRequested);
    connect(m_ui->profileCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0 || index >= m_choices.size())
            return;
        const WorkspaceChoice &choice = m_choices.at(index);
        if (m_ui->clusterEdit->text().trimmed().isEmpty())
            m_ui->clusterEdit->setText(choice.defaultCluster);
        validate();
        Q_EMIT profileChanged(choice.profile);
    });
    m_ui->presetsBar->setFormProvider([this] {
        Preset p;
        p.profile = currentProfile();
        p.spec = spec();
        return p;
    });
    validate();
}

SubmitPanel::~SubmitPanel() = default;

PresetsBar *SubmitPanel::presetsBar() const
{
    return m_ui->presetsBar;
}

bool SubmitPanel::setCurrentProfile(const QString &profile)
{
    const int index = m_ui->profileCombo->findData(profile);
    if (index < 0)
        return false;
    m_ui->profileCombo->setCurrentIndex(index);
    return true;
}

bool SubmitPanel::loadPreset(const Preset &preset)
{
    const bool known = preset.profile.isEmpty() || setCurrentProfile(preset.profile);
    setSpec(preset.spec);
    return known;
}

void SubmitPanel::setWorkspaces(const QList<WorkspaceChoice> &choices, const QString &current)
{
    const QSignalBlocker blocker(m_ui->profileCombo);
    m_choices = choices;
    m_ui->profileCombo->clear();
    int currentIndex = choices.isEmpty() ? -1 : 0;
    for (int i = 0; i < choices.size(); ++i) {
        m_ui->profileCombo->addItem(choices.at(i).label, choices.at(i).profile);
        if (choices.at(i).profile == current)
            currentIndex = i;
    }
    m_ui->profileCombo->setCurrentIndex(currentIndex);
    if (currentIndex >= 0 && m_ui->clusterEdit->text().trimmed().isEmpty())
        m_ui->clusterEdit->setText(choices.at(currentIndex).defaultCluster);
    validate();
}

QString SubmitPanel::currentProfile() const
{
    return m_ui->profileCombo->currentData().toString();
}

RunSpec SubmitPanel::spec() const
{
    RunSpec s;
    s.clusterId = m_ui->clusterEdit->text().trimmed();
    s.notebookPath = m_ui->notebookEdit->text().trimmed();
    s.runName = m_ui->runNameEdit->text().trimmed();
    s.taskKey = m_ui->taskKeyEdit->text().trimmed();
    const QTableWidget *table = m_ui->parametersTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString key = table->item(row, 0) ? table->item(row, 0)->text().trimmed() : QString();
        const QString value = table->item(row, 1) ? table->item(row, 1)->text() : QString();
        if (key.isEmpty() && value.isEmpty())
            continue; // an untouched new row
        s.parameters.append({key, value});
    }
    return s;
}

void SubmitPanel::setSpec(const RunSpec &spec)
{
    m_ui->clusterEdit->setText(spec.clusterId);
    m_ui->notebookEdit->setText(spec.notebookPath);
    m_ui->runNameEdit->setText(spec.runName);
    m_ui->taskKeyEdit->setText(spec.taskKey);
    {
        const QSignalBlocker blocker(m_ui->parametersTable);
        m_ui->parametersTable->setRowCount(0);
        for (const auto &p : spec.parameters) {
            const int row = m_ui->parametersTable->rowCount();
            m_ui->parametersTable->insertRow(row);
            m_ui->parametersTable->setItem(row, 0, new QTableWidgetItem(p.first));
            m_ui->parametersTable->setItem(row, 1, new QTableWidgetItem(p.second));
        }
    }
    validate();
}

bool SubmitPanel::isValid() const
{
    return m_valid;
}

void SubmitPanel::submit()
{
    validate();
    if (!m_valid)
        return;
    Q_EMIT submitRequested(currentProfile(), spec());
}

void SubmitPanel::focusForm()
{
    (m_ui->clusterEdit->text().isEmpty() ? m_ui->clusterEdit : m_ui->notebookEdit)->setFocus();
}

void SubmitPanel::addParameter()
{
    const int row = m_ui->parametersTable->rowCount();
    m_ui->parametersTable->insertRow(row);
    m_ui->parametersTable->setCurrentCell(row, 0);
    m_ui->parametersTable->editItem(m_ui->parametersTable->item(row, 0));
    m_ui->parametersTable->setFocus();
}

void SubmitPanel::removeParameter()
{
    const int row = m_ui->parametersTable->currentRow();
    if (row >= 0)
        m_ui->parametersTable->removeRow(row);
    validate();
}

void SubmitPanel::showError(QLabel *label, const QStringList &problems)
{
    label->setText(problems.join(QLatin1Char('\n')));
    label->setVisible(!problems.isEmpty());
}

void SubmitPanel::validate()
{
    const RunSpec s = spec();
    // RunSpec::validate names the field first ("notebook path: …"); each goes next to its field.
    QStringList cluster, notebook, runName, taskKey, parameters;
    for (const QString &problem : s.validate()) {
        const QString field = problem.section(QLatin1Char(':'), 0, 0);
        const QString reason = problem.section(QLatin1Char(':'), 1).trimmed();
        if (field == QLatin1String("cluster"))
            cluster << reason;
        else if (field == QLatin1String("notebook path"))
            notebook << reason;
        else if (field == QLatin1String("run name"))
            runName << reason;
        else if (field == QLatin1String("task key"))
            taskKey << reason;
        else
            parameters << reason;
    }
    // Empty fields are not yet mistakes: say nothing until the user typed something.
    if (m_ui->clusterEdit->text().isEmpty())
        cluster.clear();
    if (m_ui->notebookEdit->text().isEmpty())
        notebook.clear();
    showError(m_ui->clusterError, cluster);
    showError(m_ui->notebookError, notebook);
    showError(m_ui->runNameError, runName);
    showError(m_ui->taskKeyError, taskKey);
    showError(m_ui->parametersError, parameters);

    m_valid = s.validate().isEmpty() && m_ui->profileCombo->currentIndex() >= 0;
    m_ui->submitButton->setEnabled(m_valid);
    m_ui->removeParameterButton->setEnabled(m_ui->parametersTable->rowCount() > 0);
}

} // namespace Brickrun
