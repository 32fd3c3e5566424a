// SPDX-License-Identifier: GPL-3.0-or-later
// Turns an engine Finding into the API's AnomalyResult: the records it is made of as evidence rows
// (the columns a reader needs to check the lead in the Portal), and whether a finding concerns the
// part of the data the request's filters focus on (vendor, value range, UF).
#pragma once

#include "engine/columns.h"
#include "engine/finding.h"
#include "protocol/investigation.h"

namespace cidadao::investigations {

// One evidence row per affected record, at most `limit` of them (in row order).
protocol::Json evidenceRows(const engine::Finding& finding, const engine::Dataset& data, int limit);

protocol::AnomalyResult toAnomalyResult(const engine::Finding& finding, const engine::Dataset& data,
                                        bool includeExplanation, int evidenceLimit);

// The filters that the loader cannot apply (vendor, min/max value, uf) narrow the findings: a finding
// is kept when at least one of its records matches every one of them. A record without the field
// (contracts have no UF) does not match a filter on it.
bool matchesFocus(const engine::Finding& finding, const engine::Dataset& data,
                  const protocol::InvestigationFilters& filters);

QString isoDate(engine::Day day); // empty for kNoDate

} // namespace cidadao::investigations
