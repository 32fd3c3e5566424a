// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationlistmodel.h"

namespace cidadao::client {

namespace {

bool isFinished(const QString& status)
{
    return status == QLatin1String("completed") || status == QLatin1String("failed")
           || status == QLatin1String("cancelled");
}

} // namespace

int InvestigationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant InvestigationListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InvestigationSummary& item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case QueryRole:
        return item.query;
    case IdRole:
        return item.status.investigationId;
    case StatusRole:
        return item.status.status;
    case ProgressRole:
        return item.status.progress;
    case PhaseRole:
        return item.status.currentPhase;
    case AnomaliesRole:
        return item.status.anomaliesDetected;
    case UpdatedAtRole:
        return item.updatedAt;
    case FinishedRole:
        return isFinished(item.status.status);
    default:
        return {};
    }
}

QHash<int, QByteArray> InvestigationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "investigationId"}, {QueryRole, "query"}, {StatusRole, "status"},
                  {ProgressRole, "progress"}, {PhaseRole, "phase"}, {AnomaliesRole, "anomalies"},
                  {UpdatedAtRole, "updatedAt"}, {FinishedRole, "finished"}});
    return names;
}

void InvestigationListModel::setInvestigations(QList<InvestigationSummary> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

int InvestigationListModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_items.size(); ++row)
        if (m_items.at(row).status.investigationId == id)
            return row;
    return -1;
}

void InvestigationListModel::upsert(const InvestigationSummary& item)
{
    const int row = rowOf(item.status.investigationId);
    if (row >= 0) {
        m_items[row] = item;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_items.prepend(item);
    endInsertRows();
}

void InvestigationListModel::updateStatus(const protocol::InvestigationStatus& status, const QDateTime& now)
{
    const int row = rowOf(status.investigationId);
    if (row < 0) {
        upsert(InvestigationSummary{status, QString(), now});
        return;
    }
    m_items[row].status = status;
    m_items[row].updatedAt = now;
    Q_EMIT dataChanged(index(row), index(row),
                       {StatusRole, ProgressRole, PhaseRole, AnomaliesRole, UpdatedAtRole, FinishedRole});
}

bool InvestigationListModel::remove(const QString& id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
    return true;
}

} // namespace cidadao::client
