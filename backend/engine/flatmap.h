// SPDX-License-Identifier: GPL-3.0-or-later
// A small open-addressing map from integer keys to integer values, for the engine's per-row lookups
// where the distinct keys are few (thousands of organs or UGs, a hundred thousand suppliers, a few
// thousand object-text shapes): one array that stays in cache, where std::unordered_map's node per key
// and a vector indexed by pool code (35 MB per column at a million contracts) did not. Internal to
// the engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace cidadao::engine {

template<typename Key, typename Value>
class FlatMap
{
public:
    FlatMap() : m_slots(kInitialSlots), m_shift(64 - kInitialBits) {}

    // The value stored for key, or nullptr.
    const Value* find(Key key) const
    {
        const std::size_t at = slotOf(key);
        return m_slots[at].used ? &m_slots[at].value : nullptr;
    }
    // Stores value for key unless key is already there; returns the stored value and whether it is new.
    std::pair<Value, bool> emplace(Key key, Value value)
    {
        std::size_t at = slotOf(key);
        if (m_slots[at].used)
            return {m_slots[at].value, false};
        m_slots[at] = {key, value, true};
        if (2 * ++m_size > m_slots.size())
            grow();
        return {value, true};
    }
    std::size_t size() const { return m_size; }

private:
    struct Slot
    {
        Key key{};
        Value value{};
        bool used = false;
    };
    static constexpr int kInitialBits = 10;
    static constexpr std::size_t kInitialSlots = std::size_t(1) << kInitialBits;

    // key's slot, or the empty slot where it would go (linear probing from a multiplicative hash).
    std::size_t slotOf(Key key) const
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t at = std::size_t((std::uint64_t(key) * 0x9E3779B97F4A7C15ull) >> m_shift);
        while (m_slots[at].used && m_slots[at].key != key)
            at = (at + 1) & mask;
        return at;
    }
    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        --m_shift;
        for (const Slot& slot : old)
            if (slot.used)
                m_slots[slotOf(slot.key)] = slot;
    }

    std::vector<Slot> m_slots;
    int m_shift;
    std::size_t m_size = 0;
};

} // namespace cidadao::engine
