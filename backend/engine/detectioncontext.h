// SPDX-License-Identifier: GPL-3.0-or-later
// What every detector of one run shares: the inputs (read-only) and the facts computed once per run
// (object class and dispensa reading of every contract), so that no detector repeats text work.
// Internal to the engine.
#pragma once

#include "engine/detectors.h"
#include "engine/explanations.h"
#include "engine/legalthresholds.h"
#include "engine/objectclass.h"
#include "engine/pairindex.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace cidadao::engine {

struct ContractFacts
{
    std::vector<std::uint32_t> objectClass;     // per contract: index into classes
    std::vector<ObjectClassInfo> classes;
    std::vector<double> dispensaLimit;          // per contract: limit in force when it is a dispensa by
                                                // value with a known limit, NaN otherwise
    std::vector<std::int16_t> limitIndex;       // per contract: index into limits, -1 when none
    std::vector<std::uint8_t> limitInferred;    // inputs the limit had to infer (law by date, inciso by class)
    std::vector<std::uint8_t> dispensaWorks;    // 1 when the limit is inciso I (works), so series never mix natures
    std::vector<LegalValue> limits;             // distinct legal rows used
};

// Builds the facts with `threads` workers; returns early (partly filled) when cancelled.
ContractFacts computeContractFacts(const Dataset& data, int threads, const RunControl& control);

// Indexes that several detectors share, built on first use by whichever detector asks first while
// the others wait (std::call_once): a run that enables none of their users pays nothing, and two
// users on two workers build them once.
class SharedIndexes
{
public:
    static constexpr std::uint32_t kNone = PairIndex::kNone;
    explicit SharedIndexes(const Dataset& data) : m_data(data) {}

    // Contracts and biddings by (UG, number).
    const PairIndex& contracts() const;
    const PairIndex& biddings() const;
    // Per payment (expense row): the contract it pays, linked by Processo = the contract's number
    // within the payment's UG (any UG when the payment names none); kNone when unlinked or ambiguous.
    const std::vector<std::uint32_t>& paymentContract() const;

private:
    const Dataset& m_data;
    mutable std::once_flag m_contractsOnce, m_biddingsOnce, m_paymentsOnce;
    mutable std::optional<PairIndex> m_contracts, m_biddings;
    mutable std::vector<std::uint32_t> m_paymentContract;
};

struct DetectionContext
{
    const Dataset& data;
    const DetectorOptions& options;
    const RunControl& control;
    const ContractFacts& facts;
    const SharedIndexes& shared;

    bool cancelled() const { return control.cancelled(); }
    QString text(Code code) const { return data.strings.at(code); }
    // Display name: "name (code)" or whichever is present.
    QString label(Code code, Code name) const;
};

// A finding of `detector` (its API type filled in) over rows of `table`.
Finding newFinding(const char16_t* detector, SourceTable table);
void setExplanation(Finding& finding, const Explanation& explanation);

// The year and month of a Day (kNoDate → 0).
int yearOf(Day day);
int monthOf(Day day);

// Sorts rows by key and calls fn(key, span of rows) for each run of equal keys.
template<typename Key, typename Fn>
void forEachGroup(std::vector<std::pair<Key, std::uint32_t>>& keyed, Fn&& fn)
{
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::uint32_t> rows;
    std::size_t i = 0;
    while (i < keyed.size()) {
        std::size_t j = i;
        rows.clear();
        while (j < keyed.size() && keyed[j].first == keyed[i].first)
            rows.push_back(keyed[j++].second);
        fn(keyed[i].first, std::span<const std::uint32_t>(rows));
        i = j;
    }
}

// The value a contract was signed for: Valor Inicial, or Valor Final when the initial is missing.
inline double contractValue(const ContractTable& c, std::size_t row)
{
    const double v = c.initialValue[row];
    return std::isnan(v) ? c.finalValue[row] : v;
}

// One function per detector (one .cpp each).
std::vector<Finding> detectPriceOutliers(const DetectionContext& ctx);
std::vector<Finding> detectVendorConcentration(const DetectionContext& ctx);
std::vector<Finding> detectSplitting(const DetectionContext& ctx);
std::vector<Finding> detectNearThreshold(const DetectionContext& ctx);
std::vector<Finding> detectAmendmentExcess(const DetectionContext& ctx);
std::vector<Finding> detectDuplicates(const DetectionContext& ctx);
std::vector<Finding> detectTemporalSpikes(const DetectionContext& ctx);
std::vector<Finding> detectDateLogic(const DetectionContext& ctx);
std::vector<Finding> detectBenford(const DetectionContext& ctx);
std::vector<Finding> detectInvalidDocuments(const DetectionContext& ctx);
std::vector<Finding> detectSanctionedSuppliers(const DetectionContext& ctx);
std::vector<Finding> detectSingleBidders(const DetectionContext& ctx);
std::vector<Finding> detectPayOverCeiling(const DetectionContext& ctx);

} // namespace cidadao::engine
