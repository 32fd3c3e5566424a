// SPDX-License-Identifier: GPL-3.0-or-later
// splitting (fracionamento): purchases that together exceed the dispensa limit, each kept under it
// (Lei 14.133 art. 75 §1º: the limit applies to the sum of what one unidade gestora spends in a
// fiscal year on objects of the same nature). Every contract of a series is a dispensa by value with
// its value at or under the limit in force on its date; a series is
//   - the same UG + supplier + fiscal year, or
//   - the same UG + object class + fiscal year (splittingByObjectClass), or
//   - the window variant: the same UG + supplier, ≥ 2 dispensas within splittingWindowDays (catches a
//     series straddling 31 December),
// always within one inciso (works are never summed with goods: different natures, different limits),
// and it is flagged when its sum is above the limit (the highest limit among its contracts, so mixed
// incisos are never judged by the stricter one). Affected records: every contract of the series.
#include "engine/detectioncontext.h"
#include "engine/explanations.h"
#include "engine/severity.h"

#include <array>
#include <unordered_set>

namespace cidadao::engine {

namespace {
constexpr double kCentTolerance = 0.005;   // sums of cents in binary floating point

struct Series
{
    std::vector<std::uint32_t> rows;
    QString groupPt, groupEn, period;
    bool bySupplier = true;
};

void emitSeries(const DetectionContext& ctx, const Series& s, std::vector<Finding>& out)
{
    const ContractTable& c = ctx.data.contracts;
    double sum = 0.0, limit = 0.0;
    int limitIndex = -1, inferred = 0;
    for (auto r : s.rows) {
        sum += contractValue(c, r);
        if (ctx.facts.dispensaLimit[r] > limit) {
            limit = ctx.facts.dispensaLimit[r];
            limitIndex = ctx.facts.limitIndex[r];
        }
        inferred = std::max<int>(inferred, ctx.facts.limitInferred[r]);
    }
    const LegalValue& legal = ctx.facts.limits[std::size_t(limitIndex)];
    const std::uint32_t first = s.rows.front();
    Finding f = newFinding(u"splitting", SourceTable::Contracts);
    f.rows = s.rows;
    std::sort(f.rows.begin(), f.rows.end());
    f.observed = sum;
    f.threshold = limit;
    f.severity = severityFromRatio(sum / limit, sum - limit);
    f.confidence = ruleConfidence(inferred + (s.bySupplier ? 0 : 1));
    f.peerGroup = QString(u"UG " + ctx.text(c.unit[first]) + u" · " + s.groupPt + u" · " + s.period);
    f.basis = QString(legal.article + u" (" + legal.source + u"), art. 75 §1º: soma por UG, exercício e objeto de mesma natureza");
    setExplanation(f, explainSplitting(int(s.rows.size()), sum, limit, ctx.label(c.unit[first], c.unitName[first]), s.groupPt,
                                       s.groupEn, s.period, legal.article));
    f.suggestedActions = {QStringLiteral("Check whether the purchases could have been planned as one procurement"),
                          QStringLiteral("Request the procurement planning (PCA) of the unit for that year"),
                          QStringLiteral("Verify the justification of each dispensa")};
    f.metadata = {{"sum", sum},
                  {"limit", limit},
                  {"excess", sum - limit},
                  {"contracts", s.rows.size()},
                  {"grouping", s.bySupplier ? "supplier" : "object_class"},
                  {"limit_source", legal.source.toStdString()},
                  {"inferred_inputs", inferred}};
    out.push_back(std::move(f));
}

bool exceeds(const DetectionContext& ctx, std::span<const std::uint32_t> rows)
{
    double sum = 0.0, limit = 0.0;
    for (auto r : rows) {
        sum += contractValue(ctx.data.contracts, r);
        limit = std::max(limit, ctx.facts.dispensaLimit[r]);
    }
    return rows.size() >= 2 && sum > limit + kCentTolerance;
}
} // namespace

std::vector<Finding> detectSplitting(const DetectionContext& ctx)
{
    const ContractTable& c = ctx.data.contracts;
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t i = 0; i < c.size(); ++i) {
        const double limit = ctx.facts.dispensaLimit[i];
        const double v = contractValue(c, i);
        if (std::isfinite(limit) && v > 0.0 && v <= limit + kCentTolerance && c.unit[i] != 0 && c.signed_[i] != kNoDate)
            candidates.push_back(i);
    }
    std::vector<Finding> out;
    std::unordered_set<std::uint32_t> flagged;
    auto remember = [&](std::span<const std::uint32_t> rows) { flagged.insert(rows.begin(), rows.end()); };
    auto allFlagged = [&](std::span<const std::uint32_t> rows) {
        return std::all_of(rows.begin(), rows.end(), [&](auto r) { return flagged.count(r) > 0; });
    };

