// SPDX-License-Identifier: Apache-2.0
#include "TaskSourceChooser.h"

#include "FieldMessages.h"
#include "ui_TaskSourceChooser.h"

namespace Brickrun {

namespace {

enum ReferenceKind
{
    Branch,
    Tag,
    Commit,
};

} // namespace

TaskSourceChooser::TaskSourceChooser(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TaskSourceChooser>())
{
    m_ui->setupUi(this);
    for (QLabel *label : {m_ui->gitUrlError, m_ui->gitProviderError, m_ui->gitReferenceError})
        FieldMessages::markAsError(label);
    // The first entry follows the URL; the others are the providers the Jobs API knows.
    m_ui->gitProviderCombo->addItem(QString(), QString());
    for (const QString &provider : GitSource::providers())
        m_ui->gitProviderCombo->addItem(providerName(provider), provider);
    m_ui->gitReferenceKindCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    connect(m_ui->taskKindCombo, &QComboBox::currentIndexChanged, this, [this] {
        Q_EMIT kindChanged();
        Q_EMIT changed();
    });
    connect(m_ui->gitCheck, &QCheckBox::toggled, this, [this] {
        showSource();
        Q_EMIT kindChanged();
        Q_EMIT changed();
    });
    connect(m_ui->gitUrlEdit, &QLineEdit::textChanged, this, [this] {
        showDetectedProvider();
        Q_EMIT changed();
    });
    connect(m_ui->gitProviderCombo, &QComboBox::currentIndexChanged, this,
            &TaskSourceChooser::changed);
    connect(m_ui->gitReferenceKindCombo, &QComboBox::currentIndexChanged, this, [this] {
        static const char *const examples[] = {"main", "v1.0.0", "1a2b3c4"};
        m_ui->gitReferenceEdit->setPlaceholderText(QString::fromLatin1(
            examples[qBound(0, m_ui->gitReferenceKindCombo->currentIndex(), 2)]));
        Q_EMIT changed();
    });
    connect(m_ui->gitReferenceEdit, &QLineEdit::textChanged, this, &TaskSourceChooser::changed);
    showDetectedProvider();
    showSource();
}

TaskSourceChooser::~TaskSourceChooser() = default;

QString TaskSourceChooser::providerName(const QString &provider)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("gitHub"), QStringLiteral("GitHub")},
        {QStringLiteral("gitHubEnterprise"), QStringLiteral("GitHub Enterprise")},
        {QStringLiteral("gitLab"), QStringLiteral("GitLab")},
        {QStringLiteral("gitLabEnterpriseEdition"), QStringLiteral("GitLab Enterprise Edition")},
        {QStringLiteral("bitbucketCloud"), QStringLiteral("Bitbucket Cloud")},
        {QStringLiteral("bitbucketServer"), QStringLiteral("Bitbucket Server")},
        {QStringLiteral("azureDevOpsServices"), QStringLiteral("Azure DevOps Services")},
        {QStringLiteral("awsCodeCommit"), QStringLiteral("AWS CodeCommit")},
    };
    return names.value(provider, provider);
}

RunSpec::TaskKind TaskSourceChooser::taskKind() const
{
    return m_ui->taskKindCombo->currentIndex() == 1 ? RunSpec::TaskKind::PythonFile
                                                    : RunSpec::TaskKind::Notebook;
}

bool TaskSourceChooser::usesGit() const
{
    return m_ui->gitCheck->isChecked();
}

void TaskSourceChooser::showSource()
{
    const bool git = usesGit();
    QFormLayout *form = m_ui->taskForm;
    form->setRowVisible(m_ui->gitUrlEdit, git);
    form->setRowVisible(m_ui->gitProviderCombo, git);
    form->setRowVisible(m_ui->gitReferenceBox, git);
    for (QLabel *error : {m_ui->gitUrlError, m_ui->gitProviderError, m_ui->gitReferenceError})
        form->setRowVisible(error, git && !error->text().isEmpty());
}

