// SPDX-License-Identifier: Apache-2.0
// The yardstick: the smallest Qt Widgets program with a main window (a label in it).
#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(1200, 760);
    window.show();
    return QApplication::exec();
}
