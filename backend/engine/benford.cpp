// SPDX-License-Identifier: GPL-3.0-or-later
// benford: groups of amounts whose first digits are far from Benford's law. Groups are the UG and
// the supplier (contracts) and the UG and the payee (payments), with at least benfordMinimumN values
// of R$ 10 or more. Nigrini's first-digit MAD (mean |observed − expected proportion| over digits
// 1..9) must be above benfordMad (0.015, "nonconformity") AND a chi-square goodness-of-fit test
// (8 degrees of freedom) must reject Benford at benfordChiSquareP (1e-4). Why both: at n = 300..500
// the MAD of a perfectly Benford sample is itself around 0.008-0.012 and its tail crosses 0.015 now
// and then, while the chi-square p-value accounts for n; the MAD keeps the effect material when n
// is large (where the chi-square rejects tiny departures). Affected records: the whole group.
#include "engine/benford.h"
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/grouping.h"
#include "engine/severity.h"
#include "engine/statistics.h"

#include <array>

namespace cidadao::engine {

namespace {
const std::array<double, 10> kExpected = [] {
    std::array<double, 10> p{};
    for (int d = 1; d <= 9; ++d)
        p[std::size_t(d)] = std::log10(1.0 + 1.0 / d);
    return p;
}();

// First significant digit of v ≥ 1 by division (no log/pow on a million values).
int firstDigit(double v)
{
    while (v >= 1e8)
        v /= 1e8;
    while (v >= 1e4)
        v /= 1e4;
    while (v >= 10.0)
        v /= 10.0;
    while (v > 0.0 && v < 1.0)
        v *= 10.0;
    return std::clamp(int(v), 1, 9);
}

struct GroupSpec
{
    SourceTable table;
    const std::vector<Code>* key;
    const std::vector<Code>* name;
    const char16_t* kindPt;
    const char16_t* kindEn;
};
} // namespace

BenfordTest benfordTest(std::span<const double> values, double minimumValue)
{
    BenfordTest t;
    for (double v : values)
        if (v >= minimumValue && std::isfinite(v)) {
            ++t.counts[std::size_t(firstDigit(v))];
            ++t.n;
        }
    if (t.n == 0)
        return t;
    for (int d = 1; d <= 9; ++d) {
        const double observed = double(t.counts[std::size_t(d)]) / t.n;
        t.mad += std::fabs(observed - kExpected[std::size_t(d)]);
        const double expectedCount = kExpected[std::size_t(d)] * t.n;
        t.chiSquare += (t.counts[std::size_t(d)] - expectedCount) * (t.counts[std::size_t(d)] - expectedCount) / expectedCount;
    }
    t.mad /= 9.0;
    t.pValue = chiSquareUpperTail(t.chiSquare, 8);
    return t;
}

std::vector<Finding> detectBenford(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    const ExpenseTable& e = ctx.data.expenses;
    const DetectorOptions& o = ctx.options;
    const GroupSpec specs[] = {
        {SourceTable::Contracts, &c.unit, &c.unitName, u"contratos da UG", u"contracts of UG"},
        {SourceTable::Contracts, &c.supplierDoc, &c.supplierName, u"contratos do fornecedor", u"contracts of supplier"},
        {SourceTable::Expenses, &e.unit, nullptr, u"pagamentos da UG", u"payments of UG"},
        {SourceTable::Expenses, &e.payeeDoc, &e.payeeName, u"pagamentos ao favorecido", u"payments to payee"},
    };
    std::vector<Finding> out;
    std::vector<double> values;
    for (const GroupSpec& spec : specs) {
        if (ctx.cancelled())
            return out;
        const bool contracts = spec.table == SourceTable::Contracts;
        if (!contracts && !o.benfordPayments)
            continue;
        auto valueOf = [&](std::uint32_t r) { return contracts ? contractValue(c, r) : e.value[r]; };
        // One pass: digit counts per group; rows are gathered only for the rare flagged group.
        const std::size_t n = spec.key->size();
        DenseCodes groups;
        std::vector<std::uint32_t> groupOf(n, kNoBucket);
        std::vector<std::array<int, 10>> counts;
        for (std::uint32_t i = 0; i < n; ++i) {
            const double v = valueOf(i);
            if ((*spec.key)[i] == 0 || !(v >= o.benfordMinimumValue) || !std::isfinite(v))
                continue;
            const std::uint32_t g = groups((*spec.key)[i]);
            if (g == counts.size())
                counts.push_back({});
            ++counts[g][std::size_t(firstDigit(v))];
            groupOf[i] = g;
        }
        for (std::uint32_t g = 0; g < groups.size(); ++g) {
            int total = 0;
            for (int d = 1; d <= 9; ++d)
                total += counts[g][std::size_t(d)];
            if (total < o.benfordMinimumN || ctx.cancelled())
                continue;
            BenfordTest t;
            t.counts = counts[g];
            t.n = total;
            for (int d = 1; d <= 9; ++d) {
                const double expectedCount = kExpected[std::size_t(d)] * t.n;
                t.mad += std::fabs(double(t.counts[std::size_t(d)]) / t.n - kExpected[std::size_t(d)]);
                t.chiSquare += (t.counts[std::size_t(d)] - expectedCount) * (t.counts[std::size_t(d)] - expectedCount) / expectedCount;
            }
            t.mad /= 9.0;
            t.pValue = chiSquareUpperTail(t.chiSquare, 8);
            if (!(t.mad > o.benfordMad) || !(t.pValue < o.benfordChiSquareP))
                continue;
            std::vector<std::uint32_t> rows;
            for (std::uint32_t i = 0; i < n; ++i)
                if (groupOf[i] == g)
                    rows.push_back(i);
            const Code key = groups.code(g);
            const QString label = spec.name ? ctx.label(key, (*spec.name)[rows.front()]) : ctx.text(key);
            Finding f = newFinding(u"benford", spec.table);
            f.rows = std::move(rows);
            f.observed = t.mad;
            f.threshold = o.benfordMad;
            f.severity = t.mad > 2.0 * o.benfordMad ? Severity::High : Severity::Medium;
            f.confidence = statisticalConfidence(t.n, o.benfordMinimumN, (t.mad - o.benfordMad) / o.benfordMad);
            f.peerGroup = QString(QString::fromUtf16(spec.kindPt) + u" " + label);
            f.basis = QStringLiteral("first-digit MAD > 0.015 (Nigrini: nonconformity) and chi-square p < 1e-4");
            setExplanation(f, explainBenford(QString(QString::fromUtf16(spec.kindPt) + u" " + label),
                                             QString(QString::fromUtf16(spec.kindEn) + u" " + label), t.n, t.mad,
                                             o.benfordMad, t.chiSquare, t.pValue));
            f.suggestedActions = {QStringLiteral("Look at which first digits are over-represented and at those records"),
                                  QStringLiteral("Check for invented or rounded amounts")};
            nlohmann::json observed = nlohmann::json::array();
            for (int d = 1; d <= 9; ++d)
                observed.push_back(double(t.counts[std::size_t(d)]) / t.n);
            f.metadata = {{"n", t.n}, {"mad", t.mad}, {"chi_square", t.chiSquare}, {"p_value", t.pValue},
                          {"digit_proportions", observed}, {"group", label.toStdString()}};
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace cidadao::engine
