// SPDX-License-Identifier: Apache-2.0
// "Runs at a glance" (issue #20, part 3): a run's timeline and its notebook's duration trend,
// checked by painting them into images (light and dark palettes, 1× and 2×) and reading the
// pixels back: each phase's colour where the phase is, lengths in proportion to the durations,
// the elapsed-time bar growing. Then what a screen reader gets, and the charts in the run
// details fed from a real history (SQLite).
#include "DarkPalette.h"
#include "DurationTrendWidget.h"
#include "RunCharts.h"
#include "RunDetailsPanel.h"
#include "RunPhases.h"
#include "RunTimelineWidget.h"
#include "StateIcons.h"
#include "store/Database.h"
#include "store/HistoryStore.h"

#include <QAccessible>
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace Brickrun;
using Kind = RunPhases::Phase::Kind;
using Tracking = RunRecord::Tracking;

namespace {

constexpr qint64 T0 = 1764160000000; // a submit, on this computer's clock
constexpr qint64 Second = 1000;

RunState state(const char *lifeCycle, const char *result = "")
{
    RunState s;
    s.lifeCycleState = QString::fromLatin1(lifeCycle);
    s.resultState = QString::fromLatin1(result);
    return s;
}

StateChange change(qint64 atMs, const char *lifeCycle, const char *result = "",
                   const char *message = "")
{
    StateChange c;
    c.atMs = atMs;
    c.state = state(lifeCycle, result);
    c.state.stateMessage = QString::fromLatin1(message);
    return c;
}

RunRecord submittedRecord(Tracking tracking)
{
    RunRecord r;
    r.id = 7;
    r.profile = QStringLiteral("demo");
    r.spec.notebookPath = QStringLiteral("/Shared/sales");
    r.spec.clusterId = QStringLiteral("demo-cluster");
    r.tracking = tracking;
    r.submittedAtMs = T0;
    return r;
}

// Submitted 1 s, queued 10 s, waiting for the cluster 20 s, running 60 s, terminating 10 s.
QList<StateChange> wholeCourse()
{
    return {change(T0 + 1 * Second, "QUEUED"),
            change(T0 + 3 * Second, "QUEUED", "", "Waiting for capacity"), // message only
            change(T0 + 11 * Second, "PENDING"),
            change(T0 + 31 * Second, "RUNNING"),
            change(T0 + 91 * Second, "TERMINATING"),
            change(T0 + 101 * Second, "TERMINATED", "SUCCESS")};
}

QImage paint(QWidget *widget, qreal dpr)
{
    QImage image((QSizeF(widget->size()) * dpr).toSize(), QImage::Format_ARGB32);
    image.setDevicePixelRatio(dpr);
    image.fill(widget->palette().color(QPalette::Window));
    widget->render(&image, QPoint(), QRegion(), QWidget::DrawChildren);
    // For a person to look at: BRICKRUN_SCREENSHOT_DIR=<dir> keeps every image painted here.
    const QString shots = qEnvironmentVariable("BRICKRUN_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        static int n = 0;
        image.save(QStringLiteral("%1/%2-%3.png")
                       .arg(shots, widget->objectName())
                       .arg(++n, 2, 10, QLatin1Char('0')));
    }
    return image;
}

bool near(QRgb pixel, const QColor &colour, int tolerance = 10)
{
    return std::abs(qRed(pixel) - colour.red()) <= tolerance &&
           std::abs(qGreen(pixel) - colour.green()) <= tolerance &&
           std::abs(qBlue(pixel) - colour.blue()) <= tolerance;
}

// How many pixels of row `y` (device pixels) have `colour`, and the first one.
struct Span
{
    int count = 0;
    int first = -1;
};
Span spanInRow(const QImage &image, int y, const QColor &colour)
{
    Span s;
    for (int x = 0; x < image.width(); ++x) {
        if (near(image.pixel(x, y), colour)) {
            if (s.first < 0)
                s.first = x;
            ++s.count;
        }
    }
    return s;
}

// The topmost pixel of `colour` in column `x` (device pixels), -1 when none.
int topInColumn(const QImage &image, int x, const QColor &colour)
{
    for (int y = 0; y < image.height(); ++y) {
        if (near(image.pixel(x, y), colour))
            return y;
    }
    return -1;
}

// Pixels of the image (within `area`, logical) close to `colour`.
int countIn(const QImage &image, const QRectF &area, const QColor &colour, int tolerance = 40)
{
    const qreal dpr = image.devicePixelRatio();
    const QRect r =
        QRectF(area.topLeft() * dpr, area.size() * dpr).toAlignedRect().intersected(image.rect());
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += near(image.pixel(x, y), colour, tolerance) ? 1 : 0;
    return n;
}

QString accessibleDescription(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Description) : QString();
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name) : QString();
}

