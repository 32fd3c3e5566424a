// SPDX-License-Identifier: GPL-3.0-or-later
// Anita Garibaldi (analyst): spending patterns over contracts. Pure functions; the thresholds are
// the reference agent's: trend reported when |r| > 0.5, organisations with |z| > 1.5 on their average
// contract value, vendors active in ≥ 3 organisations with ≥ 5 contracts, December above 1.5× the
// year's monthly average, more than 70 % of contracts in one value band.
#pragma once

#include "engine/columns.h"
#include "engine/detectors.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <vector>

namespace cidadao::engine {

struct MonthlyTrend
{
    int months = 0;                 // months in the span (empty months count as 0)
    QString firstMonth;             // "2023-01"
    double valueSlope = 0.0;        // R$ per month
    double valueR = 0.0;
    double countSlope = 0.0;        // contracts per month
    double countR = 0.0;
    bool valueTrend = false;        // |valueR| > 0.5
    bool countTrend = false;        // |countR| > 0.5
};

struct OrganAverage
{
    QString organ;
    QString name;
    int contracts = 0;
    double averageValue = 0.0;
    double z = 0.0;                 // against the other organisations' averages (mean, sample sd)
};

struct MultiOrganVendor
{
    QString supplier;
    QString name;
    int organs = 0;
    int contracts = 0;
    double total = 0.0;
};

struct DecemberRush
{
    int year = 0;
    int decemberContracts = 0;
    double monthlyAverage = 0.0;    // contracts per month that year (12 months)
    double ratio = 0.0;
    bool flagged = false;           // ratio > 1.5
};

struct ValueBand
{
    QString label;                  // "R$ 10 mil – 50 mil"
    double lower = 0.0;
    double upper = 0.0;             // +inf for the last band
    int contracts = 0;
    double share = 0.0;
};

struct AnitaReport
{
    int contracts = 0;
    MonthlyTrend trend;
    std::vector<OrganAverage> organOutliers;       // |z| > 1.5, by |z| descending
    std::vector<MultiOrganVendor> multiOrganVendors; // by organs, then contracts, descending
    std::vector<DecemberRush> december;            // every year with contracts
    std::vector<ValueBand> bands;
    int dominantBand = -1;                         // index into bands when its share > 0.70, else −1
};

AnitaReport analysePatterns(const Dataset& data, const RunControl& control = RunControl{});
nlohmann::json toJson(const AnitaReport& report);

} // namespace cidadao::engine
