// SPDX-License-Identifier: GPL-3.0-or-later
#include "investigation.h"

#include "chat.h"
#include "keys.h"
#include "decoding.h"
#include "vocabulary.h"

namespace cidadao::protocol {

namespace {

std::optional<QDate> readDate(const ObjectReader& r, const char* key)
{
    const std::optional<QString> text = r.optionalString(key);
    if (!text)
        return std::nullopt;
    const std::optional<QDate> date = parseIsoDate(*text);
    if (!date)
        throw ValidationFailure(QLatin1String(key), QStringLiteral("must be a calendar date YYYY-MM-DD"));
    return date;
}

void requireKnownKeys(const Json& object, std::initializer_list<const char*> known)
{
    for (const auto& [name, member] : object.items()) {
        const QString key = QString::fromStdString(name);
        if (!isOneOf(key, known))
            throw ValidationFailure(key, QString(QStringLiteral("is not a known filter (allowed: ") + joinAllowed(known)
                                                 + QLatin1Char(')')));
    }
}

} // namespace

bool InvestigationFilters::isEmpty() const
{
    return !organization && !startDate && !endDate && !vendor && !minValue && !maxValue && !uf;
}

void to_json(Json& out, const InvestigationFilters& value)
{
    out = Json::object();
    putOptional(out, Key::Organization, value.organization);
    if (value.startDate)
        out[Key::StartDate] = Json(formatIsoDate(*value.startDate));
    if (value.endDate)
        out[Key::EndDate] = Json(formatIsoDate(*value.endDate));
    putOptional(out, Key::Vendor, value.vendor);
    putOptional(out, Key::MinValue, value.minValue);
    putOptional(out, Key::MaxValue, value.maxValue);
    putOptional(out, Key::Uf, value.uf);
}

void from_json(const Json& in, InvestigationFilters& value)
{
    const ObjectReader r(in);
    requireKnownKeys(in, {Key::Organization, Key::StartDate, Key::EndDate, Key::Vendor, Key::MinValue, Key::MaxValue,
                          Key::Uf});
    value.organization = r.optionalString(Key::Organization);
    value.startDate = readDate(r, Key::StartDate);
    value.endDate = readDate(r, Key::EndDate);
    if (value.startDate && value.endDate && *value.startDate > *value.endDate)
        throw ValidationFailure(QLatin1String(Key::StartDate), QStringLiteral("must not be after end_date"));
    value.vendor = r.optionalString(Key::Vendor);
    value.minValue = r.optionalNumber(Key::MinValue);
    value.maxValue = r.optionalNumber(Key::MaxValue);
    if (value.minValue && value.maxValue && *value.minValue > *value.maxValue)
        throw ValidationFailure(QLatin1String(Key::MinValue), QStringLiteral("must not exceed max_value"));
    if (const std::optional<QString> uf = r.optionalString(Key::Uf)) {
        const QString upper = uf->toUpper();
        if (!isOneOf(upper, Uf::All))
            throw ValidationFailure(QLatin1String(Key::Uf), QStringLiteral("must be the two-letter code of a Brazilian state"));
        value.uf = upper;
    }
}

void to_json(Json& out, const InvestigationRequest& value)
{
    out = Json{{Key::Query, value.query},
               {Key::DataSource, value.dataSource},
               {Key::Filters, encode(value.filters)},
               {Key::AnomalyTypes, toJson(value.anomalyTypes)},
               {Key::IncludeExplanations, value.includeExplanations},
               {Key::StreamResults, value.streamResults}};
}

void from_json(const Json& in, InvestigationRequest& value)
{
    const ObjectReader r(in);
    value.query = r.string(Key::Query);
    requireLength(QLatin1String(Key::Query), value.query, 1, InvestigationQueryMaxLength);
    value.dataSource = r.optionalString(Key::DataSource).value_or(QLatin1String(DataSource::Contracts));
    requireOneOf(QLatin1String(Key::DataSource), value.dataSource, DataSource::All);
    value.filters = r.optionalNested<InvestigationFilters>(Key::Filters).value_or(InvestigationFilters{});
    if (const std::optional<QStringList> types = r.optionalStringList(Key::AnomalyTypes)) {
        if (types->isEmpty())
            throw ValidationFailure(QLatin1String(Key::AnomalyTypes), QStringLiteral("must name at least one anomaly type"));
        QStringList unique;
        for (qsizetype i = 0; i < types->size(); ++i) {
            const QString& type = types->at(i);
            if (!isOneOf(type, AnomalyType::All)) {
                throw ValidationFailure(QLatin1String(Key::AnomalyTypes),
                                        QString(QStringLiteral("item %1 must be one of ").arg(i)
                                                + joinAllowed(AnomalyType::All)));
            }
            // Repeats are harmless: drop them so that a detector never runs twice.
            if (!unique.contains(type))
                unique.append(type);
        }
        value.anomalyTypes = unique;
    }
    value.includeExplanations = r.optionalBoolean(Key::IncludeExplanations).value_or(true);
    value.streamResults = r.optionalBoolean(Key::StreamResults).value_or(false);
}

void to_json(Json& out, const InvestigationStarted& value)
{
    out = Json{{Key::InvestigationId, value.investigationId}, {Key::Status, value.status}, {Key::Message, value.message}};
}

void from_json(const Json& in, InvestigationStarted& value)
{
    const ObjectReader r(in);
    value.investigationId = r.string(Key::InvestigationId);
    value.status = r.string(Key::Status);
    requireOneOf(QLatin1String(Key::Status), value.status, InvestigationState::All);
    value.message = r.optionalString(Key::Message).value_or(QString());
}

void to_json(Json& out, const AnomalyResult& value)
{
    out = Json{{Key::AnomalyId, value.anomalyId},
               {Key::Type, value.type},
               {Key::Severity, value.severity},
               {Key::Confidence, value.confidence},
               {Key::Description, value.description},
               {Key::Explanation, value.explanation},
               {Key::AffectedRecords, value.affectedRecords},
               {Key::SuggestedActions, toJson(value.suggestedActions)},
               {Key::Metadata, value.metadata}};
}

void from_json(const Json& in, AnomalyResult& value)
{
    const ObjectReader r(in);
    value.anomalyId = r.string(Key::AnomalyId);
    value.type = r.string(Key::Type);
    requireOneOf(QLatin1String(Key::Type), value.type, AnomalyType::All);
    value.severity = r.string(Key::Severity);
    requireOneOf(QLatin1String(Key::Severity), value.severity, Severity::All);
    value.confidence = r.number(Key::Confidence);
    requireUnitInterval(Key::Confidence, value.confidence);
    value.description = r.string(Key::Description);
    value.explanation = r.optionalString(Key::Explanation).value_or(QString());
    value.affectedRecords = r.optionalArray(Key::AffectedRecords).value_or(Json::array());
    for (std::size_t i = 0; i < value.affectedRecords.size(); ++i) {
        if (!value.affectedRecords[i].is_object()) {
            throw ValidationFailure(QString(QLatin1String(Key::AffectedRecords) + QLatin1Char('.') + QString::number(i)),
                                    QStringLiteral("must be a JSON object"));
        }
    }
    value.suggestedActions = r.optionalStringList(Key::SuggestedActions).value_or(QStringList());
    value.metadata = r.optionalObject(Key::Metadata).value_or(Json::object());
}

void to_json(Json& out, const InvestigationStatus& value)
{
    out = Json{{Key::InvestigationId, value.investigationId},
               {Key::Status, value.status},
               {Key::Progress, value.progress},
               {Key::CurrentPhase, value.currentPhase},
               {Key::RecordsProcessed, value.recordsProcessed},
               {Key::AnomaliesDetected, value.anomaliesDetected}};
    putOptional(out, Key::EstimatedCompletion, value.estimatedCompletion);
}

void from_json(const Json& in, InvestigationStatus& value)
{
    const ObjectReader r(in);
    value.investigationId = r.string(Key::InvestigationId);
    value.status = r.string(Key::Status);
    requireOneOf(QLatin1String(Key::Status), value.status, InvestigationState::All);
    value.progress = r.number(Key::Progress);
    requireUnitInterval(Key::Progress, value.progress);
    value.currentPhase = r.string(Key::CurrentPhase);
    value.recordsProcessed = r.integer(Key::RecordsProcessed);
    value.anomaliesDetected = r.integer(Key::AnomaliesDetected);
    value.estimatedCompletion = r.optionalTimestamp(Key::EstimatedCompletion);
}

void to_json(Json& out, const InvestigationResponse& value)
{
    out = Json{{Key::InvestigationId, value.investigationId},
               {Key::Status, value.status},
               {Key::Query, value.query},
               {Key::DataSource, value.dataSource},
               {Key::StartedAt, toJson(value.startedAt)},
               {Key::AnomaliesFound, value.anomaliesFound},
               {Key::TotalRecordsAnalyzed, value.totalRecordsAnalyzed},
               {Key::Results, toJsonArray(value.results)},
               {Key::Summary, value.summary},
               {Key::ConfidenceScore, value.confidenceScore},
               {Key::ProcessingTime, value.processingTime}};
    putOptional(out, Key::CompletedAt, value.completedAt);
}

void from_json(const Json& in, InvestigationResponse& value)
{
    const ObjectReader r(in);
    value.investigationId = r.string(Key::InvestigationId);
    value.status = r.string(Key::Status);
    requireOneOf(QLatin1String(Key::Status), value.status, InvestigationState::All);
    value.query = r.string(Key::Query);
    value.dataSource = r.string(Key::DataSource);
    requireOneOf(QLatin1String(Key::DataSource), value.dataSource, DataSource::All);
    value.startedAt = r.timestamp(Key::StartedAt);
    value.completedAt = r.optionalTimestamp(Key::CompletedAt);
    value.anomaliesFound = r.integer(Key::AnomaliesFound);
    value.totalRecordsAnalyzed = r.integer(Key::TotalRecordsAnalyzed);
    value.results = r.list<AnomalyResult>(Key::Results);
    value.summary = r.string(Key::Summary);
    value.confidenceScore = r.number(Key::ConfidenceScore);
    value.processingTime = r.number(Key::ProcessingTime);
}

} // namespace cidadao::protocol
