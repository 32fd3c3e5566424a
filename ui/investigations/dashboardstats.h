// SPDX-License-Identifier: GPL-3.0-or-later
// The numbers behind the dashboard's charts, computed from an investigation's anomalies and the
// evidence rows they carry (affected_records): counts by type and severity, the monthly value of the
// flagged records with the points of high/critical findings, and how the flagged value splits
// between suppliers. Plain data, so that the charts stay thin.
#pragma once

#include "protocol/investigation.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace cidadao::ui {

struct FlaggedPoint
{
    QDate date;
    double value = 0.0;
    QString severity;
    QString anomalyId;
};

struct SupplierShare
{
    QString name;
    double value = 0.0;
};

struct DashboardStats
{
    // type → severity → count
    QMap<QString, QMap<QString, int>> byTypeAndSeverity;
    QMap<QString, int> bySeverity;
    // first day of month → summed value of the distinct flagged records of that month
    QMap<QDate, double> monthlyValue;
    QList<FlaggedPoint> flagged; // records of high and critical findings
    QList<SupplierShare> suppliers; // largest first
    double totalFlaggedValue = 0.0;
    int distinctRecords = 0;

    static DashboardStats compute(const QList<protocol::AnomalyResult>& anomalies);
    // The first `keep` suppliers and one "others" entry (named `othersLabel`) with the rest.
    static QList<SupplierShare> topSuppliers(const QList<SupplierShare>& all, int keep, const QString& othersLabel);

    // Evidence row readers, for every data source's column names.
    static QDate recordDate(const protocol::Json& record);
    static std::optional<double> recordValue(const protocol::Json& record);
    static QString recordSupplier(const protocol::Json& record);
};

} // namespace cidadao::ui