DurationTrend::Run trendRun(qint64 id, qint64 durationMs, const char *lifeCycle, const char *result)
{
    DurationTrend::Run r;
    r.recordId = id;
    r.durationMs = durationMs;
    r.colour = StateIcons::colour(state(lifeCycle, result), Tracking::Finished);
    r.outcome = StateIcons::text(state(lifeCycle, result), Tracking::Finished);
    r.submittedAtMs = T0 + id * 600 * Second;
    return r;
}

// 60 s succeeded, 120 s failed, 30 s cancelled, 90 s succeeded; expected 90 s ± 10 s.
DurationTrend fourRuns()
{
    DurationTrend t;
    t.runs = {trendRun(1, 60 * Second, "TERMINATED", "SUCCESS"),
              trendRun(2, 120 * Second, "TERMINATED", "FAILED"),
              trendRun(3, 30 * Second, "TERMINATED", "CANCELED"),
              trendRun(4, 90 * Second, "TERMINATED", "SUCCESS")};
    t.expectedMs = 90 * Second;
    t.spreadMs = 10 * Second;
    t.expectedSamples = 3;
    return t;
}

void addLooks_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<qreal>("dpr");
    QTest::newRow("light 1x") << false << 1.0;
    QTest::newRow("light 2x") << false << 2.0;
    QTest::newRow("dark 1x") << true << 1.0;
    QTest::newRow("dark 2x") << true << 2.0;
}

QPalette paletteFor(bool dark)
{
    return dark ? Test::darkPalette() : QApplication::style()->standardPalette();
}

} // namespace

class tst_RunCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // The phases, from what the history keeps.
    void phasesFollowTheStatesSeen();
    void aRunGoingGrowsItsLastPhase();
    void aRunNotFollowedFromItsStartHasNoPhases();
    void aVanishedRunsLastPhaseIsLeftOut();
    void theOutcomeColoursAreTheIcons();

    // The timeline, painted.
    void timelinePaintsEachPhaseInProportion_data() { addLooks_data(); }
    void timelinePaintsEachPhaseInProportion();
    void timelineSaysThePhasesInWords();

    // The trend, painted.
    void trendBarsAreProportionalInTheirOutcomesColours_data() { addLooks_data(); }
    void trendBarsAreProportionalInTheirOutcomesColours();
    void theElapsedBarGrowsWhileTheRunGoes_data() { addLooks_data(); }
    void theElapsedBarGrowsWhileTheRunGoes();
    void trendSaysTheDurationsInWords();

    // From the history, in the run details.
    void theHistoryGivesTheNotebooksLastRuns();
    void theDetailsShowTheChartsOfTheSelectedRun();
};

