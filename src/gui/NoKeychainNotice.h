// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace Brickrun {

// What the profile dialog shows when no keychain can keep a secret: what is missing and how to
// get it, in plain words; the keychain's own error behind "Details" (and in the tooltip), never
// as the headline; and "Use for this session only", which keeps the secret in memory until
// Brickrun quits while the profile is saved without it.
class NoKeychainNotice : public QFrame
{
    Q_OBJECT
public:
    explicit NoKeychainNotice(QWidget *parent = nullptr);

    void showProblem(const QString &message, const QString &detail);

Q_SIGNALS:
    void useForSessionRequested();
    void sizeChanged(); // the details opened or closed

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title;
    QLabel *m_message;
    QPushButton *m_sessionButton;
    QLabel *m_sessionHint;
    QToolButton *m_detailsButton;
    QLabel *m_details;
};

} // namespace Brickrun
