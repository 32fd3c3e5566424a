// SPDX-License-Identifier: GPL-3.0-or-later
// The synthetic generator's randomness. std::mt19937_64's output sequence is fixed by the C++
// standard, but std::*_distribution is not (libstdc++, libc++ and MSVC give different numbers for the
// same engine state), so every distribution here is written out from the raw 64-bit words: a seed
// gives byte-identical files on every platform.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace cidadao::data::generator {

class GeneratorRandom
{
public:
    explicit GeneratorRandom(std::uint64_t seed);

    std::uint64_t next() { return m_engine(); }
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    // Uniform integer in [0, n); n > 0. Lemire's multiply-shift with rejection (unbiased).
    std::uint64_t below(std::uint64_t n);
    int between(int lo, int hi) { return lo + int(below(std::uint64_t(hi - lo + 1))); } // inclusive
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double p) { return uniform() < p; }
    // Standard normal (Marsaglia polar method; only sqrt and log, which are correctly rounded in
    // practice, unlike sin/cos of Box-Muller).
    double normal();
    // Standard normal conditioned on |z| ≤ limit.
    double truncatedNormal(double limit);
    // exp(uniform(log lo, log hi)).
    double logUniform(double lo, double hi);
    // A child generator for an independent stream (e.g. one per data source), so adding draws to one
    // source does not shift the numbers of another.
    GeneratorRandom fork(std::uint64_t salt);

private:
    std::mt19937_64 m_engine;
    bool m_hasSpare = false;
    double m_spare = 0.0;
};

// Zipf(s) over ranks 0..n-1: P(k) ∝ 1 / (k + 1)^s, sampled by binary search in the cumulative table.
class ZipfTable
{
public:
    ZipfTable(std::size_t n, double exponent);
    std::size_t sample(GeneratorRandom& random) const;
    std::size_t size() const { return m_cumulative.size(); }

private:
    std::vector<double> m_cumulative;
};

// splitmix64: a stateless mixer for per-record derived seeds (object texts, names).
std::uint64_t mixBits(std::uint64_t x);

} // namespace cidadao::data::generator
