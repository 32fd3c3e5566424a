// SPDX-License-Identifier: GPL-3.0-or-later
// Interned strings: each distinct text stored once, code 0 is always the empty string. The index is
// an open-addressing table of codes (4 bytes a slot) rather than a QHash of QString keys, and it can
// be probed with UTF-8 bytes straight from SQLite: the loader interns tens of millions of cells, and
// with a QHash every lookup would build a QString and every distinct text would cost a hash node
// besides its value (at a million contracts that was about a gigabyte).
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cidadao::engine {

class StringPool
{
public:
    StringPool();

    std::uint32_t intern(const QString& text);
    // Same as intern(QString::fromUtf8(utf8)), without building a QString when the text is known.
    std::uint32_t internUtf8(std::string_view utf8);
    // For texts that are distinct by construction (a record's natural key): stored without an index
    // entry, so they cost no slot and no lookup. find()/intern() do not see them: interning the same
    // text later gives another code. Never use it for a value that is grouped by code.
    std::uint32_t appendUtf8Unique(std::string_view utf8);

    const QString& at(std::uint32_t code) const { return m_values[code]; }
    // The code of text, or UINT32_MAX when it was never interned.
    std::uint32_t find(const QString& text) const;
    std::size_t size() const { return m_values.size(); }
    // Room for n more texts in the value arrays (the loader knows each table's row count).
    void reserve(std::size_t n);

private:
    std::uint32_t findSlot(QStringView text, std::size_t hash, bool& found) const;
    std::uint32_t add(QString text, std::size_t hash);
    void grow(std::size_t capacity);

    std::vector<QString> m_values;
    std::vector<std::uint32_t> m_slots; // code + 1; 0 = empty. Size: a power of two
    std::vector<std::uint32_t> m_hashes; // low 32 bits of each code's hash (0 for unindexed codes)
    std::size_t m_indexed = 0;
    std::u16string m_scratch; // UTF-8 → UTF-16 conversion buffer for internUtf8
};

} // namespace cidadao::engine
