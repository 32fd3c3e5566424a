// SPDX-License-Identifier: GPL-3.0-or-later
// pay_over_ceiling: a servant's monthly pay after mandatory deductions above the constitutional
// ceiling (teto) in force that month, with no abate-teto applied. The rule decides; the robust z of
// the pay within the same cargo (at least payPeerMinimum peers) is reported and raises severity
// and confidence when the pay is also an outlier among peers. Affected record: the pay row.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/legalthresholds.h"
#include "engine/severity.h"
#include "engine/statistics.h"

#include <unordered_map>

namespace cidadao::engine {

std::vector<Finding> detectPayOverCeiling(const DetectionContext& ctx)
{
    const ServantPayTable& s = ctx.data.servants;
    const DetectorOptions& o = ctx.options;
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t i = 0; i < s.size(); ++i) {
        if ((i & 0xFFFF) == 0 && ctx.cancelled())
            return {};
        if (s.year[i] <= 0 || s.month[i] < 1 || s.month[i] > 12 || !std::isfinite(s.netPay[i]))
            continue;
        const auto ceiling = payCeiling(toDay(s.year[i], s.month[i], 1));
        const double cut = s.ceilingCut[i];
        const bool noCut = std::isnan(cut) || std::fabs(cut) < 0.005;
        if (ceiling && noCut && s.netPay[i] > ceiling->value + 0.005)
            candidates.push_back(i);
    }
    if (candidates.empty())
        return {};
    // Peer scale per cargo, only for the cargos of candidates.
    std::unordered_map<Code, RobustScale> scaleOf;
    std::unordered_map<Code, int> peers;
    for (auto i : candidates)
        scaleOf.emplace(s.role[i], RobustScale{});
    std::unordered_map<Code, std::vector<double>> pays;
    for (std::uint32_t i = 0; i < s.size(); ++i)
        if (scaleOf.count(s.role[i]) && std::isfinite(s.netPay[i]))
            pays[s.role[i]].push_back(s.netPay[i]);
    for (auto& [role, values] : pays) {
        scaleOf[role] = robustScale(values);
        peers[role] = int(values.size());
    }
    std::vector<Finding> out;
    for (auto i : candidates) {
        const auto ceiling = payCeiling(toDay(s.year[i], s.month[i], 1));
        const double net = s.netPay[i];
        const int n = peers[s.role[i]];
        const double z = n >= o.payPeerMinimum ? robustZ(net, scaleOf[s.role[i]]) : 0.0;
        const bool peerOutlier = z > o.payRobustZ;
        Finding f = newFinding(u"pay_over_ceiling", SourceTable::Servants);
        f.rows = {i};
        f.observed = net;
        f.threshold = ceiling->value;
        f.severity = severityFromRatio(net / ceiling->value, net - ceiling->value);
        if (peerOutlier)
            f.severity = maxSeverity(f.severity, Severity::High);
        f.confidence = peerOutlier ? 0.95 : ruleConfidence(0) - 0.05;
        f.peerGroup = QString(u"cargo " + ctx.text(s.role[i]));
        f.basis = QString(ceiling->article + u" (" + ceiling->source + u")");
        setExplanation(f, explainPayOverCeiling(ctx.label(s.servantId[i], s.name[i]), s.year[i], s.month[i], net, ceiling->value));
        f.suggestedActions = {QStringLiteral("Check whether the payment includes amounts outside the ceiling (indemnities)"),
                              QStringLiteral("Ask the paying body why no abate-teto was applied")};
        f.metadata = {{"net_pay", net}, {"ceiling", ceiling->value}, {"excess", net - ceiling->value},
                      {"role_z", z}, {"role_peers", n}, {"year", s.year[i]}, {"month", s.month[i]},
                      {"ceiling_source", ceiling->source.toStdString()}};
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace cidadao::engine
