// SPDX-License-Identifier: GPL-3.0-or-later
#include "anomalymodel.h"

namespace cidadao::client {

int AnomalyModel::severityRank(const QString& severity)
{
    static const QStringList order = {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                                      QStringLiteral("critical")};
    return int(order.indexOf(severity));
}

int AnomalyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_anomalies.size());
}

int AnomalyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnomalyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::AnomalyResult& a = m_anomalies.at(index.row());
    switch (role) {
    case IdRole:
        return a.anomalyId;
    case SeverityRankRole:
        return severityRank(a.severity);
    case ExplanationRole:
        return a.explanation;
    case DetectorRole:
        return QString::fromStdString(a.metadata.value("detector", std::string()));
    case Qt::ToolTipRole:
        return a.explanation;
    case Qt::DisplayRole:
        switch (index.column()) {
        case TypeColumn:
            return a.type;
        case SeverityColumn:
            return a.severity;
        case ConfidenceColumn:
            return a.confidence;
        case DescriptionColumn:
            return a.description;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AnomalyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case SeverityColumn:
        return tr("Severity");
    case ConfidenceColumn:
        return tr("Confidence");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

void AnomalyModel::setAnomalies(QList<protocol::AnomalyResult> anomalies)
{
    beginResetModel();
    m_anomalies = std::move(anomalies);
    endResetModel();
}

void AnomalyModel::append(const protocol::AnomalyResult& anomaly)
{
    for (int row = 0; row < m_anomalies.size(); ++row) {
        if (m_anomalies.at(row).anomalyId == anomaly.anomalyId) {
            m_anomalies[row] = anomaly;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    const int row = int(m_anomalies.size());
    beginInsertRows({}, row, row);
    m_anomalies.append(anomaly);
    endInsertRows();
}

AnomalyFilterProxy::AnomalyFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void AnomalyFilterProxy::setMinimumSeverity(const QString& severity)
{
    m_minimumRank = severity.isEmpty() ? -1 : AnomalyModel::severityRank(severity);
    invalidateFilter();
}

void AnomalyFilterProxy::setTypes(const QSet<QString>& types)
{
    m_types = types;
    invalidateFilter();
}

void AnomalyFilterProxy::setText(const QString& text)
{
    m_text = text;
    invalidateFilter();
}

bool AnomalyFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* source = sourceModel();
    const QModelIndex first = source->index(sourceRow, AnomalyModel::TypeColumn, sourceParent);
    if (source->data(first, AnomalyModel::SeverityRankRole).toInt() < m_minimumRank)
        return false;
    if (!m_types.isEmpty() && !m_types.contains(source->data(first).toString()))
        return false;
    if (!m_text.isEmpty()) {
        const QString description =
            source->data(source->index(sourceRow, AnomalyModel::DescriptionColumn, sourceParent)).toString();
        const QString explanation = source->data(first, AnomalyModel::ExplanationRole).toString();
        if (!description.contains(m_text, Qt::CaseInsensitive) && !explanation.contains(m_text, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool AnomalyFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    // A million-row table sorts through here ~20 million times: read the rows directly instead of
    // through QVariant data() when the source is our own model.
    if (const auto* anomalies = qobject_cast<const AnomalyModel*>(sourceModel())) {
        const protocol::AnomalyResult& a = anomalies->at(left.row());
        const protocol::AnomalyResult& b = anomalies->at(right.row());
        switch (left.column()) {
        case AnomalyModel::SeverityColumn:
            return AnomalyModel::severityRank(a.severity) < AnomalyModel::severityRank(b.severity);
        case AnomalyModel::ConfidenceColumn:
            return a.confidence < b.confidence;
        default:
            break;
        }
    }
    if (left.column() == AnomalyModel::SeverityColumn) {
        // "critical" < "high" alphabetically; the rank is what a reader means by order.
        return left.data(AnomalyModel::SeverityRankRole).toInt() < right.data(AnomalyModel::SeverityRankRole).toInt();
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace cidadao::client
