// SPDX-License-Identifier: GPL-3.0-or-later
// Records identified by (UG, number) — a contract, a bidding — and looked up from another table that
// names the same pair (a payment's Processo, a participant's Número Licitação). A flat head array
// indexed by the number's StringPool code chains the distinct pairs that share a number (almost
// always one), so building is one pass and a lookup is one load and a unit comparison: no hashing, no
// sort, no per-entry allocation, where the unordered_maps this replaced cost about a second per
// detector at a million contracts. Internal to the engine.
#pragma once

#include "engine/columns.h"

#include <cstdint>
#include <vector>

namespace cidadao::engine {

class PairIndex
{
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    // Rows with number == 0 are left out. poolSize: the Dataset's StringPool size.
    PairIndex(std::size_t poolSize, const std::vector<Code>& units, const std::vector<Code>& numbers);

    // The pair id of (unit, number), or kNone when no row has it.
    std::uint32_t find(Code unit, Code number) const;
    // The only row with (unit, number); kNone when none or several.
    std::uint32_t uniqueRow(Code unit, Code number) const
    {
        const std::uint32_t p = find(unit, number);
        return p != kNone && m_rowCount[p] == 1 ? m_firstRow[p] : kNone;
    }
    // The only row with this number in any unit; kNone when none or several.
    std::uint32_t uniqueRowByNumber(Code number) const;
    std::uint32_t pairCount() const { return std::uint32_t(m_unit.size()); }
    std::uint32_t rowCount(std::uint32_t pair) const { return m_rowCount[pair]; }
    // Per row: its pair id (kNone for rows left out).
    const std::vector<std::uint32_t>& pairOfRow() const { return m_pairOfRow; }

private:
    std::vector<std::uint32_t> m_head;       // per number code: first pair id, kNone
    std::vector<std::uint32_t> m_next;       // per pair: next pair with the same number
    std::vector<Code> m_unit;                // per pair
    std::vector<std::uint32_t> m_firstRow;   // per pair: its lowest row
    std::vector<std::uint32_t> m_rowCount;   // per pair
    std::vector<std::uint32_t> m_pairOfRow;
};

} // namespace cidadao::engine
