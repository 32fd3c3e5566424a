// SPDX-License-Identifier: GPL-3.0-or-later
// Group-level injections: concentration, temporal spikes, split series, near-limit dispensas and
// Benford groups. Record-level ones are in generatorrecordanomalies.cpp.
#include "data/generatoranomalies.h"

#include "data/generatorcalendar.h"
#include "data/generatorcatalog.h"

#include <algorithm>
#include <cmath>

namespace cidadao::data::generator {

InjectionPlan InjectionPlan::forContracts(std::int64_t n)
{
    auto scaled = [n](double rate, int minimum) { return std::max(minimum, int(std::llround(double(n) * rate))); };
    InjectionPlan plan;
    plan.priceOutliers = scaled(0.0025, 6);
    plan.amendments = scaled(0.0018, 5);
    plan.overpaid = scaled(0.0003, 2);
    plan.endBeforeStart = scaled(0.0008, 3);
    plan.signedBeforeResult = scaled(0.0004, 2);
    plan.invalidDocuments = scaled(0.0008, 3);
    plan.sanctionedSuppliers = scaled(0.0004, 3);
    plan.duplicatePairs = scaled(0.001, 4);
    plan.splittingSeries = scaled(0.0003, 2);
    plan.nearThresholdGroups = scaled(0.00015, 2);
    plan.concentratedUnitYears = scaled(0.00004, 2);
    plan.temporalSpikes = scaled(0.00004, 2);
    plan.benfordGroups = scaled(0.000004, 1);
    return plan;
}

std::int64_t InjectionPlan::addedContracts() const
{
    // Series average ~4 pieces, near-limit groups 3.5, a spike ~20 extra contracts.
    return std::int64_t(benfordGroups) * benfordGroupSize + duplicatePairs + splittingSeries * 4
        + std::int64_t(nearThresholdGroups * 3.5) + temporalSpikes * 20;
}

Injector::Injector(ContractSampler& sampler, const InjectionPlan& plan)
    : m_sampler(sampler)
    , m_world(sampler.world())
    , m_random(sampler.random())
    , m_plan(plan)
    , m_monthValue(m_world.units.size(), std::vector<double>((kLastYear - kFirstYear + 1) * 12, 0.0))
{
    m_byUnit.resize(m_world.units.size());
    for (std::uint32_t i = 0; i < m_world.contracts.size(); ++i) {
        const Contract& c = m_world.contracts[i];
        m_byUnit[c.unit].push_back(i);
        const int year = civilFromDay(c.signedOn).year;
        m_monthValue[c.unit][std::size_t(monthOf(c.signedOn))] += c.finalValue;
        m_unitYearTotal[unitYear(c.unit, year)] += c.finalValue;
        m_supplierUnitYear[(unitYear(c.unit, year) << 32) ^ c.supplier] += c.finalValue;
    }
}

void Injector::run()
{
    // Order matters: the UG-years and months that carry a group anomaly are reserved first, so that
    // record-level injections (which change values) stay out of them.
    concentrate();
    spike();
    priceOutliers();
    amendments();
    dateLogic();
    invalidDocuments();
    sanctionedSuppliers();
    duplicates();
    splitting();
    nearThreshold();
    benford();
    labelSpikes();
}

int Injector::monthOf(Day day)
{
    const CivilDate c = civilFromDay(day);
    return (c.year - kFirstYear) * 12 + c.month - 1;
}

Day Injector::randomDayIn(int year)
{
    // February to November: no 30-day window reaches into another fiscal year's dispensas.
    const Day first = dayFromCivil(year, 2, 1);
    return first + Day(m_random.below(std::uint64_t(dayFromCivil(year, 11, 30) - first)));
}

std::uint32_t Injector::randomCandidate(const std::function<bool(const Contract&)>& accept, int attempts)
{
    for (int i = 0; i < attempts; ++i) {
        const auto index = std::uint32_t(m_random.below(m_world.contracts.size()));
        const Contract& c = m_world.contracts[index];
        if (!c.special && accept(c))
            return index;
    }
    return UINT32_MAX;
}

void Injector::concentrate()
{
    for (int done = 0, attempt = 0; done < m_plan.concentratedUnitYears && attempt < 1000; ++attempt) {
        const auto unit = std::uint32_t(m_random.below(m_world.units.size()));
        const int year = m_random.between(kFirstYear, kLastYear);
        if (m_takenUnitYears.count(unitYear(unit, year)))
            continue;
        std::vector<std::uint32_t> eligible;
        double total = 0;
        for (const std::uint32_t i : m_byUnit[unit]) {
            const Contract& c = m_world.contracts[i];
            if (civilFromDay(c.signedOn).year != year)
                continue;
            total += c.finalValue;
            if (!c.special && c.modality != Modality::Dispensa)
                eligible.push_back(i);
        }
        std::sort(eligible.begin(), eligible.end(), [&](std::uint32_t a, std::uint32_t b) {
            return m_world.contracts[a].finalValue > m_world.contracts[b].finalValue;
        });
        double share = 0;
        std::size_t taken = 0;
        while (taken < eligible.size() && share < 0.76 * total)
            share += m_world.contracts[eligible[taken++]].finalValue;
        // A market needs other suppliers to be "concentrated": keep at least five besides the winner.
        if (share < 0.76 * total || eligible.size() - taken < 5)
            continue;
        const std::uint32_t dominant = m_sampler.addSupplier(false);
        for (std::size_t k = 0; k < taken; ++k) {
            Contract& c = m_world.contracts[eligible[k]];
            c.supplier = dominant;
            c.special = true;
            c.labels |= bit(Detector::VendorConcentration);
        }
        m_takenUnitYears.insert(unitYear(unit, year));
        ++done;
    }
}

void Injector::spike()
{
    for (int done = 0, attempt = 0; done < m_plan.temporalSpikes && attempt < 1000; ++attempt) {
        const auto unit = std::uint32_t(m_random.below(m_world.units.size()));
        const int month = int(m_random.below(std::uint64_t(m_monthValue[unit].size())));
        const int year = kFirstYear + month / 12;
        if (month % 12 == 11 || m_takenUnitYears.count(unitYear(unit, year)))
            continue;
        std::vector<int> counts(m_monthValue[unit].size(), 0);
        for (const std::uint32_t i : m_byUnit[unit])
            ++counts[std::size_t(monthOf(m_world.contracts[i].signedOn))];
        std::vector<int> sorted = counts;
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(sorted.size() / 2), sorted.end());
        const int typical = std::max(1, sorted[sorted.size() / 2]);
        const int extra = std::max(12, 4 * typical);
        const Day first = dayFromCivil(year, month % 12 + 1, 1);
        const int days = daysInMonth(year, month % 12 + 1);
        for (int k = 0; k < extra; ++k) {
            Contract c = makeCleanContract(m_sampler, unit, first + Day(m_random.below(std::uint64_t(days))), true);
            for (int a = 0; a < 8 && !m_sampler.duplicateFree(c.supplier, c.signedOn, c.initialValue, c.finalValue); ++a) {
                c.initialValue = std::round(c.initialValue * 103.1) / 100.0;
                c.finalValue = std::round(c.finalValue * 103.1) / 100.0;
            }
            m_sampler.rememberForDuplicates(c.supplier, c.signedOn, c.initialValue, c.finalValue);
            c.special = true;
            m_byUnit[unit].push_back(std::uint32_t(m_world.contracts.size()));
            m_world.contracts.push_back(c);
        }
        m_spikes.insert({unit, month});
        m_takenUnitYears.insert(unitYear(unit, year));
        ++done;
    }
}