void tst_RunCharts::phasesFollowTheStatesSeen()
{
    const RunPhases p = RunPhases::of(submittedRecord(Tracking::Finished), wholeCourse(), T0);
    QCOMPARE(p.phases().size(), 5);
    const QList<Kind> kinds{Kind::Submitted, Kind::Queued, Kind::WaitingForCluster, Kind::Running,
                            Kind::Terminating};
    const QList<qint64> durations{1 * Second, 10 * Second, 20 * Second, 60 * Second, 10 * Second};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(p.phases().at(i).kind, kinds.at(i));
        QCOMPARE(p.phases().at(i).durationMs(), durations.at(i));
        QVERIFY(!p.phases().at(i).ongoing);
    }
    QCOMPARE(p.startMs(), T0);
    QCOMPARE(p.durationMs(), 101 * Second);
    QVERIFY(p.hasEnded());
    QCOMPARE(p.endState().resultState, QStringLiteral("SUCCESS"));
    QVERIFY(!p.isOngoing());
}

void tst_RunCharts::aRunGoingGrowsItsLastPhase()
{
    RunRecord r = submittedRecord(Tracking::Active);
    const QList<StateChange> changes{change(T0 + 2 * Second, "PENDING"),
                                     change(T0 + 12 * Second, "RUNNING")};
    RunPhases p = RunPhases::of(r, changes, T0 + 20 * Second);
    QCOMPARE(p.phases().size(), 3);
    QVERIFY(p.isOngoing());
    QVERIFY(!p.hasEnded());
    QCOMPARE(p.phases().constLast().durationMs(), 8 * Second);
    p.advanceTo(T0 + 50 * Second);
    QCOMPARE(p.phases().constLast().durationMs(), 38 * Second);
    QCOMPARE(p.phases().at(1).durationMs(), 10 * Second); // the others stay
    QVERIFY2(p.description().contains(QStringLiteral("so far")), qPrintable(p.description()));

    // Submitted, nothing seen yet: one phase, growing.
    const RunPhases justSent = RunPhases::of(r, {}, T0 + 500);
    QCOMPARE(justSent.phases().size(), 1);
    QCOMPARE(justSent.phases().constFirst().kind, Kind::Submitted);
    QVERIFY(justSent.isOngoing());
}

void tst_RunCharts::aRunNotFollowedFromItsStartHasNoPhases()
{
    // Imported after it ended: the one state seen is its end; its "submit" is the service's
    // start time (another clock). Nothing of its course is drawn, never a guess.
    RunRecord r = submittedRecord(Tracking::Finished);
    r.source = QStringLiteral("imported");
    const RunPhases p =
        RunPhases::of(r, {change(T0 + 600 * Second, "TERMINATED", "SUCCESS")}, T0 + 700 * Second);
    QVERIFY(p.isEmpty());
    QVERIFY(p.hasEnded());
    QVERIFY2(p.description().contains(QStringLiteral("did not see")), qPrintable(p.description()));

    // Refused at the submit: it never started, and the words say so.
    const RunPhases refused = RunPhases::of(submittedRecord(Tracking::SubmitFailed), {}, T0);
    QVERIFY(refused.isEmpty());
    QVERIFY2(refused.description().contains(QStringLiteral("never started")),
             qPrintable(refused.description()));

    // A state change without a life cycle (an answer that had none) is no phase either.
    const RunPhases blank = RunPhases::of(submittedRecord(Tracking::Finished),
                                          {change(T0 + Second, "")}, T0 + 2 * Second);
    QVERIFY(blank.isEmpty());
}

void tst_RunCharts::aVanishedRunsLastPhaseIsLeftOut()
{
    // Last seen RUNNING, then the service no longer knew it: when RUNNING ended nobody saw.
    const RunPhases p = RunPhases::of(
        submittedRecord(Tracking::Vanished),
        {change(T0 + Second, "PENDING"), change(T0 + 5 * Second, "RUNNING")}, T0 + 900 * Second);
    QCOMPARE(p.phases().size(), 2);
    QCOMPARE(p.phases().constLast().kind, Kind::WaitingForCluster);
    QCOMPARE(p.endMs(), T0 + 5 * Second);
    QVERIFY(!p.hasEnded());
}