    // Same UG + supplier + fiscal year (+ the same inciso: works are never summed with goods).
    using Key = std::array<std::uint32_t, 4>;
    std::vector<std::pair<Key, std::uint32_t>> keyed;
    for (auto i : candidates)
        if (c.supplierDoc[i] != 0)
            keyed.push_back({Key{c.unit[i], std::uint32_t(yearOf(c.signed_[i])), c.supplierDoc[i], ctx.facts.dispensaWorks[i]}, i});
    forEachGroup(keyed, [&](const Key& key, std::span<const std::uint32_t> rows) {
        if (ctx.cancelled() || !exceeds(ctx, rows))
            return;
        const QString supplier = ctx.label(c.supplierDoc[rows.front()], c.supplierName[rows.front()]);
        emitSeries(ctx, {{rows.begin(), rows.end()}, QString(u"fornecedor " + supplier), QString(u"supplier " + supplier),
                   QString::number(key[1]), true}, out);
        remember(rows);
    });
    if (ctx.cancelled())
        return out;

    // Same UG + object class + fiscal year.
    if (ctx.options.splittingByObjectClass) {
        keyed.clear();
        for (auto i : candidates)
            keyed.push_back({Key{c.unit[i], std::uint32_t(yearOf(c.signed_[i])), ctx.facts.objectClass[i], ctx.facts.dispensaWorks[i]}, i});
        forEachGroup(keyed, [&](const Key& key, std::span<const std::uint32_t> rows) {
            if (ctx.cancelled() || !exceeds(ctx, rows) || allFlagged(rows))
                return;
            const ObjectClassInfo& cls = ctx.facts.classes[key[2]];
            emitSeries(ctx, {{rows.begin(), rows.end()}, QString(u"objeto \"" + cls.namePt + u"\""),
                       QString(u"object \"" + cls.nameEn + u"\""), QString::number(key[1]), false}, out);
            remember(rows);
        });
    }
    if (ctx.cancelled())
        return out;

    // Window variant: same UG + supplier, consecutive dispensas within the window (across years).
    std::vector<std::pair<std::array<std::uint32_t, 4>, std::uint32_t>> byDate;
    for (auto i : candidates)
        if (c.supplierDoc[i] != 0)
            byDate.push_back({{c.unit[i], c.supplierDoc[i], ctx.facts.dispensaWorks[i],
                               std::uint32_t(std::int64_t(c.signed_[i]) + (1ll << 31))}, i});
    std::sort(byDate.begin(), byDate.end());
    const Day window = ctx.options.splittingWindowDays;
    for (std::size_t i = 0; i < byDate.size();) {
        // A maximal chain where each contract is within the window of the previous one.
        std::size_t j = i + 1;
        while (j < byDate.size() && byDate[j].first[0] == byDate[i].first[0] && byDate[j].first[1] == byDate[i].first[1]
               && byDate[j].first[2] == byDate[i].first[2]
               && c.signed_[byDate[j].second] - c.signed_[byDate[j - 1].second] <= window)
            ++j;
        std::vector<std::uint32_t> chain;
        for (std::size_t k = i; k < j; ++k)
            chain.push_back(byDate[k].second);
        if (exceeds(ctx, chain) && !allFlagged(chain)) {
            const std::uint32_t first = chain.front();
            const QString supplier = ctx.label(c.supplierDoc[first], c.supplierName[first]);
            const QString period = QString(formatDate(c.signed_[chain.front()], Language::Pt) + u"–"
                                           + formatDate(c.signed_[chain.back()], Language::Pt));
            emitSeries(ctx, {chain, QString(u"fornecedor " + supplier), QString(u"supplier " + supplier), period, true}, out);
            remember(chain);
        }
        i = j;
    }
    return out;
}

} // namespace cidadao::engine
