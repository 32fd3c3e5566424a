// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigationstream.h"

#include "keys.h"
#include "decoding.h"
#include "vocabulary.h"

namespace cidadao::protocol {

void to_json(Json& out, const InvestigationCompletion& value)
{
    out = Json{{Key::InvestigationId, value.investigationId},
               {Key::Status, value.status},
               {Key::Summary, value.summary},
               {Key::AnomaliesFound, value.anomaliesFound}};
}

void from_json(const Json& in, InvestigationCompletion& value)
{
    const ObjectReader r(in);
    value.investigationId = r.string(Key::InvestigationId);
    value.status = r.string(Key::Status);
    requireOneOf(QLatin1String(Key::Status), value.status, InvestigationState::Finished);
    value.summary = r.string(Key::Summary);
    value.anomaliesFound = r.integer(Key::AnomaliesFound);
}

namespace {

const char* typeName(const InvestigationStreamEvent& event)
{
    switch (event.index()) {
    case 0:
        return InvestigationStreamType::Progress;
    case 1:
        return InvestigationStreamType::Anomaly;
    case 2:
        return InvestigationStreamType::Completion;
    default:
        return InvestigationStreamType::Error;
    }
}

struct EventHolder
{
    InvestigationStreamEvent event;
};

void from_json(const Json& in, EventHolder& holder)
{
    const ObjectReader r(in);
    const QString type = r.string(Key::Type);
    if (type == QLatin1String(InvestigationStreamType::Progress))
        holder.event = r.nested<InvestigationStatus>(Key::Data);
    else if (type == QLatin1String(InvestigationStreamType::Anomaly))
        holder.event = r.nested<AnomalyResult>(Key::Data);
    else if (type == QLatin1String(InvestigationStreamType::Completion))
        holder.event = r.nested<InvestigationCompletion>(Key::Data);
    else if (type == QLatin1String(InvestigationStreamType::Error))
        holder.event = r.nested<StreamError>(Key::Data);
    else
        throw ValidationFailure(QLatin1String(Key::Type), QStringLiteral("is not an investigation stream event type"));
}

} // namespace

Json toJson(const InvestigationStreamEvent& event)
{
    Json data = std::visit([](const auto& model) { return encode(model); }, event);
    return Json{{Key::Type, typeName(event)}, {Key::Data, std::move(data)}};
}

InvestigationStreamEvent decodeInvestigationStreamEvent(const Json& frame)
{
    return decode<EventHolder>(frame).event;
}

} // namespace cidadao::protocol
