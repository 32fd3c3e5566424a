// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/stringpool.h"

#include <QHashFunctions>

namespace cidadao::engine {

namespace {

std::size_t hashOf(QStringView text) { return qHash(text, 0x9e3779b9u); }

// Decodes UTF-8 into out; false when a byte is not ASCII (the caller then lets Qt decode it, which
// also handles invalid sequences the way QString::fromUtf8 always did).
bool asciiToUtf16(std::string_view utf8, std::u16string& out)
{
    out.resize(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte >= 0x80)
            return false;
        out[i] = char16_t(byte);
    }
    return true;
}

} // namespace

StringPool::StringPool()
{
    grow(1024);
    intern(QString());
}

void StringPool::reserve(std::size_t n)
{
    // Only the value arrays: the loader reserves one new text per row (its unique keys), but few of
    // those are indexed, so the slot table is left to double on demand (a rehash touches only the
    // indexed texts, far fewer than the rows).
    m_values.reserve(m_values.size() + n);
    m_hashes.reserve(m_hashes.size() + n);
}

void StringPool::grow(std::size_t capacity)
{
    m_slots.assign(capacity, 0);
    const std::size_t mask = capacity - 1;
    for (std::size_t code = 0; code < m_values.size(); ++code) {
        if (m_hashes[code] == 0)
            continue; // unindexed (appendUtf8Unique)
        std::size_t slot = hashOf(m_values[code]) & mask;
        while (m_slots[slot] != 0)
            slot = (slot + 1) & mask;
        m_slots[slot] = std::uint32_t(code + 1);
    }
}

std::uint32_t StringPool::findSlot(QStringView text, std::size_t hash, bool& found) const
{
    const std::size_t mask = m_slots.size() - 1;
    const auto tag = std::uint32_t(hash) | 1u;
    std::size_t slot = hash & mask;
    while (const std::uint32_t entry = m_slots[slot]) {
        const std::uint32_t code = entry - 1;
        if (m_hashes[code] == tag && QStringView(m_values[code]) == text) {
            found = true;
            return code;
        }
        slot = (slot + 1) & mask;
    }
    found = false;
    return std::uint32_t(slot);
}

std::uint32_t StringPool::add(QString text, std::size_t hash)
{
    if ((m_indexed + 1) * 2 > m_slots.size())
        grow(m_slots.size() * 2);
    bool found = false;
    const std::uint32_t slot = findSlot(text, hash, found);
    const auto code = std::uint32_t(m_values.size());
    m_values.push_back(std::move(text));
    m_hashes.push_back(std::uint32_t(hash) | 1u);
    m_slots[slot] = code + 1;
    ++m_indexed;
    return code;
}

std::uint32_t StringPool::intern(const QString& text)
{
    const std::size_t hash = hashOf(text);
    bool found = false;
    const std::uint32_t code = findSlot(text, hash, found);
    return found ? code : add(text, hash);
}

std::uint32_t StringPool::internUtf8(std::string_view utf8)
{
    if (utf8.empty())
        return 0;
    if (!asciiToUtf16(utf8, m_scratch))
        return intern(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
    const QStringView view(m_scratch.data(), qsizetype(m_scratch.size()));
    const std::size_t hash = hashOf(view);
    bool found = false;
    const std::uint32_t code = findSlot(view, hash, found);
    return found ? code : add(view.toString(), hash);
}

std::uint32_t StringPool::appendUtf8Unique(std::string_view utf8)
{
    if (utf8.empty())
        return 0;
    const auto code = std::uint32_t(m_values.size());
    m_values.push_back(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
    m_hashes.push_back(0);
    return code;
}

std::uint32_t StringPool::find(const QString& text) const
{
    bool found = false;
    const std::uint32_t code = findSlot(text, hashOf(text), found);
    return found ? code : UINT32_MAX;
}

} // namespace cidadao::engine
