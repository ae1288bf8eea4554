// SPDX-License-Identifier: Apache-2.0
#include "RunTimelineWidget.h"

#include "RunTimes.h"
#include "StateIcons.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace Brickrun {

namespace {

using Kind = RunPhases::Phase::Kind;

QColor stateColour(const char *lifeCycleState)
{
    RunState state;
    state.lifeCycleState = QString::fromLatin1(lifeCycleState);
    return StateIcons::colour(state, RunRecord::Tracking::Active);
}

// Between the swatch and its text, and between two legend entries.
constexpr int SwatchGap = 4;
constexpr int EntryGap = 14;
constexpr int RowGap = 4;

} // namespace

RunTimelineWidget::RunTimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("runTimeline"));
    setAccessibleName(tr("Timeline of the run"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    updateDescription();
}

QColor RunTimelineWidget::colour(Kind kind)
{
    switch (kind) {
    case Kind::Submitted:
    case Kind::Queued:
        return stateColour("QUEUED");
    case Kind::WaitingForCluster:
        return stateColour("QUEUED").lighter(145);
    case Kind::Running:
        return stateColour("RUNNING");
    case Kind::Terminating:
        return stateColour("RUNNING").lighter(150);
    case Kind::Waiting:
        break;
    }
    return stateColour("");
}

void RunTimelineWidget::setPhases(const RunPhases &phases)
{
    const int before = heightForWidth(width());
    m_phases = phases;
    updateDescription();
    if (heightForWidth(width()) != before) // the legend took another row, or gave one back
        updateGeometry();
    update();
}

void RunTimelineWidget::advanceTo(qint64 nowMs)
{
    if (!m_phases.isOngoing())
        return;
    RunPhases advanced = m_phases;
    advanced.advanceTo(nowMs);
    setPhases(advanced);
}

int RunTimelineWidget::captionHeight() const
{
    return fontMetrics().height() + RowGap;
}

int RunTimelineWidget::barHeight() const
{
    return fontMetrics().height() + 2;
}

QRectF RunTimelineWidget::barRect() const
{
    const int h = barHeight();
    // Room at the end for the outcome's icon.
    return QRectF(0.5, captionHeight() + 0.5, std::max(1, width() - h - 2 * SwatchGap) - 1, h - 1);
}

QRectF RunTimelineWidget::phaseRect(int index) const
{
    const QList<RunPhases::Phase> &phases = m_phases.phases();
    const qint64 total = m_phases.durationMs();
    if (index < 0 || index >= phases.size())
        return {};
    const QRectF bar = barRect();
    if (total <= 0)
        return index == 0 ? bar : QRectF(bar.right(), bar.top(), 0, bar.height());
    const auto xAt = [&](qint64 ms) {
        return bar.left() + bar.width() * double(ms - m_phases.startMs()) / double(total);
    };
    const RunPhases::Phase &p = phases.at(index);
    const double left = xAt(p.startMs);
    return QRectF(left, bar.top(), xAt(p.endMs) - left, bar.height());
}

QList<RunTimelineWidget::LegendEntry> RunTimelineWidget::legend() const
{
    // One entry per kind of phase, in the order first seen, with the time spent in it in all.
    QList<LegendEntry> entries;
    QList<qint64> totals;
    QList<bool> ongoing;
    for (const RunPhases::Phase &p : m_phases.phases()) {
        const QString name = RunPhases::name(p);
        auto it = std::find_if(entries.begin(), entries.end(), [&](const LegendEntry &e) {
            return e.kind == p.kind && e.text == name;
        });
        if (it == entries.end()) {
            entries.append({p.kind, name});
            totals.append(0);
            ongoing.append(false);
            it = entries.end() - 1;
        }
        const auto i = it - entries.begin();
        totals[i] += p.durationMs();
        ongoing[i] = p.ongoing;
    }
    for (int i = 0; i < entries.size(); ++i) {
        entries[i].text = (ongoing.at(i) ? tr("%1: %2 so far") : tr("%1: %2"))
                              .arg(entries.at(i).text, RunTimes::format(totals.at(i)));
    }
    return entries;
}

QList<QRectF> RunTimelineWidget::legendLayout(const QList<LegendEntry> &entries, int width) const
{
    const QFontMetrics fm = fontMetrics();
    const int swatch = fm.height() * 2 / 3;
    QList<QRectF> rects;
    double x = 0;
    double y = 0;
    for (const LegendEntry &e : entries) {
        const double w = swatch + SwatchGap + fm.horizontalAdvance(e.text);
        if (x > 0 && x + w > width) {
            x = 0;
            y += fm.height() + 2;
        }
        rects.append(QRectF(x, y, w, fm.height()));
        x += w + EntryGap;
    }
    return rects;
}

int RunTimelineWidget::heightForWidth(int width) const
{
    const int top = captionHeight() + barHeight() + RowGap;
    if (m_phases.isEmpty()) // the sentence saying so, in two lines at most
        return captionHeight() + 2 * fontMetrics().height();
    const QList<QRectF> rects = legendLayout(legend(), width);
    return top + int(rects.isEmpty() ? 0 : rects.constLast().bottom()) + 1;
}

QSize RunTimelineWidget::sizeHint() const
{
    const int w = 36 * fontMetrics().averageCharWidth();
    return {w, heightForWidth(w)};
}

QSize RunTimelineWidget::minimumSizeHint() const
{
    const int w = 12 * fontMetrics().averageCharWidth();
    return {w, captionHeight() + barHeight()};
}

void RunTimelineWidget::updateDescription()
{
    const QString text = m_phases.description();
    if (accessibleDescription() != text)
        setAccessibleDescription(text);
}

void RunTimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(QRectF(0, 0, width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(tr("Timeline"), Qt::ElideRight, width()));
    if (m_phases.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(QRectF(0, captionHeight(), width(), 2 * fm.height()),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_phases.description());
        return;
    }

    const QRectF bar = barRect();
    for (int i = 0; i < m_phases.phases().size(); ++i) {
        const RunPhases::Phase &p = m_phases.phases().at(i);
        const QRectF r = phaseRect(i);
        // Before the first state was seen nothing is known: hatched, not filled.
        if (p.kind == Kind::Submitted)
            painter.fillRect(r, QBrush(colour(p.kind), Qt::BDiagPattern));
        else
            painter.fillRect(r, colour(p.kind));
    }
    // The bar's outline, so pale phases stand out on a light window and dark ones on a dark one.
    QColor outline = pal.color(QPalette::WindowText);
    outline.setAlpha(110);
    painter.setPen(outline);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(bar);

    if (m_phases.hasEnded()) {
        const int h = barHeight();
        const QRect icon(int(bar.right()) + SwatchGap + 1, int(bar.top()), h, h);
        StateIcons::icon(m_phases.endState(), m_phases.tracking()).paint(&painter, icon);
    }

    const QList<LegendEntry> entries = legend();
    const QList<QRectF> rects = legendLayout(entries, width());
    const double top = bar.bottom() + RowGap;
    const int swatch = fm.height() * 2 / 3;
    for (int i = 0; i < entries.size(); ++i) {
        const QRectF r = rects.at(i).translated(0, top);
        const QRectF box(r.left(), r.center().y() - swatch / 2.0, swatch, swatch);
        if (entries.at(i).kind == Kind::Submitted)
            painter.fillRect(box, QBrush(colour(entries.at(i).kind), Qt::BDiagPattern));
        else
            painter.fillRect(box, colour(entries.at(i).kind));
        painter.setPen(outline);
        painter.drawRect(box);
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(r.adjusted(swatch + SwatchGap, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         entries.at(i).text);
    }
}

bool RunTimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        QString text = m_phases.description();
        for (int i = 0; i < m_phases.phases().size(); ++i) {
            if (phaseRect(i).contains(help->pos())) {
                const RunPhases::Phase &p = m_phases.phases().at(i);
                text = tr("%1: %2 (from %3)")
                           .arg(RunPhases::name(p), RunTimes::format(p.durationMs()),
                                RunTimes::formatTime(p.startMs));
            }
        }
        if (!m_phases.isEmpty())
            text += QLatin1Char('\n') + tr("As Brickrun saw each state (when a poll first saw it), "
                                           "on this computer's clock.");
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void RunTimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace Brickrun
