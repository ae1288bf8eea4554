// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "RunPhases.h"

#include <QColor>
#include <QRectF>
#include <QWidget>

namespace Brickrun {

// A run's phases as one horizontal bar, drawn with QPainter: each phase a length proportional
// to its duration in its own colour (queued and waiting in the queued state's slate, running
// and terminating in the running state's blue, each pair told apart by shade), the run's outcome
// icon at the end once it ended, and under the bar a legend naming each phase with how long it
// lasted. The phases and their durations are also the widget's accessible description and its
// tooltip, so a screen reader gets them as text.
class RunTimelineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit RunTimelineWidget(QWidget *parent = nullptr);

    void setPhases(const RunPhases &phases);
    const RunPhases &phases() const { return m_phases; }
    // An ongoing phase grows to `nowMs`.
    void advanceTo(qint64 nowMs);

    static QColor colour(RunPhases::Phase::Kind kind);

    // Where the bar and each phase are drawn (logical pixels; for tooltips and tests).
    QRectF barRect() const;
    QRectF phaseRect(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct LegendEntry
    {
        RunPhases::Phase::Kind kind;
        QString text;
    };
    QList<LegendEntry> legend() const;
    // The legend's entries laid out from the top left in rows no wider than `width`.
    QList<QRectF> legendLayout(const QList<LegendEntry> &entries, int width) const;
    int captionHeight() const;
    int barHeight() const;
    void updateDescription();

    RunPhases m_phases;
};

} // namespace Brickrun
