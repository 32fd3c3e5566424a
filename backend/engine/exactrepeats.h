// SPDX-License-Identifier: GPL-3.0-or-later
// The duplicate detector's exact rule: records with the same party, value to the cent and date.
// Contracts (supplier, value, signing date) and payments (payee, value, date) share it. A hash table
// of first rows, so each record costs one probe: no sort of a million keys. Public so that the
// benchmark can time this rule beside the pandas reference, which implements only it.
#pragma once

#include "engine/columns.h"

#include <cstdint>
#include <vector>

namespace cidadao::engine {

struct ExactKey
{
    Code party = 0;   // 0: the record has no key (no party, value ≤ 0 or no date) and repeats nothing
    Day day = kNoDate;
    std::int64_t cents = 0;
    bool operator==(const ExactKey&) const = default;
};

std::vector<ExactKey> contractExactKeys(const ContractTable& contracts);
std::vector<ExactKey> paymentExactKeys(const ExpenseTable& expenses);

// For every row whose key an earlier row already had: link(first, row), first the earliest such row.
// Rows are visited in order; `cancelled()` is polled every 65,536 rows and stops the scan.
template<typename Link, typename Cancelled>
void forEachExactRepeat(const std::vector<ExactKey>& keys, Link&& link, Cancelled&& cancelled)
{
    const std::size_t n = keys.size();
    std::size_t capacity = 1024;
    while (capacity < 2 * n)
        capacity *= 2;
    const std::size_t mask = capacity - 1;
    std::vector<std::uint32_t> firstOfKey(capacity, UINT32_MAX);
    for (std::uint32_t i = 0; i < n; ++i) {
        if ((i & 0xFFFF) == 0 && cancelled())
            return;
        const ExactKey& key = keys[i];
        if (key.party == 0)
            continue;
        std::uint64_t h = (std::uint64_t(key.party) * 0x9E3779B97F4A7C15ull)
                          ^ (std::uint64_t(key.cents) * 0xC2B2AE3D27D4EB4Full)
                          ^ (std::uint64_t(std::uint32_t(key.day)) * 0x165667B19E3779F9ull);
        h ^= h >> 31;
        for (std::size_t slot = h & mask;; slot = (slot + 1) & mask) {
            const std::uint32_t first = firstOfKey[slot];
            if (first == UINT32_MAX) {
                firstOfKey[slot] = i;
                break;
            }
            if (keys[first] == key) {
                link(first, i);
                break;
            }
        }
    }
}

} // namespace cidadao::engine
