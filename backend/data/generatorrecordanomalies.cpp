// SPDX-License-Identifier: GPL-3.0-or-later
// Record-level injections on contracts: prices, amendments, date logic, documents, sanctions and
// duplicates. Each one changes a clean contract (or copies it) and labels it.
#include "data/generatoranomalies.h"

#include "data/generatorcalendar.h"
#include "data/generatorcatalog.h"
#include "data/generatordocuments.h"

#include <algorithm>
#include <cmath>

namespace cidadao::data::generator {

namespace {
std::uint64_t groupKey(const Contract& c, int organ)
{
    return (std::uint64_t(c.objectClass) << 40) | (std::uint64_t(c.modality) << 32) | std::uint64_t(organ);
}
double cents(double value)
{
    return std::round(value * 100.0) / 100.0;
}
} // namespace

double Injector::groupMedian(const Contract& c, int* size)
{
    if (m_groupMedians.empty()) {
        std::unordered_map<std::uint64_t, std::vector<double>> groups;
        for (const Contract& other : m_world.contracts)
            if (!other.special)
                groups[groupKey(other, m_world.units[other.unit].organ)].push_back(other.initialValue);
        for (auto& [key, values] : groups) {
            const auto mid = values.begin() + std::ptrdiff_t(values.size() / 2);
            std::nth_element(values.begin(), mid, values.end());
            m_groupMedians[key] = {*mid, int(values.size())};
        }
    }
    const auto it = m_groupMedians.find(groupKey(c, m_world.units[c.unit].organ));
    if (it == m_groupMedians.end()) {
        *size = 0;
        return 0;
    }
    *size = it->second.second;
    return it->second.first;
}

bool Injector::valueChangeIsQuiet(const Contract& c, double newFinal) const
{
    // A dearer contract must not turn its UG-year into a concentrated market nor its month into a
    // spike: those detectors would then report records that carry no such label.
    const int year = civilFromDay(c.signedOn).year;
    const double delta = newFinal - c.finalValue;
    const auto total = m_unitYearTotal.at(unitYear(c.unit, year)) + delta;
    const auto supplierIt = m_supplierUnitYear.find((unitYear(c.unit, year) << 32) ^ c.supplier);
    const double supplierValue = (supplierIt == m_supplierUnitYear.end() ? 0.0 : supplierIt->second) + delta;
    if (supplierValue > 0.35 * total)
        return false;
    std::vector<double> months;
    for (double v : m_monthValue[c.unit])
        if (v > 0)
            months.push_back(v);
    std::nth_element(months.begin(), months.begin() + std::ptrdiff_t(months.size() / 2), months.end());
    const double typical = months[months.size() / 2];
    return m_monthValue[c.unit][std::size_t(monthOf(c.signedOn))] + delta <= 2.2 * typical;
}

void Injector::applyValueChange(Contract& c, double newInitial, double newFinal)
{
    const int year = civilFromDay(c.signedOn).year;
    const double delta = newFinal - c.finalValue;
    m_unitYearTotal[unitYear(c.unit, year)] += delta;
    m_supplierUnitYear[(unitYear(c.unit, year) << 32) ^ c.supplier] += delta;
    m_monthValue[c.unit][std::size_t(monthOf(c.signedOn))] += delta;
    c.initialValue = newInitial;
    c.finalValue = newFinal;
}

void Injector::priceOutliers()
{
    for (int done = 0, attempt = 0; done < m_plan.priceOutliers && attempt < 200000; ++attempt) {
        const auto index = std::uint32_t(m_random.below(m_world.contracts.size()));
        Contract& c = m_world.contracts[index];
        if (c.special || c.modality == Modality::Dispensa || c.finalValue != c.initialValue
            || m_takenUnitYears.count(unitYear(c.unit, civilFromDay(c.signedOn).year)))
            continue;
        int size = 0;
        const double median = groupMedian(c, &size);
        // Groups of 15+ so that the engine's n ≥ 10 holds with room; at most two injections per group
        // so that they do not drag the group's median and MAD with them.
        const std::uint64_t key = groupKey(c, m_world.units[c.unit].organ);
        if (size < 15 || m_groupInjections[key] >= std::max(2, size / 15))
            continue;
        const double value = cents(median * m_random.uniform(3.0, 10.0));
        if (!valueChangeIsQuiet(c, value))
            continue;
        applyValueChange(c, value, value);
        ++m_groupInjections[key];
        c.special = true;
        c.labels |= bit(Detector::PriceOutlier);
        ++done;
    }
}

void Injector::amendments()
{
    const auto classes = objectClasses();
    for (int done = 0, attempt = 0; done < m_plan.amendments + m_plan.overpaid && attempt < 200000; ++attempt) {
        const auto index = std::uint32_t(m_random.below(m_world.contracts.size()));
        Contract& c = m_world.contracts[index];
        if (c.special || c.modality == Modality::Dispensa || c.finalValue != c.initialValue
            || classes[c.objectClass].renovation)
            continue;
        const bool overpaid = done >= m_plan.amendments;
        if (overpaid) {
            // Paid more than the final value: the other half of the amendment rule.
            c.paidFactor = m_random.uniform(1.15, 1.35);
        } else {
            int size = 0;
            const double median = groupMedian(c, &size);
            // +30-60 % on a value at or below its peer median stays under 2× the median: no price lead.
            if (size > 0 && c.initialValue > median)
                continue;
            const double finalValue = cents(c.initialValue * m_random.uniform(1.30, 1.60));
            if (!valueChangeIsQuiet(c, finalValue))
                continue;
            applyValueChange(c, c.initialValue, finalValue);
        }
        c.special = true;
        c.labels |= bit(Detector::AmendmentExcess);
        ++done;
    }
}

void Injector::dateLogic()
{
    for (int k = 0; k < m_plan.endBeforeStart; ++k) {
        const std::uint32_t i = randomCandidate([](const Contract&) { return true; });
        if (i == UINT32_MAX)
            break;
        Contract& c = m_world.contracts[i];
        c.end = c.start - m_random.between(5, 200);
        c.paidFactor = 0; // payments "after validity" would be a second, unlabelled finding
        c.special = true;
        c.labels |= bit(Detector::DateLogic);
    }
    for (int k = 0; k < m_plan.signedBeforeResult; ++k) {
        const std::uint32_t i = randomCandidate([](const Contract& c) {
            return c.modality == Modality::Pregao || c.modality == Modality::Concorrencia;
        });
        if (i == UINT32_MAX)
            break;
        Contract& c = m_world.contracts[i];
        c.quirk = Quirk::SignedBeforeResult;
        c.special = true;
        c.labels |= bit(Detector::DateLogic);
    }
}

void Injector::invalidDocuments()
{
    for (int k = 0; k < m_plan.invalidDocuments; ++k) {
        const std::uint32_t i = randomCandidate([](const Contract& c) { return c.modality != Modality::Dispensa; });
        if (i == UINT32_MAX)
            break;
        Contract& c = m_world.contracts[i];
        const std::uint32_t supplier = m_sampler.addSupplier(false);
        m_world.suppliers[supplier].document = breakCheckDigit(m_world.suppliers[supplier].document);
        c.supplier = supplier;
        // The broken id appears once: no bidding participation and no payments carrying it too.
        c.quirk = Quirk::NoBidding;
        c.paidFactor = 0;
        c.special = true;
        c.labels |= bit(Detector::InvalidDocument);
    }
}

void Injector::sanctionedSuppliers()
{
    const auto superiors = superiorOrgans();
    for (int k = 0; k < m_plan.sanctionedSuppliers; ++k) {
        const std::uint32_t first = randomCandidate([](const Contract& c) { return c.modality != Modality::Dispensa; });
        if (first == UINT32_MAX)
            break;
        std::vector<std::uint32_t> members{first};
        const int wanted = m_random.between(1, 3);
        const Day anchor = m_world.contracts[first].signedOn;
        for (int extra = 1; extra < wanted; ++extra) {
            const std::uint32_t other = randomCandidate([&](const Contract& c) {
                return c.modality != Modality::Dispensa && std::abs(c.signedOn - anchor) < 240
                    && std::find(members.begin(), members.end(), std::uint32_t(&c - m_world.contracts.data()))
                           == members.end();
            }, 20000);
            if (other != UINT32_MAX)
                members.push_back(other);
        }
        const std::uint32_t supplier = m_sampler.addSupplier(false);
        Day low = anchor, high = anchor;
        for (std::uint32_t i : members) {
            Contract& c = m_world.contracts[i];
            c.supplier = supplier;
            c.quirk = Quirk::NoBidding;
            c.paidFactor = 0;
            c.special = true;
            c.labels |= bit(Detector::SanctionedSupplier);
            low = std::min(low, c.signedOn);
            high = std::max(high, c.signedOn);
        }
        Sanction s;
        s.cnep = m_random.chance(0.3);
        s.document = m_world.suppliers[supplier].document;
        s.name = m_world.suppliers[supplier].name;
        s.category = int(m_random.below(sanctionCategories().size()));
        s.start = low - m_random.between(10, 300);
        s.end = m_random.chance(0.3) ? engine::kNoDate : high + m_random.between(10, 600);
        s.organ = int(m_random.below(superiors.size()));
        s.fine = s.cnep ? cents(m_random.logUniform(20000, 2000000)) : 0.0;
        m_world.sanctions.push_back(std::move(s));
    }
}

void Injector::duplicates()
{
    for (int k = 0; k < m_plan.duplicatePairs; ++k) {
        const std::uint32_t i = randomCandidate([](const Contract& c) {
            return c.modality != Modality::Dispensa && c.signedOn < lastDay() - 40;
        });
        if (i == UINT32_MAX)
            break;
        Contract& original = m_world.contracts[i];
        original.special = true;
        original.labels |= bit(Detector::Duplicate);
        Contract copy = original;
        copy.paidFactor = 0;
        copy.quirk = original.quirk;
        if (k % 2 == 1) {
            // Near duplicate: same supplier and object, a few days later, value within ±0.5 %.
            const Day shift = m_random.between(1, 20);
            copy.signedOn += shift;
            copy.published += shift;
            copy.start += shift;
            copy.end += shift;
            const double jitter = (m_random.chance(0.5) ? 1.0 : -1.0) * m_random.uniform(0.001, 0.005);
            copy.initialValue = cents(original.initialValue * (1 + jitter));
            copy.finalValue = cents(original.finalValue * (1 + jitter));
        }
        m_world.contracts.push_back(copy);
    }
}

} // namespace cidadao::data::generator
