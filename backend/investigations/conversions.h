// SPDX-License-Identifier: GPL-3.0-or-later
// The stored row of an investigation as the API's models.
#pragma once

#include "investigationrepository.h"
#include "investigationservice.h"

namespace cidadao::investigations {

protocol::InvestigationStatus toStatus(const InvestigationRecord& record,
                                       const std::optional<QDateTime>& estimatedCompletion = std::nullopt);
protocol::InvestigationResponse toResponse(const InvestigationRecord& record);
InvestigationSummary toSummary(const InvestigationRecord& record,
                               const std::optional<QDateTime>& estimatedCompletion = std::nullopt);
// The hub's finished summary: {summary, anomalies_found, total_records_analyzed, processing_time,
// reason?, critical_anomalies}.
protocol::Json finishedSummary(const InvestigationRecord& record);
bool isFinishedState(const QString& status);

} // namespace cidadao::investigations
