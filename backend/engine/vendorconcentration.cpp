// SPDX-License-Identifier: GPL-3.0-or-later
// vendor_concentration: one supplier takes most of what a UG contracts in a year. Flagged when the
// top supplier's share of value is above vendorShare (0.70, Zumbi's baseline) in a market of at least
// vendorMinimumSuppliers suppliers, or when the Herfindahl-Hirschman index (shares in %, squared,
// summed: 0..10000) is above vendorHhi (2500, "highly concentrated" in antitrust practice) with at
// least vendorHhiMinimumSuppliers suppliers. UG-years with fewer than vendorMinimumContracts contracts
// are not evaluated: with three contracts, one supplier winning two is no pattern. The affected
// records are all contracts of the dominant supplier in that UG-year.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/severity.h"


namespace cidadao::engine {

std::vector<Finding> detectVendorConcentration(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const DetectorOptions& o = ctx.options;
    // Key: (UG code, year) packed; rows sorted by supplier inside each group afterwards.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    keyed.reserve(c.size());
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const double v = contractValue(c, i);
        const int year = yearOf(c.signed_[i]);
        if (v > 0.0 && std::isfinite(v) && year > 0 && c.supplierDoc[i] != 0 && c.unit[i] != 0)
            keyed.push_back({(std::uint64_t(c.unit[i]) << 16) | std::uint64_t(year), i});
    }
    std::vector<Finding> out;
    std::vector<std::pair<Code, std::uint32_t>> bySupplier;
    std::size_t visited = 0;
    forEachGroup(keyed, [&](std::uint64_t key, std::span<const std::uint32_t> rows) {
        if ((++visited & 0xFF) == 0 && ctx.cancelled())
            return;
        if (int(rows.size()) < o.vendorMinimumContracts || ctx.cancelled())
            return;
        bySupplier.clear();
        double total = 0.0;
        for (auto r : rows) {
            bySupplier.push_back({c.supplierDoc[r], r});
            total += contractValue(c, r);
        }
        std::sort(bySupplier.begin(), bySupplier.end());
        double hhi = 0.0, topValue = 0.0;
        std::size_t topBegin = 0, topEnd = 0;
        int suppliers = 0;
        for (std::size_t i = 0; i < bySupplier.size();) {
            std::size_t j = i;
            double value = 0.0;
            while (j < bySupplier.size() && bySupplier[j].first == bySupplier[i].first)
                value += contractValue(c, bySupplier[j++].second);
            ++suppliers;
            const double sharePct = 100.0 * value / total;
            hhi += sharePct * sharePct;
            if (value > topValue) {
                topValue = value;
                topBegin = i;
                topEnd = j;
            }
            i = j;
        }
        const double share = topValue / total;
        const bool byShare = share > o.vendorShare && suppliers >= o.vendorMinimumSuppliers;
        const bool byHhi = hhi > o.vendorHhi && suppliers >= o.vendorHhiMinimumSuppliers;
        if (!byShare && !byHhi)
            return;
        const std::uint32_t first = bySupplier[topBegin].second;
        const int year = int(key & 0xFFFF);
        Finding f = newFinding(u"vendor_concentration", SourceTable::Contracts);
        for (std::size_t k = topBegin; k < topEnd; ++k)
            f.rows.push_back(bySupplier[k].second);
        std::sort(f.rows.begin(), f.rows.end());
        f.observed = byShare ? share : hhi;
        f.threshold = byShare ? o.vendorShare : o.vendorHhi;
        f.severity = severityFromRatio(byShare ? share / o.vendorShare : hhi / o.vendorHhi, topValue);
        if (byShare && byHhi && f.severity == Severity::Medium)
            f.severity = Severity::High;
        f.confidence = statisticalConfidence(int(rows.size()), o.vendorMinimumContracts,
                                             byShare ? (share - o.vendorShare) / (1.0 - o.vendorShare) : (hhi - o.vendorHhi) / o.vendorHhi);
        const QString unit = ctx.label(c.unit[first], c.unitName[first]);
        const QString supplier = ctx.label(c.supplierDoc[first], c.supplierName[first]);
        f.peerGroup = QString(u"UG " + ctx.text(c.unit[first]) + u" · " + QString::number(year));
        f.basis = byShare ? QStringLiteral("supplier share of the UG-year's contracted value > 70% (Zumbi baseline)")
                          : QStringLiteral("Herfindahl-Hirschman index > 2500 with at least 5 suppliers");
        setExplanation(f, explainVendorConcentration(supplier, share, hhi, topValue, total, suppliers, unit, year,
                                                     o.vendorShare, o.vendorHhi, byShare));
        f.suggestedActions = {QStringLiteral("Review how the supplier won each contract (modality, competitors)"),
                              QStringLiteral("Check for links between the supplier and the unit's staff"),
                              QStringLiteral("Compare with the unit's other years")};
        f.metadata = {{"share", share},      {"hhi", hhi},          {"supplier_value", topValue},
                      {"total_value", total}, {"suppliers", suppliers}, {"contracts", rows.size()},
                      {"supplier_contracts", topEnd - topBegin}, {"year", year},
                      {"unit", ctx.text(c.unit[first]).toStdString()},
                      {"supplier", ctx.text(c.supplierDoc[first]).toStdString()}};
        out.push_back(std::move(f));
    });
    return out;
}

} // namespace cidadao::engine
