// SPDX-License-Identifier: Apache-2.0
#include "WelcomeDialog.h"

#include "ui_WelcomeDialog.h"

#include <QCommandLinkButton>
#include <QIcon>
#include <QPushButton>

namespace Brickrun {

WelcomeDialog::WelcomeDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::WelcomeDialog>())
{
    m_ui->setupUi(this);

    const QIcon appIcon(QStringLiteral(":/icons/brickrun.svg"));
    setWindowIcon(appIcon);
    const int iconSize = fontMetrics().height() * 4;
    m_ui->iconLabel->setPixmap(appIcon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));

    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);

    m_ui->demoButton->setDefault(true);
    m_ui->demoButton->setFocus();

    connect(m_ui->demoButton, &QCommandLinkButton::clicked, this, [this] { choose(Choice::Demo); });
    connect(m_ui->addWorkspaceButton, &QCommandLinkButton::clicked, this,
            [this] { choose(Choice::AddWorkspace); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, [this] {
        m_choice = Choice::None;
        reject();
    });
}

WelcomeDialog::~WelcomeDialog() = default;

void WelcomeDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

} // namespace Brickrun
