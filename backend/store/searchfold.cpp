// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/searchfold.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>

namespace cidadao::store {

namespace {

// Folding of U+00A0..U+00FF: the ASCII letter it is read as, or 0 for "not a letter".
constexpr std::array<char, 96> kLatin1Fold = {
    // A0..AF: nbsp ¡ ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ shy ® ¯
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'a', 0, 0, 0, 0, 0,
    // B0..BF: ° ± ² ³ ´ µ ¶ · ¸ ¹ º » ¼ ½ ¾ ¿
    0, 0, '2', '3', 0, 'u', 0, 0, 0, '1', 'o', 0, 0, 0, 0, 0,
    // C0..CF: À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
    // D0..DF: Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0, 'o', 'u', 'u', 'u', 'u', 'y', 0, 's',
    // E0..EF
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
    // F0..FF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0, 'o', 'u', 'u', 'u', 'u', 'y', 0, 'y',
};

// ASCII folded for search: letters to lower case, digits kept, everything else a separator (0).
constexpr std::array<char, 128> kAsciiFold = [] {
    std::array<char, 128> table{};
    for (int c = '0'; c <= '9'; ++c)
        table[std::size_t(c)] = char(c);
    for (int c = 'a'; c <= 'z'; ++c)
        table[std::size_t(c)] = char(c);
    for (int c = 'A'; c <= 'Z'; ++c)
        table[std::size_t(c)] = char(c - 'A' + 'a');
    return table;
}();


void searchFold(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    std::string out;
    for (int i = 0; i < argc; ++i) {
        if (sqlite3_value_type(argv[i]) != SQLITE_TEXT)
            continue;
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[i]));
        const std::string_view utf8(text, std::size_t(sqlite3_value_bytes(argv[i])));
        if (!out.empty())
            out.push_back(' ');
        const std::size_t before = out.size();
        appendFoldedUtf8(out, utf8, 0);
        if (out.size() == before && before > 0)
            out.pop_back();   // the field folded to nothing: no separator for it
    }
    if (out.empty())
        sqlite3_result_null(context);
    else
        sqlite3_result_text(context, out.data(), int(out.size()), SQLITE_TRANSIENT);
}

} // namespace

void appendFoldedUtf8(std::string& out, std::string_view utf8, std::size_t start)
{
    // Written through a pointer into room made once (the importers fold every row: push_back per byte
    // was a fifth of the parse). Each input byte gives at most one output byte, and a separator space
    // is only written for input bytes that gave none, so the input's size (+1) is always room enough.
    const std::size_t base = out.size();
    out.resize(base + utf8.size() + 1);
    char* const begin = out.data();
    char* const first = begin + std::min(start, base);
    char* write = begin + base;
    // Separators collapse into one space and are never leading or trailing.
    bool pendingSpace = false;
    auto put = [&](char c) {
        if (pendingSpace && write != first && write[-1] != ' ')
            *write++ = ' ';
        pendingSpace = false;
        *write++ = c;
    };
    const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
    const std::size_t size = utf8.size();
    for (std::size_t i = 0; i < size; ++i) {
        const unsigned char c = bytes[i];
        if (c < 0x80) {
            const char folded = kAsciiFold[c];
            if (!folded) {
                pendingSpace = true;
                continue;
            }
            put(folded);
            // The rest of an ASCII word in a tight loop: most of a record's text (searches fold every
            // scanned row now that search_text is not stored, so this loop is the search's cost).
            while (i + 1 < size && bytes[i + 1] < 0x80) {
                const char more = kAsciiFold[bytes[i + 1]];
                if (!more)
                    break;
                *write++ = more;
                ++i;
            }
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < size) {
            const unsigned char next = bytes[i + 1];
            const unsigned code = ((c & 0x1Fu) << 6) | (next & 0x3Fu);
            ++i;
            const char folded = code >= 0xA0 ? kLatin1Fold[code - 0xA0] : 0;
            if (folded)
                put(folded);
            else
                pendingSpace = true;
        } else {
            // Outside Latin-1 (or a stray byte): kept as it is, so that searching for it still works.
            std::size_t length = 1;
            if ((c & 0xE0) == 0xC0)
                length = 2;
            else if ((c & 0xF0) == 0xE0)
                length = 3;
            else if ((c & 0xF8) == 0xF0)
                length = 4;
            length = std::min(length, size - i);
            for (std::size_t k = 0; k < length; ++k)
                put(char(bytes[i + k]));
            i += length - 1;
        }
    }
    out.resize(std::size_t(write - begin));
}

void registerSearchFold(sqlite3* db)
{
    // Deterministic (a generated column requires it) and innocuous (no side effects), so that the
    // schema may use it whatever trusted_schema says.
    sqlite3_create_function_v2(db, "search_fold", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                               &searchFold, nullptr, nullptr, nullptr);
}

} // namespace cidadao::store