// The first provider entry says which provider the URL names, or that it names none.
void TaskSourceChooser::showDetectedProvider()
{
    const QString detected = GitSource::providerForUrl(m_ui->gitUrlEdit->text());
    m_ui->gitProviderCombo->setItemText(
        0, detected.isEmpty() ? tr("From the URL (not known)")
                              : tr("From the URL: %1").arg(providerName(detected)));
}

void TaskSourceChooser::setSpec(const RunSpec &spec)
{
    const QSignalBlocker kindBlocker(m_ui->taskKindCombo);
    const QSignalBlocker gitBlocker(m_ui->gitCheck);
    m_ui->taskKindCombo->setCurrentIndex(spec.isPythonFile() ? 1 : 0);
    m_ui->gitCheck->setChecked(spec.usesGit());
    const GitSource &git = spec.git;
    m_ui->gitUrlEdit->setText(git.url);
    const QString provider = GitSource::canonicalProvider(git.provider);
    int providerIndex = m_ui->gitProviderCombo->findData(provider);
    if (providerIndex < 0 && !git.provider.trimmed().isEmpty()) {
        // Kept as given: validate() says it is none the API knows.
        m_ui->gitProviderCombo->addItem(git.provider, git.provider);
        providerIndex = m_ui->gitProviderCombo->count() - 1;
    }
    m_ui->gitProviderCombo->setCurrentIndex(qMax(providerIndex, 0));
    // One of the three, the first given (a spec cannot hold more than one and be submitted).
    const int reference = !git.branch.isEmpty()   ? Branch
                          : !git.tag.isEmpty()    ? Tag
                          : !git.commit.isEmpty() ? Commit
                                                  : Branch;
    m_ui->gitReferenceKindCombo->setCurrentIndex(reference);
    m_ui->gitReferenceEdit->setText(reference == Branch ? git.branch
                                    : reference == Tag  ? git.tag
                                                        : git.commit);
    showSource();
    Q_EMIT kindChanged();
    Q_EMIT changed();
}

void TaskSourceChooser::fillSpec(RunSpec *spec) const
{
    spec->taskKind = taskKind();
    spec->source = usesGit() ? RunSpec::SourceKind::Git : RunSpec::SourceKind::Workspace;
    spec->git = GitSource();
    if (!usesGit())
        return;
    spec->git.url = m_ui->gitUrlEdit->text().trimmed();
    spec->git.provider = m_ui->gitProviderCombo->currentData().toString();
    const QString reference = m_ui->gitReferenceEdit->text().trimmed();
    switch (m_ui->gitReferenceKindCombo->currentIndex()) {
    case Tag:
        spec->git.tag = reference;
        break;
    case Commit:
        spec->git.commit = reference;
        break;
    default:
        spec->git.branch = reference;
        break;
    }
}

QStringList TaskSourceChooser::showProblems(const QStringList &problems)
{
    QStringList url, provider, reference, others;
    for (const QString &problem : problems) {
        const QString field = FieldMessages::fieldOf(problem);
        const QString reason = FieldMessages::reasonOf(problem);
        if (field == QLatin1String("git URL"))
            url << reason;
        else if (field == QLatin1String("git provider"))
            provider << reason;
        else if (field == QLatin1String("git reference") || field == QLatin1String("git branch") ||
                 field == QLatin1String("git tag") || field == QLatin1String("git commit"))
            reference << reason;
        else
            others << problem;
    }
    // Empty fields are not yet mistakes: nothing is said until the user typed something.
    if (m_ui->gitUrlEdit->text().isEmpty()) {
        url.clear();
        provider.clear();
    }
    if (m_ui->gitReferenceEdit->text().isEmpty())
        reference.clear();
    FieldMessages::show(m_ui->gitUrlError, url);
    FieldMessages::show(m_ui->gitProviderError, provider);
    FieldMessages::show(m_ui->gitReferenceError, reference);
    showSource();
    return others;
}

} // namespace Brickrun
