// SPDX-License-Identifier: Apache-2.0
#include "HistoryFilterBar.h"

#include "ui_HistoryFilterBar.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QStyle>

#include <algorithm>

namespace Brickrun {

namespace {

enum TimeRange
{
    AnyTime,
    Today,
    Last7Days,
    Last30Days,
    CustomRange
};

constexpr qint64 DayMs = 24 * 3600 * 1000;

qint64 startOfDayMs(const QDate &date)
{
    return date.startOfDay().toMSecsSinceEpoch();
}

} // namespace

HistoryFilterBar::HistoryFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryFilterBar>())
{
    m_ui->setupUi(this);
    // In a narrow window (a small screen, 2x scaling) the filters give up width before the
    // search box does, and it keeps room for a few words.
    const int charWidth = fontMetrics().averageCharWidth();
    m_ui->searchEdit->setMinimumWidth(10 * charWidth);
    for (QComboBox *combo :
         {m_ui->profileFilterCombo, m_ui->statusFilterCombo, m_ui->timeFilterCombo}) {
        combo->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); // may shrink
        combo->setMinimumWidth(4 * charWidth +
                               combo->style()->pixelMetric(QStyle::PM_MenuButtonIndicator));
    }
    m_ui->profileFilterCombo->addItem(tr("All workspaces"), QString());
    m_ui->statusFilterCombo->addItem(tr("All states"), QString());
    m_ui->statusFilterCombo->addItem(tr("Active"), QStringLiteral("active"));
    m_ui->statusFilterCombo->addItem(tr("Succeeded"), QStringLiteral("success"));
    m_ui->statusFilterCombo->addItem(tr("Failed or cancelled"), QStringLiteral("failed"));
    m_ui->timeFilterCombo->addItem(tr("Any time"), AnyTime);
    m_ui->timeFilterCombo->addItem(tr("Today"), Today);
    m_ui->timeFilterCombo->addItem(tr("Last 7 days"), Last7Days);
    m_ui->timeFilterCombo->addItem(tr("Last 30 days"), Last30Days);
    m_ui->timeFilterCombo->addItem(tr("Custom range…"), CustomRange);
    const QDate today = QDate::currentDate();
    m_ui->fromDateEdit->setDate(today.addDays(-7));
    m_ui->toDateEdit->setDate(today);
    // As wide as a count up to five digits says in this language, so a count is never cut in a
    // narrow window, nor makes the filters jump. (A long "Reading runs…" at start may take more.)
    const QFontMetrics metrics = m_ui->countLabel->fontMetrics();
    m_ui->countLabel->setMinimumWidth(
        std::max(metrics.horizontalAdvance(tr("%Ln runs", nullptr, 99999)),
                 metrics.horizontalAdvance(tr("1 run"))));
    setCount(0);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(SearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &HistoryFilterBar::filterChanged);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        Q_EMIT filterChanged();
    });
    for (QComboBox *combo : {m_ui->profileFilterCombo, m_ui->statusFilterCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::filterChanged);
    connect(m_ui->timeFilterCombo, &QComboBox::currentIndexChanged, this,
            &HistoryFilterBar::onTimeRangeChanged);
    for (QDateEdit *edit : {m_ui->fromDateEdit, m_ui->toDateEdit})
        connect(edit, &QDateEdit::dateChanged, this, &HistoryFilterBar::filterChanged);
}

HistoryFilterBar::~HistoryFilterBar() = default;

HistoryStore::Query HistoryFilterBar::filter() const
{
    HistoryStore::Query q;
    q.text = m_ui->searchEdit->text().trimmed();
    q.profile = currentProfile();
    q.status = m_ui->statusFilterCombo->currentData().toString();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    switch (m_ui->timeFilterCombo->currentData().toInt()) {
    case Today:
        q.fromMs = startOfDayMs(QDate::currentDate());
        break;
    case Last7Days:
        q.fromMs = now - 7 * DayMs;
        break;
    case Last30Days:
        q.fromMs = now - 30 * DayMs;
        break;
    case CustomRange:
        q.fromMs = startOfDayMs(m_ui->fromDateEdit->date());
        q.toMs = startOfDayMs(m_ui->toDateEdit->date().addDays(1)); // the last day included
        break;
    default:
        break;
    }
    return q;
}

void HistoryFilterBar::setProfiles(const QList<QPair<QString, QString>> &profiles)
{
    QComboBox *combo = m_ui->profileFilterCombo;
    const QString current = currentProfile();
    {
        const QSignalBlocker blocker(combo);
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const auto &p : profiles)
            combo->addItem(p.second, p.first);
        const int index = combo->findData(current);
        combo->setCurrentIndex(index >= 0 ? index : 0);
    }
    if (currentProfile() != current)
        Q_EMIT filterChanged(); // its workspace went away: all of them now
}

QString HistoryFilterBar::currentProfile() const
{
    return m_ui->profileFilterCombo->currentData().toString();
}

void HistoryFilterBar::setCount(int count)
{
    m_count = count;
    if (m_loading)
        return;
    // "%Ln" so translators get plural forms; English reads "1 run", "12,345 runs".
    m_ui->countLabel->setText(count == 1 ? tr("1 run") : tr("%Ln runs", nullptr, count));
}

void HistoryFilterBar::setLoading(bool loading)
{
    m_loading = loading;
    if (loading)
        m_ui->countLabel->setText(tr("Reading runs…"));
    else
        setCount(m_count);
}

void HistoryFilterBar::focusSearch()
{
    m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->searchEdit->selectAll();
}

void HistoryFilterBar::onTimeRangeChanged()
{
    const bool custom = m_ui->timeFilterCombo->currentData().toInt() == CustomRange;
    m_ui->fromDateEdit->setVisible(custom);
    m_ui->toDateEdit->setVisible(custom);
    Q_EMIT filterChanged();
}

} // namespace Brickrun
