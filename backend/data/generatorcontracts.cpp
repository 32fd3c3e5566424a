// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/generatorcontracts.h"

#include "data/generatorcalendar.h"
#include "data/generatorcatalog.h"
#include "data/generatordocuments.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace cidadao::data::generator {

const std::array<double, 10> kBenford = {0.0, 0.30103, 0.17609, 0.12494, 0.09691, 0.07918,
                                         0.06695, 0.05799, 0.05115, 0.04576};

int firstDigit(double value)
{
    value = std::abs(value);
    if (!(value > 0) || !std::isfinite(value))
        return 0;
    while (value >= 10.0)
        value /= 10.0;
    while (value < 1.0)
        value *= 10.0;
    return int(value);
}

std::string_view detectorName(Detector detector)
{
    static constexpr std::string_view kNames[] = {
        "price_outlier", "vendor_concentration", "splitting", "near_threshold", "amendment_excess", "duplicate",
        "temporal_spike", "date_logic", "benford", "invalid_document", "sanctioned_supplier", "single_bidder",
        "pay_over_ceiling"};
    return kNames[std::size_t(detector)];
}

namespace {

std::uint64_t bucketKey(std::uint32_t unit, int year, std::uint32_t item)
{
    return (std::uint64_t(unit) << 40) | (std::uint64_t(year - 2000) << 32) | item;
}

double roundCents(double value)
{
    return std::round(value * 100.0) / 100.0;
}

} // namespace

std::string makeCompanyName(std::uint64_t seed)
{
    const auto words = companyWords();
    const auto sectors = companySectors();
    const auto suffixes = companySuffixes();
    std::string name(words[seed % words.size()]);
    seed = mixBits(seed);
    if (seed % 3 == 0) {
        name += ' ';
        name += words[(seed >> 8) % words.size()];
    }
    name += ' ';
    name += sectors[(seed >> 16) % sectors.size()];
    name += ' ';
    name += suffixes[(seed >> 24) % suffixes.size()];
    // Company names are upper case in the Portal's files (accents included: "COMÉRCIO").
    return QString::fromUtf8(name.data(), qsizetype(name.size())).toUpper().toStdString();
}

std::string makePersonName(std::uint64_t seed)
{
    const auto first = firstNames();
    const auto last = lastNames();
    std::string name(first[seed % first.size()]);
    seed = mixBits(seed);
    name += ' ';
    name += last[seed % last.size()];
    name += ' ';
    name += last[(seed >> 20) % last.size()];
    return name;
}

std::string uniqueMaskedCpf(World& world, GeneratorRandom& random)
{
    for (;;) {
        std::string masked = maskCpf(makeCpf(std::uint32_t(random.below(1000000000))));
        if (world.usedMaskedIds.insert(masked).second)
            return masked;
    }
}

namespace {
// Benford needs every first digit: some class of the UG must reach each digit with a fair share of its
// (narrow) value range, or the digit balancing of ContractSampler::sampleValue has nothing to pick from.
bool coversEveryDigit(const std::vector<int>& classes, double priceLevel)
{
    const double half = ContractSampler::kSigma * ContractSampler::kTruncation / std::log(10.0);
    for (int d = 1; d <= 9; ++d) {
        const double lo = std::log10(double(d)), hi = std::log10(double(d + 1));
        double best = 0;
        for (int c : classes) {
            const double center = std::log10(objectClasses()[std::size_t(c)].medianValue * priceLevel);
            const double a = center - half, b = center + half;
            double overlap = 0;
            for (double k = std::floor(a); k <= std::ceil(b); k += 1.0)
                overlap += std::max(0.0, std::min(b, k + hi) - std::max(a, k + lo));
            best = std::max(best, overlap / (b - a));
        }
        if (best < 0.12)
            return false;
    }
    return true;
}
} // namespace

