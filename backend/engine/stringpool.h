// SPDX-License-Identifier: GPL-3.0-or-later
// Interned strings: each distinct text stored once, code 0 is always the empty string. Texts are kept
// as UTF-8 in an arena (Utf8Arena) and indexed by an open-addressing table of codes (4 bytes a
// slot), probed with the UTF-8 bytes straight from SQLite: the loader interns tens of millions of
// cells, so a lookup is one hash of a few bytes and one memcmp, never a QString. At a million
// contracts (six million records) the QString-per-text pool this replaced held about 1 GB; the arena
// holds the same texts in about 200 MB, and loading no longer converts every cell to UTF-16.
#pragma once

#include "engine/utf8arena.h"

#include <QString>
#include <QStringView>

#include <cstdint>
#include <string_view>
#include <vector>

namespace cidadao::engine {

class StringPool
{
public:
    StringPool();

    std::uint32_t intern(QStringView text);
    // Same as intern(QString::fromUtf8(utf8)), without building a QString.
    std::uint32_t internUtf8(std::string_view utf8);
    // Interning in two steps, so that a caller holding several texts (the loader, with a row's code
    // columns) starts the memory reads of all of them before it waits on any: hint() hashes the text and
    // prefetches its slot, internUtf8(text, hint) finishes. The pool may change between the two.
    struct Hint
    {
        std::uint32_t tag = 0;
    };
    Hint hint(std::string_view utf8) const;
    std::uint32_t internUtf8(std::string_view utf8, Hint hint);
    // For texts that are distinct by construction (a record's natural key): stored without an index
    // entry, so they cost no slot and no lookup. find()/intern() do not see them: interning the same
    // text later gives another code. Never use it for a value that is grouped by code.
    std::uint32_t appendUtf8Unique(std::string_view utf8);

    // Adds every text of other, in other's code order, as interning (or, for other's unique texts,
    // appending) them here one by one would; returns the code here of each of other's codes. A pool
    // filled on another thread merges in at the cost of its distinct texts, not of its cells, and the
    // codes come out as if everything had been interned here in that order.
    std::vector<std::uint32_t> absorb(const StringPool& other);

    // The text of a code, decoded on each call (callers show texts; scans compare codes or utf8()).
    QString at(std::uint32_t code) const { return fromUtf8(utf8(code)); }
    std::string_view utf8(std::uint32_t code) const { return code == 0 ? std::string_view() : m_arena.view(m_refs[code]); }
    // The code of text, or UINT32_MAX when it was never interned.
    std::uint32_t find(QStringView text) const;
    std::size_t size() const { return m_refs.size(); }
    // Room for n more texts (the loader knows each table's row count).
    void reserve(std::size_t n);
    // Bytes held by the texts and the index, for memory accounting.
    std::size_t memoryBytes() const;

private:
    std::uint32_t findSlot(std::string_view text, std::uint32_t tag, bool& found) const;
    std::uint32_t add(std::string_view text, std::uint32_t tag);
    void grow(std::size_t capacity);

    Utf8Arena m_arena;
    std::vector<Utf8Arena::Ref> m_refs;  // per code
    // Slot: (hash | 1) << 32 | (code + 1); 0 = empty. Size: a power of two. The hash beside the code
    // settles most probes in the slot's own cache line: the loader probes tens of millions of cells,
    // and a separate per-code hash array cost a cache miss per probe (a third of loading).
    std::vector<std::uint64_t> m_slots;
    std::vector<std::uint32_t> m_hashes; // per code: hash | 1 (0 for unindexed codes), to rebuild the slots
    std::size_t m_indexed = 0;
};

} // namespace cidadao::engine
