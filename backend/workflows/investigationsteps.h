// SPDX-License-Identifier: GPL-3.0-or-later
// The steps an investigation is made of, shared by the `investigation` and `watchlist` workflows:
// read the request's scope from the store into the engine's columns, run the detectors it asks
// for, and describe findings compactly (for node outputs) and stably (fingerprints, so that the
// watchlist can tell a new finding from one already reported).
#pragma once

#include "protocol/investigation.h"
#include "protocol/jsonqt.h"

#include "engine/columns.h"
#include "engine/detectors.h"
#include "engine/finding.h"

#include <QString>

#include <atomic>
#include <vector>

namespace cidadao::workflows {

// A request as the engine needs it. Throws NodeFailure (not retryable) when the JSON is not an
// InvestigationRequest.
protocol::InvestigationRequest parseInvestigationRequest(const protocol::Json& json);

// Loads the records in the request's date range and organ (a numeric organization is an organ code).
engine::Dataset loadScope(const QString& databasePath, const protocol::InvestigationRequest& request);
// {contracts, biddings, agreements, expenses, servants, sanctions, total}
protocol::Json datasetCounts(const engine::Dataset& data);

std::vector<engine::Finding> detect(const engine::Dataset& data, const protocol::InvestigationRequest& request,
                                    int threads, const std::atomic_bool* cancel);

// "detector:table:key1,key2,...": the same finding found again on the same records has the same one.
QString fingerprint(const engine::Finding& finding, const engine::Dataset& data);
// {anomalies_found, critical, by_severity:{...}, by_type:{...}, top:[up to `top` findings]}
protocol::Json summarise(const std::vector<engine::Finding>& findings, const engine::Dataset& data, int top);
protocol::Json findingJson(const engine::Finding& finding, const engine::Dataset& data);

} // namespace cidadao::workflows