void buildWorld(World& world, std::int64_t contracts, GeneratorRandom& random)
{
    const auto superiors = superiorOrgans();
    for (int s = 0; s < int(superiors.size()); ++s)
        for (int e = 0; e < int(superiors[std::size_t(s)].organs.size()); ++e)
            world.organs.push_back({s, e, random.uniform(0.9, 1.1)});

    const auto classes = objectClasses();
    const int unitCount = int(std::clamp<std::int64_t>(std::llround(double(contracts) / 300.0), 12, 12000));
    std::vector<int> serials(superiors.size(), 0);
    for (int i = 0; i < unitCount; ++i) {
        Unit unit;
        unit.organ = i < int(world.organs.size()) ? i : int(random.below(world.organs.size()));
        const int superior = world.organs[std::size_t(unit.organ)].superior;
        unit.serial = ++serials[std::size_t(superior)];
        const int prefix = superiors[std::size_t(superior)].unitPrefix + unit.serial / 1000;
        unit.code = prefix * 1000 + unit.serial % 1000;
        unit.place = int(random.below(places().size()));
        unit.weight = random.uniform(0.6, 1.4);
        // A UG buys a band of classes whose medians are within 12× of each other, so that one month's
        // value is not dominated by a single contract (temporal_spike looks at monthly values).
        for (double low = random.logUniform(15000, 160000);; low *= 0.8) {
            unit.classes.clear();
            for (int c = 0; c < int(classes.size()); ++c)
                if (classes[std::size_t(c)].medianValue >= low && classes[std::size_t(c)].medianValue <= 12 * low)
                    unit.classes.push_back(c);
            unit.bandLow = low;
            if (unit.classes.size() >= 6 && coversEveryDigit(unit.classes, world.organs[std::size_t(unit.organ)].priceLevel))
                break;
        }
        world.units.push_back(std::move(unit));
    }

    const auto supplierCount = std::size_t(std::max<std::int64_t>(300, contracts / 8));
    world.suppliers.reserve(supplierCount + std::size_t(contracts / 50) + 100);
    for (std::size_t i = 0; i < supplierCount; ++i) {
        Supplier supplier;
        const std::uint64_t nameSeed = random.next();
        if (random.chance(0.06)) {
            supplier.person = true;
            supplier.document = uniqueMaskedCpf(world, random);
            supplier.name = makePersonName(nameSeed);
        } else {
            supplier.document = companyCnpj(std::uint32_t(i));
            supplier.name = makeCompanyName(nameSeed);
        }
        world.suppliers.push_back(std::move(supplier));
    }
    world.cleanSuppliers = supplierCount;
}

ContractSampler::ContractSampler(World& world, GeneratorRandom& random)
    : m_world(world)
    , m_random(random)
    , m_zipf(world.cleanSuppliers, 1.0)
    , m_unitDigits(world.units.size(), std::array<std::uint32_t, 10>{})
    , m_nextCnpjRoot(std::uint32_t(world.suppliers.size()) + 1000)
{
}

double ContractSampler::competitiveMedian(int objectClass, std::uint32_t unit) const
{
    const Organ& organ = m_world.organs[std::size_t(m_world.units[unit].organ)];
    return objectClasses()[std::size_t(objectClass)].medianValue * organ.priceLevel;
}

double ContractSampler::dispensaMedian(int objectClass, Day day) const
{
    // No regional price level here: a "0.6 × limit" class must stay below 0.9 × limit at +2σ.
    return objectClasses()[std::size_t(objectClass)].dispensaFraction * dispensaLimit(day, isWorks(objectClass));
}

bool ContractSampler::isWorks(int objectClass) const
{
    return objectClasses()[std::size_t(objectClass)].kind == Procurement::Works;
}

double ContractSampler::sampleValue(double median, std::uint32_t unit, std::uint32_t supplier, int forcedDigit)
{
    auto draw = [&] { return roundCents(median * std::exp(kSigma * m_random.truncatedNormal(kTruncation))); };
    if (forcedDigit > 0) {
        for (int attempt = 0; attempt < 400; ++attempt) {
            const double v = draw();
            if (firstDigit(v) == forcedDigit)
                return v;
        }
        return std::nan("");
    }
    double value = draw();
    const auto& unitCounts = m_unitDigits[unit];
    const auto supplierIt = m_supplierDigits.find(supplier);
    std::array<double, 10> deficit{};
    std::uint32_t unitTotal = 0, supplierTotal = 0;
    for (int d = 1; d <= 9; ++d) {
        unitTotal += unitCounts[std::size_t(d)];
        if (supplierIt != m_supplierDigits.end())
            supplierTotal += supplierIt->second[std::size_t(d)];
    }
    int best = 1;
    for (int d = 1; d <= 9; ++d) {
        const double expectedUnit = kBenford[std::size_t(d)] * (unitTotal + 1);
        const double expectedSupplier = kBenford[std::size_t(d)] * (supplierTotal + 1);
        deficit[std::size_t(d)] = expectedUnit - unitCounts[std::size_t(d)];
        if (supplierIt != m_supplierDigits.end())
            deficit[std::size_t(d)] += expectedSupplier - supplierIt->second[std::size_t(d)];
        if (deficit[std::size_t(d)] > deficit[std::size_t(best)])
            best = d;
    }
    const int natural = firstDigit(value);
    if (deficit[std::size_t(best)] - deficit[std::size_t(natural)] > 1.0) {
        // Rejection inside the same truncated distribution: the value stays a plausible draw of its
        // class, only its first digit is chosen. Classes that cannot reach the digit keep the draw.
        for (int attempt = 0; attempt < 48; ++attempt) {
            const double v = draw();
            if (firstDigit(v) == best)
                return v;
        }
    }
    return value;
}

