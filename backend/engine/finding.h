// SPDX-License-Identifier: GPL-3.0-or-later
// What every detector returns: one Finding per anomaly, carrying the numbers that justify it, the
// records it is made of (row indices into one Dataset table) and a sentence a citizen can read.
#pragma once

#include "engine/columns.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace cidadao::engine {

enum class Severity { Low, Medium, High, Critical };           // API strings low|medium|high|critical
enum class SourceTable { Contracts, Biddings, Participants, Agreements, Expenses, Servants, Sanctions };

// "low" | "medium" | "high" | "critical"
QString severityName(Severity severity);
std::optional<Severity> severityFromName(const QString& name);
// "contracts" | "biddings" | "participants" | "agreements" | "expenses" | "servants" | "sanctions"
QString sourceTableName(SourceTable table);
std::optional<SourceTable> sourceTableFromName(const QString& name);

struct Finding
{
    QString detector;        // exactly the names of DETECTORS.md: price_outlier, vendor_concentration, splitting,
                             // near_threshold, amendment_excess, duplicate, temporal_spike, date_logic, benford,
                             // invalid_document, sanctioned_supplier, single_bidder, pay_over_ceiling
    QString type;            // API type: price|vendor|temporal|payment|duplicate|pattern
    Severity severity = Severity::Low;
    double confidence = 0.0; // 0..1
    double observed = 0.0;   // the measured value (z, share, sum, ratio, ...)
    double threshold = 0.0;  // the limit it crossed
    QString peerGroup;       // the group it was compared with ("órgão 26000 · pregão · material de escritório")
    QString basis;           // legal or statistical basis ("Lei 14.133 art. 75 II", "robust z (Iglewicz-Hoaglin)")
    SourceTable table = SourceTable::Contracts;
    std::vector<std::uint32_t> rows;   // affected records: row indices into that table, ascending
    QStringList suggestedActions;
    QString explanationPt;
    QString explanationEn;
    nlohmann::json metadata = nlohmann::json::object();   // detector-specific numbers (median, mad, z, n, ...)
};

// The table's natural keys (TableBase::key) of a finding's rows, in row order.
QStringList affectedKeys(const Finding& finding, const Dataset& data);

// A JSON object with every field of the finding (snake_case keys: detector, type, severity, confidence,
// observed, threshold, peer_group, basis, table, rows, suggested_actions, explanation_pt,
// explanation_en, metadata). With data, also "affected_records": the natural keys of the rows.
nlohmann::json toJson(const Finding& finding, const Dataset* data = nullptr);

} // namespace cidadao::engine