void tst_RunCharts::theOutcomeColoursAreTheIcons()
{
    // The charts colour a run as its icon: the colour is the icon's own fill.
    for (const RunState &s : {state("QUEUED"), state("RUNNING"), state("TERMINATED", "SUCCESS"),
                              state("TERMINATED", "FAILED"), state("TERMINATED", "CANCELED"),
                              state("SKIPPED"), state("SOMETHING_NEW")}) {
        const QImage icon = StateIcons::icon(s, Tracking::Finished)
                                .pixmap(QSize(16, 16), 1.0)
                                .toImage()
                                .convertToFormat(QImage::Format_ARGB32);
        const QColor colour = StateIcons::colour(s, Tracking::Finished);
        QVERIFY2(near(icon.pixel(2, 8), colour, 3),
                 qPrintable(s.summary() + QLatin1Char(' ') + colour.name() + QLatin1Char(' ') +
                            QColor(icon.pixel(2, 8)).name()));
    }
    QVERIFY(StateIcons::colour(state("TERMINATED", "SUCCESS"), Tracking::Finished) !=
            StateIcons::colour(state("TERMINATED", "FAILED"), Tracking::Finished));
}

void tst_RunCharts::timelinePaintsEachPhaseInProportion()
{
    QFETCH(bool, dark);
    QFETCH(qreal, dpr);
    RunTimelineWidget timeline;
    timeline.setPalette(paletteFor(dark));
    timeline.setPhases(RunPhases::of(submittedRecord(Tracking::Finished), wholeCourse(), T0));
    timeline.resize(600, timeline.heightForWidth(600));
    const QImage image = paint(&timeline, dpr);

    const QRectF bar = timeline.barRect();
    QVERIFY(bar.width() > 500);
    const int row = int((bar.top() + bar.height() / 2) * dpr);
    const QList<Kind> kinds{Kind::Queued, Kind::WaitingForCluster, Kind::Running,
                            Kind::Terminating};
    const QList<qint64> durations{10 * Second, 20 * Second, 60 * Second, 10 * Second};
    const double total = 101 * Second;
    int lastFirst = -1;
    for (int i = 0; i < kinds.size(); ++i) {
        const QColor colour = RunTimelineWidget::colour(kinds.at(i));
        const Span span = spanInRow(image, row, colour);
        const double expected = bar.width() * dpr * double(durations.at(i)) / total;
        // In proportion to the phase's duration, to within the edges' pixels (and the hatched
        // "submitted" part, which shares the queued slate).
        QVERIFY2(
            std::abs(span.count - expected) <= 3 * dpr,
            qPrintable(
                QStringLiteral("%1: %2 px, expected %3").arg(i).arg(span.count).arg(expected)));
        QVERIFY2(span.first > lastFirst, "the phases are in the order they happened");
        lastFirst = span.first;
        // And the whole of the phase's own rectangle is its colour.
        const QRectF inside = timeline.phaseRect(i + 1).adjusted(2, 2, -2, -2);
        const int pixels = countIn(image, inside, colour, 10);
        const double area = inside.width() * inside.height() * dpr * dpr;
        QVERIFY2(pixels >= 0.95 * area, qPrintable(QString::number(pixels / area)));
    }
    // The run's outcome at the end of the bar: its icon, in the success green.
    const QRectF end(bar.right() + 1, bar.top(), timeline.width() - bar.right() - 1, bar.height());
    QVERIFY(countIn(image, end,
                    StateIcons::colour(state("TERMINATED", "SUCCESS"), Tracking::Finished),
                    20) > 10 * dpr * dpr);
    // The legend under the bar is in the palette's text colour (readable on its window).
    const QRectF legend(0, bar.bottom() + 2, timeline.width(),
                        timeline.height() - bar.bottom() - 2);
    QVERIFY(countIn(image, legend, timeline.palette().color(QPalette::WindowText), 60) > 20);
}

