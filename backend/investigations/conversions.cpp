// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversions.h"

#include "protocol/timestamp.h"
#include "protocol/vocabulary.h"

namespace cidadao::investigations {

namespace {

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

bool isFinishedState(const QString& status)
{
    for (const char* word : protocol::InvestigationState::Finished) {
        if (status == QLatin1String(word))
            return true;
    }
    return false;
}

protocol::InvestigationStatus toStatus(const InvestigationRecord& r, const std::optional<QDateTime>& estimatedCompletion)
{
    protocol::InvestigationStatus s;
    s.investigationId = r.id;
    s.status = r.status;
    s.progress = r.progress;
    s.currentPhase = r.phase;
    s.recordsProcessed = r.recordsProcessed;
    s.anomaliesDetected = r.anomaliesDetected;
    if (isFinishedState(r.status)) {
        if (r.completedMs)
            s.estimatedCompletion = fromMs(*r.completedMs);
    } else {
        s.estimatedCompletion = estimatedCompletion;
    }
    return s;
}

protocol::InvestigationResponse toResponse(const InvestigationRecord& r)
{
    protocol::InvestigationResponse out;
    out.investigationId = r.id;
    out.status = r.status;
    out.query = r.query;
    out.dataSource = r.dataSource;
    out.startedAt = fromMs(r.createdMs);
    if (r.completedMs)
        out.completedAt = fromMs(*r.completedMs);
    out.anomaliesFound = r.anomaliesDetected;
    out.totalRecordsAnalyzed = r.totalRecords;
    if (r.results.is_array())
        out.results = protocol::decodeList<protocol::AnomalyResult>(r.results);
    out.summary = r.summary;
    out.confidenceScore = r.confidenceScore;
    out.processingTime = r.processingTime;
    return out;
}

InvestigationSummary toSummary(const InvestigationRecord& r, const std::optional<QDateTime>& estimatedCompletion)
{
    InvestigationSummary s;
    s.status = toStatus(r, estimatedCompletion);
    s.query = r.query;
    s.dataSource = r.dataSource;
    s.ownerUserId = r.ownerId;
    s.createdAt = fromMs(r.createdMs);
    if (r.completedMs)
        s.completedAt = fromMs(*r.completedMs);
    s.reason = r.reason;
    return s;
}

protocol::Json finishedSummary(const InvestigationRecord& r)
{
    qint64 critical = 0;
    if (r.results.is_array()) {
        for (const protocol::Json& result : r.results) {
            if (result.value("severity", std::string()) == protocol::Severity::Critical)
                ++critical;
        }
    }
    protocol::Json out{{"summary", r.summary.toStdString()},
                       {"anomalies_found", r.anomaliesDetected},
                       {"total_records_analyzed", r.totalRecords},
                       {"processing_time", r.processingTime},
                       {"critical_anomalies", critical}};
    if (!r.reason.isEmpty())
        out["reason"] = r.reason.toStdString();
    return out;
}

void to_json(protocol::Json& out, const InvestigationSummary& value)
{
    protocol::to_json(out, value.status);
    out["query"] = value.query.toStdString();
    out["data_source"] = value.dataSource.toStdString();
    out["owner_id"] = value.ownerUserId.toStdString();
    out["created_at"] = protocol::formatTimestamp(value.createdAt).toStdString();
    if (value.completedAt)
        out["completed_at"] = protocol::formatTimestamp(*value.completedAt).toStdString();
    if (!value.reason.isEmpty())
        out["reason"] = value.reason.toStdString();
}

} // namespace cidadao::investigations
