// SPDX-License-Identifier: GPL-3.0-or-later
// Clean contracts: the background the injected anomalies must stand out from. It is built so that
// the rule detectors have nothing to find in it (every guard below names the rule it keeps clear of),
// while staying realistic: log-normal values per object class, Zipf suppliers, December rush.
#pragma once

#include "data/generatormodel.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace cidadao::data::generator {

// Keeps the running state that several builders share: Benford digit counts per UG and supplier,
// dispensa sums per art. 75 aggregation bucket, and the near-duplicate guard.
class ContractSampler
{
public:
    // Spread of log(value) inside one peer group, and the truncation (in σ) of clean values: a clean
    // value is at most e^(0.2·2) = 1.49 × its group median, far from price_outlier's 2 × median floor,
    // while a 3× injection has a robust z of ln 3 / 0.2 ≈ 5.5.
    static constexpr double kSigma = 0.20;
    static constexpr double kTruncation = 2.0;
    // Clean dispensas keep each art. 75 bucket (UG × year × class, UG × year × supplier) below this
    // fraction of the limit: fracionamento then has nothing to add up.
    static constexpr double kDispensaBucketFraction = 0.85;

    ContractSampler(World& world, GeneratorRandom& random);

    double competitiveMedian(int objectClass, std::uint32_t unit) const;
    double dispensaMedian(int objectClass, Day day) const;
    bool isWorks(int objectClass) const;

    // A value around median (truncated log-normal), nudged towards the first digits the UG and the
    // supplier lack so that every clean group follows Benford's law. forcedDigit ≥ 1 asks for that
    // first digit (returns NaN when the class cannot produce it).
    double sampleValue(double median, std::uint32_t unit, std::uint32_t supplier, int forcedDigit = 0);
    void countDigits(std::uint32_t unit, std::uint32_t supplier, double value);

    // art. 75 aggregation buckets.
    bool dispensaFits(std::uint32_t unit, int year, int objectClass, std::uint32_t supplier, double value,
                      double limit, int month) const;
    void addDispensa(std::uint32_t unit, int year, int objectClass, std::uint32_t supplier, double value);
    double classBucket(std::uint32_t unit, int year, int objectClass) const;

    // Near-duplicate guard: false when the supplier has a contract within 31 days whose initial or
    // final value is within 1.5 % of one of these.
    bool duplicateFree(std::uint32_t supplier, Day day, double initialValue, double finalValue) const;
    void rememberForDuplicates(std::uint32_t supplier, Day day, double initialValue, double finalValue);

    std::uint32_t zipfSupplier();
    std::uint32_t addSupplier(bool person); // a new supplier outside the Zipf population
    GeneratorRandom& random() { return m_random; }
    World& world() { return m_world; }

private:
    World& m_world;
    GeneratorRandom& m_random;
    ZipfTable m_zipf;
    std::vector<std::array<std::uint32_t, 10>> m_unitDigits;
    std::unordered_map<std::uint32_t, std::array<std::uint32_t, 10>> m_supplierDigits;
    std::unordered_map<std::uint64_t, double> m_classBuckets;
    std::unordered_map<std::uint64_t, double> m_supplierBuckets;
    std::unordered_map<std::uint64_t, std::vector<Day>> m_duplicateKeys;
    std::uint32_t m_nextCnpjRoot;
};

// Organs, units and the Zipf supplier population for `contracts` contracts.
void buildWorld(World& world, std::int64_t contracts, GeneratorRandom& random);
// Appends about `count` clean contracts (every unit, 2021-2025) to world.contracts.
void generateCleanContracts(ContractSampler& sampler, std::int64_t count);
// One clean contract of `unit` signed on `day`; competitiveOnly forbids dispensas.
Contract makeCleanContract(ContractSampler& sampler, std::uint32_t unit, Day day, bool competitiveOnly);
std::string makeCompanyName(std::uint64_t seed);
// A masked CPF no other entity of the world shows (masks keep only 6 digits: they do collide).
std::string uniqueMaskedCpf(World& world, GeneratorRandom& random);
std::string makePersonName(std::uint64_t seed);

} // namespace cidadao::data::generator