void tst_RunCharts::timelineSaysThePhasesInWords()
{
    RunTimelineWidget timeline;
    timeline.setPhases(RunPhases::of(submittedRecord(Tracking::Finished), wholeCourse(), T0));
    QVERIFY(!accessibleName(&timeline).isEmpty());
    const QString text = accessibleDescription(&timeline);
    qInfo("%s", qPrintable(text));
    for (const char *part : {"Queued 10 s", "Waiting for the cluster 20 s", "Running 1 min",
                             "Terminating 10 s", "Succeeded"})
        QVERIFY2(text.contains(QLatin1String(part)), qPrintable(text));

    // A run going: the description follows the elapsed time.
    RunRecord active = submittedRecord(Tracking::Active);
    timeline.setPhases(RunPhases::of(active, {change(T0 + Second, "RUNNING")}, T0 + 11 * Second));
    QVERIFY2(accessibleDescription(&timeline).contains(QStringLiteral("Running 10 s so far")),
             qPrintable(accessibleDescription(&timeline)));
    timeline.advanceTo(T0 + 41 * Second);
    QVERIFY2(accessibleDescription(&timeline).contains(QStringLiteral("Running 40 s so far")),
             qPrintable(accessibleDescription(&timeline)));
}

void tst_RunCharts::trendBarsAreProportionalInTheirOutcomesColours()
{
    QFETCH(bool, dark);
    QFETCH(qreal, dpr);
    DurationTrendWidget trend;
    trend.setPalette(paletteFor(dark));
    trend.setTrend(fourRuns());
    trend.resize(320, trend.heightForWidth(320));
    const QImage image = paint(&trend, dpr);

    const QRectF plot = trend.plotRect();
    QVERIFY(plot.height() > 20);
    QList<double> heights;
    for (int i = 0; i < trend.trend().runs.size(); ++i) {
        const DurationTrend::Run &run = trend.trend().runs.at(i);
        const int column = int(trend.barRect(i).center().x() * dpr);
        const int top = topInColumn(image, column, run.colour);
        QVERIFY2(top >= 0, qPrintable(QStringLiteral("no bar of run %1 in its colour").arg(i)));
        const double height = plot.bottom() * dpr - top;
        const double expected = (plot.bottom() - trend.yFor(run.durationMs)) * dpr;
        QVERIFY2(
            std::abs(height - expected) <= 2 * dpr,
            qPrintable(
                QStringLiteral("run %1: %2 px, expected %3").arg(i).arg(height).arg(expected)));
        heights << height;
    }
    // The 120 s run's bar is twice the 60 s run's, four times the 30 s run's.
    QVERIFY2(std::abs(heights.at(1) / heights.at(0) - 2.0) < 0.1,
             qPrintable(QString::number(heights.at(1) / heights.at(0))));
    QVERIFY(std::abs(heights.at(1) / heights.at(2) - 4.0) < 0.25);
    // Oldest on the left.
    QVERIFY(trend.barRect(0).left() < trend.barRect(3).left());

    // The expected duration: a dashed line in the palette's text colour across the chart.
    const int lineRow = int(trend.yFor(90 * Second) * dpr);
    const QColor text = trend.palette().color(QPalette::WindowText);
    int onLine = 0;
    for (int dy = -1; dy <= 1; ++dy)
        onLine +=
            countIn(image, QRectF(plot.left(), (lineRow + dy) / dpr, plot.width() / 3, 1.0 / dpr),
                    text, 60);
    QVERIFY2(onLine > plot.width() / 3 * dpr / 4, qPrintable(QString::number(onLine)));
    // Nothing is going: no bar in the running colour.
    QVERIFY(trend.elapsedBarRect().isEmpty());
}

