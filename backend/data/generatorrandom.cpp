// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/generatorrandom.h"

#include <algorithm>
#include <cmath>

namespace cidadao::data::generator {

namespace {
__extension__ typedef unsigned __int128 Wide;
}

GeneratorRandom::GeneratorRandom(std::uint64_t seed)
    : m_engine(seed)
{
}

double GeneratorRandom::uniform()
{
    return double(m_engine() >> 11) * 0x1.0p-53;
}

std::uint64_t GeneratorRandom::below(std::uint64_t n)
{
    // Lemire, "Fast random integer generation in an interval" (2019).
    Wide m = Wide(m_engine()) * n;
    auto low = std::uint64_t(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = Wide(m_engine()) * n;
            low = std::uint64_t(m);
        }
    }
    return std::uint64_t(m >> 64);
}

double GeneratorRandom::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u = 0, v = 0, s = 0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spare = v * factor;
    m_hasSpare = true;
    return u * factor;
}

double GeneratorRandom::truncatedNormal(double limit)
{
    for (;;) {
        const double z = normal();
        if (std::abs(z) <= limit)
            return z;
    }
}

double GeneratorRandom::logUniform(double lo, double hi)
{
    return std::exp(uniform(std::log(lo), std::log(hi)));
}

GeneratorRandom GeneratorRandom::fork(std::uint64_t salt)
{
    return GeneratorRandom(mixBits(next() ^ mixBits(salt)));
}

ZipfTable::ZipfTable(std::size_t n, double exponent)
{
    m_cumulative.resize(n);
    double total = 0;
    for (std::size_t k = 0; k < n; ++k) {
        total += 1.0 / std::pow(double(k + 1), exponent);
        m_cumulative[k] = total;
    }
    for (double& c : m_cumulative)
        c /= total;
}

std::size_t ZipfTable::sample(GeneratorRandom& random) const
{
    const double u = random.uniform();
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
    return std::min<std::size_t>(std::size_t(it - m_cumulative.begin()), m_cumulative.size() - 1);
}

std::uint64_t mixBits(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

} // namespace cidadao::data::generator