void Injector::labelSpikes()
{
    // The detector reports the spiking month as a whole: every contract of it, injected or not.
    for (Contract& c : m_world.contracts)
        if (m_spikes.count({c.unit, monthOf(c.signedOn)}))
            c.labels |= bit(Detector::TemporalSpike);
}

void Injector::splitting()
{
    const auto classes = objectClasses();
    for (int done = 0, attempt = 0; done < m_plan.splittingSeries && attempt < 2000; ++attempt) {
        const auto unit = std::uint32_t(m_random.below(m_world.units.size()));
        const int year = m_random.between(2022, kLastYear);
        const int objectClass = int(m_random.below(classes.size()));
        const ObjectClassEntry& entry = classes[std::size_t(objectClass)];
        if (entry.kind == Procurement::Works || entry.dispensaFraction < 0.25 || entry.dispensaFraction > 0.35
            || m_sampler.classBucket(unit, year, objectClass) > 0)
            continue;
        const std::uint32_t supplier = m_sampler.addSupplier(false);
        const double limit = dispensaLimit(dayFromCivil(year, 1, 1), false);
        const double target = limit * m_random.uniform(1.15, 1.5);
        double sum = 0;
        while (sum < target) {
            Contract c;
            c.unit = unit;
            c.objectClass = std::uint16_t(objectClass);
            c.modality = Modality::Dispensa;
            c.supplier = supplier;
            c.objectSeed = m_random.next();
            const Day day = randomDayIn(year);
            c.initialValue = c.finalValue =
                std::round(m_sampler.dispensaMedian(objectClass, day) * m_random.uniform(0.8, 1.35) * 100.0) / 100.0;
            c.signedOn = day;
            c.published = day + m_random.between(1, 10);
            c.start = day + m_random.between(0, 5);
            c.end = c.start + m_random.between(30, 180);
            c.paidFactor = m_random.uniform(0.4, 0.95);
            c.special = true;
            c.labels = bit(Detector::Splitting);
            m_sampler.countDigits(unit, supplier, c.initialValue);
            m_sampler.addDispensa(unit, year, objectClass, supplier, c.initialValue);
            sum += c.initialValue;
            m_world.contracts.push_back(c);
        }
        ++done;
    }
}

