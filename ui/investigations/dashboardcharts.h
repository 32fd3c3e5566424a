// SPDX-License-Identifier: GPL-3.0-or-later
// The three charts of an investigation's dashboard (QtCharts): anomalies by type stacked by
// severity, the monthly value of flagged records with the high/critical points marked, and the
// supplier concentration of the flagged value.
#pragma once

#include "dashboardstats.h"

#include <QWidget>

class QChart;
class QChartView;

namespace cidadao::ui {

class DashboardCharts : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardCharts(QWidget* parent = nullptr);

    void setStats(const DashboardStats& stats);
    QChartView* typeChart() const { return m_types; }
    QChartView* timelineChart() const { return m_timeline; }
    QChartView* supplierChart() const { return m_suppliers; }

    static QColor severityColor(const QString& severity);
    // Translated names of the API's words, for axes, legends and tables.
    static QString severityLabel(const QString& severity);
    static QString typeLabel(const QString& type);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void buildTypes();
    void buildTimeline();
    void buildSuppliers();

    QChartView* m_types;
    QChartView* m_timeline;
    QChartView* m_suppliers;
    DashboardStats m_stats;
};

} // namespace cidadao::ui
