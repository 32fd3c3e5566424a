// SPDX-License-Identifier: GPL-3.0-or-later
// Grouping a million rows without sorting them: codes are made dense (0..k−1, by first appearance),
// combined into one bucket number, and rows are placed by a counting sort. O(n + buckets) instead
// of O(n log n), and rows stay ascending inside each group. Internal to the engine.
#pragma once

#include "engine/columns.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cidadao::engine {

inline constexpr std::uint32_t kNoBucket = UINT32_MAX;

// Code → dense id (0..k−1 by first appearance). An open-addressing table over the codes seen: the
// grouped columns (organs, UGs, suppliers) hold thousands to a hundred thousand distinct codes, so
// the table stays in cache, where a flat vector indexed by code was the pool's size (35 MB per
// column at a million contracts, zeroed and faulted in by every detector).
class DenseCodes
{
public:
    DenseCodes() : m_slots(kInitialSlots, Slot{0, kNoBucket}), m_shift(64 - kInitialBits) {}
    std::uint32_t operator()(Code code)
    {
        if (code == m_lastCode && m_lastId != kNoBucket)
            return m_lastId;   // runs of one code are common (rows arrive grouped by file and UG)
        const std::size_t mask = m_slots.size() - 1;
        std::size_t at = slotOf(code);
        while (m_slots[at].id != kNoBucket && m_slots[at].code != code)
            at = (at + 1) & mask;
        if (m_slots[at].id == kNoBucket) {
            m_slots[at] = {code, std::uint32_t(m_codes.size())};
            m_codes.push_back(code);
            if (2 * m_codes.size() > m_slots.size()) {
                grow();
                return remember(code, std::uint32_t(m_codes.size() - 1));
            }
        }
        return remember(code, m_slots[at].id);
    }
    std::uint32_t size() const { return std::uint32_t(m_codes.size()); }
    Code code(std::uint32_t id) const { return m_codes[id]; }

private:
    struct Slot
    {
        Code code;
        std::uint32_t id;   // kNoBucket: empty
    };
    static constexpr int kInitialBits = 10;
    static constexpr std::size_t kInitialSlots = std::size_t(1) << kInitialBits;
    std::size_t slotOf(Code code) const { return std::size_t((std::uint64_t(code) * 0x9E3779B97F4A7C15ull) >> m_shift); }
    std::uint32_t remember(Code code, std::uint32_t id)
    {
        m_lastCode = code;
        m_lastId = id;
        return id;
    }
    void grow()
    {
        m_slots.assign(m_slots.size() * 2, Slot{0, kNoBucket});
        --m_shift;
        const std::size_t mask = m_slots.size() - 1;
        for (std::uint32_t id = 0; id < m_codes.size(); ++id) {
            std::size_t at = slotOf(m_codes[id]);
            while (m_slots[at].id != kNoBucket)
                at = (at + 1) & mask;
            m_slots[at] = {m_codes[id], id};
        }
    }
    std::vector<Slot> m_slots;
    int m_shift;
    std::vector<Code> m_codes;
    Code m_lastCode = 0;
    std::uint32_t m_lastId = kNoBucket;
};

// Rows grouped by bucket: rows of bucket b are rows[offsets[b] .. offsets[b + 1]).
struct Buckets
{
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> rows;
    std::size_t count() const { return offsets.empty() ? 0 : offsets.size() - 1; }
    std::span<const std::uint32_t> group(std::size_t b) const
    {
        return {rows.data() + offsets[b], rows.data() + offsets[b + 1]};
    }
};

// bucketOf[row] in [0, buckets) or kNoBucket (row left out).
inline Buckets bucketRows(const std::vector<std::uint32_t>& bucketOf, std::uint32_t buckets)
{
    Buckets out;
    out.offsets.assign(std::size_t(buckets) + 1, 0);
    for (std::uint32_t b : bucketOf)
        if (b != kNoBucket)
            ++out.offsets[std::size_t(b) + 1];
    for (std::size_t b = 0; b < buckets; ++b)
        out.offsets[b + 1] += out.offsets[b];
    out.rows.resize(out.offsets.back());
    std::vector<std::uint32_t> next(out.offsets.begin(), out.offsets.end() - 1);
    for (std::uint32_t row = 0; row < bucketOf.size(); ++row)
        if (bucketOf[row] != kNoBucket)
            out.rows[next[bucketOf[row]]++] = row;
    return out;
}

// bucketRows, and a per-row payload placed beside each row: payload[k] = payloadOf(rows[k]). The rows
// of a group are scattered over the table, so reading a column through them is a cache miss per row
// (at a million contracts that was most of price_outlier's time); here each row's payload is read
// in row order and written to its group's slot, which the CPU does not wait for.
template<typename T, typename PayloadOf>
Buckets bucketRowsWith(const std::vector<std::uint32_t>& bucketOf, std::uint32_t buckets, std::vector<T>& payload,
                       PayloadOf&& payloadOf)
{
    Buckets out;
    out.offsets.assign(std::size_t(buckets) + 1, 0);
    for (std::uint32_t b : bucketOf)
        if (b != kNoBucket)
            ++out.offsets[std::size_t(b) + 1];
    for (std::size_t b = 0; b < buckets; ++b)
        out.offsets[b + 1] += out.offsets[b];
    out.rows.resize(out.offsets.back());
    payload.resize(out.offsets.back());
    std::vector<std::uint32_t> next(out.offsets.begin(), out.offsets.end() - 1);
    for (std::uint32_t row = 0; row < bucketOf.size(); ++row) {
        if (bucketOf[row] == kNoBucket)
            continue;
        const std::uint32_t at = next[bucketOf[row]]++;
        out.rows[at] = row;
        payload[at] = payloadOf(row);
    }
    return out;
}

} // namespace cidadao::engine