void tst_RunCharts::theElapsedBarGrowsWhileTheRunGoes()
{
    QFETCH(bool, dark);
    QFETCH(qreal, dpr);
    DurationTrendWidget trend;
    trend.setPalette(paletteFor(dark));
    DurationTrend t = fourRuns();
    t.elapsedMs = 30 * Second;
    trend.setTrend(t);
    trend.resize(320, trend.heightForWidth(320));
    const QColor running = StateIcons::colour(state("RUNNING"), Tracking::Active);
    const QRectF plot = trend.plotRect();

    const auto elapsedTop = [&](const QImage &image) {
        return topInColumn(image, int(trend.elapsedBarRect().center().x() * dpr), running);
    };
    const QImage at30 = paint(&trend, dpr);
    const int top30 = elapsedTop(at30);
    QVERIFY(top30 >= 0);
    // The running run is the last slot, right of the newest ended run.
    QVERIFY(trend.elapsedBarRect().left() > trend.barRect(3).right());

    trend.setElapsed(60 * Second);
    trend.resize(320, trend.heightForWidth(320)); // as its layout does
    const QImage at60 = paint(&trend, dpr);
    const int top60 = elapsedTop(at60);
    QVERIFY2(top60 < top30, "the bar grows with the elapsed time");
    const double h30 = plot.bottom() * dpr - top30;
    const double h60 = plot.bottom() * dpr - top60;
    QVERIFY2(std::abs(h60 / h30 - 2.0) < 0.15, qPrintable(QString::number(h60 / h30)));
    // The elapsed time is drawn across the chart too, at the bar's height: running-coloured
    // pixels on that row left of the bar.
    const QRectF acrossRow(plot.left(), top60 / dpr - 1,
                           trend.elapsedBarRect().left() - plot.left() - 2, 2);
    QVERIFY(countIn(at60, acrossRow, running, 30) > 5);

    // Longer than any run before: the scale grows, the bar is the tallest.
    trend.setElapsed(300 * Second);
    trend.resize(320, trend.heightForWidth(320)); // as its layout does
    const QImage at300 = paint(&trend, dpr);
    const int top300 = elapsedTop(at300);
    QVERIFY(top300 >= 0 && top300 < top60);
    for (int i = 0; i < 4; ++i)
        QVERIFY(trend.barRect(i).top() > trend.elapsedBarRect().top());
}

void tst_RunCharts::trendSaysTheDurationsInWords()
{
    DurationTrendWidget trend;
    DurationTrend t = fourRuns();
    t.elapsedMs = 45 * Second;
    trend.setTrend(t);
    QVERIFY(!accessibleName(&trend).isEmpty());
    const QString text = accessibleDescription(&trend);
    qInfo("%s", qPrintable(text));
    for (const char *part : {"last runs (4)", "1 min 00 s (Succeeded)", "2 min 00 s (Failed)",
                             "30 s (Cancelled)", "Expected: 1 min 30 s", "This run: 45 s so far"})
        QVERIFY2(text.contains(QLatin1String(part)), qPrintable(text));
    trend.setElapsed(75 * Second);
    QVERIFY(accessibleDescription(&trend).contains(QStringLiteral("This run: 1 min 15 s so far")));
    trend.setTrend(DurationTrend());
    QVERIFY(accessibleDescription(&trend).contains(QStringLiteral("No earlier run")));
}

