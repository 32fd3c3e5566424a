// SPDX-License-Identifier: GPL-3.0-or-later
// The anomalies of one investigation as a table (type, severity, confidence, description), and a
// proxy that filters by minimum severity, types and text and sorts severity by rank, not name.
#pragma once

#include "protocol/investigation.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QSortFilterProxyModel>

namespace cidadao::client {

class AnomalyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TypeColumn, SeverityColumn, ConfidenceColumn, DescriptionColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SeverityRankRole, ExplanationRole, DetectorRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setAnomalies(QList<protocol::AnomalyResult> anomalies);
    // Streamed anomalies (SSE `anomaly` events) arrive one by one; a repeated id replaces its row.
    void append(const protocol::AnomalyResult& anomaly);
    const protocol::AnomalyResult& at(int row) const { return m_anomalies.at(row); }

    // low 0, medium 1, high 2, critical 3; unknown -1.
    static int severityRank(const QString& severity);

private:
    QList<protocol::AnomalyResult> m_anomalies;
};

class AnomalyFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AnomalyFilterProxy(QObject* parent = nullptr);

    void setMinimumSeverity(const QString& severity);
    void setTypes(const QSet<QString>& types); // empty: all
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    int m_minimumRank = -1;
    QSet<QString> m_types;
    QString m_text;
};

} // namespace cidadao::client