void ContractSampler::countDigits(std::uint32_t unit, std::uint32_t supplier, double value)
{
    const int d = firstDigit(value);
    ++m_unitDigits[unit][std::size_t(d)];
    ++m_supplierDigits[supplier][std::size_t(d)];
}

bool ContractSampler::dispensaFits(std::uint32_t unit, int year, int objectClass, std::uint32_t supplier,
                                   double value, double limit, int month) const
{
    const double cap = kDispensaBucketFraction * limit;
    auto sum = [&](const std::unordered_map<std::uint64_t, double>& buckets, std::uint32_t item) {
        double total = 0;
        // The engine's 30-day window variant crosses fiscal years: a January dispensa also adds up
        // with the previous December's, and a December one with the next January's.
        for (int y = year - (month == 1 ? 1 : 0); y <= year + (month == 12 ? 1 : 0); ++y) {
            const auto it = buckets.find(bucketKey(unit, y, item));
            if (it != buckets.end())
                total += it->second;
        }
        return total;
    };
    return sum(m_classBuckets, std::uint32_t(objectClass)) + value <= cap && sum(m_supplierBuckets, supplier) + value <= cap;
}

void ContractSampler::addDispensa(std::uint32_t unit, int year, int objectClass, std::uint32_t supplier, double value)
{
    m_classBuckets[bucketKey(unit, year, std::uint32_t(objectClass))] += value;
    m_supplierBuckets[bucketKey(unit, year, supplier)] += value;
}

double ContractSampler::classBucket(std::uint32_t unit, int year, int objectClass) const
{
    const auto it = m_classBuckets.find(bucketKey(unit, year, std::uint32_t(objectClass)));
    return it == m_classBuckets.end() ? 0.0 : it->second;
}

namespace {
constexpr double kDuplicateStep = 0.015; // bucket width in log(value)
std::uint64_t duplicateKey(std::uint32_t supplier, double value)
{
    const auto bucket = std::int64_t(std::floor(std::log(value) / kDuplicateStep));
    return (std::uint64_t(supplier) << 32) ^ std::uint64_t(bucket & 0xFFFFFFFF);
}
} // namespace

bool ContractSampler::duplicateFree(std::uint32_t supplier, Day day, double initialValue, double finalValue) const
{
    for (const double value : {initialValue, finalValue}) {
        for (const double probe : {value / std::exp(kDuplicateStep), value, value * std::exp(kDuplicateStep)}) {
            const auto it = m_duplicateKeys.find(duplicateKey(supplier, probe));
            if (it == m_duplicateKeys.end())
                continue;
            for (const Day other : it->second)
                if (std::abs(other - day) <= 31)
                    return false;
        }
    }
    return true;
}

void ContractSampler::rememberForDuplicates(std::uint32_t supplier, Day day, double initialValue, double finalValue)
{
    m_duplicateKeys[duplicateKey(supplier, initialValue)].push_back(day);
    if (duplicateKey(supplier, finalValue) != duplicateKey(supplier, initialValue))
        m_duplicateKeys[duplicateKey(supplier, finalValue)].push_back(day);
}

std::uint32_t ContractSampler::zipfSupplier()
{
    return std::uint32_t(m_zipf.sample(m_random));
}

std::uint32_t ContractSampler::addSupplier(bool person)
{
    Supplier supplier;
    supplier.person = person;
    const std::uint64_t seed = m_random.next();
    if (person) {
        supplier.document = uniqueMaskedCpf(m_world, m_random);
        supplier.name = makePersonName(seed);
    } else {
        supplier.document = companyCnpj(m_nextCnpjRoot++);
        supplier.name = makeCompanyName(seed);
    }
    m_world.suppliers.push_back(std::move(supplier));
    return std::uint32_t(m_world.suppliers.size() - 1);
}

} // namespace cidadao::data::generator
