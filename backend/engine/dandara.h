// SPDX-License-Identifier: GPL-3.0-or-later
// Dandara (social justice): how evenly federal money reaches places. Spending per municipality and
// per UF (convênios' agreed value; when there are no convênios, biddings' value) summarised by Gini,
// Theil T, Palma (top 10 % / bottom 40 %) and the quintile ratio (top 20 % / bottom 20 %); the same
// per capita when a population map is given (places without a population are left out of it).
#pragma once

#include "engine/columns.h"

#include <QHash>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace cidadao::engine {

struct InequalityMeasures
{
    int units = 0;                  // places with spending (or with a population, per capita)
    double total = 0.0;
    double gini = 0.0;
    double theil = 0.0;
    double palma = 0.0;
    double quintileRatio = 0.0;
    std::vector<std::pair<QString, double>> top;   // the five largest, descending
};

InequalityMeasures measureInequality(const std::vector<std::pair<QString, double>>& amounts);

struct EquityReport
{
    QString source;                 // "agreements" or "biddings"
    InequalityMeasures byMunicipality;
    InequalityMeasures byUf;
    std::optional<InequalityMeasures> perCapitaMunicipality;
    std::optional<InequalityMeasures> perCapitaUf;
};

// population: keys are municipality names as in the data ("Salvador") or "UF:BA" for a state.
EquityReport analyseEquity(const Dataset& data, const QHash<QString, double>* population = nullptr);
nlohmann::json toJson(const EquityReport& report);

} // namespace cidadao::engine
