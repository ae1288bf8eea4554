// SPDX-License-Identifier: Apache-2.0
#include "StateIcons.h"

#include <QFile>
#include <QIcon>
#include <QImage>
#include <QTest>

using namespace Brickrun;
using Tracking = RunRecord::Tracking;

Q_DECLARE_METATYPE(Brickrun::RunState)
Q_DECLARE_METATYPE(Brickrun::RunRecord::Tracking)

namespace {

RunState state(const char *lifeCycle, const char *result = "")
{
    RunState s;
    s.lifeCycleState = QString::fromLatin1(lifeCycle);
    s.resultState = QString::fromLatin1(result);
    return s;
}

QImage render(const QIcon &icon, int size, qreal dpr = 1.0)
{
    return icon.pixmap(QSize(size, size), dpr).toImage().convertToFormat(QImage::Format_ARGB32);
}

QString resource(const char *name)
{
    return QStringLiteral(":/icons/state-%1.svg").arg(QLatin1String(name));
}

// How many pixels are (mostly) opaque: an icon that renders blank or as a black box fails.
int opaquePixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
    return n;
}

} // namespace

class tst_StateIcons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapping_data();
    void mapping();
    void everyIconRenders_data();
    void everyIconRenders();
    void iconsDifferWithoutColour();
    void iconsStandOutOnLightAndDark();
};

void tst_StateIcons::mapping_data()
{
    QTest::addColumn<RunState>("runState");
    QTest::addColumn<Tracking>("tracking");
    QTest::addColumn<QString>("icon");
    QTest::addColumn<QString>("text");

    const auto row = [](const char *tag, const RunState &s, Tracking t, const char *icon,
                        const QString &text) {
        QTest::newRow(tag) << s << t << resource(icon) << text;
    };
    row("queued", state("QUEUED"), Tracking::Active, "queued", QStringLiteral("Queued"));
    row("pending", state("PENDING"), Tracking::Active, "queued", QStringLiteral("Pending"));
    row("blocked", state("BLOCKED"), Tracking::Active, "queued", QStringLiteral("Blocked"));
    row("waiting for retry", state("WAITING_FOR_RETRY"), Tracking::Active, "queued",
        QStringLiteral("Waiting for retry"));
    row("running", state("RUNNING"), Tracking::Active, "running", QStringLiteral("Running"));
    row("terminating", state("TERMINATING"), Tracking::Active, "running",
        QStringLiteral("Terminating"));
    row("success", state("TERMINATED", "SUCCESS"), Tracking::Finished, "success",
        QStringLiteral("Succeeded"));
    row("failed", state("TERMINATED", "FAILED"), Tracking::Finished, "failed",
        QStringLiteral("Failed"));
    row("timed out", state("TERMINATED", "TIMEDOUT"), Tracking::Finished, "failed",
        QStringLiteral("Timed out"));
    row("canceled", state("TERMINATED", "CANCELED"), Tracking::Finished, "canceled",
        QStringLiteral("Cancelled")); // as the service says it: "Run cancelled."
    row("skipped", state("SKIPPED"), Tracking::Finished, "skipped", QStringLiteral("Skipped"));
    row("internal error", state("INTERNAL_ERROR", "FAILED"), Tracking::Finished, "failed",
        QStringLiteral("Internal error"));
    row("submitting", RunState(), Tracking::Submitting, "queued", QStringLiteral("Submitting…"));
    row("submit failed", RunState(), Tracking::SubmitFailed, "failed",
        QStringLiteral("Submit failed"));
    // A vanished run keeps its last known state, but what the user needs to know is that the
    // service forgot it.
    row("vanished while running", state("RUNNING"), Tracking::Vanished, "failed",
        QStringLiteral("Vanished"));
    row("empty", RunState(), Tracking::Active, "unknown", QStringLiteral("Unknown"));
    row("terminated without result", state("TERMINATED"), Tracking::Finished, "unknown",
        QStringLiteral("Terminated"));
    row("a future life cycle state", state("HIBERNATING"), Tracking::Active, "unknown",
        QStringLiteral("HIBERNATING"));
    row("a future result state", state("TERMINATED", "PARTIALLY_DONE"), Tracking::Finished,
        "unknown", QStringLiteral("TERMINATED PARTIALLY_DONE"));
}

