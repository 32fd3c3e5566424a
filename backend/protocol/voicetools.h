// SPDX-License-Identifier: GPL-3.0-or-later
// The parameters of the tools the voice agent can call (spec/API.md §8), as sent in
// tool_call {tool, parameters}. The voice layer fills them from what it understood; the client
// shows them. Decoding validates like the matching REST request does.
#pragma once

#include "decoding.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace cidadao::protocol {

struct SearchContractsParameters
{
    QString query;
    std::optional<QString> organization;
    std::optional<QString> vendor;
    std::optional<double> minValue;
    std::optional<double> maxValue; // min_value ≤ max_value
};
void to_json(Json& out, const SearchContractsParameters& value);
void from_json(const Json& in, SearchContractsParameters& value);

struct StartInvestigationParameters
{
    QString query;
    QString dataSource = QStringLiteral("contracts"); // DataSource word
    std::optional<QStringList> anomalyTypes;          // AnomalyType words
};
void to_json(Json& out, const StartInvestigationParameters& value);
void from_json(const Json& in, StartInvestigationParameters& value);

struct InvestigationStatusParameters
{
    QString investigationId;
};
void to_json(Json& out, const InvestigationStatusParameters& value);
void from_json(const Json& in, InvestigationStatusParameters& value);

struct ExplainAnomalyParameters
{
    QString anomalyId;
};
void to_json(Json& out, const ExplainAnomalyParameters& value);
void from_json(const Json& in, ExplainAnomalyParameters& value);

} // namespace cidadao::protocol
