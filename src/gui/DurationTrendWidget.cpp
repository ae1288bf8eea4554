// SPDX-License-Identifier: Apache-2.0
#include "DurationTrendWidget.h"

#include "RunTimes.h"
#include "StateIcons.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace Brickrun {

namespace {

constexpr int RowGap = 4;
constexpr int PlotLines = 4;     // the chart is as high as this many lines of text
constexpr double BarShare = 0.7; // of a slot; the rest is the gap to the next bar

QColor runningColour()
{
    RunState state;
    state.lifeCycleState = QStringLiteral("RUNNING");
    return StateIcons::colour(state, RunRecord::Tracking::Active);
}

} // namespace

DurationTrendWidget::DurationTrendWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("durationTrend"));
    setAccessibleName(tr("Duration trend of this notebook"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    updateDescription();
}

void DurationTrendWidget::setTrend(const DurationTrend &trend)
{
    const int before = heightForWidth(width());
    m_trend = trend;
    updateDescription();
    if (heightForWidth(width()) != before) // a line of text more or less
        updateGeometry();
    update();
}

void DurationTrendWidget::setElapsed(qint64 elapsedMs)
{
    if (m_trend.elapsedMs == elapsedMs)
        return;
    DurationTrend changed = m_trend;
    changed.elapsedMs = elapsedMs;
    setTrend(changed);
}

QRectF DurationTrendWidget::plotRect() const
{
    const double top = textHeight(caption(), width()) + RowGap;
    const double bottom = height() - textHeight(notes(), width()) - RowGap;
    // On the left, the scale's duration beside its top line.
    const double left = fontMetrics().horizontalAdvance(RunTimes::format(scaleMaxMs())) + RowGap;
    return QRectF(left + 0.5, top + 0.5, std::max(1.0, width() - left - 1.0),
                  std::max(1.0, bottom - top - 1.0));
}

int DurationTrendWidget::slotCount() const
{
    return int(m_trend.runs.size()) + (m_trend.elapsedMs >= 0 ? 1 : 0);
}

double DurationTrendWidget::slotWidth() const
{
    const int n = std::max(1, slotCount());
    return std::min(plotRect().width() / n, double(fontMetrics().height()));
}

qint64 DurationTrendWidget::scaleMaxMs() const
{
    qint64 most = std::max<qint64>(m_trend.elapsedMs, 1);
    for (const DurationTrend::Run &r : m_trend.runs)
        most = std::max(most, r.durationMs);
    if (m_trend.expectedMs > 0)
        most = std::max(most, m_trend.expectedMs + m_trend.spreadMs);
    // The next round duration above the highest bar (a little room above it), for the label.
    const qint64 wanted = most + most / 20;
    static const qint64 Round[] = {1,     2,     5,     10,    15,    20,   30,   45,
                                   60,    90,    120,   180,   240,   300,  360,  480,
                                   600,   900,   1200,  1800,  2700,  3600, 5400, 7200,
                                   10800, 14400, 21600, 28800, 43200, 86400};
    for (const qint64 seconds : Round) {
        if (seconds * 1000 >= wanted)
            return seconds * 1000;
    }
    const qint64 day = 86400 * 1000;
    return (wanted + day - 1) / day * day;
}

double DurationTrendWidget::yFor(qint64 durationMs) const
{
    const QRectF plot = plotRect();
    return plot.bottom() -
           plot.height() * double(std::max<qint64>(0, durationMs)) / double(scaleMaxMs());
}

QRectF DurationTrendWidget::slotBar(int slot, qint64 durationMs) const
{
    const QRectF plot = plotRect();
    const double w = slotWidth();
    // Right-aligned: the newest runs (and the running one) always at the same place.
    const double left = plot.right() - (slotCount() - slot) * w + w * (1 - BarShare) / 2;
    const double top = yFor(durationMs);
    return QRectF(left, top, std::max(1.0, w * BarShare), plot.bottom() - top);
}

QRectF DurationTrendWidget::barRect(int index) const
{
    if (index < 0 || index >= m_trend.runs.size())
        return {};
    return slotBar(index, m_trend.runs.at(index).durationMs);
}

QRectF DurationTrendWidget::elapsedBarRect() const
{
    if (m_trend.elapsedMs < 0)
        return {};
    return slotBar(slotCount() - 1, m_trend.elapsedMs);
}

int DurationTrendWidget::textHeight(const QString &text, int width) const
{
    // Wrapped, not cut: German and French words are longer than the English.
    const QFontMetrics fm = fontMetrics();
    if (text.isEmpty())
        return fm.height();
    return std::max(fm.height(), fm.boundingRect(QRect(0, 0, std::max(1, width), 10 * fm.height()),
                                                 Qt::TextWordWrap, text)
                                     .height());
}

int DurationTrendWidget::heightForWidth(int width) const
{
    return textHeight(caption(), width) + PlotLines * fontMetrics().height() +
           textHeight(notes(), width) + 2 * RowGap;
}

QSize DurationTrendWidget::sizeHint() const
{
    const int w = 30 * fontMetrics().averageCharWidth();
    return {w, heightForWidth(w)};
}

QSize DurationTrendWidget::minimumSizeHint() const
{
    const int w = 12 * fontMetrics().averageCharWidth();
    return {w, PlotLines * fontMetrics().height() + 2 * fontMetrics().height() + 2 * RowGap};
}

QString DurationTrendWidget::caption() const
{
    if (m_trend.runs.isEmpty())
        return tr("Duration: no earlier run of this notebook has ended");
    return tr("Duration of this notebook's runs (last %1)").arg(m_trend.runs.size());
}

void DurationTrendWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QColor text = pal.color(QPalette::WindowText);
    QColor faint = text;
    faint.setAlpha(110);
    painter.setPen(text);
    painter.drawText(QRectF(0, 0, width(), textHeight(caption(), width())),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, caption());

    const QRectF plot = plotRect();
    // The expected duration: a band of ± its spread and a dashed line at its median.
    if (m_trend.expectedMs > 0) {
        QColor band = pal.color(QPalette::Highlight);
        band.setAlpha(60);
        const double top = yFor(m_trend.expectedMs + m_trend.spreadMs);
        const double bottom = yFor(m_trend.expectedMs - m_trend.spreadMs);
        painter.fillRect(QRectF(plot.left(), top, plot.width(), bottom - top), band);
    }
    for (int i = 0; i < m_trend.runs.size(); ++i) {
        const DurationTrend::Run &r = m_trend.runs.at(i);
        const QRectF bar = barRect(i);
        painter.fillRect(bar, r.colour);
        if (r.recordId != 0 && r.recordId == m_trend.shownId) {
            painter.setPen(QPen(text, 1.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(bar.adjusted(-1.5, -1.5, 1.5, 0));
        }
    }
    if (m_trend.elapsedMs >= 0) {
        const QRectF bar = elapsedBarRect();
        const QColor running = runningColour();
        painter.fillRect(bar, running);
        // The elapsed time across the chart, to hold against the earlier runs.
        painter.setPen(QPen(running, 1.5, Qt::DotLine));
        painter.drawLine(QPointF(plot.left(), bar.top()), QPointF(bar.left(), bar.top()));
    }
    if (m_trend.expectedMs > 0) {
        painter.setPen(QPen(text, 1.5, Qt::DashLine));
        const double y = yFor(m_trend.expectedMs);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    // The baseline, and a line at the top of the scale with its duration.
    painter.setPen(faint);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.setPen(QPen(faint, 1, Qt::DotLine));
    painter.drawLine(plot.topLeft(), plot.topRight());
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.drawText(QRectF(0, plot.top() - 1, plot.left() - RowGap, fm.height()),
                     Qt::AlignRight | Qt::AlignTop, RunTimes::format(scaleMaxMs()));

    // Under the chart: what the line and the growing bar are.
    painter.setPen(text);
    painter.drawText(QRectF(0, plot.bottom() + RowGap, width(), height() - plot.bottom()),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, notes());
}

QString DurationTrendWidget::notes() const
{
    QStringList notes;
    if (m_trend.expectedMs > 0)
        notes << tr("dashed: expected %1").arg(RunTimes::format(m_trend.expectedMs));
    if (m_trend.elapsedMs >= 0)
        notes << tr("this run: %1 so far").arg(RunTimes::format(m_trend.elapsedMs));
    return notes.join(QLatin1Char('\n')); // one line each: the height stays as the time goes
}

QString DurationTrendWidget::toolTipAt(const QPoint &pos) const
{
    const auto inSlot = [&](const QRectF &bar) {
        return pos.x() >= bar.left() - 1 && pos.x() <= bar.right() + 1 &&
               pos.y() >= plotRect().top() && pos.y() <= plotRect().bottom();
    };
    for (int i = 0; i < m_trend.runs.size(); ++i) {
        const DurationTrend::Run &r = m_trend.runs.at(i);
        if (inSlot(barRect(i)))
            return tr("%1: %2, %3")
                .arg(RunTimes::formatTime(r.submittedAtMs), RunTimes::format(r.durationMs),
                     r.outcome);
    }
    if (m_trend.elapsedMs >= 0 && inSlot(elapsedBarRect()))
        return tr("This run: %1 so far").arg(RunTimes::format(m_trend.elapsedMs));
    return accessibleDescription();
}

bool DurationTrendWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(), toolTipAt(help->pos()), this);
        return true;
    }
    return QWidget::event(event);
}

void DurationTrendWidget::updateDescription()
{
    QStringList sentences;
    if (m_trend.runs.isEmpty()) {
        sentences << tr("No earlier run of this notebook has ended.");
    } else {
        QStringList each;
        for (const DurationTrend::Run &r : m_trend.runs)
            each << tr("%1 (%2)").arg(RunTimes::format(r.durationMs), r.outcome);
        sentences << tr("This notebook's last runs (%1), oldest first: %2.")
                         .arg(m_trend.runs.size())
                         .arg(QLocale().createSeparatedList(each));
    }
    if (m_trend.expectedMs > 0)
        sentences << tr("Expected: %1, give or take %2 (from %3 successful runs).")
                         .arg(RunTimes::format(m_trend.expectedMs),
                              RunTimes::format(m_trend.spreadMs))
                         .arg(m_trend.expectedSamples);
    if (m_trend.elapsedMs >= 0)
        sentences << tr("This run: %1 so far.").arg(RunTimes::format(m_trend.elapsedMs));
    const QString text = sentences.join(QLatin1Char(' '));
    if (accessibleDescription() != text)
        setAccessibleDescription(text);
}

} // namespace Brickrun
