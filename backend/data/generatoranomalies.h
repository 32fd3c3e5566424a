// SPDX-License-Identifier: GPL-3.0-or-later
// Injected, labelled anomalies of every detector's kind. Each injection is built so that it trips
// exactly its own detector: it leaves the other rules' quantities (peer medians, UG-year shares,
// monthly volumes, art. 75 buckets) where the clean background keeps them, and it labels every
// record the detector is expected to report (the "affected records" rule of the engine).
#pragma once

#include "data/generatorcontracts.h"

#include <functional>
#include <set>
#include <unordered_map>

namespace cidadao::data::generator {

// How many injections of each kind, from the number of contracts.
struct InjectionPlan
{
    int priceOutliers = 0;
    int amendments = 0;
    int overpaid = 0;
    int endBeforeStart = 0;
    int signedBeforeResult = 0;
    int invalidDocuments = 0;
    int sanctionedSuppliers = 0;
    int duplicatePairs = 0;
    int splittingSeries = 0;
    int nearThresholdGroups = 0;
    int concentratedUnitYears = 0;
    int temporalSpikes = 0;
    int benfordGroups = 0;
    int benfordGroupSize = 500;

    static InjectionPlan forContracts(std::int64_t contracts);
    // About how many contracts the injections add (the rest modify clean ones).
    std::int64_t addedContracts() const;
};

// Shared bookkeeping of the injection passes: which UG-years and UG-months are taken, monthly
// values per UG, peer groups.
class Injector
{
public:
    Injector(ContractSampler& sampler, const InjectionPlan& plan);
    void run();

private:
    void concentrate();
    void spike();
    void priceOutliers();
    void amendments();
    void dateLogic();
    void invalidDocuments();
    void sanctionedSuppliers();
    void duplicates();
    void splitting();
    void nearThreshold();
    void benford();
    void labelSpikes();

    std::uint32_t randomCandidate(const std::function<bool(const Contract&)>& accept, int attempts = 4000);
    bool valueChangeIsQuiet(const Contract& c, double newFinal) const;
    void applyValueChange(Contract& c, double newInitial, double newFinal);
    double groupMedian(const Contract& c, int* size);
    Day randomDayIn(int year);

    static int monthOf(Day day);
    static std::uint64_t unitYear(std::uint32_t unit, int year) { return (std::uint64_t(unit) << 16) | std::uint64_t(year); }

    ContractSampler& m_sampler;
    World& m_world;
    GeneratorRandom& m_random;
    InjectionPlan m_plan;
    std::vector<std::vector<std::uint32_t>> m_byUnit;       // contract indices per unit
    std::vector<std::vector<double>> m_monthValue;          // unit × month index
    std::unordered_map<std::uint64_t, double> m_unitYearTotal;
    std::unordered_map<std::uint64_t, double> m_supplierUnitYear; // (unit-year, supplier) → value
    std::set<std::uint64_t> m_takenUnitYears;
    std::set<std::pair<std::uint32_t, int>> m_spikes;        // (unit, month index)
    std::unordered_map<std::uint64_t, std::pair<double, int>> m_groupMedians;
    std::unordered_map<std::uint64_t, int> m_groupInjections;
};

} // namespace cidadao::data::generator
