// SPDX-License-Identifier: GPL-3.0-or-later
// temporal_spike: a UG signing far more contracts in one month than it usually does. Each UG's
// monthly counts over its active span (months without contracts count as 0) give a median and a
// robust scale; a month is flagged when
//   - its robust z is above temporalRobustZ (3.5),
//   - it is at least temporalMinimumRatio (3×) the UG's monthly median, and
//   - a Poisson month with the UG's median as mean would reach that count with probability below
//     temporalPoissonP (1e-5): with thousands of UG-months, z alone would flag ordinary small-count noise.
// December is compared after removing the year-end rush measured on the whole data set (the ratio
// of the average December to the median of the other months' averages), so a normal rush is not a
// spike but a rush far beyond the usual one is. UGs with fewer than temporalMinimumMonths months are
// not evaluated. Affected records: the contracts of the spiking UG-month.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/severity.h"
#include "engine/statistics.h"

#include <array>

namespace cidadao::engine {

std::vector<Finding> detectTemporalSpikes(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const DetectorOptions& o = ctx.options;
    // Key: (UG, month index = year·12 + month − 1).
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    keyed.reserve(c.size());
    std::array<double, 12> perCalendarMonth{};
    std::vector<std::int32_t> monthsSeen;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        if (c.signed_[i] == kNoDate || c.unit[i] == 0)
            continue;
        const CivilDate d = toCivil(c.signed_[i]);
        const std::int32_t m = d.year * 12 + d.month - 1;
        keyed.push_back({(std::uint64_t(c.unit[i]) << 32) | std::uint32_t(m), i});
        perCalendarMonth[std::size_t(d.month - 1)] += 1.0;
        monthsSeen.push_back(m);
    }
    if (keyed.empty())
        return {};
    // Year-end rush of the whole data set: December's average over the other months' median average.
    std::sort(monthsSeen.begin(), monthsSeen.end());
    monthsSeen.erase(std::unique(monthsSeen.begin(), monthsSeen.end()), monthsSeen.end());
    std::array<double, 12> yearsWithMonth{};
    for (auto m : monthsSeen)
        yearsWithMonth[std::size_t(m % 12)] += 1.0;
    std::vector<double> otherAverages;
    for (std::size_t k = 0; k < 11; ++k)
        if (yearsWithMonth[k] > 0)
            otherAverages.push_back(perCalendarMonth[k] / yearsWithMonth[k]);
    double decemberFactor = 1.0;
    if (yearsWithMonth[11] > 0 && !otherAverages.empty()) {
        const double others = median(otherAverages);
        if (others > 0)
            decemberFactor = std::max(1.0, perCalendarMonth[11] / yearsWithMonth[11] / others);
    }

    std::sort(keyed.begin(), keyed.end());
    std::vector<Finding> out;
    std::vector<double> adjusted;
    std::vector<std::int32_t> monthOfSlot;
    std::vector<std::pair<std::size_t, std::size_t>> slotRange;   // keyed index range per month slot
    for (std::size_t i = 0; i < keyed.size();) {
        if (ctx.cancelled())
            return out;
        const std::uint32_t unit = std::uint32_t(keyed[i].first >> 32);
        std::size_t j = i;
        while (j < keyed.size() && std::uint32_t(keyed[j].first >> 32) == unit)
            ++j;
        const std::int32_t firstMonth = std::int32_t(keyed[i].first & 0xFFFFFFFF);
        const std::int32_t lastMonth = std::int32_t(keyed[j - 1].first & 0xFFFFFFFF);
        const int span = lastMonth - firstMonth + 1;
        if (span >= o.temporalMinimumMonths) {
            std::vector<double> counts(std::size_t(span), 0.0);
            slotRange.assign(std::size_t(span), {0, 0});
            for (std::size_t k = i; k < j;) {
                const std::int32_t m = std::int32_t(keyed[k].first & 0xFFFFFFFF);
                std::size_t l = k;
                while (l < j && keyed[l].first == keyed[k].first)
                    ++l;
                counts[std::size_t(m - firstMonth)] = double(l - k);
                slotRange[std::size_t(m - firstMonth)] = {k, l};
                k = l;
            }
            adjusted.resize(counts.size());
            for (std::size_t s = 0; s < counts.size(); ++s)
                adjusted[s] = (firstMonth + int(s)) % 12 == 11 ? counts[s] / decemberFactor : counts[s];
            const RobustScale scale = robustScale(adjusted);
            const double typical = std::max(scale.median, 0.5);
            for (std::size_t s = 0; s < counts.size(); ++s) {
                const bool december = (firstMonth + int(s)) % 12 == 11;
                const double z = robustZ(adjusted[s], scale);
                if (!(z > o.temporalRobustZ) || adjusted[s] < o.temporalMinimumRatio * typical)
                    continue;
                const double expected = typical * (december ? decemberFactor : 1.0);
                const double p = poissonUpperTail(int(counts[s]), expected);
                if (!(p < o.temporalPoissonP))
                    continue;
                const auto [from, to] = slotRange[s];
                const std::int32_t m = firstMonth + int(s);
                const int year = m / 12, month = m % 12 + 1;
                Finding f = newFinding(u"temporal_spike", SourceTable::Contracts);
                double value = 0.0;
                for (std::size_t k = from; k < to; ++k) {
                    f.rows.push_back(keyed[k].second);
                    const double v = contractValue(c, keyed[k].second);
                    if (std::isfinite(v))
                        value += v;
                }
                std::sort(f.rows.begin(), f.rows.end());
                const std::uint32_t first = f.rows.front();
                f.observed = z;
                f.threshold = o.temporalRobustZ;
                f.severity = severityFromZ(z, 0.0);
                f.confidence = statisticalConfidence(span, o.temporalMinimumMonths, (z - o.temporalRobustZ) / o.temporalRobustZ);
                f.peerGroup = QString(u"UG " + ctx.text(c.unit[first]) + u" · contratos por mês");
                f.basis = QStringLiteral("robust z of monthly contract counts > 3.5, ≥ 3× the monthly median, Poisson p < 1e-5");
                setExplanation(f, explainTemporalSpike(ctx.label(c.unit[first], c.unitName[first]), year, month,
                                                       int(counts[s]), expected, z, o.temporalRobustZ, december));
                f.suggestedActions = {QStringLiteral("Check whether the month's contracts were planned or rushed"),
                                      QStringLiteral("Look for budget deadlines (year-end) or emergency decrees that month")};
                f.metadata = {{"count", counts[s]}, {"expected", expected}, {"z", z}, {"poisson_p", p},
                              {"monthly_median", scale.median}, {"months", span}, {"december", december},
                              {"december_factor", decemberFactor}, {"value", value}, {"year", year}, {"month", month}};
                out.push_back(std::move(f));
            }
        }
        i = j;
    }
    return out;
}

} // namespace cidadao::engine
