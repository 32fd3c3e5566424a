// SPDX-License-Identifier: GPL-3.0-or-later
#include "anomalytableproxy.h"

#include "dashboardcharts.h"

#include <QBrush>
#include <QLocale>

namespace cidadao::ui {

using client::AnomalyModel;

QVariant AnomalyTableProxy::data(const QModelIndex& index, int role) const
{
    const QVariant raw = client::AnomalyFilterProxy::data(index, Qt::DisplayRole);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case AnomalyModel::TypeColumn:
            return DashboardCharts::typeLabel(raw.toString());
        case AnomalyModel::SeverityColumn:
            return DashboardCharts::severityLabel(raw.toString());
        case AnomalyModel::ConfidenceColumn:
            return QStringLiteral("%1%").arg(QLocale().toString(raw.toDouble() * 100.0, 'f', 0));
        default:
            break;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == AnomalyModel::SeverityColumn)
        return QBrush(DashboardCharts::severityColor(raw.toString()));
    return client::AnomalyFilterProxy::data(index, role);
}

} // namespace cidadao::ui