namespace {

// A run of `notebook` in the history: submitted, seen PENDING, RUNNING, then ended with
// `result` after `durationMs` on the service's clock.
qint64 addEndedRun(HistoryStore &history, const QString &profile, const QString &notebook,
                   qint64 submittedAtMs, qint64 durationMs, const char *result)
{
    RunRecord r;
    r.profile = profile;
    r.host = QStringLiteral("http://127.0.0.1:1");
    r.spec.notebookPath = notebook;
    r.spec.clusterId = QStringLiteral("demo-cluster");
    r.submittedAtMs = submittedAtMs;
    const auto id = history.addPending(r);
    if (!id)
        return 0;
    static qint64 runId = 500;
    history.setSubmitted(id.value(), ++runId);
    RunInfo info;
    info.runId = runId;
    info.startTimeMs = submittedAtMs + 500;
    info.state = state("PENDING");
    history.recordRun(id.value(), info);
    info.state = state("RUNNING");
    history.recordRun(id.value(), info);
    info.state = state("TERMINATED", result);
    info.endTimeMs = info.startTimeMs + durationMs;
    history.recordRun(id.value(), info);
    history.setOutput(id.value(), RunOutput());
    return id.value();
}

// A history in a throw-away SQLite file (open it first).
struct TempHistory
{
    QTemporaryDir dir;
    Database db{dir.filePath(QStringLiteral("history.sqlite"))};
    HistoryStore history{&db};
};

} // namespace

void tst_RunCharts::theHistoryGivesTheNotebooksLastRuns()
{
    TempHistory temp;
    QString error;
    QVERIFY2(temp.db.open(&error), qPrintable(error));
    HistoryStore &history = temp.history;
    const QString sales = QStringLiteral("/Shared/sales");
    for (int i = 0; i < 55; ++i)
        QVERIFY(addEndedRun(history, QStringLiteral("demo"), sales, T0 + i * 600 * Second,
                            (60 + i) * Second, i % 5 == 4 ? "FAILED" : "SUCCESS"));
    // Another notebook, another profile, and a run still going: none of them is in the trend.
    QVERIFY(addEndedRun(history, QStringLiteral("demo"), QStringLiteral("/Shared/other"),
                        T0 + 99 * 600 * Second, Second, "SUCCESS"));
    QVERIFY(addEndedRun(history, QStringLiteral("work"), sales, T0 + 98 * 600 * Second, Second,
                        "SUCCESS"));
    RunRecord going;
    going.profile = QStringLiteral("demo");
    going.spec.notebookPath = sales;
    going.submittedAtMs = T0 + 100 * 600 * Second;
    QVERIFY(history.addPending(going));

    const QList<RunRecord> runs = history.recentRunsOf(QStringLiteral("demo"), sales, 50);
    QCOMPARE(runs.size(), 50);
    QCOMPARE(runs.constFirst().endTimeMs - runs.constFirst().startTimeMs, 114 * Second); // newest
    QCOMPARE(runs.constLast().endTimeMs - runs.constLast().startTimeMs, 65 * Second);
    for (const RunRecord &r : runs) {
        QCOMPARE(r.spec.notebookPath, sales);
        QCOMPARE(r.profile, QStringLiteral("demo"));
    }
    // The failed ones are there too, with their outcome.
    QVERIFY(std::any_of(runs.begin(), runs.end(), [](const RunRecord &r) {
        return r.state.resultState == QLatin1String("FAILED");
    }));

    // What the charts are drawn from: the run's states, the trend, the expectation.
    RunRecord shown = runs.constFirst();
    QElapsedTimer clock;
    clock.start();
    const RunChartsData data = RunCharts::historySource(&history, nullptr)(shown);
    qInfo("read what the charts draw from (57 runs in the history): %lld ms", clock.elapsed());
    QCOMPARE(data.recentRuns.size(), 50);
    QVERIFY(data.expected.isValid());
    QCOMPARE(data.stateChanges.size(), 3); // PENDING, RUNNING, TERMINATED
    const DurationTrend trend = RunCharts::trendOf(shown, data, T0);
    QCOMPARE(trend.runs.size(), 50);
    QCOMPARE(trend.runs.constLast().recordId, shown.id); // newest on the right
    QCOMPARE(trend.runs.constFirst().durationMs, 65 * Second);
    QCOMPARE(trend.elapsedMs, -1);
    QCOMPARE(trend.runs.at(49 - 5).colour,
             StateIcons::colour(state("TERMINATED", "FAILED"), Tracking::Finished)); // run 49
}

