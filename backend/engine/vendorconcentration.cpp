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
#include "engine/grouping.h"
#include "engine/severity.h"


namespace cidadao::engine {

std::vector<Finding> detectVendorConcentration(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const DetectorOptions& o = ctx.options;
    // Groups: (UG, year), bucketed (dense UG id × year offset); each contract's supplier and value
    // travel with it, so a group is sorted and summed in contiguous memory. Rows stay ascending in a
    // group, so sums are taken in the same order as before.
    DenseCodes units;
    std::vector<std::uint32_t> unitOf(c.size(), kNoBucket);
    std::vector<std::int16_t> yearOfRow(c.size(), 0);
    int minYear = INT32_MAX, maxYear = INT32_MIN;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const double v = contractValue(c, i);
        const int year = yearOf(c.signed_[i]);
        if (v > 0.0 && std::isfinite(v) && year > 0 && c.supplierDoc[i] != 0 && c.unit[i] != 0) {
            unitOf[i] = units(c.unit[i]);
            yearOfRow[i] = std::int16_t(year);
            minYear = std::min(minYear, year);
            maxYear = std::max(maxYear, year);
        }
    }
    std::vector<Finding> out;
    if (units.size() == 0)
        return out;
    const auto years = std::uint32_t(maxYear - minYear + 1);
    std::vector<std::uint32_t> bucketOf(c.size(), kNoBucket);
    for (std::uint32_t i = 0; i < c.size(); ++i)
        if (unitOf[i] != kNoBucket)
            bucketOf[i] = unitOf[i] * years + std::uint32_t(yearOfRow[i] - minYear);
    std::vector<std::uint32_t>().swap(unitOf);
    struct Sale
    {
        double value;
        Code supplier;
        std::uint32_t row;
    };
    std::vector<Sale> sales;
    const Buckets groups = bucketRowsWith(bucketOf, units.size() * years, sales, [&](std::uint32_t row) {
        return Sale{contractValue(c, row), c.supplierDoc[row], row};
    });
    std::vector<std::uint32_t>().swap(bucketOf);
    for (std::size_t g = 0; g < groups.count(); ++g) {
        if ((g & 0xFF) == 0 && ctx.cancelled())
            break;
        Sale* begin = sales.data() + groups.offsets[g];
        Sale* end = sales.data() + groups.offsets[g + 1];
        const std::size_t rowCount = std::size_t(end - begin);
        if (int(rowCount) < o.vendorMinimumContracts)
            continue;
        double total = 0.0;
        for (const Sale* s = begin; s != end; ++s)
            total += s->value;
        std::sort(begin, end, [](const Sale& a, const Sale& b) {
            return a.supplier != b.supplier ? a.supplier < b.supplier : a.row < b.row;
        });
        double hhi = 0.0, topValue = 0.0;
        const Sale* topBegin = begin;
        const Sale* topEnd = begin;
        int suppliers = 0;
        for (const Sale* i = begin; i != end;) {
            const Sale* j = i;
            double value = 0.0;
            while (j != end && j->supplier == i->supplier)
                value += (j++)->value;
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
            continue;
        const std::uint32_t first = topBegin->row;
        const int year = minYear + int(g % years);
        Finding f = newFinding(u"vendor_concentration", SourceTable::Contracts);
        for (const Sale* k = topBegin; k != topEnd; ++k)
            f.rows.push_back(k->row);
        std::sort(f.rows.begin(), f.rows.end());
        f.observed = byShare ? share : hhi;
        f.threshold = byShare ? o.vendorShare : o.vendorHhi;
        f.severity = severityFromRatio(byShare ? share / o.vendorShare : hhi / o.vendorHhi, topValue);
        if (byShare && byHhi && f.severity == Severity::Medium)
            f.severity = Severity::High;
        f.confidence = statisticalConfidence(int(rowCount), o.vendorMinimumContracts,
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
                      {"total_value", total}, {"suppliers", suppliers}, {"contracts", rowCount},
                      {"supplier_contracts", std::size_t(topEnd - topBegin)}, {"year", year},
                      {"unit", ctx.text(c.unit[first]).toStdString()},
                      {"supplier", ctx.text(c.supplierDoc[first]).toStdString()}};
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace cidadao::engine
