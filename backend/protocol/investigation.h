// SPDX-License-Identifier: GPL-3.0-or-later
// Investigation models (spec/API.md §5): the seed's InvestigationRequest/Response, AnomalyResult and
// InvestigationStatus, the typed filters, and the 202 answer of POST /investigations/start.
#pragma once

#include "decoding.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cidadao::protocol {

inline constexpr int InvestigationQueryMaxLength = 1000;

// `filters` of InvestigationRequest. Only these keys exist: any other key is a 422 naming it.
// Dates are real calendar dates, start ≤ end, min_value ≤ max_value, uf one of the 27 (any case
// in, upper case out).
struct InvestigationFilters
{
    std::optional<QString> organization;
    std::optional<QDate> startDate;
    std::optional<QDate> endDate;
    std::optional<QString> vendor;
    std::optional<double> minValue;
    std::optional<double> maxValue;
    std::optional<QString> uf;

    bool isEmpty() const;
};
void to_json(Json& out, const InvestigationFilters& value);
void from_json(const Json& in, InvestigationFilters& value);

struct InvestigationRequest
{
    QString query; // 1..1000 code points
    QString dataSource = QStringLiteral("contracts");
    InvestigationFilters filters;
    QStringList anomalyTypes = {QStringLiteral("price"), QStringLiteral("vendor"), QStringLiteral("temporal"),
                                QStringLiteral("payment")}; // non-empty subset of AnomalyType::All, no repeats
    bool includeExplanations = true;
    bool streamResults = false;
};
void to_json(Json& out, const InvestigationRequest& value);
void from_json(const Json& in, InvestigationRequest& value);

// 202 answer of POST /investigations/start.
struct InvestigationStarted
{
    QString investigationId;
    QString status = QStringLiteral("started");
    QString message;
};
void to_json(Json& out, const InvestigationStarted& value);
void from_json(const Json& in, InvestigationStarted& value);

struct AnomalyResult
{
    QString anomalyId;
    QString type;     // AnomalyType word; the detector's own name goes in metadata.detector
    QString severity; // Severity word
    double confidence = 0.0;
    QString description;
    QString explanation;
    Json affectedRecords = Json::array(); // array of objects
    QStringList suggestedActions;
    Json metadata = Json::object();
};
void to_json(Json& out, const AnomalyResult& value);
void from_json(const Json& in, AnomalyResult& value);

struct InvestigationStatus
{
    QString investigationId;
    QString status; // InvestigationState word
    double progress = 0.0; // 0..1
    QString currentPhase; // usually an InvestigationPhase word (upstream sends others)
    qint64 recordsProcessed = 0;
    qint64 anomaliesDetected = 0;
    std::optional<QDateTime> estimatedCompletion;
};
void to_json(Json& out, const InvestigationStatus& value);
void from_json(const Json& in, InvestigationStatus& value);

struct InvestigationResponse
{
    QString investigationId;
    QString status;
    QString query;
    QString dataSource;
    QDateTime startedAt;
    std::optional<QDateTime> completedAt;
    qint64 anomaliesFound = 0;
    qint64 totalRecordsAnalyzed = 0;
    QList<AnomalyResult> results; // the seed's List[Dict]: our server puts AnomalyResults there
    QString summary;
    double confidenceScore = 0.0;
    double processingTime = 0.0; // seconds
};
void to_json(Json& out, const InvestigationResponse& value);
void from_json(const Json& in, InvestigationResponse& value);

} // namespace cidadao::protocol
