// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/anita.h"

#include "engine/detectioncontext.h"
#include "engine/statistics.h"

#include <limits>
#include <map>
#include <unordered_map>

namespace cidadao::engine {

namespace {
constexpr double kTrendR = 0.5;
constexpr double kOrganZ = 1.5;
constexpr int kVendorOrgans = 3;
constexpr int kVendorContracts = 5;
constexpr double kDecemberRatio = 1.5;
constexpr double kBandShare = 0.70;

const double kBandEdges[] = {0.0, 10'000.0, 50'000.0, 100'000.0, 500'000.0, 1'000'000.0,
                             std::numeric_limits<double>::infinity()};
const char16_t* const kBandLabels[] = {u"até R$ 10 mil", u"R$ 10 mil – 50 mil", u"R$ 50 mil – 100 mil",
                                       u"R$ 100 mil – 500 mil", u"R$ 500 mil – 1 milhão", u"acima de R$ 1 milhão"};

QString monthLabel(int index)
{
    return QStringLiteral("%1-%2").arg(index / 12, 4, 10, QLatin1Char('0')).arg(index % 12 + 1, 2, 10, QLatin1Char('0'));
}
} // namespace

AnitaReport analysePatterns(const Dataset& data, const RunControl& control)
{
    const ContractTable& c = data.contracts;
    AnitaReport report;
    std::map<int, std::pair<double, double>> byMonth;                 // month index → (count, value)
    std::unordered_map<Code, std::pair<int, double>> byOrgan;         // organ → (count, value)
    std::unordered_map<Code, Code> organName;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> supplierOrgan;   // (supplier, organ) pairs
    std::map<int, std::array<int, 12>> perYear;
    for (int b = 0; b < 6; ++b)
        report.bands.push_back({QString::fromUtf16(kBandLabels[b]), kBandEdges[b], kBandEdges[b + 1], 0, 0.0});

    for (std::uint32_t i = 0; i < c.size(); ++i) {
        if ((i & 0xFFFF) == 0 && control.cancelled())
            return report;
        const double v = contractValue(c, i);
        if (!std::isfinite(v) || v < 0.0)
            continue;
        ++report.contracts;
        if (c.signed_[i] != kNoDate) {
            const CivilDate d = toCivil(c.signed_[i]);
            auto& m = byMonth[d.year * 12 + d.month - 1];
            m.first += 1.0;
            m.second += v;
            perYear[d.year][std::size_t(d.month - 1)] += 1;
        }
        if (c.organ[i] != 0) {
            auto& o = byOrgan[c.organ[i]];
            ++o.first;
            o.second += v;
            organName.emplace(c.organ[i], c.organName[i]);
        }
        if (c.supplierDoc[i] != 0 && c.organ[i] != 0)
            supplierOrgan.push_back({(std::uint64_t(c.supplierDoc[i]) << 32) | c.organ[i], i});
        for (auto& band : report.bands)
            if (v >= band.lower && v < band.upper) {
                ++band.contracts;
                break;
            }
    }

    // Trend: least squares over every month of the span.
    if (!byMonth.empty()) {
        const int first = byMonth.begin()->first, last = byMonth.rbegin()->first;
        std::vector<double> x, counts, values;
        for (int m = first; m <= last; ++m) {
            x.push_back(m - first);
            const auto it = byMonth.find(m);
            counts.push_back(it == byMonth.end() ? 0.0 : it->second.first);
            values.push_back(it == byMonth.end() ? 0.0 : it->second.second);
        }
        const Regression rv = linearRegression(x, values), rc = linearRegression(x, counts);
        report.trend = {int(x.size()), monthLabel(first), rv.slope, rv.r, rc.slope, rc.r,
                        std::fabs(rv.r) > kTrendR, std::fabs(rc.r) > kTrendR};
    }

    // Organisations whose average contract value stands out.
    if (byOrgan.size() >= 3) {
        std::vector<std::pair<Code, double>> averages;
        for (const auto& [organ, cv] : byOrgan)
            averages.push_back({organ, cv.second / cv.first});
        std::sort(averages.begin(), averages.end());
        std::vector<double> values;
        for (const auto& a : averages)
            values.push_back(a.second);
        const double m = mean(values), sd = standardDeviation(values);
        if (sd > 0.0)
            for (const auto& [organ, avg] : averages) {
                const double z = (avg - m) / sd;
                if (std::fabs(z) > kOrganZ)
                    report.organOutliers.push_back({data.strings.at(organ), data.strings.at(organName[organ]),
                                                    byOrgan[organ].first, avg, z});
            }
        std::sort(report.organOutliers.begin(), report.organOutliers.end(),
                  [](const auto& a, const auto& b) { return std::fabs(a.z) > std::fabs(b.z); });
    }

    // Vendors active across organisations.
    std::sort(supplierOrgan.begin(), supplierOrgan.end());
    for (std::size_t i = 0; i < supplierOrgan.size();) {
        const Code supplier = Code(supplierOrgan[i].first >> 32);
        MultiOrganVendor v;
        std::uint64_t lastPair = UINT64_MAX;
        std::size_t j = i;
        for (; j < supplierOrgan.size() && Code(supplierOrgan[j].first >> 32) == supplier; ++j) {
            if (supplierOrgan[j].first != lastPair) {
                ++v.organs;
                lastPair = supplierOrgan[j].first;
            }
            ++v.contracts;
            v.total += contractValue(c, supplierOrgan[j].second);
        }
        if (v.organs >= kVendorOrgans && v.contracts >= kVendorContracts) {
            v.supplier = data.strings.at(supplier);
            v.name = data.strings.at(c.supplierName[supplierOrgan[i].second]);
            report.multiOrganVendors.push_back(std::move(v));
        }
        i = j;
    }
    std::sort(report.multiOrganVendors.begin(), report.multiOrganVendors.end(), [](const auto& a, const auto& b) {
        return a.organs != b.organs ? a.organs > b.organs : a.contracts > b.contracts;
    });

    for (const auto& [year, months] : perYear) {
        int total = 0;
        for (int n : months)
            total += n;
        DecemberRush d;
        d.year = year;
        d.decemberContracts = months[11];
        d.monthlyAverage = total / 12.0;
        d.ratio = d.monthlyAverage > 0 ? d.decemberContracts / d.monthlyAverage : 0.0;
        d.flagged = d.ratio > kDecemberRatio;
        report.december.push_back(d);
    }

    for (std::size_t b = 0; b < report.bands.size(); ++b) {
        auto& band = report.bands[b];
        band.share = report.contracts > 0 ? double(band.contracts) / report.contracts : 0.0;
        if (band.share > kBandShare)
            report.dominantBand = int(b);
    }
    return report;
}

nlohmann::json toJson(const AnitaReport& r)
{
    nlohmann::json j;
    j["contracts"] = r.contracts;
    j["trend"] = {{"months", r.trend.months},           {"first_month", r.trend.firstMonth.toStdString()},
                  {"value_slope", r.trend.valueSlope},  {"value_r", r.trend.valueR},
                  {"count_slope", r.trend.countSlope},  {"count_r", r.trend.countR},
                  {"value_trend", r.trend.valueTrend},  {"count_trend", r.trend.countTrend}};
    j["organ_outliers"] = nlohmann::json::array();
    for (const auto& o : r.organOutliers)
        j["organ_outliers"].push_back({{"organ", o.organ.toStdString()}, {"name", o.name.toStdString()},
                                       {"contracts", o.contracts}, {"average_value", o.averageValue}, {"z", o.z}});
    j["multi_organ_vendors"] = nlohmann::json::array();
    for (const auto& v : r.multiOrganVendors)
        j["multi_organ_vendors"].push_back({{"supplier", v.supplier.toStdString()}, {"name", v.name.toStdString()},
                                            {"organs", v.organs}, {"contracts", v.contracts}, {"total", v.total}});
    j["december"] = nlohmann::json::array();
    for (const auto& d : r.december)
        j["december"].push_back({{"year", d.year}, {"december_contracts", d.decemberContracts},
                                 {"monthly_average", d.monthlyAverage}, {"ratio", d.ratio}, {"flagged", d.flagged}});
    j["value_bands"] = nlohmann::json::array();
    for (const auto& b : r.bands)
        j["value_bands"].push_back({{"label", b.label.toStdString()}, {"lower", b.lower},
                                    {"upper", std::isfinite(b.upper) ? nlohmann::json(b.upper) : nlohmann::json()},
                                    {"contracts", b.contracts}, {"share", b.share}});
    j["dominant_band"] = r.dominantBand >= 0 ? nlohmann::json(r.bands[std::size_t(r.dominantBand)].label.toStdString())
                                             : nlohmann::json();
    return j;
}

} // namespace cidadao::engine
