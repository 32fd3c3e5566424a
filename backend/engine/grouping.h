// SPDX-License-Identifier: GPL-3.0-or-later
// Grouping a million rows without sorting them: codes are made dense (0..k−1, by first appearance),
// combined into one bucket number, and rows are placed by a counting sort. O(n + buckets) instead
// of O(n log n), and rows stay ascending inside each group. Internal to the engine.
#pragma once

#include "engine/columns.h"
#include "engine/flatmap.h"

#include <cstdint>
#include <span>
#include <vector>

namespace cidadao::engine {

inline constexpr std::uint32_t kNoBucket = UINT32_MAX;

// Code → dense id (0..k−1 by first appearance), in a FlatMap of the codes seen.
class DenseCodes
{
public:
    std::uint32_t operator()(Code code)
    {
        if (code == m_lastCode && m_lastId != kNoBucket)
            return m_lastId;   // runs of one code are common (rows arrive grouped by file and UG)
        const auto [id, fresh] = m_ids.emplace(code, std::uint32_t(m_codes.size()));
        if (fresh)
            m_codes.push_back(code);
        m_lastCode = code;
        m_lastId = id;
        return id;
    }
    std::uint32_t size() const { return std::uint32_t(m_codes.size()); }
    Code code(std::uint32_t id) const { return m_codes[id]; }

private:
    FlatMap<Code, std::uint32_t> m_ids;
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
