// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardstats.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace cidadao::ui {

namespace {

QString text(const protocol::Json& record, const char* key)
{
    const auto it = record.find(key);
    return it != record.end() && it->is_string() ? it->get<QString>() : QString();
}

QString recordKey(const protocol::Json& record)
{
    const QString table = text(record, "table");
    const auto id = record.find("id");
    if (id != record.end() && (id->is_number() || id->is_string()))
        return table + QLatin1Char('/') + QString::fromStdString(id->dump());
    return table + QLatin1Char('/') + text(record, "key");
}

} // namespace

QDate DashboardStats::recordDate(const protocol::Json& record)
{
    for (const char* key : {"signed_date", "date", "open_date", "published_date", "data_assinatura", "start_date"}) {
        const QDate date = QDate::fromString(text(record, key), Qt::ISODate);
        if (date.isValid())
            return date;
    }
    const auto year = record.find("year");
    const auto month = record.find("month");
    if (year != record.end() && month != record.end() && year->is_number_integer() && month->is_number_integer())
        return QDate(year->get<int>(), month->get<int>(), 1);
    return {};
}

std::optional<double> DashboardStats::recordValue(const protocol::Json& record)
{
    for (const char* key : {"final_value", "initial_value", "value", "net_pay", "valor"}) {
        const auto it = record.find(key);
        if (it != record.end() && it->is_number())
            return it->get<double>();
    }
    return std::nullopt;
}

QString DashboardStats::recordSupplier(const protocol::Json& record)
{
    for (const char* key : {"supplier_name", "payee_name", "grantee_name", "participant_name", "sanctioned_name",
                            "fornecedor"}) {
        const QString name = text(record, key).trimmed();
        if (!name.isEmpty())
            return name;
    }
    for (const char* key : {"supplier_doc", "payee_doc", "grantee_doc", "participant_doc"}) {
        const QString doc = text(record, key).trimmed();
        if (!doc.isEmpty())
            return doc;
    }
    return {};
}

DashboardStats DashboardStats::compute(const QList<protocol::AnomalyResult>& anomalies)
{
    DashboardStats stats;
    QSet<QString> seen;
    QHash<QString, double> supplierValue;
    for (const protocol::AnomalyResult& anomaly : anomalies) {
        stats.byTypeAndSeverity[anomaly.type][anomaly.severity] += 1;
        stats.bySeverity[anomaly.severity] += 1;
        if (!anomaly.affectedRecords.is_array())
            continue;
        const bool serious = anomaly.severity == QLatin1String("high") || anomaly.severity == QLatin1String("critical");
        for (const protocol::Json& record : anomaly.affectedRecords) {
            if (!record.is_object())
                continue;
            const QDate date = recordDate(record);
            const std::optional<double> value = recordValue(record);
            if (serious && date.isValid() && value)
                stats.flagged.append({date, *value, anomaly.severity, anomaly.anomalyId});
            // A record flagged by two findings counts once in sums.
            const QString key = recordKey(record);
            if (seen.contains(key))
                continue;
            seen.insert(key);
            ++stats.distinctRecords;
            if (!value)
                continue;
            stats.totalFlaggedValue += *value;
            if (date.isValid())
                stats.monthlyValue[QDate(date.year(), date.month(), 1)] += *value;
            const QString supplier = recordSupplier(record);
            if (!supplier.isEmpty())
                supplierValue[supplier] += *value;
        }
    }
    for (auto it = supplierValue.constBegin(); it != supplierValue.constEnd(); ++it)
        stats.suppliers.append({it.key(), it.value()});
    std::sort(stats.suppliers.begin(), stats.suppliers.end(), [](const SupplierShare& a, const SupplierShare& b) {
        return a.value != b.value ? a.value > b.value : a.name < b.name;
    });
    return stats;
}

QList<SupplierShare> DashboardStats::topSuppliers(const QList<SupplierShare>& all, int keep, const QString& othersLabel)
{
    QList<SupplierShare> out = all.mid(0, keep);
    double rest = 0.0;
    for (qsizetype i = keep; i < all.size(); ++i)
        rest += all.at(i).value;
    if (rest > 0.0)
        out.append({othersLabel, rest});
    return out;
}

} // namespace cidadao::ui