void tst_StateIcons::mapping()
{
    QFETCH(RunState, runState);
    QFETCH(Tracking, tracking);
    QFETCH(QString, icon);
    QFETCH(QString, text);

    QCOMPARE(StateIcons::text(runState, tracking), text);
    const QIcon shown = StateIcons::icon(runState, tracking);
    QVERIFY(!shown.isNull());
    QCOMPARE(render(shown, 16), render(QIcon(icon), 16));
}

void tst_StateIcons::everyIconRenders_data()
{
    QTest::addColumn<QString>("path");
    for (const char *name :
         {"queued", "running", "success", "failed", "canceled", "skipped", "unknown"})
        QTest::newRow(name) << resource(name);
    QTest::newRow("app icon") << QStringLiteral(":/icons/brickrun.svg");
}

void tst_StateIcons::everyIconRenders()
{
    QFETCH(QString, path);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const QIcon icon(path);
    for (int size : {16, 32, 256}) {
        const QImage image = render(icon, size);
        QCOMPARE(image.size(), QSize(size, size));
        const int opaque = opaquePixels(image);
        // Drawn, and not a filled square: the shapes leave the corners free.
        QVERIFY2(
            opaque > size * size / 3,
            qPrintable(QStringLiteral("%1 at %2 px: %3 opaque").arg(path).arg(size).arg(opaque)));
        QVERIFY2(opaque < size * size, qPrintable(path));
    }
    // At 200 % scaling the pixmap has twice the pixels, not a blurred upscale.
    QCOMPARE(icon.pixmap(QSize(16, 16), 2.0).size(), QSize(32, 32));
}

void tst_StateIcons::iconsDifferWithoutColour()
{
    // Colour-blind users tell the states apart by shape: as grey-scale images, no two icons
    // may look alike.
    const char *names[] = {"queued",   "running", "success", "failed",
                           "canceled", "skipped", "unknown"};
    QList<QImage> shapes;
    for (const char *name : names) {
        QImage image = render(QIcon(resource(name)), 16);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QRgb p = image.pixel(x, y);
                // Glyph (light) versus body (coloured) versus outside (transparent).
                const int level = qAlpha(p) < 128 ? 0 : (qGray(p) > 200 ? 2 : 1);
                image.setPixel(x, y, qRgb(level * 100, level * 100, level * 100));
            }
        shapes.append(image);
    }
    for (int i = 0; i < shapes.size(); ++i)
        for (int j = i + 1; j < shapes.size(); ++j) {
            int different = 0;
            for (int y = 0; y < 16; ++y)
                for (int x = 0; x < 16; ++x)
                    different += shapes[i].pixel(x, y) != shapes[j].pixel(x, y) ? 1 : 0;
            QVERIFY2(different >= 12,
                     qPrintable(QStringLiteral("%1 and %2 differ in %3 pixels")
                                    .arg(QLatin1String(names[i]), QLatin1String(names[j]))
                                    .arg(different)));
        }
}

void tst_StateIcons::iconsStandOutOnLightAndDark()
{
    // Every state icon's body must contrast with a white and with a near-black background.
    for (const char *name :
         {"queued", "running", "success", "failed", "canceled", "skipped", "unknown"}) {
        const QImage image = render(QIcon(resource(name)), 16);
        const QRgb body = image.pixel(3, 8); // left edge of the body, inside every shape
        QVERIFY2(qAlpha(body) == 255, name);
        const int grey = qGray(body);
        QVERIFY2(grey < 200 && grey > 60,
                 qPrintable(QStringLiteral("%1: body grey %2").arg(QLatin1String(name)).arg(grey)));
    }
}

QTEST_MAIN(tst_StateIcons)
#include "tst_stateicons.moc"
