// SPDX-License-Identifier: GPL-3.0-or-later
// The events of GET /api/v1/investigations/stream/{id} (spec/API.md §5), framed as SSE like the chat
// stream. Unlike the chat events, each carries its model under "data":
// {"type": "progress"|"anomaly"|"completion"|"error", "data": {...}}, because AnomalyResult has its
// own "type" member that would clash with the event's.
#pragma once

#include "chatstream.h"
#include "investigation.h"
#include "jsonqt.h"

#include <variant>

namespace cidadao::protocol {

namespace InvestigationStreamType {
inline constexpr char Progress[] = "progress";
inline constexpr char Anomaly[] = "anomaly";
inline constexpr char Completion[] = "completion";
inline constexpr char Error[] = "error";
} // namespace InvestigationStreamType

struct InvestigationCompletion
{
    QString investigationId;
    QString status; // completed | failed | cancelled
    QString summary;
    qint64 anomaliesFound = 0;
};
void to_json(Json& out, const InvestigationCompletion& value);
void from_json(const Json& in, InvestigationCompletion& value);

using InvestigationStreamEvent = std::variant<InvestigationStatus, AnomalyResult, InvestigationCompletion, StreamError>;

Json toJson(const InvestigationStreamEvent& event);
// Throws ValidationFailure: "type" when unknown, "data.<member>" for the model.
InvestigationStreamEvent decodeInvestigationStreamEvent(const Json& frame);

} // namespace cidadao::protocol
