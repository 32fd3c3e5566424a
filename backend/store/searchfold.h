// SPDX-License-Identifier: GPL-3.0-or-later
// The folding that record search compares with (lower case, accents removed, separators collapsed to
// one space), and search_fold, the SQL function that makes a record's searchable text of its columns.
// In the store because searches call it in SQL (data::searchTextSql; the imports stopped storing the
// folded text in search_text): every connection must know the function, and Database::open registers it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

struct sqlite3;

namespace cidadao::store {

// Appends utf8 folded for search to out: ASCII letters lower-cased, Latin-1 letters to their ASCII
// base ("Ç" → "c"), digits kept, every other ASCII or Latin-1 character a separator; separators
// collapse into one space, never leading (from out[start]) or trailing. Characters outside Latin-1
// are kept as they are, so that searching for them still works.
void appendFoldedUtf8(std::string& out, std::string_view utf8, std::size_t start = 0);

// Registers search_fold(a, b, ...) on a connection: the folded TEXT arguments joined by one space
// (arguments that are not text, or fold to nothing, are skipped); NULL when nothing is left.
void registerSearchFold(sqlite3* db);

} // namespace cidadao::store