void Injector::nearThreshold()
{
    const auto classes = objectClasses();
    std::vector<int> high;
    for (int c = 0; c < int(classes.size()); ++c)
        if (classes[std::size_t(c)].dispensaFraction >= 0.5 && classes[std::size_t(c)].kind != Procurement::Works)
            high.push_back(c);
    for (int done = 0, attempt = 0; done < m_plan.nearThresholdGroups && attempt < 2000; ++attempt) {
        const auto unit = std::uint32_t(m_random.below(m_world.units.size()));
        const int year = m_random.between(2022, kLastYear);
        std::vector<int> free;
        for (int c : high)
            if (m_sampler.classBucket(unit, year, c) == 0)
                free.push_back(c);
        // Distinct classes and suppliers: three near-limit dispensas must not also add up to a split.
        if (free.size() < 3)
            continue;
        const std::size_t count = free.size() > 3 && m_random.chance(0.5) ? 4 : 3;
        const double limit = dispensaLimit(dayFromCivil(year, 1, 1), false);
        for (std::size_t k = 0; k < count; ++k) {
            Contract c;
            c.unit = unit;
            c.objectClass = std::uint16_t(free[k]);
            c.modality = Modality::Dispensa;
            c.supplier = m_sampler.addSupplier(false);
            c.objectSeed = m_random.next();
            const Day day = randomDayIn(year);
            c.initialValue = c.finalValue = std::round(limit * m_random.uniform(0.905, 0.99) * 100.0) / 100.0;
            c.signedOn = day;
            c.published = day + m_random.between(1, 10);
            c.start = day + m_random.between(0, 5);
            c.end = c.start + m_random.between(30, 180);
            c.paidFactor = m_random.uniform(0.4, 0.95);
            c.special = true;
            c.labels = bit(Detector::NearThreshold);
            m_sampler.countDigits(unit, c.supplier, c.initialValue);
            m_sampler.addDispensa(unit, year, free[k], c.supplier, c.initialValue);
            m_world.contracts.push_back(c);
        }
        ++done;
    }
}

void Injector::benford()
{
    for (int group = 0; group < m_plan.benfordGroups; ++group) {
        const std::uint32_t supplier = m_sampler.addSupplier(false);
        for (int i = 0; i < m_plan.benfordGroupSize; ++i) {
            // Uniform first digits: Benford expects 30 % ones and 4.6 % nines.
            const int digit = 1 + i % 9;
            for (int attempt = 0; attempt < 200; ++attempt) {
                const auto unit = std::uint32_t(m_random.below(m_world.units.size()));
                const Unit& u = m_world.units[unit];
                const int objectClass = u.classes[m_random.below(u.classes.size())];
                const double value =
                    m_sampler.sampleValue(m_sampler.competitiveMedian(objectClass, unit), unit, supplier, digit);
                const Day day = firstDay() + Day(m_random.below(std::uint64_t(lastDay() - firstDay() - 30)));
                if (std::isnan(value) || !m_sampler.duplicateFree(supplier, day, value, value))
                    continue;
                Contract c;
                c.unit = unit;
                c.objectClass = std::uint16_t(objectClass);
                c.modality = m_sampler.isWorks(objectClass) ? Modality::Concorrencia : Modality::Pregao;
                c.supplier = supplier;
                c.objectSeed = m_random.next();
                c.initialValue = c.finalValue = value;
                c.signedOn = day;
                c.published = day + m_random.between(1, 10);
                c.start = day + m_random.between(0, 5);
                c.end = c.start + m_random.between(120, 720);
                c.paidFactor = m_random.chance(0.6) ? m_random.uniform(0.4, 0.95) : 0.0;
                c.special = true;
                c.labels = bit(Detector::Benford);
                m_sampler.countDigits(unit, supplier, value);
                m_sampler.rememberForDuplicates(supplier, day, value, value);
                m_world.contracts.push_back(c);
                break;
            }
        }
    }
}

} // namespace cidadao::data::generator
