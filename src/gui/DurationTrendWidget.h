// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>
#include <QWidget>

namespace Brickrun {

// What the duration trend shows: earlier runs of one notebook, the duration Brickrun expects
// (what it polls by) and how long the shown run has been going.
struct DurationTrend
{
    struct Run
    {
        qint64 recordId = 0;
        qint64 durationMs = 0;
        QColor colour;   // its outcome's (StateIcons::colour)
        QString outcome; // its outcome in words (StateIcons::text)
        qint64 submittedAtMs = 0;
    };
    QList<Run> runs; // oldest first
    // The expected duration: the median of earlier successful runs, its spread, and how many
    // runs it was taken from; 0 = none.
    qint64 expectedMs = 0;
    qint64 spreadMs = 0;
    int expectedSamples = 0;
    qint64 shownId = 0;    // the run the details show: outlined when it is among `runs`
    qint64 elapsedMs = -1; // the shown run is going, this long so far; -1 = it is not
};

// The duration trend as a bar chart drawn with QPainter: one bar per earlier run, oldest on the
// left, its height proportional to its duration and its colour its outcome's; a line at the
// expected duration over a band of ± its spread; and, while the shown run is going, a bar at
// the right in the running colour that grows with its elapsed time, with a line across at that
// height. Each bar's tooltip says the run's duration and outcome; the accessible description
// says all of it in words.
class DurationTrendWidget : public QWidget
{
    Q_OBJECT
public:
    explicit DurationTrendWidget(QWidget *parent = nullptr);

    void setTrend(const DurationTrend &trend);
    const DurationTrend &trend() const { return m_trend; }
    // The shown run's elapsed time (-1: not going).
    void setElapsed(qint64 elapsedMs);

    // Where the bars are drawn (logical pixels; for tooltips and tests). The bars stand on the
    // plot's bottom edge; the running run's slot is the last one.
    QRectF plotRect() const;
    QRectF barRect(int index) const; // runs[index]
    QRectF elapsedBarRect() const;   // empty when nothing is going
    double yFor(qint64 durationMs) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int slotCount() const;
    double slotWidth() const;
    QRectF slotBar(int slot, qint64 durationMs) const;
    qint64 scaleMaxMs() const;
    QString caption() const;
    QString notes() const; // under the chart: what the dashed line and the growing bar are
    int textHeight(const QString &text, int width) const;
    QString toolTipAt(const QPoint &pos) const;
    void updateDescription();

    DurationTrend m_trend;
};

} // namespace Brickrun
