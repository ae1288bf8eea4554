// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers for GUI tests that drive real widgets: find a widget by objectName, and answer the
// modal dialogs a user action brings up.

#include <QApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace Brickrun::Test {

template<typename T>
T *find(QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no widget named %s", name);
    return w;
}

// Answers the modal dialogs that come up, in order: each step waits for a new modal widget it
// recognises (a step returns false for any other kind).
class DialogScript : public QObject
{
public:
    using Step = std::function<bool(QWidget *modal)>;

    DialogScript()
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, &DialogScript::poll);
    }
    void add(Step step)
    {
        m_steps.append(std::move(step));
        m_timer.start();
    }
    bool isDone() const { return m_steps.isEmpty(); }

    // `textOut`, when given, receives the box's text and informative text.
    static Step button(QMessageBox::StandardButton which, QString *textOut = nullptr)
    {
        return [which, textOut](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box || !box->button(which))
                return false;
            if (textOut)
                *textOut = box->text() + QLatin1Char('\n') + box->informativeText();
            box->button(which)->click();
            return true;
        };
    }
    static Step text(const QString &value)
    {
        return [value](QWidget *modal) {
            auto *dialog = qobject_cast<QInputDialog *>(modal);
            if (!dialog)
                return false;
            dialog->setTextValue(value);
            dialog->accept();
            return true;
        };
    }
    static Step number(int value)
    {
        return [value](QWidget *modal) {
            auto *dialog = qobject_cast<QInputDialog *>(modal);
            if (!dialog)
                return false;
            dialog->setIntValue(value);
            dialog->accept();
            return true;
        };
    }
    static Step file(const QString &path)
    {
        return [path](QWidget *modal) {
            auto *dialog = qobject_cast<QFileDialog *>(modal);
            if (!dialog)
                return false;
            // As a user types it (selectFile() waits for the folder to be read in open mode).
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            if (!name)
                return false;
            name->setText(path);
            QMetaObject::invokeMethod(dialog, "accept"); // a protected slot
            return true;
        };
    }

private:
    void poll()
    {
        if (m_steps.isEmpty()) {
            m_timer.stop();
            return;
        }
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == m_last)
            return;
        if (m_steps.first()(modal)) {
            m_last = modal;
            m_steps.removeFirst();
        } else if (modal != m_unexpected) {
            m_unexpected = modal;
            qWarning("waiting for another dialog than this %s: %s",
                     modal->metaObject()->className(), qPrintable(modal->windowTitle()));
        }
    }

    QList<Step> m_steps;
    QTimer m_timer;
    QPointer<QWidget> m_last;
    QPointer<QWidget> m_unexpected;
};

} // namespace Brickrun::Test
