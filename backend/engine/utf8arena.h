// SPDX-License-Identifier: GPL-3.0-or-later
// Append-only storage for many short UTF-8 strings: the bytes of millions of cells (record keys,
// identifiers, object texts) packed into large blocks, each string addressed by one 64-bit reference.
// A QString per cell costs a heap block with a 16-byte header, malloc's own overhead and two bytes a
// character; at a million contracts (six million records) the keys and texts held that way were
// about 1.3 GB, packed UTF-8 is a fifth of it. Blocks are never moved, so a string_view stays valid
// for the arena's lifetime, and growing never copies what is already stored.
#pragma once

#include <QString>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace cidadao::engine {

class Utf8Arena
{
public:
    using Ref = std::uint64_t;

    Utf8Arena() = default;
    Utf8Arena(Utf8Arena&&) noexcept = default;
    Utf8Arena& operator=(Utf8Arena&&) noexcept = default;
    Utf8Arena(const Utf8Arena& other);
    Utf8Arena& operator=(const Utf8Arena& other);

    Ref append(std::string_view bytes);
    std::string_view view(Ref ref) const
    {
        const char* p = m_blocks[ref >> 32].data.get() + (ref & 0xFFFFFFFFu);
        std::size_t length = 0;
        int shift = 0;
        for (;;) {
            const auto byte = static_cast<unsigned char>(*p++);
            length |= std::size_t(byte & 0x7F) << shift;
            if (byte < 0x80)
                break;
            shift += 7;
        }
        return {p, length};
    }
    // Bytes held (blocks allocated), for memory accounting.
    std::size_t capacityBytes() const;

private:
    struct Block
    {
        std::unique_ptr<char[]> data;
        std::size_t size = 0;
        std::size_t capacity = 0;
    };
    std::vector<Block> m_blocks;
};

// Decoding helpers shared by the pool and the text columns.
inline QString fromUtf8(std::string_view bytes)
{
    return bytes.empty() ? QString() : QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}
// True when bytes are well-formed UTF-8 (what QString::fromUtf8 decodes without replacement).
bool isValidUtf8(std::string_view bytes);

// A column of free text (object descriptions, notes) stored as UTF-8 in an arena. Reads as a
// vector<QString> did for the code that shows a text (operator[] decodes a copy); the detectors that
// scan every row read utf8(i) and never build a QString.
class TextColumn
{
public:
    void push_back(QStringView text);
    void pushUtf8(std::string_view bytes);
    QString operator[](std::size_t row) const { return fromUtf8(utf8(row)); }
    std::string_view utf8(std::size_t row) const
    {
        const Utf8Arena::Ref ref = m_refs[row];
        return ref == kEmpty ? std::string_view() : m_arena.view(ref);
    }
    std::size_t size() const { return m_refs.size(); }
    bool empty() const { return m_refs.empty(); }
    void reserve(std::size_t rows) { m_refs.reserve(rows); }
    std::size_t memoryBytes() const { return m_arena.capacityBytes() + m_refs.capacity() * sizeof(Utf8Arena::Ref); }

private:
    static constexpr Utf8Arena::Ref kEmpty = ~Utf8Arena::Ref(0);
    Utf8Arena m_arena;
    std::vector<Utf8Arena::Ref> m_refs;
};

} // namespace cidadao::engine