void tst_RunCharts::theDetailsShowTheChartsOfTheSelectedRun()
{
    TempHistory temp;
    QString error;
    QVERIFY2(temp.db.open(&error), qPrintable(error));
    HistoryStore &history = temp.history;
    const QString sales = QStringLiteral("/Shared/sales");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 4; ++i)
        QVERIFY(addEndedRun(history, QStringLiteral("demo"), sales, now - (10 - i) * 600 * Second,
                            (60 + 10 * i) * Second, "SUCCESS"));

    RunDetailsPanel panel;
    auto *charts = panel.findChild<RunCharts *>(QStringLiteral("runCharts"));
    QVERIFY(charts);
    // Without a source (no history), nothing is drawn.
    RunRecord going;
    going.id = 0;
    going.profile = QStringLiteral("demo");
    going.spec.notebookPath = sales;
    going.spec.clusterId = QStringLiteral("demo-cluster");
    going.submittedAtMs = now - 30 * Second;
    const auto added = history.addPending(going);
    QVERIFY(added);
    QVERIFY(history.setSubmitted(added.value(), 9001));
    RunInfo info;
    info.runId = 9001;
    info.startTimeMs = now - 29 * Second;
    info.state = state("RUNNING");
    QVERIFY(history.recordRun(added.value(), info));
    panel.showRecord(*history.record(added.value()));
    QVERIFY(charts->isHidden());
    const QSize smallestWithout = panel.minimumSizeHint();

    panel.setChartsSource(RunCharts::historySource(&history, nullptr));
    panel.resize(900, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showRecord(*history.record(added.value()));
    QVERIFY(charts->isVisible());
    DurationTrendWidget *trend = charts->trend();
    QCOMPARE(trend->trend().runs.size(), 4);
    QVERIFY(trend->trend().expectedMs >= 60 * Second);
    QVERIFY(trend->trend().expectedMs <= 90 * Second);
    QVERIFY2(trend->trend().elapsedMs >= 29 * Second,
             qPrintable(QString::number(trend->trend().elapsedMs)));
    QVERIFY(charts->timeline()->phases().isOngoing());
    QVERIFY(accessibleDescription(charts->timeline()).contains(QStringLiteral("Running")));
    QVERIFY(accessibleDescription(trend).contains(QStringLiteral("This run:")));
    // The panel's clock moves the elapsed time on (its one-second tick).
    const qint64 before = trend->trend().elapsedMs;
    QTRY_VERIFY_WITH_TIMEOUT(trend->trend().elapsedMs > before, 5000);
    // Painted where the layout put them: the charts are not squeezed to nothing.
    QVERIFY(charts->timeline()->width() > 100);
    QVERIFY(trend->height() >= trend->heightForWidth(trend->width()));
    // And they make the details no wider: the window's smallest size stays what it was.
    QVERIFY2(panel.minimumSizeHint().width() <= smallestWithout.width(),
             qPrintable(QStringLiteral("%1 > %2")
                            .arg(panel.minimumSizeHint().width())
                            .arg(smallestWithout.width())));
    qInfo("the details' smallest size: %dx%d without the charts, %dx%d with them",
          smallestWithout.width(), smallestWithout.height(), panel.minimumSizeHint().width(),
          panel.minimumSizeHint().height());

    // Another run selected: its own charts; nothing selected: empty.
    const QList<RunRecord> ended = history.recentRunsOf(QStringLiteral("demo"), sales, 50);
    panel.showRecord(ended.constFirst());
    QCOMPARE(trend->trend().elapsedMs, -1);
    QCOMPARE(trend->trend().shownId, ended.constFirst().id);
    QVERIFY(charts->timeline()->phases().hasEnded());
    panel.clear();
    QVERIFY(trend->trend().runs.isEmpty());
}

QTEST_MAIN(tst_RunCharts)
#include "tst_runcharts.moc"
