// SPDX-License-Identifier: Apache-2.0
#include "NoKeychainNotice.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Brickrun {

NoKeychainNotice::NoKeychainNotice(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_sessionButton(new QPushButton(this))
    , m_sessionHint(new QLabel(this))
    , m_detailsButton(new QToolButton(this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("noKeychainNotice"));
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(QStringLiteral("noKeychainTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    for (QLabel *label : {m_title, m_message, m_sessionHint, m_details}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    m_message->setObjectName(QStringLiteral("noKeychainMessage"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sessionButton->setObjectName(QStringLiteral("sessionOnlyButton"));
    m_sessionButton->setAutoDefault(false);
    m_sessionHint->setObjectName(QStringLiteral("sessionOnlyHint"));
    m_detailsButton->setObjectName(QStringLiteral("keychainDetailsButton"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsButton->setArrowType(Qt::RightArrow);
    m_detailsButton->setAutoRaise(true);
    m_details->setObjectName(QStringLiteral("keychainDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    auto *sessionRow = new QHBoxLayout;
    sessionRow->addWidget(m_sessionButton);
    sessionRow->addWidget(m_sessionHint, 1);
    layout->addLayout(sessionRow);
    layout->addWidget(m_detailsButton);
    layout->addWidget(m_details);

    connect(m_sessionButton, &QPushButton::clicked, this,
            &NoKeychainNotice::useForSessionRequested);
    connect(m_detailsButton, &QToolButton::toggled, this, [this](bool open) {
        m_details->setVisible(open);
        m_detailsButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        Q_EMIT sizeChanged();
    });
    retranslate();
    hide();
}

void NoKeychainNotice::showProblem(const QString &message, const QString &detail)
{
    m_message->setText(message);
    m_message->setToolTip(detail);
    m_details->setText(detail);
    m_detailsButton->setVisible(!detail.isEmpty());
    m_detailsButton->setChecked(false);
    show();
}

void NoKeychainNotice::retranslate()
{
    m_title->setText(tr("No keychain to keep the secret"));
    m_sessionButton->setText(tr("Use for this session &only"));
    m_sessionHint->setText(tr("The secret stays in memory until Brickrun quits. The profile is "
                              "saved without it and asks for it again next time."));
    m_detailsButton->setText(tr("Detai&ls"));
}

void NoKeychainNotice::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

} // namespace Brickrun
