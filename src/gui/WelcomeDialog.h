// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

#include <memory>

namespace Brickrun {

namespace Ui {
class WelcomeDialog;
}

// The first start, when no workspace profile exists yet: try the demo workspace (the emulator
// on this computer) or add a real workspace. The caller acts on choice() after exec().
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        None, // closed without choosing
        Demo,
        AddWorkspace
    };

    explicit WelcomeDialog(QWidget *parent = nullptr);
    ~WelcomeDialog() override;

    Choice choice() const { return m_choice; }

private:
    void choose(Choice choice);

    std::unique_ptr<Ui::WelcomeDialog> m_ui;
    Choice m_choice = Choice::None;
};

} // namespace Brickrun
