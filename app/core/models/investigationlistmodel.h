// SPDX-License-Identifier: GPL-3.0-or-later
// The user's investigations with their live status; progress updates from the stream or the
// channels touch one row only.
#pragma once

#include "core/localcache.h"

#include <QAbstractListModel>

namespace cidadao::client {

class InvestigationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, QueryRole, StatusRole, ProgressRole, PhaseRole, AnomaliesRole,
                UpdatedAtRole, FinishedRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setInvestigations(QList<InvestigationSummary> items);
    // New investigations go to the top; known ones are updated in place.
    void upsert(const InvestigationSummary& item);
    void updateStatus(const protocol::InvestigationStatus& status, const QDateTime& now);
    bool remove(const QString& id);
    int rowOf(const QString& id) const;
    const InvestigationSummary& at(int row) const { return m_items.at(row); }

private:
    QList<InvestigationSummary> m_items;
};

} // namespace cidadao::client
