// SPDX-License-Identifier: GPL-3.0-or-later
#include "voicetools.h"

#include "chat.h"
#include "investigation.h"
#include "keys.h"
#include "vocabulary.h"

namespace cidadao::protocol {

void to_json(Json& out, const SearchContractsParameters& value)
{
    out = Json{{Key::Query, value.query}};
    putOptional(out, Key::Organization, value.organization);
    putOptional(out, Key::Vendor, value.vendor);
    putOptional(out, Key::MinValue, value.minValue);
    putOptional(out, Key::MaxValue, value.maxValue);
}

void from_json(const Json& in, SearchContractsParameters& value)
{
    const ObjectReader r(in);
    value.query = r.string(Key::Query);
    requireLength(QLatin1String(Key::Query), value.query, 1, InvestigationQueryMaxLength);
    value.organization = r.optionalString(Key::Organization);
    value.vendor = r.optionalString(Key::Vendor);
    value.minValue = r.optionalNumber(Key::MinValue);
    value.maxValue = r.optionalNumber(Key::MaxValue);
    if (value.minValue && value.maxValue && *value.minValue > *value.maxValue)
        throw ValidationFailure(QLatin1String(Key::MinValue), QStringLiteral("must not exceed max_value"));
}

void to_json(Json& out, const StartInvestigationParameters& value)
{
    out = Json{{Key::Query, value.query}, {Key::DataSource, value.dataSource}};
    putOptional(out, Key::AnomalyTypes, value.anomalyTypes);
}

void from_json(const Json& in, StartInvestigationParameters& value)
{
    const ObjectReader r(in);
    value.query = r.string(Key::Query);
    requireLength(QLatin1String(Key::Query), value.query, 1, InvestigationQueryMaxLength);
    value.dataSource = r.optionalString(Key::DataSource).value_or(QLatin1String(DataSource::Contracts));
    requireOneOf(QLatin1String(Key::DataSource), value.dataSource, DataSource::All);
    value.anomalyTypes = r.optionalStringList(Key::AnomalyTypes);
    if (value.anomalyTypes) {
        for (qsizetype i = 0; i < value.anomalyTypes->size(); ++i) {
            if (!isOneOf(value.anomalyTypes->at(i), AnomalyType::All)) {
                throw ValidationFailure(QLatin1String(Key::AnomalyTypes),
                                        QString(QStringLiteral("item %1 must be one of ").arg(i)
                                                + joinAllowed(AnomalyType::All)));
            }
        }
    }
}

void to_json(Json& out, const InvestigationStatusParameters& value)
{
    out = Json{{Key::InvestigationId, value.investigationId}};
}

void from_json(const Json& in, InvestigationStatusParameters& value)
{
    const ObjectReader r(in);
    value.investigationId = r.string(Key::InvestigationId);
    requireLength(QLatin1String(Key::InvestigationId), value.investigationId, 1, IdMaxLength);
}

void to_json(Json& out, const ExplainAnomalyParameters& value)
{
    out = Json{{Key::AnomalyId, value.anomalyId}};
}

void from_json(const Json& in, ExplainAnomalyParameters& value)
{
    const ObjectReader r(in);
    value.anomalyId = r.string(Key::AnomalyId);
    requireLength(QLatin1String(Key::AnomalyId), value.anomalyId, 1, IdMaxLength);
}

} // namespace cidadao::protocol
