// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardcharts.h"

#include "protocol/vocabulary.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

namespace cidadao::ui {

namespace {

QChartView* makeView(QWidget* parent, const QString& name)
{
    auto* view = new QChartView(new QChart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 220);
    view->chart()->setAnimationOptions(QChart::NoAnimation);
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    view->chart()->setMargins(QMargins(4, 4, 4, 4));
    return view;
}

void clearChart(QChart* chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis*> axes = chart->axes();
    for (QAbstractAxis* axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace

DashboardCharts::DashboardCharts(QWidget* parent)
    : QWidget(parent)
    , m_types(makeView(this, QStringLiteral("typeChart")))
    , m_timeline(makeView(this, QStringLiteral("timelineChart")))
    , m_suppliers(makeView(this, QStringLiteral("supplierChart")))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_types);
    layout->addWidget(m_timeline);
    layout->addWidget(m_suppliers);
    rebuild();
}

QColor DashboardCharts::severityColor(const QString& severity)
{
    if (severity == QLatin1String("critical"))
        return QColor(0xb7, 0x1c, 0x1c);
    if (severity == QLatin1String("high"))
        return QColor(0xef, 0x6c, 0x00);
    if (severity == QLatin1String("medium"))
        return QColor(0xf9, 0xa8, 0x25);
    return QColor(0x78, 0x90, 0x9c);
}

QString DashboardCharts::severityLabel(const QString& severity)
{
    if (severity == QLatin1String("critical"))
        return tr("Critical");
    if (severity == QLatin1String("high"))
        return tr("High");
    if (severity == QLatin1String("medium"))
        return tr("Medium");
    if (severity == QLatin1String("low"))
        return tr("Low");
    return severity;
}

QString DashboardCharts::typeLabel(const QString& type)
{
    if (type == QLatin1String("price"))
        return tr("Price");
    if (type == QLatin1String("vendor"))
        return tr("Supplier");
    if (type == QLatin1String("temporal"))
        return tr("Timing");
    if (type == QLatin1String("payment"))
        return tr("Payment");
    if (type == QLatin1String("duplicate"))
        return tr("Duplicate");
    if (type == QLatin1String("pattern"))
        return tr("Pattern");
    return type;
}

void DashboardCharts::setStats(const DashboardStats& stats)
{
    m_stats = stats;
    rebuild();
}

void DashboardCharts::rebuild()
{
    buildTypes();
    buildTimeline();
    buildSuppliers();
}

void DashboardCharts::buildTypes()
{
    QChart* chart = m_types->chart();
    clearChart(chart);
    chart->setTitle(tr("Anomalies by type and severity"));
    QStringList categories;
    for (auto it = m_stats.byTypeAndSeverity.constBegin(); it != m_stats.byTypeAndSeverity.constEnd(); ++it)
        categories << it.key();
    // Horizontal bars: the type names sit on the left at full length, where under vertical bars six
    // of them were cut to "Pa…" in a dashboard-sized chart.
    auto* series = new QHorizontalStackedBarSeries;
    int highest = 0;
    QList<int> totals(categories.size(), 0);
    for (const char* severity : protocol::Severity::All) {
        auto* set = new QBarSet(severityLabel(QLatin1String(severity)));
        set->setColor(severityColor(QLatin1String(severity)));
        for (int i = 0; i < categories.size(); ++i) {
            const int count = m_stats.byTypeAndSeverity.value(categories.at(i)).value(QLatin1String(severity));
            set->append(count);
            totals[i] += count;
        }
        series->append(set);
    }
    for (int total : std::as_const(totals))
        highest = qMax(highest, total);
    chart->addSeries(series);
    auto* types = new QBarCategoryAxis;
    QStringList labels;
    for (const QString& type : std::as_const(categories))
        labels << typeLabel(type);
    types->append(labels);
    auto* counts = new QValueAxis;
    counts->setRange(0, qMax(1, highest));
    counts->setLabelFormat(QStringLiteral("%d"));
    counts->applyNiceNumbers();
    chart->addAxis(counts, Qt::AlignBottom);
    chart->addAxis(types, Qt::AlignLeft);
    series->attachAxis(counts);
    series->attachAxis(types);
}

void DashboardCharts::buildTimeline()
{
    QChart* chart = m_timeline->chart();
    clearChart(chart);
    chart->setTitle(tr("Monthly value of flagged records"));
    auto* line = new QLineSeries;
    line->setName(tr("Value per month"));
    double top = 0.0;
    for (auto it = m_stats.monthlyValue.constBegin(); it != m_stats.monthlyValue.constEnd(); ++it)
        top = qMax(top, it.value());
    for (const FlaggedPoint& point : m_stats.flagged)
        top = qMax(top, point.value);
    // Seven-digit axis labels ("3399363") took a third of the chart at the default window size:
    // millions are shown as millions, with the locale's decimal sign.
    const bool millions = top >= 1e6;
    const double scale = millions ? 1e-6 : 1.0;
    for (auto it = m_stats.monthlyValue.constBegin(); it != m_stats.monthlyValue.constEnd(); ++it)
        line->append(double(it.key().startOfDay(Qt::UTC).toMSecsSinceEpoch()), it.value() * scale);
    auto* points = new QScatterSeries;
    points->setName(tr("High and critical findings"));
    points->setMarkerSize(9);
    points->setColor(severityColor(QStringLiteral("critical")));
    for (const FlaggedPoint& point : m_stats.flagged) {
        points->append(double(QDate(point.date.year(), point.date.month(), 1).startOfDay(Qt::UTC).toMSecsSinceEpoch()),
                       point.value * scale);
    }
    chart->addSeries(line);
    chart->addSeries(points);
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MM/yyyy"));
    x->setTickCount(4);
    if (!m_stats.monthlyValue.isEmpty()) {
        const QDate first = m_stats.monthlyValue.firstKey();
        const QDate last = m_stats.monthlyValue.lastKey();
        x->setRange(first.addDays(-15).startOfDay(Qt::UTC), last.addDays(15).startOfDay(Qt::UTC));
    }
    auto* y = new QValueAxis;
    y->setRange(0, qMax(1.0, top * scale * 1.1));
    y->setLabelFormat(millions ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    y->setTitleText(millions ? tr("R$ million") : tr("R$"));
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : {static_cast<QAbstractSeries*>(line), static_cast<QAbstractSeries*>(points)}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

void DashboardCharts::buildSuppliers()
{
    QChart* chart = m_suppliers->chart();
    clearChart(chart);
    chart->setTitle(tr("Supplier concentration"));
    auto* pie = new QPieSeries;
    const QList<SupplierShare> shares = DashboardStats::topSuppliers(m_stats.suppliers, 5, tr("Others"));
    double total = 0.0;
    for (const SupplierShare& share : shares)
        total += share.value;
    for (const SupplierShare& share : shares) {
        const QString percent = QLocale().toString(total > 0 ? share.value * 100.0 / total : 0.0, 'f', 1);
        QString name = share.name;
        if (name.size() > 28)
            name = name.left(27) + QChar(0x2026);
        // The share first: the legend is narrow beside the pie and elides from the right.
        QPieSlice* slice = pie->append(QStringLiteral("%1% %2").arg(percent, name), share.value);
        slice->setLabelVisible(false);
    }
    chart->addSeries(pie);
    chart->legend()->setAlignment(Qt::AlignRight);
}

void DashboardCharts::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace cidadao::ui
