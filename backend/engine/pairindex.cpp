// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pairindex.h"

namespace cidadao::engine {

PairIndex::PairIndex(std::size_t poolSize, const std::vector<Code>& units, const std::vector<Code>& numbers)
    : m_head(poolSize, kNone), m_pairOfRow(numbers.size(), kNone)
{
    for (std::uint32_t row = 0; row < numbers.size(); ++row) {
        const Code number = numbers[row];
        if (number == 0)
            continue;
        const Code unit = units[row];
        std::uint32_t p = m_head[number];
        while (p != kNone && m_unit[p] != unit)
            p = m_next[p];
        if (p == kNone) {
            p = std::uint32_t(m_unit.size());
            m_unit.push_back(unit);
            m_next.push_back(m_head[number]);
            m_firstRow.push_back(row);
            m_rowCount.push_back(0);
            m_head[number] = p;
        }
        ++m_rowCount[p];
        m_pairOfRow[row] = p;
    }
}

std::uint32_t PairIndex::find(Code unit, Code number) const
{
    if (number >= m_head.size())
        return kNone;
    std::uint32_t p = m_head[number];
    while (p != kNone && m_unit[p] != unit)
        p = m_next[p];
    return p;
}

std::uint32_t PairIndex::uniqueRowByNumber(Code number) const
{
    if (number >= m_head.size())
        return kNone;
    const std::uint32_t p = m_head[number];
    if (p == kNone || m_next[p] != kNone || m_rowCount[p] != 1)
        return kNone;
    return m_firstRow[p];
}

} // namespace cidadao::engine
