// SPDX-License-Identifier: GPL-3.0-or-later
// The clean contract background (see generatorcontracts.h for the guards it keeps).
#include "data/generatorcalendar.h"
#include "data/generatorcatalog.h"
#include "data/generatorcontracts.h"

#include <algorithm>
#include <cmath>

namespace cidadao::data::generator {

namespace {

// Monthly volume relative to an ordinary month: slow January, the December rush of year-end budgets.
constexpr double kSeason[12] = {0.8, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.45};
constexpr int kMonths = (kLastYear - kFirstYear + 1) * 12;

Modality chooseModality(GeneratorRandom& random, const ObjectClassEntry& entry, bool dispensaAllowed)
{
    const bool works = entry.kind == Procurement::Works;
    double pregao = works ? 0.30 : 0.65;
    double concorrencia = works ? 0.55 : 0.0;
    double dispensa = dispensaAllowed && entry.dispensaFraction > 0 ? (works ? 0.15 : 0.27) : 0.0;
    double inexigivel = entry.inexigivel ? 0.08 : 0.0;
    const double total = pregao + concorrencia + dispensa + inexigivel;
    double u = random.uniform() * total;
    if ((u -= dispensa) < 0)
        return Modality::Dispensa;
    if ((u -= inexigivel) < 0)
        return Modality::Inexigibilidade;
    if ((u -= concorrencia) < 0)
        return Modality::Concorrencia;
    return Modality::Pregao;
}

void setDates(GeneratorRandom& random, Contract& c, Day day)
{
    c.signedOn = day;
    c.published = day + random.between(1, 10);
    c.start = day + random.between(0, 5);
    const bool shortTerm = c.modality == Modality::Dispensa;
    c.end = c.start + (shortTerm ? random.between(30, 180) : random.between(120, 720));
}

} // namespace

Contract makeCleanContract(ContractSampler& sampler, std::uint32_t unitIndex, Day day, bool competitiveOnly)
{
    GeneratorRandom& random = sampler.random();
    const Unit& unit = sampler.world().units[unitIndex];
    const auto classes = objectClasses();
    Contract c;
    c.unit = unitIndex;
    c.objectClass = std::uint16_t(unit.classes[random.below(unit.classes.size())]);
    const ObjectClassEntry& entry = classes[c.objectClass];
    c.modality = chooseModality(random, entry, !competitiveOnly && day >= lei14133Start());
    c.supplier = sampler.zipfSupplier();
    c.objectSeed = random.next();
    const CivilDate civil = civilFromDay(day);
    const int year = civil.year;
    if (c.modality == Modality::Dispensa) {
        const double value = sampler.sampleValue(sampler.dispensaMedian(c.objectClass, day), unitIndex, c.supplier);
        const double limit = dispensaLimit(day, sampler.isWorks(c.objectClass));
        if (sampler.dispensaFits(unitIndex, year, c.objectClass, c.supplier, value, limit, civil.month)) {
            c.initialValue = value;
            sampler.addDispensa(unitIndex, year, c.objectClass, c.supplier, value);
        } else {
            // The art. 75 bucket is full: a real UG would have to bid it out.
            c.modality = sampler.isWorks(c.objectClass) ? Modality::Concorrencia : Modality::Pregao;
        }
    }
    if (c.modality != Modality::Dispensa)
        c.initialValue = sampler.sampleValue(sampler.competitiveMedian(c.objectClass, unitIndex), unitIndex, c.supplier);
    // Clean amendments stay far below the 25 % cap, and never move a value past 2× its median.
    c.finalValue = c.initialValue;
    if (c.modality != Modality::Dispensa && random.chance(0.25))
        c.finalValue = std::round(c.initialValue * random.uniform(1.01, 1.20) * 100.0) / 100.0;
    setDates(random, c, day);
    c.paidFactor = random.chance(0.6) ? random.uniform(0.4, 0.95) : 0.0;
    sampler.countDigits(unitIndex, c.supplier, c.initialValue);
    return c;
}

namespace {

int monthIndex(Day day)
{
    const CivilDate c = civilFromDay(day);
    return (c.year - kFirstYear) * 12 + c.month - 1;
}

Day moveToMonth(Day day, int month)
{
    const CivilDate c = civilFromDay(day);
    const int year = kFirstYear + month / 12;
    const int m = month % 12 + 1;
    return dayFromCivil(year, m, std::min(c.day, daysInMonth(year, m)));
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    const auto mid = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    if (values.size() % 2)
        return *mid;
    return (*mid + *std::max_element(values.begin(), mid)) / 2.0;
}

// temporal_spike looks at each UG's monthly value: a month holding two of the band's dearest
// contracts could reach 3× the median month by chance. Move the dearest contract of such a month
// to the lightest month of the same year. Dispensas never move: their art. 75 buckets and 30-day
// windows were checked on their own dates.
void levelMonthlyValues(World& world, std::size_t from, std::size_t to)
{
    std::array<double, kMonths> value{};
    std::array<int, kMonths> count{};
    for (std::size_t i = from; i < to; ++i) {
        const int m = monthIndex(world.contracts[i].signedOn);
        value[std::size_t(m)] += world.contracts[i].finalValue;
        ++count[std::size_t(m)];
    }
    for (int iteration = 0; iteration < 400; ++iteration) {
        std::vector<double> active;
        for (int m = 0; m < kMonths; ++m)
            if (count[std::size_t(m)] > 0)
                active.push_back(value[std::size_t(m)]);
        const double typical = median(active);
        const auto worst = int(std::max_element(value.begin(), value.end()) - value.begin());
        if (value[std::size_t(worst)] <= 1.9 * typical)
            return;
        std::size_t dearest = to;
        for (std::size_t i = from; i < to; ++i)
            if (monthIndex(world.contracts[i].signedOn) == worst && world.contracts[i].modality != Modality::Dispensa
                && (dearest == to || world.contracts[i].finalValue > world.contracts[dearest].finalValue))
                dearest = i;
        if (dearest == to)
            return;
        Contract& c = world.contracts[dearest];
        int lightest = -1;
        for (int m = worst / 12 * 12; m < worst / 12 * 12 + 12; ++m) {
            if (m == worst)
                continue;
            if (lightest < 0 || value[std::size_t(m)] < value[std::size_t(lightest)])
                lightest = m;
        }
        if (lightest < 0 || value[std::size_t(lightest)] + c.finalValue >= value[std::size_t(worst)])
            return;
        const Day shift = moveToMonth(c.signedOn, lightest) - c.signedOn;
        c.signedOn += shift;
        c.published += shift;
        c.start += shift;
        c.end += shift;
        value[std::size_t(worst)] -= c.finalValue;
        value[std::size_t(lightest)] += c.finalValue;
        --count[std::size_t(worst)];
        ++count[std::size_t(lightest)];
    }
}

} // namespace

void generateCleanContracts(ContractSampler& sampler, std::int64_t count)
{
    World& world = sampler.world();
    GeneratorRandom& random = sampler.random();
    double weights = 0;
    for (const Unit& unit : world.units)
        weights += unit.weight;
    double seasonTotal = 0;
    for (double s : kSeason)
        seasonTotal += s;
    world.contracts.reserve(std::size_t(double(count) * 1.05) + 1000);
    for (std::uint32_t u = 0; u < world.units.size(); ++u) {
        const std::size_t from = world.contracts.size();
        const double perYear = double(count) * world.units[u].weight / weights / (kLastYear - kFirstYear + 1);
        for (int month = 0; month < kMonths; ++month) {
            const int year = kFirstYear + month / 12;
            const int m = month % 12 + 1;
            const double expected = perYear * kSeason[m - 1] / seasonTotal * random.uniform(0.85, 1.15);
            const auto n = std::max<std::int64_t>(1, std::llround(expected));
            const Day first = dayFromCivil(year, m, 1);
            for (std::int64_t k = 0; k < n; ++k)
                world.contracts.push_back(
                    makeCleanContract(sampler, u, first + Day(random.below(std::uint64_t(daysInMonth(year, m)))), false));
        }
        levelMonthlyValues(world, from, world.contracts.size());
        // The near-duplicate guard runs after the dates settled.
        for (std::size_t i = from; i < world.contracts.size(); ++i) {
            Contract& c = world.contracts[i];
            for (int attempt = 0; attempt < 8 && !sampler.duplicateFree(c.supplier, c.signedOn, c.initialValue, c.finalValue);
                 ++attempt) {
                if (c.modality == Modality::Dispensa) {
                    c.initialValue = std::round(c.initialValue * 0.96 * 100.0) / 100.0; // keeps the bucket below its cap
                    c.finalValue = c.initialValue;
                } else {
                    c.initialValue = std::round(c.initialValue * 1.031 * 100.0) / 100.0;
                    c.finalValue = std::round(c.finalValue * 1.031 * 100.0) / 100.0;
                }
            }
            sampler.rememberForDuplicates(c.supplier, c.signedOn, c.initialValue, c.finalValue);
        }
    }
}

} // namespace cidadao::data::generator
