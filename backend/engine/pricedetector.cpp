// SPDX-License-Identifier: GPL-3.0-or-later
// price_outlier: a contract whose value is far above its peers'. Peers = same object class ×
// modalidade × órgão, at least pricePeerMinimum of them. The score is the robust z (Iglewicz-Hoaglin)
// of log(value): prices are log-normal, so the log makes the group symmetric and "3× the median"
// means the same in every price range. Only the high side is reported (overpricing is the lead; a
// very low value is usually a unit or typing slip), and the value must also be at least
// priceMinimumRatio × the group median, so that a tight group does not turn a 30 % difference
// into a lead. Tukey's fence on the same logs (Q3 + 1.5·IQR, R type 8) is reported and raises
// confidence.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/severity.h"
#include "engine/statistics.h"

#include <array>

namespace cidadao::engine {

std::vector<Finding> detectPriceOutliers(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const DetectorOptions& o = ctx.options;
    using Key = std::array<std::uint32_t, 3>;
    std::vector<std::pair<Key, std::uint32_t>> keyed;
    keyed.reserve(c.size());
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const double v = contractValue(c, i);
        if (v > 0.0 && std::isfinite(v))
            keyed.push_back({Key{c.organ[i], c.modality[i], ctx.facts.objectClass[i]}, i});
    }
    std::vector<Finding> out;
    std::vector<double> logs, sortedLogs, values;
    std::size_t visited = 0;
    forEachGroup(keyed, [&](const Key& key, std::span<const std::uint32_t> rows) {
        if ((++visited & 0xFF) == 0 && ctx.cancelled())
            return;
        if (int(rows.size()) < o.pricePeerMinimum || ctx.cancelled())
            return;
        logs.clear();
        values.clear();
        for (auto r : rows) {
            values.push_back(contractValue(c, r));
            logs.push_back(std::log(values.back()));
        }
        const RobustScale scale = robustScale(logs);
        if (scale.degenerate())
            return;   // every peer paid the same: nothing is an outlier of a constant
        const double medianValue = median(values);
        sortedLogs = logs;
        std::sort(sortedLogs.begin(), sortedLogs.end());
        const Quartiles q = quartilesType8(sortedLogs);
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const double z = robustZ(logs[k], scale);
            const double ratio = values[k] / medianValue;
            if (!(z > o.priceRobustZ) || ratio < o.priceMinimumRatio)
                continue;
            const bool aboveFence = logs[k] > q.upperFence(1.5);
            const std::uint32_t row = rows[k];
            const ObjectClassInfo& cls = ctx.facts.classes[key[2]];
            Finding f = newFinding(u"price_outlier", SourceTable::Contracts);
            f.observed = z;
            f.threshold = o.priceRobustZ;
            f.rows = {row};
            f.severity = severityFromZ(z, values[k] - medianValue);
            f.confidence = statisticalConfidence(int(rows.size()), o.pricePeerMinimum,
                                                 (z - o.priceRobustZ) / o.priceRobustZ + (aboveFence ? 0.25 : 0.0));
            const QString organ = ctx.text(key[0]);
            const QString modality = ctx.text(key[1]);
            f.peerGroup = QString(u"órgão " + organ + u" · " + modality + u" · " + cls.namePt);
            f.basis = scale.usesFallback()
                          ? QStringLiteral("robust z of log(value), mean-absolute-deviation scale (MAD = 0); Iglewicz-Hoaglin |z| > 3.5")
                          : QStringLiteral("robust z of log(value), 0.6745·(x − median)/MAD; Iglewicz-Hoaglin |z| > 3.5");
            setExplanation(f, explainPriceOutlier(values[k], medianValue, int(rows.size()),
                                                  QString(u"mesmo órgão, modalidade e classe \"" + cls.namePt + u"\""),
                                                  QString(u"same agency, modality and class \"" + cls.nameEn + u"\""), z,
                                                  o.priceRobustZ));
            f.suggestedActions = {QStringLiteral("Compare the unit prices and quantities with the peer contracts"),
                                  QStringLiteral("Check the price research (pesquisa de preços) in the procurement file"),
                                  QStringLiteral("Verify whether the object differs in scope from its peers")};
            f.metadata = {{"value", values[k]},
                          {"median", medianValue},
                          {"ratio_to_median", ratio},
                          {"z", z},
                          {"log_median", scale.median},
                          {"log_mad", scale.mad},
                          {"mad_fallback", scale.usesFallback()},
                          {"log_q1", q.q1},
                          {"log_q3", q.q3},
                          {"above_iqr_fence", aboveFence},
                          {"n", rows.size()},
                          {"object_class", cls.id.toStdString()},
                          {"organ", organ.toStdString()},
                          {"modality", modality.toStdString()}};
            out.push_back(std::move(f));
        }
    });
    return out;
}

} // namespace cidadao::engine
