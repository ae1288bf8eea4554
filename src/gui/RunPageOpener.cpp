// SPDX-License-Identifier: Apache-2.0
#include "RunPageOpener.h"

#include "model/RunPageUrl.h"
#include "model/RunRecord.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>

namespace Brickrun {

namespace {

// The translation context of the texts below.
class RunPageOpener
{
    Q_DECLARE_TR_FUNCTIONS(RunPageOpener)
};

} // namespace

void openRunPage(QWidget *parent, const RunRecord &record)
{
    if (record.runPageUrl.isEmpty())
        return;
    const QUrl page = safeRunPageUrl(record.runPageUrl, record.host);
    if (page.isValid() && QDesktopServices::openUrl(page))
        return;
    auto *box = new QMessageBox(parent);
    box->setObjectName(QStringLiteral("runPageNotOpened"));
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(RunPageOpener::tr("Run page"));
    box->setTextFormat(Qt::PlainText);
    if (page.isValid()) {
        box->setText(RunPageOpener::tr("No web browser could be opened for the run page."));
        box->setInformativeText(
            RunPageOpener::tr("Copy the link and open it where you can:\n%1").arg(page.toString()));
        QPushButton *copy =
            box->addButton(RunPageOpener::tr("&Copy link"), QMessageBox::AcceptRole);
        copy->setObjectName(QStringLiteral("copyRunPageLink"));
        QObject::connect(copy, &QPushButton::clicked, box,
                         [url = page.toString()] { QGuiApplication::clipboard()->setText(url); });
        box->addButton(QMessageBox::Close);
        box->setDefaultButton(copy);
    } else {
        box->setText(RunPageOpener::tr(
            "The run page's address is not on the workspace's own host, so Brickrun "
            "does not open it."));
        box->setInformativeText(record.runPageUrl.left(200));
        box->addButton(QMessageBox::Close);
    }
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace Brickrun
