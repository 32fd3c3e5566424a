// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/stringpool.h"

#include <cstring>

namespace cidadao::engine {

namespace {

// 64-bit multiply-mix over 8-byte words: the texts are short identifiers and names, and the table
// keeps 32 bits of it per code to skip most byte comparisons on collisions.
std::uint32_t hashOf(std::string_view text)
{
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
    std::uint64_t h = 0x243F6A8885A308D3ull ^ (text.size() * k);
    const char* p = text.data();
    std::size_t n = text.size();
    while (n >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return std::uint32_t(h) | 1u;
}

std::uint64_t slotEntry(std::uint32_t tag, std::uint32_t code)
{
    return (std::uint64_t(tag) << 32) | (std::uint64_t(code) + 1);
}

} // namespace

StringPool::StringPool()
{
    grow(1024);
    m_refs.push_back(0);   // code 0: the empty text (never read from the arena)
    m_hashes.push_back(0);
}

void StringPool::reserve(std::size_t n)
{
    // Only the per-code arrays: the loader reserves one new text per row (its unique keys), but few of
    // those are indexed, so the slot table is left to double on demand.
    m_refs.reserve(m_refs.size() + n);
    m_hashes.reserve(m_hashes.size() + n);
}

std::size_t StringPool::memoryBytes() const
{
    return m_arena.capacityBytes() + m_refs.capacity() * sizeof(Utf8Arena::Ref)
         + m_slots.capacity() * sizeof(std::uint64_t) + m_hashes.capacity() * sizeof(std::uint32_t);
}

void StringPool::grow(std::size_t capacity)
{
    m_slots.assign(capacity, 0);
    const std::size_t mask = capacity - 1;
    for (std::size_t code = 1; code < m_refs.size(); ++code) {
        if (m_hashes[code] == 0)
            continue; // unindexed (appendUtf8Unique)
        std::size_t slot = m_hashes[code] & mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = slotEntry(m_hashes[code], std::uint32_t(code));
    }
}

std::uint32_t StringPool::findSlot(std::string_view text, std::uint32_t tag, bool& found) const
{
    const std::size_t mask = m_slots.size() - 1;
    std::size_t slot = tag & mask;
    while (const std::uint64_t entry = m_slots[slot]) {
        if (std::uint32_t(entry >> 32) == tag) {
            const std::uint32_t code = std::uint32_t(entry) - 1;
            if (m_arena.view(m_refs[code]) == text) {
                found = true;
                return code;
            }
        }
        slot = (slot + 1) & mask;
    }
    found = false;
    return std::uint32_t(slot);
}

std::uint32_t StringPool::add(std::string_view text, std::uint32_t tag)
{
    if ((m_indexed + 1) * 2 > m_slots.size())
        grow(m_slots.size() * 2);
    bool found = false;
    const std::uint32_t slot = findSlot(text, tag, found);
    const auto code = std::uint32_t(m_refs.size());
    m_refs.push_back(m_arena.append(text));
    m_hashes.push_back(tag);
    m_slots[slot] = slotEntry(tag, code);
    ++m_indexed;
    return code;
}

std::uint32_t StringPool::intern(QStringView text)
{
    if (text.isEmpty())
        return 0;
    const QByteArray bytes = text.toUtf8();
    return internUtf8(std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

std::uint32_t StringPool::internUtf8(std::string_view utf8)
{
    if (utf8.empty())
        return 0;
    if (!isValidUtf8(utf8)) {
        // Interned as it decodes, so that intern(at(code)) == code for every code.
        const QByteArray clean = QString::fromUtf8(utf8.data(), qsizetype(utf8.size())).toUtf8();
        return internUtf8(std::string_view(clean.constData(), std::size_t(clean.size())));
    }
    const std::uint32_t tag = hashOf(utf8);
    bool found = false;
    const std::uint32_t code = findSlot(utf8, tag, found);
    return found ? code : add(utf8, tag);
}

StringPool::Hint StringPool::hint(std::string_view utf8) const
{
    if (utf8.empty())
        return {};
    const std::uint32_t tag = hashOf(utf8);
    __builtin_prefetch(&m_slots[tag & (m_slots.size() - 1)]);
    return {tag};
}

std::uint32_t StringPool::internUtf8(std::string_view utf8, Hint hint)
{
    if (utf8.empty())
        return 0;
    if (hint.tag == 0 || !isValidUtf8(utf8))
        return internUtf8(utf8);
    bool found = false;
    const std::uint32_t code = findSlot(utf8, hint.tag, found);
    return found ? code : add(utf8, hint.tag);
}

std::uint32_t StringPool::appendUtf8Unique(std::string_view utf8)
{
    if (utf8.empty())
        return 0;
    if (!isValidUtf8(utf8)) {
        const QByteArray clean = QString::fromUtf8(utf8.data(), qsizetype(utf8.size())).toUtf8();
        return appendUtf8Unique(std::string_view(clean.constData(), std::size_t(clean.size())));
    }
    const auto code = std::uint32_t(m_refs.size());
    m_refs.push_back(m_arena.append(utf8));
    m_hashes.push_back(0);
    return code;
}

std::vector<std::uint32_t> StringPool::absorb(const StringPool& other)
{
    std::vector<std::uint32_t> codes(other.m_refs.size(), 0);
    reserve(other.m_refs.size());
    for (std::size_t code = 1; code < other.m_refs.size(); ++code) {
        // other's texts are valid UTF-8 already, and an indexed one carries its hash.
        const std::string_view text = other.m_arena.view(other.m_refs[code]);
        const std::uint32_t tag = other.m_hashes[code];
        if (tag == 0) {
            codes[code] = std::uint32_t(m_refs.size());
            m_refs.push_back(m_arena.append(text));
            m_hashes.push_back(0);
            continue;
        }
        bool found = false;
        const std::uint32_t slot = findSlot(text, tag, found);
        codes[code] = found ? slot : add(text, tag);
    }
    return codes;
}

std::uint32_t StringPool::find(QStringView text) const
{
    if (text.isEmpty())
        return 0;
    const QByteArray bytes = text.toUtf8();
    const std::string_view utf8(bytes.constData(), std::size_t(bytes.size()));
    bool found = false;
    const std::uint32_t code = findSlot(utf8, hashOf(utf8), found);
    return found ? code : UINT32_MAX;
}

} // namespace cidadao::engine
