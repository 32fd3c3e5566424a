// SPDX-License-Identifier: GPL-3.0-or-later
#include "anomalymodel.h"

#include <algorithm>
#include <numeric>

namespace cidadao::client {

int AnomalyModel::severityRank(const QString& severity)
{
    static const QStringList order = {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                                      QStringLiteral("critical")};
    return int(order.indexOf(severity));
}

int AnomalyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int AnomalyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnomalyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::AnomalyResult& a = at(index.row());
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

bool AnomalyModel::before(int a, int b) const
{
    if (m_sortColumn < 0)
        return a < b; // unsorted: arrival order, whichever the direction
    if (m_sortOrder == Qt::DescendingOrder)
        std::swap(a, b);
    const protocol::AnomalyResult& x = m_anomalies.at(a);
    const protocol::AnomalyResult& y = m_anomalies.at(b);
    switch (m_sortColumn) {
    case TypeColumn:
        return x.type < y.type;
    case SeverityColumn:
        return m_ranks[size_t(a)] < m_ranks[size_t(b)];
    case ConfidenceColumn:
        return x.confidence < y.confidence;
    case DescriptionColumn:
        return x.description < y.description;
    default:
        return false;
    }
}

void AnomalyModel::sortOrderVector()
{
    // Stable over the current order: equal keys stay as they were shown.
    std::stable_sort(m_order.begin(), m_order.end(), [this](int a, int b) { return before(a, b); });
}

void AnomalyModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = (column >= 0 && column < ColumnCount) ? column : -1;
    m_sortOrder = order;
    if (m_order.size() < 2)
        return;
    const QList<QPersistentModelIndex> parents;
    Q_EMIT layoutAboutToBeChanged(parents, QAbstractItemModel::VerticalSortHint);
    // Read after the signal: listeners (proxies, views) make their persistent indexes in it.
    const QModelIndexList persistent = persistentIndexList();
    std::vector<int> stored;
    stored.reserve(size_t(persistent.size()));
    for (const QModelIndex& index : persistent)
        stored.push_back(m_order[size_t(index.row())]);

    sortOrderVector();

    if (!persistent.isEmpty()) {
        std::vector<int> rowOf(m_order.size());
        for (size_t row = 0; row < m_order.size(); ++row)
            rowOf[size_t(m_order[row])] = int(row);
        QModelIndexList moved;
        moved.reserve(persistent.size());
        for (qsizetype i = 0; i < persistent.size(); ++i)
            moved.append(index(rowOf[size_t(stored[size_t(i)])], persistent.at(i).column()));
        changePersistentIndexList(persistent, moved);
    }
    Q_EMIT layoutChanged(parents, QAbstractItemModel::VerticalSortHint);
}

void AnomalyModel::rebuildIds()
{
    m_rowById.clear();
    m_rowById.reserve(m_anomalies.size());
    for (qsizetype i = 0; i < m_anomalies.size(); ++i)
        m_rowById.insert(m_anomalies.at(i).anomalyId, int(i));
}

void AnomalyModel::setAnomalies(QList<protocol::AnomalyResult> anomalies)
{
    beginResetModel();
    m_anomalies = std::move(anomalies);
    m_ranks.resize(size_t(m_anomalies.size()));
    for (qsizetype i = 0; i < m_anomalies.size(); ++i)
        m_ranks[size_t(i)] = qint8(severityRank(m_anomalies.at(i).severity));
    m_order.resize(size_t(m_anomalies.size()));
    std::iota(m_order.begin(), m_order.end(), 0);
    if (m_sortColumn >= 0)
        sortOrderVector();
    rebuildIds();
    endResetModel();
}

void AnomalyModel::append(const protocol::AnomalyResult& anomaly)
{
    const auto known = m_rowById.constFind(anomaly.anomalyId);
    if (known != m_rowById.cend()) {
        const int stored = known.value();
        m_anomalies[stored] = anomaly;
        m_ranks[size_t(stored)] = qint8(severityRank(anomaly.severity));
        const auto at = std::find(m_order.begin(), m_order.end(), stored);
        const int from = int(at - m_order.begin());
        if (m_sortColumn >= 0) {
            // Its key may have changed: find its place among the others.
            m_order.erase(at);
            const int to = int(std::upper_bound(m_order.begin(), m_order.end(), stored,
                                                [this](int a, int b) { return before(a, b); })
                               - m_order.begin());
            m_order.insert(m_order.begin() + from, stored);
            if (to != from) {
                // Qt counts the destination in the list before the move.
                beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
                m_order.erase(m_order.begin() + from);
                m_order.insert(m_order.begin() + to, stored);
                endMoveRows();
                Q_EMIT dataChanged(index(to, 0), index(to, ColumnCount - 1));
                return;
            }
        }
        Q_EMIT dataChanged(index(from, 0), index(from, ColumnCount - 1));
        return;
    }
    const int stored = int(m_anomalies.size());
    m_anomalies.append(anomaly);
    m_ranks.push_back(qint8(severityRank(anomaly.severity)));
    m_rowById.insert(anomaly.anomalyId, stored);
    const int row = m_sortColumn >= 0 ? int(std::upper_bound(m_order.begin(), m_order.end(), stored,
                                                              [this](int a, int b) { return before(a, b); })
                                            - m_order.begin())
                                      : int(m_order.size());
    beginInsertRows({}, row, row);
    m_order.insert(m_order.begin() + row, stored);
    endInsertRows();
}

AnomalyFilterProxy::AnomalyFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void AnomalyFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (auto* anomalies = qobject_cast<AnomalyModel*>(sourceModel())) {
        // The proxy keeps the source's order (its own sort column stays -1) and only filters.
        anomalies->sort(column, order);
        return;
    }
    QSortFilterProxyModel::sort(column, order);
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
    // After every sort the proxy filters all rows again: with no filter set that must cost nothing.
    if (m_minimumRank < 0 && m_types.isEmpty() && m_text.isEmpty())
        return true;
    QString type;
    QString description;
    QString explanation;
    int rank = -1;
    if (const auto* anomalies = qobject_cast<const AnomalyModel*>(sourceModel())) {
        const protocol::AnomalyResult& a = anomalies->at(sourceRow);
        type = a.type;
        description = a.description;
        explanation = a.explanation;
        rank = AnomalyModel::severityRank(a.severity);
    } else {
        const QAbstractItemModel* source = sourceModel();
        const QModelIndex first = source->index(sourceRow, AnomalyModel::TypeColumn, sourceParent);
        type = source->data(first).toString();
        description = source->data(source->index(sourceRow, AnomalyModel::DescriptionColumn, sourceParent)).toString();
        explanation = source->data(first, AnomalyModel::ExplanationRole).toString();
        rank = source->data(first, AnomalyModel::SeverityRankRole).toInt();
    }
    if (rank < m_minimumRank)
        return false;
    if (!m_types.isEmpty() && !m_types.contains(type))
        return false;
    if (!m_text.isEmpty() && !description.contains(m_text, Qt::CaseInsensitive)
        && !explanation.contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace cidadao::client
