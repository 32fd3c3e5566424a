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

#include "engine/grouping.h"

#include <unordered_map>

namespace cidadao::engine {

std::vector<Finding> detectPriceOutliers(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const DetectorOptions& o = ctx.options;
    // Peer group = bucket of (órgão, modalidade, class), each made dense first.
    DenseCodes organs, modalities;
    std::vector<std::uint32_t> organOf(c.size(), kNoBucket), modalityOf(c.size(), kNoBucket);
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const double v = contractValue(c, i);
        if (v > 0.0 && std::isfinite(v)) {
            organOf[i] = organs(c.organ[i]);
            modalityOf[i] = modalities(c.modality[i]);
        }
    }
    const std::uint64_t classes = ctx.facts.classes.size();
    const std::uint64_t range = std::uint64_t(organs.size()) * modalities.size() * classes;
    std::vector<std::uint32_t> bucketOf(c.size(), kNoBucket);
    if (range < (1u << 26)) {
        for (std::uint32_t i = 0; i < c.size(); ++i)
            if (organOf[i] != kNoBucket)
                bucketOf[i] = std::uint32_t((std::uint64_t(organOf[i]) * modalities.size() + modalityOf[i]) * classes
                                            + ctx.facts.objectClass[i]);
    } else {
        // Too many combinations for a flat table: number the combinations that occur.
        std::unordered_map<std::uint64_t, std::uint32_t> ids;
        for (std::uint32_t i = 0; i < c.size(); ++i)
            if (organOf[i] != kNoBucket) {
                const std::uint64_t key = (std::uint64_t(organOf[i]) * modalities.size() + modalityOf[i]) * classes
                                          + ctx.facts.objectClass[i];
                bucketOf[i] = ids.emplace(key, std::uint32_t(ids.size())).first->second;
            }
    }
    std::uint32_t buckets = 0;
    for (auto b : bucketOf)
        if (b != kNoBucket)
            buckets = std::max(buckets, b + 1);
    std::vector<double> groupedValues;
    const Buckets groups = bucketRowsWith(bucketOf, buckets, groupedValues,
                                          [&](std::uint32_t row) { return contractValue(c, row); });
    std::vector<Finding> out;
    // Per group: the values sorted once; their logs are then sorted too (log is increasing), which
    // gives the median, the MAD (robustScaleOfSorted) and the quartiles without further copies or
    // selections. A row is scored only if its value is at least priceMinimumRatio × the median, the
    // cheaper of the two conditions, so its log is taken again only for those few.
    std::vector<double> sortedValues, sortedLogs;
    for (std::size_t g = 0; g < groups.count(); ++g) {
        const auto rows = groups.group(g);
        if (int(rows.size()) < o.pricePeerMinimum)
            continue;
        if ((g & 0xFF) == 0 && ctx.cancelled())
            break;
        const Code organCode = c.organ[rows.front()];
        const Code modalityCode = c.modality[rows.front()];
        const std::uint32_t classIndex = ctx.facts.objectClass[rows.front()];
        const double* groupValues = groupedValues.data() + groups.offsets[g];
        sortedValues.assign(groupValues, groupValues + rows.size());
        std::sort(sortedValues.begin(), sortedValues.end());
        sortedLogs.resize(sortedValues.size());
        for (std::size_t k = 0; k < sortedValues.size(); ++k)
            sortedLogs[k] = std::log(sortedValues[k]);
        const RobustScale scale = robustScaleOfSorted(sortedLogs);
        if (scale.degenerate())
            continue;   // every peer paid the same: nothing is an outlier of a constant
        const double medianValue = medianOfSorted(sortedValues);
        const Quartiles q = quartilesType8(sortedLogs);
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const double value = groupValues[k];
            const double ratio = value / medianValue;
            if (ratio < o.priceMinimumRatio)
                continue;
            const double logValue = std::log(value);
            const double z = robustZ(logValue, scale);
            if (!(z > o.priceRobustZ))
                continue;
            const bool aboveFence = logValue > q.upperFence(1.5);
            const std::uint32_t row = rows[k];
            const ObjectClassInfo& cls = ctx.facts.classes[classIndex];
            Finding f = newFinding(u"price_outlier", SourceTable::Contracts);
            f.observed = z;
            f.threshold = o.priceRobustZ;
            f.rows = {row};
            f.severity = severityFromZ(z, value - medianValue);
            f.confidence = statisticalConfidence(int(rows.size()), o.pricePeerMinimum,
                                                 (z - o.priceRobustZ) / o.priceRobustZ + (aboveFence ? 0.25 : 0.0));
            const QString organ = ctx.text(organCode);
            const QString modality = ctx.text(modalityCode);
            f.peerGroup = QString(u"órgão " + organ + u" · " + modality + u" · " + cls.namePt);
            f.basis = scale.usesFallback()
                          ? QStringLiteral("robust z of log(value), mean-absolute-deviation scale (MAD = 0); Iglewicz-Hoaglin |z| > 3.5")
                          : QStringLiteral("robust z of log(value), 0.6745·(x − median)/MAD; Iglewicz-Hoaglin |z| > 3.5");
            setExplanation(f, explainPriceOutlier(value, medianValue, int(rows.size()),
                                                  QString(u"mesmo órgão, modalidade e classe \"" + cls.namePt + u"\""),
                                                  QString(u"same agency, modality and class \"" + cls.nameEn + u"\""), z,
                                                  o.priceRobustZ));
            f.suggestedActions = {QStringLiteral("Compare the unit prices and quantities with the peer contracts"),
                                  QStringLiteral("Check the price research (pesquisa de preços) in the procurement file"),
                                  QStringLiteral("Verify whether the object differs in scope from its peers")};
            f.metadata = {{"value", value},
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
    }
    return out;
}

} // namespace cidadao::engine
