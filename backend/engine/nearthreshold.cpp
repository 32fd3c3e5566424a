// SPDX-License-Identifier: GPL-3.0-or-later
// near_threshold: a UG that keeps landing dispensas just under the legal limit (from
// nearThresholdFraction, 90 %, up to 100 % of the limit in force on each contract's date), at least
// nearThresholdMinimumCount times in one year. One such purchase is normal; a habit of them suggests
// values shaped to fit the limit. Affected records: those near-limit dispensas of the UG-year.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/severity.h"

namespace cidadao::engine {

std::vector<Finding> detectNearThreshold(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const DetectorOptions& o = ctx.options;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const double limit = ctx.facts.dispensaLimit[i];
        const double v = contractValue(c, i);
        if (!std::isfinite(limit) || c.unit[i] == 0 || c.signed_[i] == kNoDate)
            continue;
        if (v >= o.nearThresholdFraction * limit - 0.005 && v <= limit + 0.005)
            keyed.push_back({(std::uint64_t(c.unit[i]) << 16) | std::uint64_t(yearOf(c.signed_[i])), i});
    }
    std::vector<Finding> out;
    forEachGroup(keyed, [&](std::uint64_t key, std::span<const std::uint32_t> rows) {
        if (int(rows.size()) < o.nearThresholdMinimumCount || ctx.cancelled())
            return;
        const std::uint32_t first = rows.front();
        const int year = int(key & 0xFFFF);
        double sum = 0.0, limit = 0.0;
        int limitIndex = -1, inferred = 0;
        for (auto r : rows) {
            sum += contractValue(c, r);
            if (ctx.facts.dispensaLimit[r] > limit) {
                limit = ctx.facts.dispensaLimit[r];
                limitIndex = ctx.facts.limitIndex[r];
            }
            inferred = std::max<int>(inferred, ctx.facts.limitInferred[r]);
        }
        const LegalValue& legal = ctx.facts.limits[std::size_t(limitIndex)];
        Finding f = newFinding(u"near_threshold", SourceTable::Contracts);
        f.rows.assign(rows.begin(), rows.end());
        std::sort(f.rows.begin(), f.rows.end());
        f.observed = double(rows.size());
        f.threshold = double(o.nearThresholdMinimumCount);
        f.severity = severityFromRatio(double(rows.size()) / o.nearThresholdMinimumCount, sum);
        f.confidence = ruleConfidence(inferred);
        f.peerGroup = QString(u"UG " + ctx.text(c.unit[first]) + u" · " + QString::number(year));
        f.basis = QString(legal.article + u" (" + legal.source + u"): dispensas entre 90% e 100% do limite");
        setExplanation(f, explainNearThreshold(int(rows.size()), o.nearThresholdFraction, limit,
                                               ctx.label(c.unit[first], c.unitName[first]), year, legal.article));
        f.suggestedActions = {QStringLiteral("Compare the quoted prices of these dispensas with market prices"),
                              QStringLiteral("Check whether the quantities were adjusted to fit the limit")};
        f.metadata = {{"count", rows.size()}, {"sum", sum}, {"limit", limit}, {"fraction", o.nearThresholdFraction},
                      {"year", year}, {"limit_source", legal.source.toStdString()}};
        out.push_back(std::move(f));
    });
    return out;
}

} // namespace cidadao::engine
